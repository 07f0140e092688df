/* The initrd for Linux 5.8 and later: a handle whose device path is only
 * the vendor media node LINUX_EFI_INITRD_MEDIA_GUID, with LoadFile2. The
 * kernel's EFI stub finds it, asks for the size, then for the bytes (see
 * the Linux EFI stub documentation). The bytes are built on request from
 * the registered images, so nothing is copied twice. */
#include <string.h>
#include "../firmware/image_initrd.h"
#include "efi_exec.h"

#define LOAD_FILE2_PROTOCOL_GUID \
	{ 0x4006c0c1, 0xfcb3, 0x403e, { 0x99, 0x6d, 0x4a, 0x6c, 0x87, 0x24, 0xe0, 0x6d } }
#define LINUX_EFI_INITRD_MEDIA_GUID \
	{ 0x5568e427, 0x68fc, 0x4f3d, { 0xac, 0x74, 0xca, 0x55, 0x52, 0x31, 0xcc, 0x68 } }

static EFI_GUID load_file2_guid = LOAD_FILE2_PROTOCOL_GUID;
static EFI_GUID dp_guid = EFI_DEVICE_PATH_PROTOCOL_GUID;

static struct {
	VENDOR_DEVICE_PATH vendor;
	EFI_DEVICE_PATH end;
} __attribute__((packed)) initrd_path = {
	.vendor = { { MEDIA_DEVICE_PATH, MEDIA_VENDOR_DP,
		      { sizeof(VENDOR_DEVICE_PATH), 0 } }, LINUX_EFI_INITRD_MEDIA_GUID },
	.end = { END_DEVICE_PATH_TYPE, END_ENTIRE_DEVICE_PATH_SUBTYPE, { 4, 0 } },
};

static const struct image *initrd_kernel; /* whose initrd this is */
static EFI_HANDLE initrd_handle;

static EFI_STATUS EFIAPI initrd_load(EFI_LOAD_FILE_PROTOCOL *this, EFI_DEVICE_PATH *path,
				     BOOLEAN boot_policy, UINTN *size, VOID *buf)
{
	size_t len;
	(void)this, (void)path;
	if (boot_policy)
		return EFI_UNSUPPORTED; /* LoadFile2 never boots */
	if (!size)
		return EFI_INVALID_PARAMETER;
	len = image_initrd_build(initrd_kernel, NULL);
	if (!buf || *size < len) {
		*size = len;
		return EFI_BUFFER_TOO_SMALL;
	}
	image_initrd_build(initrd_kernel, buf);
	*size = len;
	return EFI_SUCCESS;
}

static EFI_LOAD_FILE_PROTOCOL initrd_load_file = { initrd_load };

EFI_STATUS efi_initrd_install(const struct image *kernel)
{
	EFI_STATUS status;
	initrd_kernel = kernel;
	initrd_handle = NULL;
	if (image_initrd_build(kernel, NULL) == 0)
		return EFI_SUCCESS; /* no initrd: the stub must not find an empty one */
	status = efi_bs->InstallMultipleProtocolInterfaces(&initrd_handle, &dp_guid, &initrd_path,
							   &load_file2_guid, &initrd_load_file,
							   NULL);
	if (status != EFI_SUCCESS)
		initrd_handle = NULL;
	return status;
}

void efi_initrd_uninstall(void)
{
	if (!initrd_handle)
		return;
	efi_bs->UninstallMultipleProtocolInterfaces(initrd_handle, &dp_guid, &initrd_path,
						    &load_file2_guid, &initrd_load_file, NULL);
	initrd_handle = NULL;
}
