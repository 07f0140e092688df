/* PCI on EFI: every device the firmware's PCI bus driver published as a
 * PciIo handle, read through that PciIo. */
#include <stdlib.h>
#include "../firmware/platform.h"
#include "efi_platform.h"

struct efi_pci_device {
	struct pci_location loc;
	EFI_PCI_IO_PROTOCOL *io;
};

static struct efi_pci_device *devices;
static UINTN device_count;

static int by_location(const void *a, const void *b)
{
	const struct pci_location *x = &((const struct efi_pci_device *)a)->loc;
	const struct pci_location *y = &((const struct efi_pci_device *)b)->loc;
	uint32_t kx = ((uint32_t)x->segment << 16) | (x->bus << 8) | (x->dev << 3) | x->fn;
	uint32_t ky = ((uint32_t)y->segment << 16) | (y->bus << 8) | (y->dev << 3) | y->fn;
	return kx < ky ? -1 : kx > ky;
}

/* Builds the table once; PCI devices do not come and go while we run. */
static void find_devices(void)
{
	EFI_GUID pci_guid = EFI_PCI_IO_PROTOCOL_GUID;
	EFI_HANDLE *handles;
	UINTN count;

	if (devices)
		return;
	count = efi_handles_with(&pci_guid, &handles);
	devices = calloc(count ? count : 1, sizeof(*devices));
	if (!devices) {
		if (count)
			efi_bs->FreePool(handles);
		return;
	}
	for (UINTN i = 0; i < count; i++) {
		EFI_PCI_IO_PROTOCOL *io;
		UINTN s, b, d, f;
		if (efi_bs->HandleProtocol(handles[i], &pci_guid, (void **)&io) != EFI_SUCCESS ||
		    io->GetLocation(io, &s, &b, &d, &f) != EFI_SUCCESS)
			continue;
		struct efi_pci_device *dev = &devices[device_count++];
		dev->loc = (struct pci_location){ (uint16_t)s, (uint8_t)b, (uint8_t)d, (uint8_t)f };
		dev->io = io;
	}
	if (count)
		efi_bs->FreePool(handles);
	qsort(devices, device_count, sizeof(*devices), by_location);
}

void platform_pci_enumerate(pci_visit_fn *visit, void *ctx)
{
	find_devices();
	for (UINTN i = 0; i < device_count; i++)
		visit(&devices[i].loc, ctx);
}

bool platform_pci_config_read(const struct pci_location *loc, unsigned offset, unsigned width,
			      uint32_t *value)
{
	EFI_PCI_IO_PROTOCOL_WIDTH w = width == 1 ? EfiPciIoWidthUint8 :
				      width == 2 ? EfiPciIoWidthUint16 : EfiPciIoWidthUint32;
	find_devices();
	for (UINTN i = 0; i < device_count; i++) {
		const struct pci_location *l = &devices[i].loc;
		if (l->segment != loc->segment || l->bus != loc->bus || l->dev != loc->dev ||
		    l->fn != loc->fn)
			continue;
		*value = 0;
		return devices[i].io->Pci.Read(devices[i].io, w, offset, 1, value) == EFI_SUCCESS;
	}
	return false;
}
