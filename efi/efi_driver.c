/* bootnet as a UEFI boot-service driver, the program inside
 * bin/bootnet.efirom (entry point in efi_driver_entry.c; UEFI spec, "UEFI
 * Driver Model" and "Load File Protocol").
 *
 * The firmware's PCI bus driver starts the driver from the NIC's option ROM;
 * its entry point only installs a Driver Binding. Start(), for the NIC it
 * is for, makes a child handle with a device path under the NIC and a Load
 * File protocol: the firmware's boot manager makes a boot option of every
 * such handle. Booting it calls LoadFile(), which runs bootnet (the same
 * core as the application: device report, DHCP, autoboot or the shell) and
 * then tells the boot manager that no file came of it, so the boot manager
 * goes on with the next option. It runs once per boot: booted again, the
 * option says so and returns.
 *
 * The NIC is "ours" when it has the PCI vendor:device the ROM was built for
 * or is the device whose ROM the driver was loaded
 * from: so `tools/mkefirom --vendor --device` retargets a ROM without a
 * rebuild. PciIo is only looked at, never opened BY_DRIVER: the firmware's
 * own NIC driver (SNP, which bootnet drives) keeps the device. */
#include <stdlib.h>
#include <string.h>
#include "../firmware/console.h"
#include "efi_exec.h"
#include "efi_platform.h"

#define MAX_NICS 8

static EFI_GUID pci_guid = EFI_PCI_IO_PROTOCOL_GUID;
static EFI_GUID dp_guid = DEVICE_PATH_PROTOCOL;
static EFI_GUID load_file_guid = EFI_LOAD_FILE_PROTOCOL_GUID;
static EFI_GUID loaded_guid = EFI_LOADED_IMAGE_PROTOCOL_GUID;
static EFI_GUID binding_guid = DRIVER_BINDING_PROTOCOL;

/* The node after the NIC's own path on the child: a vendor hardware node
 * naming bootnet (GUID made for bootnet). */
static const VENDOR_DEVICE_PATH bootnet_node = {
	.Header = { HARDWARE_DEVICE_PATH, HW_VENDOR_DP,
		    { sizeof(VENDOR_DEVICE_PATH), 0 } },
	.Guid = { 0x6b6f6f62, 0x656e, 0x4174, { 0x9a, 0x2d, 0x62, 0x6f, 0x6f, 0x74, 0x6e, 0x74 } },
};

/* One NIC the driver started on. */
struct nic_child {
	EFI_HANDLE controller;
	EFI_HANDLE child;
	EFI_DEVICE_PATH *path;
	EFI_LOAD_FILE_PROTOCOL load_file;
};
static struct nic_child nics[MAX_NICS];
static BOOLEAN running, has_run;
static UINT16 rom_vendor, rom_device;

static struct nic_child *nic_of(EFI_HANDLE controller)
{
	for (int i = 0; i < MAX_NICS; i++)
		if (nics[i].controller == controller)
			return &nics[i];
	return NULL;
}

/* Whether controller is a PCI function this driver is for. */
static BOOLEAN is_our_nic(EFI_HANDLE controller)
{
	EFI_PCI_IO_PROTOCOL *io;
	EFI_LOADED_IMAGE *li;
	UINT16 ids[2];
	if (efi_bs->OpenProtocol(controller, &pci_guid, (void **)&io, efi_image_handle, controller,
				 EFI_OPEN_PROTOCOL_GET_PROTOCOL) != EFI_SUCCESS)
		return FALSE;
	if (efi_bs->HandleProtocol(efi_image_handle, &loaded_guid, (void **)&li) == EFI_SUCCESS &&
	    li->DeviceHandle == controller)
		return TRUE;
	if (io->Pci.Read(io, EfiPciIoWidthUint16, 0, 2, ids) != EFI_SUCCESS)
		return FALSE;
	return ids[0] == rom_vendor && ids[1] == rom_device;
}

