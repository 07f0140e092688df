/* A read-only simple file system whose root directory holds every
 * registered image by name (UEFI spec, "Simple File System Protocol" and
 * "File Protocol"). Linux EFI stubs before 5.8 read `initrd=NAME` from the
 * device their kernel was loaded from; GRUB and the EFI shell see the
 * downloaded files the same way. */
#include <stdlib.h>
#include <string.h>
#include "../firmware/image.h"
#include "../firmware/image_cmdline.h"
#include "efi_exec.h"

struct open_file {
	EFI_FILE_PROTOCOL proto;      /* first: the pointer programs hold */
	struct image *img;            /* NULL for the root directory */
	UINT64 pos;                   /* byte offset, or directory entry index */
};

static EFI_GUID sfs_guid = SIMPLE_FILE_SYSTEM_PROTOCOL;
static EFI_GUID file_info_guid = EFI_FILE_INFO_ID;
static EFI_GUID fs_info_guid = EFI_FILE_SYSTEM_INFO_ID;

static EFI_STATUS new_file(struct image *img, EFI_FILE_PROTOCOL **out);

/* The image a (UCS-2) file name names, case-insensitively as on FAT;
 * leading "\" and ".\" are ignored, and "\dir\name" also finds "name". */
static struct image *find_image(const CHAR16 *wname, bool *is_root)
{
	char name[256], *base;
	size_t n = 0;
	while (*wname == L'\\' || (wname[0] == L'.' && (wname[1] == L'\\' || !wname[1])))
		wname++;
	for (; *wname && n < sizeof(name) - 1; wname++)
		name[n++] = *wname < 0x80 ? (char)(*wname == L'\\' ? '/' : *wname) : '?';
	name[n] = '\0';
	*is_root = n == 0;
	for (struct image *img = image_first(); img; img = img->next)
		if (strcasecmp(img->name, name) == 0)
			return img;
	base = strrchr(name, '/');
	if (base)
		for (struct image *img = image_first(); img; img = img->next)
			if (strcasecmp(img->name, base + 1) == 0)
				return img;
	return NULL;
}

static EFI_STATUS EFIAPI file_open(EFI_FILE_PROTOCOL *this, EFI_FILE_PROTOCOL **out,
				   CHAR16 *wname, UINT64 mode, UINT64 attributes)
{
	struct open_file *f = (struct open_file *)this;
	struct image *img;
	bool is_root;
	(void)attributes;
	if (!out || !wname)
		return EFI_INVALID_PARAMETER;
	img = find_image(wname, &is_root);
	if (is_root)
		return new_file(NULL, out);
	/* Only the root is a directory; a path from a file leads nowhere. */
	if (f->img && wname[0] != L'\\')
		return EFI_NOT_FOUND;
	if (!img)
		return EFI_NOT_FOUND;
	if (mode != EFI_FILE_MODE_READ)
		return EFI_WRITE_PROTECTED;
	return new_file(img, out);
}

static EFI_STATUS EFIAPI file_close(EFI_FILE_PROTOCOL *this)
{
	free(this);
	return EFI_SUCCESS;
}

static EFI_STATUS EFIAPI file_delete(EFI_FILE_PROTOCOL *this)
{
	free(this);
	return EFI_WARN_DELETE_FAILURE;
}

/* A variable-size info structure: fixed part then a UCS-2 name. */
static EFI_STATUS put_info(const void *fixed, UINTN fixed_len, const char *name, UINTN *size,
			   void *buf)
{
	UINTN need = fixed_len + (utf8_to_ucs2(name, NULL, 0) + 1) * sizeof(CHAR16);
	if (*size < need || !buf) {
		*size = need;
		return EFI_BUFFER_TOO_SMALL;
	}
	memcpy(buf, fixed, fixed_len);
	*(UINT64 *)buf = need; /* both structures start with their Size */
	utf8_to_ucs2(name, (uint16_t *)((UINT8 *)buf + fixed_len), (need - fixed_len) / 2);
	*size = need;
	return EFI_SUCCESS;
}

static EFI_STATUS file_info(const struct image *img, UINTN *size, void *buf)
{
	EFI_FILE_INFO info;
	memset(&info, 0, sizeof(info));
	info.FileSize = info.PhysicalSize = img ? img->len : 0;
	info.Attribute = EFI_FILE_READ_ONLY | (img ? 0 : EFI_FILE_DIRECTORY);
	return put_info(&info, SIZE_OF_EFI_FILE_INFO, img ? img->name : "", size, buf);
}

