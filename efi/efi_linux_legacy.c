/* Linux kernels without an EFI stub (older kernels, FOG's), booted from
 * UEFI through the plain x86 boot protocol (boot.rst): the kernel, its
 * command line and its initrd placed in memory by bootnet, a zero page
 * with the framebuffer (screen_info from GOP), the ACPI RSDP, the EFI
 * system table and memory map (efi_info) and an e820 map made from the
 * EFI one; then ExitBootServices and a jump to the 64-bit entry (x86_64
 * firmware) or the 32-bit one (ia32 firmware) with the segments the
 * protocol asks for. Nothing can be printed after ExitBootServices. */
#include <string.h>
#include "../firmware/byteorder.h"
#include "../firmware/console.h"
#include "efi_linux.h"

#define EFI_PERSISTENT_MEMORY 14
#define VIDEO_TYPE_EFI 0x70
#define VIDEO_CAPABILITY_64BIT_BASE 0x2

/* The e820 type of an EFI memory type: what the kernel may use as RAM
 * once boot services are gone, what it must keep. */
static UINT32 e820_type(UINT32 efi_type)
{
	switch (efi_type) {
	case EfiLoaderCode:
	case EfiLoaderData:
	case EfiBootServicesCode:
	case EfiBootServicesData:
	case EfiConventionalMemory:
		return E820_RAM;
	case EfiACPIReclaimMemory:
		return E820_ACPI;
	case EfiACPIMemoryNVS:
		return E820_NVS;
	case EfiUnusableMemory:
		return E820_UNUSABLE;
	case EFI_PERSISTENT_MEMORY:
		return E820_PMEM;
	default:
		return E820_RESERVED;
	}
}

/* Position and size of the bits of a colour mask. */
static void mask_bits(UINT32 mask, UINT8 *pos, UINT8 *size)
{
	*pos = *size = 0;
	if (!mask)
		return;
	while (!(mask & 1)) {
		mask >>= 1;
		(*pos)++;
	}
	while (mask & 1) {
		mask >>= 1;
		(*size)++;
	}
}

/* screen_info from the firmware's graphics output, so the kernel's EFI
 * framebuffer console shows the boot (a Mac has no serial port). */
static void set_screen_info(UINT8 *params)
{
	EFI_GUID gop_guid = EFI_GRAPHICS_OUTPUT_PROTOCOL_GUID;
	EFI_GRAPHICS_OUTPUT_PROTOCOL *gop;
	EFI_GRAPHICS_OUTPUT_MODE_INFORMATION *info;
	UINT8 *si = params + BP_SCREEN_INFO;
	EFI_PIXEL_BITMASK m;

	if (efi_bs->LocateProtocol(&gop_guid, NULL, (void **)&gop) != EFI_SUCCESS || !gop->Mode ||
	    !gop->Mode->Info)
		return;
	info = gop->Mode->Info;
	switch (info->PixelFormat) {
	case PixelRedGreenBlueReserved8BitPerColor:
		m = (EFI_PIXEL_BITMASK){ 0xff, 0xff00, 0xff0000, 0xff000000 };
		break;
	case PixelBlueGreenRedReserved8BitPerColor:
		m = (EFI_PIXEL_BITMASK){ 0xff0000, 0xff00, 0xff, 0xff000000 };
		break;
	case PixelBitMask:
		m = info->PixelInformation;
		break;
	default:
		return; /* no framebuffer to hand on */
	}
	si[0x0f] = VIDEO_TYPE_EFI;
	put_le16(si + 0x12, (UINT16)info->HorizontalResolution);
	put_le16(si + 0x14, (UINT16)info->VerticalResolution);
	put_le16(si + 0x16, 32);
	put_le32(si + 0x18, (UINT32)gop->Mode->FrameBufferBase);
	put_le32(si + 0x1c, (UINT32)gop->Mode->FrameBufferSize);
	put_le16(si + 0x24, (UINT16)(info->PixelsPerScanLine * 4));
	mask_bits(m.RedMask, si + 0x27, si + 0x26);
	mask_bits(m.GreenMask, si + 0x29, si + 0x28);
	mask_bits(m.BlueMask, si + 0x2b, si + 0x2a);
	mask_bits(m.ReservedMask, si + 0x2d, si + 0x2c);
	if ((UINT64)gop->Mode->FrameBufferBase >> 32) {
		put_le32(si + 0x36, VIDEO_CAPABILITY_64BIT_BASE);
		put_le32(si + 0x3a, (UINT32)((UINT64)gop->Mode->FrameBufferBase >> 32));
	}
}