static EFI_STATUS EFIAPI binding_supported(EFI_DRIVER_BINDING_PROTOCOL *this,
					   EFI_HANDLE controller, EFI_DEVICE_PATH *remaining)
{
	(void)this, (void)remaining;
	if (nic_of(controller))
		return EFI_ALREADY_STARTED;
	return is_our_nic(controller) ? EFI_SUCCESS : EFI_UNSUPPORTED;
}

/* Runs bootnet. A boot manager asks first for the size of the file
 * (Buffer NULL): bootnet runs then, and there is no file to give. */
static EFI_STATUS EFIAPI load_file(EFI_LOAD_FILE_PROTOCOL *this, EFI_DEVICE_PATH *path,
				   BOOLEAN boot_policy, UINTN *size, VOID *buffer)
{
	(void)this, (void)path, (void)boot_policy, (void)buffer;
	if (!size)
		return EFI_INVALID_PARAMETER;
	if (running)
		return EFI_ALREADY_STARTED; /* an image bootnet started asked again */
	if (has_run) {
		/* The core keeps its network state (netdevs, lwIP interfaces)
		 * for one run per image: a second run would find them closed. */
		console_puts("bootnet already ran from this option ROM since the machine started:"
			     " restart the machine to run it again.\n");
		return EFI_NOT_FOUND;
	}
	running = has_run = TRUE;
	efi_run_bootnet();
	running = FALSE;
	*size = 0;
	return EFI_NOT_FOUND;
}

static EFI_STATUS EFIAPI binding_start(EFI_DRIVER_BINDING_PROTOCOL *this,
				       EFI_HANDLE controller, EFI_DEVICE_PATH *remaining)
{
	struct nic_child *nic = nic_of(NULL);
	EFI_DEVICE_PATH *parent;
	EFI_STATUS status;
	(void)this, (void)remaining;
	if (!nic)
		return EFI_OUT_OF_RESOURCES;
	if (efi_bs->HandleProtocol(controller, &dp_guid, (void **)&parent) != EFI_SUCCESS)
		return EFI_UNSUPPORTED;
	nic->path = efi_path_append(parent, &bootnet_node);
	if (!nic->path)
		return EFI_OUT_OF_RESOURCES;
	nic->load_file.LoadFile = load_file;
	nic->child = NULL;
	status = efi_bs->InstallMultipleProtocolInterfaces(&nic->child, &dp_guid, nic->path,
							   &load_file_guid, &nic->load_file, NULL);
	if (status != EFI_SUCCESS) {
		free(nic->path);
		return status;
	}
	nic->controller = controller;
	return EFI_SUCCESS;
}

static EFI_STATUS EFIAPI binding_stop(EFI_DRIVER_BINDING_PROTOCOL *this, EFI_HANDLE controller,
				      UINTN children, EFI_HANDLE *child_handles)
{
	struct nic_child *nic = nic_of(controller);
	EFI_STATUS status;
	(void)this, (void)children, (void)child_handles;
	if (!nic)
		return EFI_SUCCESS;
	if (running)
		return EFI_DEVICE_ERROR; /* bootnet is running from it */
	status = efi_bs->UninstallMultipleProtocolInterfaces(nic->child, &dp_guid, nic->path,
							     &load_file_guid, &nic->load_file, NULL);
	if (status != EFI_SUCCESS)
		return status;
	free(nic->path);
	memset(nic, 0, sizeof(*nic));
	return EFI_SUCCESS;
}

static EFI_DRIVER_BINDING_PROTOCOL binding = {
	.Supported = binding_supported,
	.Start = binding_start,
	.Stop = binding_stop,
	.Version = 0x10,
};

EFI_STATUS efi_driver_install(UINT16 vendor, UINT16 device)
{
	rom_vendor = vendor;
	rom_device = device;
	binding.ImageHandle = efi_image_handle;
	binding.DriverBindingHandle = efi_image_handle;
	return efi_bs->InstallProtocolInterface(&binding.DriverBindingHandle, &binding_guid,
						EFI_NATIVE_INTERFACE, &binding);
}
