/* PCI on EFI: every device the firmware's PCI bus driver published as a
 * PciIo handle, read and written through that PciIo; native drivers claim
 * a function by disconnecting the firmware's drivers from it. */
#include <stdio.h>
#include <stdlib.h>
#include "../firmware/platform.h"
#include "efi_platform.h"

struct efi_pci_device {
	struct pci_location loc;
	EFI_HANDLE handle;
	EFI_PCI_IO_PROTOCOL *io;
	BOOLEAN claimed;         /* disconnected from the firmware's drivers by us */
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
		dev->handle = handles[i];
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

static struct efi_pci_device *device_at(const struct pci_location *loc)
{
	find_devices();
	for (UINTN i = 0; i < device_count; i++) {
		const struct pci_location *l = &devices[i].loc;
		if (l->segment == loc->segment && l->bus == loc->bus && l->dev == loc->dev &&
		    l->fn == loc->fn)
			return &devices[i];
	}
	return NULL;
}

EFI_PCI_IO_PROTOCOL *efi_pci_io_at(const struct pci_location *loc)
{
	struct efi_pci_device *d = loc ? device_at(loc) : NULL;
	return d ? d->io : NULL;
}

static EFI_PCI_IO_PROTOCOL_WIDTH io_width(unsigned width)
{
	return width == 1 ? EfiPciIoWidthUint8 : width == 2 ? EfiPciIoWidthUint16 : EfiPciIoWidthUint32;
}

bool platform_pci_config_read(const struct pci_location *loc, unsigned offset, unsigned width,
			      uint32_t *value)
{
	struct efi_pci_device *d = device_at(loc);
	*value = 0;
	return d && d->io->Pci.Read(d->io, io_width(width), offset, 1, value) == EFI_SUCCESS;
}

bool platform_pci_config_write(const struct pci_location *loc, unsigned offset, unsigned width,
			       uint32_t value)
{
	struct efi_pci_device *d = device_at(loc);
	return d && d->io->Pci.Write(d->io, io_width(width), offset, 1, &value) == EFI_SUCCESS;
}

/* ConnectController lets the firmware's drivers bind again (recursively:
 * the NIC driver, then SNP and the network stack above it). */
static void release(struct efi_pci_device *d)
{
	if (!d->claimed)
		return;
	d->claimed = FALSE;
	efi_bs->ConnectController(d->handle, NULL, NULL, TRUE);
}

bool platform_pci_claim(const struct pci_location *loc, char *why, size_t why_size)
{
	struct efi_pci_device *d = device_at(loc);
	EFI_STATUS status;

	if (!d) {
		snprintf(why, why_size, "no PciIo for this function");
		return false;
	}
	/* The firmware's SNP/UNDI driver lets go of the NIC; ours takes it. */
	status = efi_bs->DisconnectController(d->handle, NULL, NULL);
	if (status != EFI_SUCCESS && status != EFI_NOT_FOUND) {
		snprintf(why, why_size, "the firmware's driver would not let go of it: %s",
			 efi_strerror(status));
		/* Some of its drivers may have let go: bind them all again. */
		efi_bs->ConnectController(d->handle, NULL, NULL, TRUE);
		return false;
	}
	d->claimed = TRUE;
	/* Only what the function has: asking for I/O decoding on a device
	 * without I/O BARs fails on some firmware. */
	UINT64 supported = 0;
	d->io->Attributes(d->io, EfiPciIoAttributeOperationSupported, 0, &supported);
	supported &= EFI_PCI_IO_ATTRIBUTE_IO | EFI_PCI_IO_ATTRIBUTE_MEMORY |
		     EFI_PCI_IO_ATTRIBUTE_BUS_MASTER;
	status = d->io->Attributes(d->io, EfiPciIoAttributeOperationEnable, supported, NULL);
	if (status != EFI_SUCCESS) {
		snprintf(why, why_size, "cannot enable decoding and bus mastering: %s",
			 efi_strerror(status));
		/* Not ours after all: the firmware's driver gets it back. */
		release(d);
		return false;
	}
	return true;
}

void platform_pci_release(const struct pci_location *loc)
{
	struct efi_pci_device *d = device_at(loc);
	if (d)
		release(d);
}

void platform_pci_release_all(void)
{
	for (UINTN i = 0; i < device_count; i++)
		release(&devices[i]);
}