/* The ACPI RSDP from the EFI configuration tables (protocol 2.14+ reads
 * it here; older kernels find it through efi_info). */
static void set_acpi_rsdp(UINT8 *params, const struct bzimage_info *bz)
{
	EFI_GUID acpi20 = ACPI_20_TABLE_GUID, acpi10 = ACPI_TABLE_GUID;
	UINT64 rsdp = 0;
	if (bz->version < 0x020e)
		return;
	for (UINTN i = 0; i < efi_systab->NumberOfTableEntries; i++) {
		EFI_CONFIGURATION_TABLE *t = &efi_systab->ConfigurationTable[i];
		if (memcmp(&t->VendorGuid, &acpi20, sizeof(EFI_GUID)) == 0)
			rsdp = (UINTN)t->VendorTable;
		else if (!rsdp && memcmp(&t->VendorGuid, &acpi10, sizeof(EFI_GUID)) == 0)
			rsdp = (UINTN)t->VendorTable;
	}
	put_le64(params + BP_ACPI_RSDP_ADDR, rsdp);
}

/* The e820 map and efi_info from the memory map; false if e820 is full. */
static BOOLEAN fill_memory(UINT8 *params, void *map, UINTN map_size, UINTN desc_size,
			   UINT32 desc_version)
{
	UINT8 *efi = params + BP_EFI_INFO;
	params[BP_E820_ENTRIES] = 0;
	for (UINTN off = 0; off + desc_size <= map_size; off += desc_size) {
		EFI_MEMORY_DESCRIPTOR *d = (EFI_MEMORY_DESCRIPTOR *)((UINT8 *)map + off);
		if (!bzimage_params_add_e820(params, d->PhysicalStart, d->NumberOfPages * 4096,
					     e820_type(d->Type)))
			return FALSE;
	}
	memcpy(efi, sizeof(UINTN) == 8 ? "EL64" : "EL32", 4);
	put_le32(efi + 4, (UINT32)(UINTN)efi_systab);
	put_le32(efi + 8, (UINT32)desc_size);
	put_le32(efi + 12, desc_version);
	put_le32(efi + 16, (UINT32)(UINTN)map);
	put_le32(efi + 20, (UINT32)map_size);
	put_le32(efi + 24, (UINT32)((UINT64)(UINTN)efi_systab >> 32));
	put_le32(efi + 28, (UINT32)((UINT64)(UINTN)map >> 32));
	return TRUE;
}

/* Enters the kernel as the boot protocol says: our own GDT with flat
 * __BOOT_CS (0x10) and __BOOT_DS (0x18), interrupts off, the zero page in
 * %rsi/%esi; 32-bit entry also with paging off and %ebp/%edi/%ebx zero. */
static void __attribute__((noreturn)) enter_kernel(UINTN entry, void *params)
{
#if defined(__x86_64__)
	static const UINT64 gdt[4] = { 0, 0, 0x00af9a000000ffffULL, 0x00cf92000000ffffULL };
	struct { UINT16 limit; UINT64 base; } __attribute__((packed)) gdtr = {
		sizeof(gdt) - 1, (UINT64)(UINTN)gdt };
	__asm__ volatile("cli\n\t"
			 "lgdt %0\n\t"
			 "mov $0x18, %%eax\n\t"
			 "mov %%eax, %%ds\n\t"
			 "mov %%eax, %%es\n\t"
			 "mov %%eax, %%ss\n\t"
			 "mov %%eax, %%fs\n\t"
			 "mov %%eax, %%gs\n\t"
			 "pushq $0x10\n\t"
			 "leaq 1f(%%rip), %%rax\n\t"
			 "pushq %%rax\n\t"
			 "lretq\n"
			 "1:\n\t"
			 "jmp *%%rcx\n\t"
			 : : "m"(gdtr), "c"(entry), "S"(params) : "rax", "memory");
#else
	static const UINT64 gdt[4] = { 0, 0, 0x00cf9a000000ffffULL, 0x00cf92000000ffffULL };
	struct { UINT16 limit; UINT32 base; } __attribute__((packed)) gdtr = {
		sizeof(gdt) - 1, (UINT32)(UINTN)gdt };
	__asm__ volatile("cli\n\t"
			 "lgdt %0\n\t"
			 "mov $0x18, %%eax\n\t"
			 "mov %%eax, %%ds\n\t"
			 "mov %%eax, %%es\n\t"
			 "mov %%eax, %%ss\n\t"
			 "mov %%eax, %%fs\n\t"
			 "mov %%eax, %%gs\n\t"
			 "pushl $0x10\n\t"
			 "call 1f\n"
			 "1:\n\t"
			 "addl $(2f - 1b), (%%esp)\n\t"
			 "lret\n"
			 "2:\n\t"
			 "mov %%cr0, %%eax\n\t"
			 "and $0x7fffffff, %%eax\n\t"
			 "mov %%eax, %%cr0\n\t"
			 "xor %%ebp, %%ebp\n\t"
			 "xor %%edi, %%edi\n\t"
			 "xor %%ebx, %%ebx\n\t"
			 "jmp *%%ecx\n\t"
			 : : "m"(gdtr), "c"(entry), "S"(params) : "eax", "memory");
#endif
	__builtin_unreachable();
}

