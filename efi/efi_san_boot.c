/* Booting from a SAN disk on EFI: the file systems the firmware found on
 * the disk (handles whose device path starts with the disk's), the loader
 * on the first that has it (\EFI\BOOT\BOOTX64.EFI, or --filename) loaded
 * by the firmware from there, and started. The network stays open: the
 * program reads the disk through bootnet while it runs. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "../firmware/console.h"
#include "efi_exec.h"
#include "efi_san.h"

static EFI_GUID fs_guid = EFI_SIMPLE_FILE_SYSTEM_PROTOCOL_GUID;

static const char *default_loader(void)
{
#if defined(__x86_64__)
	return "\\EFI\\BOOT\\BOOTX64.EFI";
#else
	return "\\EFI\\BOOT\\BOOTIA32.EFI";
#endif
}

/* Whether path starts with prefix (both ended by an end node). */
static bool path_starts_with(const EFI_DEVICE_PATH *path, const EFI_DEVICE_PATH *prefix)
{
	UINTN n = efi_path_len(prefix);
	return n && efi_path_len(path) >= n && memcmp(path, prefix, n) == 0;
}

/* "\EFI\BOOT\X.EFI" from "/EFI/BOOT/X.EFI" or "EFI/BOOT/X.EFI". */
static char *firmware_file_name(const char *name)
{
	char *out = malloc(strlen(name) + 2), *p = out;
	if (!out)
		return NULL;
	if (name[0] != '/' && name[0] != '\\')
		*p++ = '\\';
	for (; *name; name++)
		*p++ = *name == '/' ? '\\' : *name;
	*p = '\0';
	return out;
}

/* Loads file from one of the disk's file systems; the image handle, or
 * NULL with why in disk->error. */
static EFI_HANDLE load_loader(struct efi_san *s, const char *file)
{
	EFI_HANDLE *handles, image = NULL;
	EFI_STATUS status, last = EFI_NOT_FOUND;
	UINTN n = efi_handles_with(&fs_guid, &handles), systems = 0;
	void *node = efi_path_file_node(file);

	for (UINTN i = 0; node && i < n && !image; i++) {
		EFI_DEVICE_PATH *dp = efi_device_path_of(handles[i]), *full;
		if (!dp || !path_starts_with(dp, s->path))
			continue;
		systems++;
		full = efi_path_append(dp, node);
		if (!full)
			break;
		status = efi_bs->LoadImage(FALSE, efi_image_handle, full, NULL, 0, &image);
		free(full);
		if (status != EFI_SUCCESS) {
			image = NULL;
			last = status;
		}
	}
	if (n)
		efi_bs->FreePool(handles);
	free(node);
	if (image)
		return image;
	if (!systems)
		snprintf(s->disk->error, sizeof(s->disk->error),
			 "the firmware found no file system on it (no EFI system partition: is it "
			 "a bootable disk?)");
	else if (last == EFI_NOT_FOUND)
		snprintf(s->disk->error, sizeof(s->disk->error), "no %s on its file system%s", file,
			 systems > 1 ? "s" : "");
	else
		snprintf(s->disk->error, sizeof(s->disk->error),
			 "the firmware would not load %s from it: %s%s", file, efi_strerror(last),
			 last == EFI_SECURITY_VIOLATION ? " (Secure Boot refuses it)" : "");
	return NULL;
}

int platform_san_boot(struct san_disk *disk, const char *filename)
{
	struct efi_san *s = disk->platform;
	EFI_HANDLE image;
	EFI_STATUS status;
	UINTN exit_size = 0;
	CHAR16 *exit_data = NULL;
	char *file;

	if (!s) {
		snprintf(disk->error, sizeof(disk->error), "it is not attached");
		return -1;
	}
	file = firmware_file_name(filename ? filename : default_loader());
	if (!file) {
		snprintf(disk->error, sizeof(disk->error), "out of memory");
		return -1;
	}
	image = load_loader(s, file);
	if (!image) {
		free(file);
		return -1;
	}
	console_printf("Starting %s from SAN device 0x%02x\n", file, disk->drive);
	status = efi_bs->StartImage(image, &exit_size, &exit_data);
	if (exit_data)
		efi_bs->FreePool(exit_data);
	if (status != EFI_SUCCESS) {
		snprintf(disk->error, sizeof(disk->error), "%s returned with an error: %s", file,
			 efi_strerror(status));
		efi_bs->UnloadImage(image);
		free(file);
		return -1;
	}
	console_printf("%s returned\n", file);
	free(file);
	return 0;
}
