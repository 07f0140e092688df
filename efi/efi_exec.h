/* Image execution on EFI, shared by efi_exec*.c, efi_file.c, efi_initrd.c
 * and efi_linux*.c (never seen by the core). */
#ifndef EFI_EXEC_H
#define EFI_EXEC_H

#include "../firmware/image.h"
#include "efi_platform.h"

/* Device paths (efi_exec_path.c). All returned paths are from malloc. */
/* Bytes of dp before its end node. */
UINTN efi_path_len(const EFI_DEVICE_PATH *dp);
/* dp (may be NULL) followed by node and an end node. */
EFI_DEVICE_PATH *efi_path_append(const EFI_DEVICE_PATH *dp, const void *node);
/* A URI node for uri, or a file-path node for name. */
void *efi_path_uri_node(const char *uri);
void *efi_path_file_node(const char *name);
/* The device path of the device bootnet itself was loaded from, or NULL. */
EFI_DEVICE_PATH *efi_path_of_boot_device(void);

/* A simple file system showing every registered image by name, installed
 * on handle (efi_file.c): `initrd=initrd.img` for older Linux EFI stubs. */
EFI_STATUS efi_file_install(EFI_HANDLE handle);
EFI_STATUS efi_file_uninstall(EFI_HANDLE handle);

/* The Linux initrd device path with LoadFile2 (efi_initrd.c): the initrd
 * of kernel (firmware/image_initrd.h), for Linux 5.8 and later. Installs
 * nothing when there is no initrd; uninstall undoes what install did. */
EFI_STATUS efi_initrd_install(const struct image *kernel);
void efi_initrd_uninstall(void);

/* Starts img from memory with LoadImage/StartImage (efi_exec_start.c),
 * with cmdline as its load options; -1 having printed why, or what the
 * program returned (0 for success). */
int efi_exec_start(struct image *img, const char *cmdline);

/* Hands the open network devices back to the firmware before another
 * program starts, and takes them again if it returns (efi_exec.c). */
void efi_exec_hand_back_network(void);
void efi_exec_take_network_back(void);

/* Boots a 64-bit Linux kernel from 32-bit EFI through its EFI handover
 * entry (efi_linux_handover.c); returns only on failure, having said why. */
int efi_linux_handover(struct image *img);
/* Boots a Linux kernel without an EFI stub through the x86 boot protocol
 * (efi_linux_legacy.c): leaves boot services; returns only on failure. */
int efi_linux_legacy(struct image *img);

#endif
