/* Starting an image from memory: a handle that names where it came from
 * (the boot device's path, then the image's URI) and carries the file
 * system of downloaded images; LoadImage with that path plus the file
 * name; the command line as UCS-2 load options; StartImage. Whatever
 * the program does, everything installed here is removed again when it
 * returns, so the script can carry on. */
#include <stdlib.h>
#include <string.h>
#include "../firmware/console.h"
#include "../firmware/image_cmdline.h"
#include "efi_exec.h"

static EFI_GUID dp_guid = EFI_DEVICE_PATH_PROTOCOL_GUID;
static EFI_GUID loaded_guid = EFI_LOADED_IMAGE_PROTOCOL_GUID;

/* What a program left in its exit data: a UCS-2 string by convention. */
static void print_exit_data(CHAR16 *data, UINTN size)
{
	char text[160];
	UINTN n = 0;
	for (UINTN i = 0; i < size / 2 && data[i] && n < sizeof(text) - 1; i++)
		text[n++] = data[i] < 0x80 && data[i] >= 0x20 ? (char)data[i] : '?';
	text[n] = '\0';
	if (n)
		console_printf("  it said: %s\n", text);
}

/* LoadImage, load options, StartImage; -1 or the program's status. */
static int load_and_start(struct image *img, EFI_HANDLE device, EFI_DEVICE_PATH *file_path,
			  const char *cmdline)
{
	EFI_HANDLE handle = NULL;
	EFI_LOADED_IMAGE *loaded;
	EFI_STATUS status;
	CHAR16 *exit_data = NULL;
	UINTN exit_size = 0, units = utf8_to_ucs2(cmdline, NULL, 0) + 1;
	CHAR16 *options = malloc(units * sizeof(CHAR16));

	if (!options) {
		console_printf("%s: out of memory for the command line\n", img->name);
		return -1;
	}
	utf8_to_ucs2(cmdline, (uint16_t *)options, units);
	status = efi_bs->LoadImage(FALSE, efi_image_handle, file_path, img->data, img->len,
				   &handle);
	if (status != EFI_SUCCESS) {
		console_printf("%s: the firmware would not load it: %s%s\n", img->name,
			       efi_strerror(status), status == EFI_SECURITY_VIOLATION ?
			       " (Secure Boot refuses unsigned programs: turn it off, or chain "
			       "a signed shim)" : "");
		free(options);
		return -1;
	}
	if (efi_bs->HandleProtocol(handle, &loaded_guid, (void **)&loaded) != EFI_SUCCESS) {
		console_printf("%s: the firmware loaded it but gives no loaded-image protocol\n",
			       img->name);
		efi_bs->UnloadImage(handle);
		free(options);
		return -1;
	}
	/* Some older firmware leaves the device out when loading from memory. */
	if (!loaded->DeviceHandle)
		loaded->DeviceHandle = device;
	loaded->LoadOptions = options;
	loaded->LoadOptionsSize = (UINT32)(units * sizeof(CHAR16));

	status = efi_bs->StartImage(handle, &exit_size, &exit_data);
	if (status != EFI_SUCCESS) {
		console_printf("%s: returned with an error: %s\n", img->name, efi_strerror(status));
		if (exit_data) {
			print_exit_data(exit_data, exit_size);
			efi_bs->FreePool(exit_data);
		}
		/* Unloads it if it never started; harmless if it had exited. */
		efi_bs->UnloadImage(handle);
	}
	free(options);
	return status == EFI_SUCCESS ? 0 : -1;
}

int efi_exec_start(struct image *img, const char *cmdline)
{
	EFI_HANDLE device = NULL;
	EFI_DEVICE_PATH *dev_path = NULL, *file_path = NULL;
	void *uri_node = efi_path_uri_node(img->uri), *file_node = efi_path_file_node(img->name);
	EFI_STATUS status;
	int rc = -1;

	if (uri_node)
		dev_path = efi_path_append(efi_path_of_boot_device(), uri_node);
	if (dev_path && file_node)
		file_path = efi_path_append(dev_path, file_node);
	if (!file_path) {
		console_printf("%s: out of memory for its device path\n", img->name);
		goto out;
	}
	status = efi_bs->InstallProtocolInterface(&device, &dp_guid, EFI_NATIVE_INTERFACE,
						  dev_path);
	if (status != EFI_SUCCESS) {
		console_printf("%s: cannot make a device handle for it: %s\n", img->name,
			       efi_strerror(status));
		goto out;
	}
	status = efi_file_install(device);
	if (status != EFI_SUCCESS) {
		console_printf("%s: cannot offer the downloaded files to it: %s\n", img->name,
			       efi_strerror(status));
		status = EFI_SUCCESS;
	} else {
		rc = load_and_start(img, device, file_path, cmdline);
		status = efi_file_uninstall(device);
	}
	if (status == EFI_SUCCESS)
		status = efi_bs->UninstallProtocolInterface(device, &dp_guid, dev_path);
	if (status != EFI_SUCCESS) {
		/* Something still holds them open: keep the memory rather than free it. */
		console_printf("%s: its device handle is still in use (%s); leaving it\n",
			       img->name, efi_strerror(status));
		dev_path = NULL;
	}
out:
	free(file_path);
	free(dev_path);
	free(uri_node);
	free(file_node);
	return rc;
}