int efi_linux_legacy(struct image *img)
{
	struct linux_load ld;
	UINTN map_size = 0, map_cap, key, desc_size = 0;
	UINT32 desc_version;
	UINTN entry;
	void *map = NULL;
	EFI_STATUS status;

	if (efi_linux_load(img, &ld) != 0)
		return -1;
	/* 64-bit firmware can only enter at the 64-bit entry: 2.12+ says it is there. */
	if (sizeof(UINTN) == 8 && !bzimage_is_64bit(&ld.bz)) {
		console_printf("%s: a 32-bit Linux kernel without an EFI stub cannot be started "
			       "from 64-bit EFI (use bootnet-i386.efi on 32-bit EFI, or a kernel "
			       "with CONFIG_EFI_STUB)\n", img->name);
		efi_linux_unload(&ld);
		return -1;
	}
	entry = ld.start + (sizeof(UINTN) == 8 ? 0x200 : 0);
	if (efi_linux_place_initrd(img, &ld) != 0) {
		efi_linux_unload(&ld);
		return -1;
	}
	set_screen_info(ld.params);
	set_acpi_rsdp(ld.params, &ld.bz);

	/* Room for the memory map, with some to spare: allocating it and
	 * what happens until ExitBootServices may add entries. */
	efi_bs->GetMemoryMap(&map_size, NULL, &key, &desc_size, &desc_version);
	map_cap = map_size + 16 * (desc_size ? desc_size : 48);
	if (efi_bs->AllocatePool(EfiLoaderData, map_cap, &map) != EFI_SUCCESS) {
		console_printf("%s: out of memory for the memory map\n", img->name);
		goto fail;
	}
	console_printf("Booting %s through the x86 boot protocol (no EFI stub, %u-bit entry)\n"
		       "  command line: %s\n  initrd: %zu bytes\n", img->name,
		       (unsigned)sizeof(UINTN) * 8, ld.cmdline, (size_t)ld.initrd_len);
	efi_exec_hand_back_network();
	for (int tries = 0; tries < 8; tries++) {
		map_size = map_cap;
		status = efi_bs->GetMemoryMap(&map_size, map, &key, &desc_size, &desc_version);
		if (status != EFI_SUCCESS)
			break;
		if (!fill_memory(ld.params, map, map_size, desc_size, desc_version)) {
			status = EFI_BUFFER_TOO_SMALL;
			break;
		}
		status = efi_bs->ExitBootServices(efi_image_handle, key);
		if (status == EFI_SUCCESS)
			enter_kernel(entry, ld.params);
		/* The map changed between the two calls: read it again. */
	}
	/* Boot services may be partly gone now; try to say so anyway. */
	efi_exec_take_network_back();
	console_printf("%s: could not leave boot services: %s%s\n", img->name,
		       efi_strerror(status), status == EFI_BUFFER_TOO_SMALL ?
		       " (more than 128 e820 entries)" : "");
fail:
	if (map)
		efi_bs->FreePool(map);
	efi_linux_unload(&ld);
	return -1;
}
