/* Device paths for images started from memory: the device bootnet came
 * from, then a URI node saying where the image was downloaded, then a
 * file-path node with its name (UEFI spec, "Device Path Protocol"). */
#include <stdlib.h>
#include <string.h>
#include "../firmware/image_cmdline.h"
#include "efi_exec.h"

static UINTN node_len(const void *node)
{
	const UINT8 *n = node;
	return n[2] | (UINTN)n[3] << 8;
}

static void set_header(void *node, UINT8 type, UINT8 subtype, UINTN len)
{
	UINT8 *n = node;
	n[0] = type;
	n[1] = subtype;
	n[2] = (UINT8)(len & 0xff);
	n[3] = (UINT8)(len >> 8);
}

UINTN efi_path_len(const EFI_DEVICE_PATH *dp)
{
	const UINT8 *p = (const UINT8 *)dp;
	UINTN len = 0;
	if (!dp)
		return 0;
	while (!(p[len] == END_DEVICE_PATH_TYPE && p[len + 1] == END_ENTIRE_DEVICE_PATH_SUBTYPE)) {
		UINTN n = node_len(p + len);
		if (n < 4)
			break; /* malformed: stop where it went wrong */
		len += n;
	}
	return len;
}

EFI_DEVICE_PATH *efi_path_append(const EFI_DEVICE_PATH *dp, const void *node)
{
	UINTN prefix = efi_path_len(dp), n = node_len(node);
	UINT8 *path = malloc(prefix + n + 4);
	if (!path)
		return NULL;
	if (prefix)
		memcpy(path, dp, prefix);
	memcpy(path + prefix, node, n);
	set_header(path + prefix + n, END_DEVICE_PATH_TYPE, END_ENTIRE_DEVICE_PATH_SUBTYPE, 4);
	return (EFI_DEVICE_PATH *)path;
}

void *efi_path_uri_node(const char *uri)
{
	/* A node is at most 64 KiB; a longer URI is cut (it only informs). */
	UINTN n = strlen(uri);
	UINT8 *node;
	if (n > 0xff00)
		n = 0xff00;
	node = malloc(4 + n);
	if (!node)
		return NULL;
	set_header(node, MESSAGING_DEVICE_PATH, MSG_URI_DP, 4 + n);
	memcpy(node + 4, uri, n);
	return node;
}

void *efi_path_file_node(const char *name)
{
	UINTN units = utf8_to_ucs2(name, NULL, 0) + 1;
	UINT8 *node = malloc(4 + units * sizeof(CHAR16));
	if (!node)
		return NULL;
	set_header(node, MEDIA_DEVICE_PATH, MEDIA_FILEPATH_DP, 4 + units * sizeof(CHAR16));
	utf8_to_ucs2(name, (uint16_t *)(node + 4), units);
	return node;
}

EFI_DEVICE_PATH *efi_path_of_boot_device(void)
{
	EFI_GUID loaded_guid = EFI_LOADED_IMAGE_PROTOCOL_GUID;
	EFI_LOADED_IMAGE *self;
	if (efi_bs->HandleProtocol(efi_image_handle, &loaded_guid, (void **)&self) != EFI_SUCCESS ||
	    !self->DeviceHandle)
		return NULL;
	return efi_device_path_of(self->DeviceHandle);
}