static EFI_STATUS EFIAPI file_read(EFI_FILE_PROTOCOL *this, UINTN *size, VOID *buf)
{
	struct open_file *f = (struct open_file *)this;
	if (!f->img) {
		/* A directory read returns the next entry, or 0 bytes at the end. */
		struct image *img = image_first();
		EFI_STATUS status;
		for (UINT64 i = 0; img && i < f->pos; i++)
			img = img->next;
		if (!img) {
			*size = 0;
			return EFI_SUCCESS;
		}
		status = file_info(img, size, buf);
		if (status == EFI_SUCCESS)
			f->pos++;
		return status;
	}
	if (f->pos >= f->img->len) {
		*size = 0;
		return EFI_SUCCESS;
	}
	if (*size > f->img->len - f->pos)
		*size = f->img->len - f->pos;
	memcpy(buf, f->img->data + f->pos, *size);
	f->pos += *size;
	return EFI_SUCCESS;
}

static EFI_STATUS EFIAPI file_write(EFI_FILE_PROTOCOL *this, UINTN *size, VOID *buf)
{
	(void)this, (void)size, (void)buf;
	return EFI_WRITE_PROTECTED;
}

static EFI_STATUS EFIAPI file_get_position(EFI_FILE_PROTOCOL *this, UINT64 *pos)
{
	struct open_file *f = (struct open_file *)this;
	if (!f->img)
		return EFI_UNSUPPORTED;
	*pos = f->pos;
	return EFI_SUCCESS;
}

static EFI_STATUS EFIAPI file_set_position(EFI_FILE_PROTOCOL *this, UINT64 pos)
{
	struct open_file *f = (struct open_file *)this;
	if (!f->img) {
		if (pos != 0)
			return EFI_UNSUPPORTED; /* directories only rewind */
		f->pos = 0;
		return EFI_SUCCESS;
	}
	if (pos == ~(UINT64)0)
		pos = f->img->len;
	f->pos = pos; /* past the end is allowed; reads then return nothing */
	return EFI_SUCCESS;
}

static EFI_STATUS EFIAPI file_get_info(EFI_FILE_PROTOCOL *this, EFI_GUID *type, UINTN *size,
				       VOID *buf)
{
	struct open_file *f = (struct open_file *)this;
	if (memcmp(type, &file_info_guid, sizeof(EFI_GUID)) == 0)
		return file_info(f->img, size, buf);
	if (memcmp(type, &fs_info_guid, sizeof(EFI_GUID)) == 0) {
		EFI_FILE_SYSTEM_INFO info;
		memset(&info, 0, sizeof(info));
		info.ReadOnly = TRUE;
		for (struct image *img = image_first(); img; img = img->next)
			info.VolumeSize += img->len;
		info.BlockSize = 512;
		return put_info(&info, SIZE_OF_EFI_FILE_SYSTEM_INFO, "bootnet", size, buf);
	}
	return EFI_UNSUPPORTED;
}

static EFI_STATUS EFIAPI file_set_info(EFI_FILE_PROTOCOL *this, EFI_GUID *type, UINTN size,
				       VOID *buf)
{
	(void)this, (void)type, (void)size, (void)buf;
	return EFI_WRITE_PROTECTED;
}

static EFI_STATUS EFIAPI file_flush(EFI_FILE_PROTOCOL *this)
{
	(void)this;
	return EFI_SUCCESS;
}

static EFI_STATUS new_file(struct image *img, EFI_FILE_PROTOCOL **out)
{
	struct open_file *f = calloc(1, sizeof(*f));
	if (!f)
		return EFI_OUT_OF_RESOURCES;
	f->proto.Revision = EFI_FILE_PROTOCOL_REVISION;
	f->proto.Open = file_open;
	f->proto.Close = file_close;
	f->proto.Delete = file_delete;
	f->proto.Read = file_read;
	f->proto.Write = file_write;
	f->proto.GetPosition = file_get_position;
	f->proto.SetPosition = file_set_position;
	f->proto.GetInfo = file_get_info;
	f->proto.SetInfo = file_set_info;
	f->proto.Flush = file_flush;
	f->img = img;
	*out = &f->proto;
	return EFI_SUCCESS;
}

static EFI_STATUS EFIAPI open_volume(EFI_SIMPLE_FILE_SYSTEM_PROTOCOL *this,
				     EFI_FILE_PROTOCOL **root)
{
	(void)this;
	return new_file(NULL, root);
}

static EFI_SIMPLE_FILE_SYSTEM_PROTOCOL sfs = {
	.Revision = EFI_SIMPLE_FILE_SYSTEM_PROTOCOL_REVISION,
	.OpenVolume = open_volume,
};

EFI_STATUS efi_file_install(EFI_HANDLE handle)
{
	return efi_bs->InstallProtocolInterface(&handle, &sfs_guid, EFI_NATIVE_INTERFACE, &sfs);
}

EFI_STATUS efi_file_uninstall(EFI_HANDLE handle)
{
	return efi_bs->UninstallProtocolInterface(handle, &sfs_guid, &sfs);
}
