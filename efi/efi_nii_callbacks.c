/* The services an UNDI 3.1 calls back (given to it with START): delays,
 * a lock, address translation, device register access and DMA mapping.
 * Each gets our nii_dev as its 64-bit unique id. They are EFIAPI
 * functions: ms_abi on x86_64, cdecl with 64-bit arguments as two stack
 * words on ia32, as the UNDI's compiler calls them. */
#include <string.h>
#include "efi_nii.h"

static struct nii_dev *dev_of(UINT64 id)
{
	return (struct nii_dev *)(UINTN)id;
}

static VOID EFIAPI cb_delay(UINT64 id, UINTN microseconds)
{
	(void)id;
	efi_bs->Stall(microseconds);
}

/* bootnet runs one thread, but firmware timer events could enter the same
 * UNDI (through another of its users): keep them out while it asks. */
static VOID EFIAPI cb_block(UINT64 id, UINT32 enable)
{
	struct nii_dev *d = dev_of(id);
	if (enable) {
		if (d->block_depth++ == 0)
			d->block_tpl = efi_bs->RaiseTPL(TPL_NOTIFY);
	} else if (d->block_depth && --d->block_depth == 0) {
		efi_bs->RestoreTPL(d->block_tpl);
	}
}

/* Boot services run identity-mapped. */
static VOID EFIAPI cb_virt2phys(UINT64 id, UINT64 virt, UINT64 phys_ptr)
{
	(void)id;
	*(UINT64 *)(UINTN)phys_ptr = virt;
}

static EFI_PCI_IO_PROTOCOL_WIDTH width_of(UINT8 len)
{
	return len == 1 ? EfiPciIoWidthUint8 : len == 2 ? EfiPciIoWidthUint16 :
	       len == 4 ? EfiPciIoWidthUint32 : EfiPciIoWidthUint64;
}

/* Without a PciIo (a NIC the firmware did not publish as PCI): the access itself. */
static void direct_io(UINT8 op, UINT8 len, UINT64 port, void *buf)
{
	volatile void *mem = (volatile void *)(UINTN)port;
	UINT16 p = (UINT16)port;

	switch (op | (len << 4)) {
	case UNDI_MEM_READ | 0x10: *(UINT8 *)buf = *(volatile UINT8 *)mem; break;
	case UNDI_MEM_READ | 0x20: *(UINT16 *)buf = *(volatile UINT16 *)mem; break;
	case UNDI_MEM_READ | 0x40: *(UINT32 *)buf = *(volatile UINT32 *)mem; break;
	case UNDI_MEM_READ | 0x80: *(UINT64 *)buf = *(volatile UINT64 *)mem; break;
	case UNDI_MEM_WRITE | 0x10: *(volatile UINT8 *)mem = *(UINT8 *)buf; break;
	case UNDI_MEM_WRITE | 0x20: *(volatile UINT16 *)mem = *(UINT16 *)buf; break;
	case UNDI_MEM_WRITE | 0x40: *(volatile UINT32 *)mem = *(UINT32 *)buf; break;
	case UNDI_MEM_WRITE | 0x80: *(volatile UINT64 *)mem = *(UINT64 *)buf; break;
	case UNDI_IO_READ | 0x10: __asm__ volatile("inb %1, %0" : "=a"(*(UINT8 *)buf) : "Nd"(p)); break;
	case UNDI_IO_READ | 0x20: __asm__ volatile("inw %1, %0" : "=a"(*(UINT16 *)buf) : "Nd"(p)); break;
	case UNDI_IO_READ | 0x40: __asm__ volatile("inl %1, %0" : "=a"(*(UINT32 *)buf) : "Nd"(p)); break;
	case UNDI_IO_WRITE | 0x10: __asm__ volatile("outb %0, %1" : : "a"(*(UINT8 *)buf), "Nd"(p)); break;
	case UNDI_IO_WRITE | 0x20: __asm__ volatile("outw %0, %1" : : "a"(*(UINT16 *)buf), "Nd"(p)); break;
	case UNDI_IO_WRITE | 0x40: __asm__ volatile("outl %0, %1" : : "a"(*(UINT32 *)buf), "Nd"(p)); break;
	default: break; /* no 8-byte port access on x86 */
	}
}

