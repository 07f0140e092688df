/* autoexec.ipxe on the volume bootnet was loaded from (a USB stick, a CD,
 * a disk): its LoadedImage's DeviceHandle carries the Simple File System
 * the firmware read bootnet from; the script is looked for next to
 * bootnet's own file, then at the volume's root. Started from the network
 * (the DeviceHandle is a NIC) or from an option ROM, there is no such
 * file system and nothing is looked for. */
#include <stdlib.h>
#include <stdio.h>
#include <string.h>
#include "../firmware/console.h"
#include "../firmware/platform.h"
#include "efi_platform.h"

#define SCRIPT_NAME "autoexec.ipxe"
#define SCRIPT_MAX (1024 * 1024)   /* a boot script, not an image */

static EFI_GUID loaded_guid = EFI_LOADED_IMAGE_PROTOCOL_GUID;
static EFI_GUID sfs_guid = SIMPLE_FILE_SYSTEM_PROTOCOL;
static EFI_GUID file_info_guid = EFI_FILE_INFO_ID;

/* The directory of bootnet's own file on its volume, as UCS-2 ("\EFI\BOOT\"),
 * from the file-path nodes of LoadedImage's FilePath; "\" when unknown. */
static void own_directory(const EFI_DEVICE_PATH *dp, CHAR16 *dir, UINTN max)
{
	const UINT8 *p = (const UINT8 *)dp;
	UINTN n = 0, last_sep = 0;
	while (p && p[0] != END_DEVICE_PATH_TYPE) {
		UINTN len = p[2] | (UINTN)p[3] << 8;
		if (len < 4)
			break;
		if (p[0] == MEDIA_DEVICE_PATH && p[1] == MEDIA_FILEPATH_DP) {
			const CHAR16 *name = (const CHAR16 *)(p + 4);
			UINTN chars = (len - 4) / sizeof(CHAR16);
			/* Nodes are joined with a separator between them. */
			if (n > 0 && dir[n - 1] != L'\\' && n < max - 1)
				dir[n++] = L'\\';
			for (UINTN i = 0; i < chars && name[i] && n < max - 1; i++)
				dir[n++] = name[i];
		}
		p += len;
	}
	for (UINTN i = 0; i < n; i++)
		if (dir[i] == L'\\' || dir[i] == L'/')
			last_sep = i + 1;
	if (last_sep == 0 || dir[0] != L'\\') {
		dir[0] = L'\\';
		last_sep = 1;
	}
	dir[last_sep] = 0;
}

static void ucs2_to_ascii(const CHAR16 *in, char *out, size_t max)
{
	size_t n = 0;
	for (; *in && n + 1 < max; in++)
		out[n++] = *in < 0x80 ? (char)*in : '?';
	out[n] = '\0';
}

/* Reads the whole of an open file into a new buffer, or says why not. */
static char *read_all(EFI_FILE_PROTOCOL *file, const char *path, size_t *len)
{
	UINT8 info_buf[SIZE_OF_EFI_FILE_INFO + 512];
	UINTN info_size = sizeof(info_buf);
	EFI_FILE_INFO *info = (EFI_FILE_INFO *)info_buf;
	EFI_STATUS status;
	char *text;
	UINTN size;

	status = file->GetInfo(file, &file_info_guid, &info_size, info);
	if (status != EFI_SUCCESS) {
		console_printf("bootnet: cannot tell the size of %s: %s\n", path, efi_strerror(status));
		return NULL;
	}
	if (info->FileSize > SCRIPT_MAX) {
		console_printf("bootnet: %s is %llu bytes, more than a boot script's %u: ignored\n",
			       path, (unsigned long long)info->FileSize, SCRIPT_MAX);
		return NULL;
	}
	size = (UINTN)info->FileSize;
	text = malloc(size + 1);
	if (!text) {
		console_printf("bootnet: no memory for %s\n", path);
		return NULL;
	}
	status = file->Read(file, &size, text);
	if (status != EFI_SUCCESS) {
		console_printf("bootnet: cannot read %s: %s\n", path, efi_strerror(status));
		free(text);
		return NULL;
	}
	text[size] = '\0';
	*len = size;
	return text;
}

char *platform_boot_volume_script(size_t *len, char *where, size_t where_size)
{
	EFI_LOADED_IMAGE *li;
	EFI_SIMPLE_FILE_SYSTEM_PROTOCOL *sfs;
	EFI_FILE_PROTOCOL *root, *file;
	CHAR16 dir[256], path[300];
	char apath[300];
	char *text = NULL;

	if (efi_bs->HandleProtocol(efi_image_handle, &loaded_guid, (void **)&li) != EFI_SUCCESS ||
	    !li->DeviceHandle ||
	    efi_bs->HandleProtocol(li->DeviceHandle, &sfs_guid, (void **)&sfs) != EFI_SUCCESS)
		return NULL;
	if (sfs->OpenVolume(sfs, &root) != EFI_SUCCESS)
		return NULL;

	own_directory(li->FilePath, dir, sizeof(dir) / sizeof(dir[0]) - sizeof(SCRIPT_NAME));
	/* Next to bootnet first, then the root (once, when that is the same). */
	for (int attempt = 0; attempt < 2 && !text; attempt++) {
		const CHAR16 *d = attempt == 0 ? dir : L"\\";
		UINTN n = 0;
		if (attempt == 1 && dir[1] == 0)
			break;
		for (; d[n]; n++)
			path[n] = d[n];
		for (const char *s = SCRIPT_NAME; *s; s++)
			path[n++] = (CHAR16)*s;
		path[n] = 0;
		if (root->Open(root, &file, path, EFI_FILE_MODE_READ, 0) != EFI_SUCCESS)
			continue;
		ucs2_to_ascii(path, apath, sizeof(apath));
		text = read_all(file, apath, len);
		file->Close(file);
		if (text)
			snprintf(where, where_size, "%s on the boot volume", apath);
	}
	root->Close(root);
	return text;
}