/* Addresses the UNDI gives are absolute: PciIo's pass-through BAR takes them. */
static VOID EFIAPI cb_mem_io(UINT64 id, UINT8 op, UINT8 len, UINT64 port, UINT64 buf_addr)
{
	struct nii_dev *d = dev_of(id);
	EFI_PCI_IO_PROTOCOL *pci = d->pci;
	void *buf = (void *)(UINTN)buf_addr;
	EFI_PCI_IO_PROTOCOL_WIDTH w = width_of(len);

	if (!pci) {
		direct_io(op, len, port, buf);
		return;
	}
	switch (op) {
	case UNDI_IO_READ: pci->Io.Read(pci, w, EFI_PCI_IO_PASS_THROUGH_BAR, port, 1, buf); break;
	case UNDI_IO_WRITE: pci->Io.Write(pci, w, EFI_PCI_IO_PASS_THROUGH_BAR, port, 1, buf); break;
	case UNDI_MEM_READ: pci->Mem.Read(pci, w, EFI_PCI_IO_PASS_THROUGH_BAR, port, 1, buf); break;
	case UNDI_MEM_WRITE: pci->Mem.Write(pci, w, EFI_PCI_IO_PASS_THROUGH_BAR, port, 1, buf); break;
	default: break;
	}
}

static VOID EFIAPI cb_map(UINT64 id, UINT64 virt, UINT32 size, UINT32 direction,
			  UINT64 mapped_ptr)
{
	struct nii_dev *d = dev_of(id);
	UINT64 *mapped = (UINT64 *)(UINTN)mapped_ptr;
	struct nii_map *m = NULL;

	for (int i = 0; i < NII_MAX_MAPS && !m; i++)
		if (!d->maps[i].virt)
			m = &d->maps[i];
	*mapped = virt; /* identity, unless PciIo maps it */
	if (!m || !d->pci || !virt)
		return;
	EFI_PCI_IO_PROTOCOL_OPERATION op = direction == UNDI_FROM_DEVICE ?
		EfiPciIoOperationBusMasterWrite : direction == UNDI_TO_DEVICE ?
		EfiPciIoOperationBusMasterRead : EfiPciIoOperationBusMasterCommonBuffer;
	UINTN bytes = size;
	EFI_PHYSICAL_ADDRESS device;
	void *token;
	if (d->pci->Map(d->pci, op, (void *)(UINTN)virt, &bytes, &device, &token) != EFI_SUCCESS)
		return;
	*m = (struct nii_map){ virt, device, size, direction, token };
	*mapped = device;
}

static struct nii_map *find_map(struct nii_dev *d, UINT64 virt, UINT64 mapped)
{
	for (int i = 0; i < NII_MAX_MAPS; i++)
		if (d->maps[i].virt == virt && d->maps[i].mapped == mapped && virt)
			return &d->maps[i];
	return NULL;
}

static VOID EFIAPI cb_unmap(UINT64 id, UINT64 virt, UINT32 size, UINT32 direction,
			    UINT64 mapped)
{
	struct nii_dev *d = dev_of(id);
	struct nii_map *m = find_map(d, virt, mapped);
	(void)size;
	(void)direction;
	if (!m)
		return; /* an identity mapping: nothing to undo */
	d->pci->Unmap(d->pci, m->token);
	memset(m, 0, sizeof(*m));
}

/* Only a bounce buffer (mapped != virt) needs its contents carried over. */
static VOID EFIAPI cb_sync(UINT64 id, UINT64 virt, UINT32 size, UINT32 direction, UINT64 mapped)
{
	(void)id;
	if (virt == mapped || !virt || !mapped)
		return;
	if (direction == UNDI_FROM_DEVICE)
		memcpy((void *)(UINTN)virt, (void *)(UINTN)mapped, size);
	else
		memcpy((void *)(UINTN)mapped, (void *)(UINTN)virt, size);
}

void efi_nii_callbacks(struct undi_cpb_start *cpb, struct nii_dev *d)
{
	memset(cpb, 0, sizeof(*cpb));
	cpb->delay = (UINT64)(UINTN)cb_delay;
	cpb->block = (UINT64)(UINTN)cb_block;
	cpb->virt2phys = (UINT64)(UINTN)cb_virt2phys;
	cpb->mem_io = (UINT64)(UINTN)cb_mem_io;
	cpb->map_mem = (UINT64)(UINTN)cb_map;
	cpb->unmap_mem = (UINT64)(UINTN)cb_unmap;
	cpb->sync_mem = (UINT64)(UINTN)cb_sync;
	cpb->unique_id = (UINT64)(UINTN)d;
}

void efi_nii_unmap_all(struct nii_dev *d)
{
	for (int i = 0; i < NII_MAX_MAPS; i++) {
		if (d->maps[i].virt && d->pci)
			d->pci->Unmap(d->pci, d->maps[i].token);
		memset(&d->maps[i], 0, sizeof(d->maps[i]));
	}
	if (d->block_depth) { /* a lock the UNDI never gave back */
		d->block_depth = 0;
		efi_bs->RestoreTPL(d->block_tpl);
	}
}
