/* UNDI on BIOS: finds the PXE stack the ROM left loaded (!PXE preferred,
 * else PXENV+), and makes the far calls into it. Everything else about
 * UNDI (the calls' parameter blocks, receiving, the netdev) is in
 * firmware/pxe_undi*.c, which host tests check against a fake UNDI. */
#include <stdio.h>
#include <string.h>
#include "../firmware/console.h"
#include "../firmware/netdev.h"
#include "../firmware/pxe_undi.h"
#include "bios_platform.h"
#include "bios_pxe_unload.h"
#include "bios_thunk.h"

/* The bounce buffer: parameter blocks first, then the data area. */
#define PARAMS_SIZE 256

struct bios_pxe {
	bool found;
	bool use_ppxe;                /* call !PXE (stack arguments) rather than PXENV+ */
	struct segoff16 entry, structure;
	char found_how[80];
	char why_not[160];            /* when not found, or the probe failed */
	bool probed_ok;
	bool unloaded;                /* bootnet.pxe: the stack is gone, the NIC noted */
	bool nic_taken;               /* a native driver has reset the UNDI's NIC */
	struct pxe_port port;
	struct pxe_undi undi;
};

static struct bios_pxe pxe;

static const uint8_t *real_ptr(struct segoff16 at)
{
	return bios_linear(real_linear(at.seg, at.off));
}

static uint16_t bios_pxe_call(struct pxe_port *port, uint16_t opcode, void *params, size_t size)
{
	uint16_t seg, off;
	uint32_t bounce_size;
	uint8_t *bounce = bios_low_buffer(&seg, &off, &bounce_size);
	struct bios_regs regs;
	uint16_t ax;

	(void)port;
	if (size > PARAMS_SIZE)
		return PXENV_EXIT_FAILURE;
	memcpy(bounce, params, size);
	memset(&regs, 0, sizeof(regs));
	if (pxe.use_ppxe) {
		/* !PXE: opcode, then the block's segment:offset, on the stack. */
		uint16_t words[3] = { opcode, off, seg };
		ax = bios_far_call(pxe.entry.seg, pxe.entry.off, words, 3, &regs);
	} else {
		/* PXENV+: opcode in BX, the block at ES:DI. */
		regs.ebx = opcode;
		regs.es = seg;
		regs.edi = off;
		ax = bios_far_call(pxe.entry.seg, pxe.entry.off, NULL, 0, &regs);
	}
	memcpy(params, bounce, size);
	return ax;
}

static void bios_read_real(struct pxe_port *port, struct segoff16 at, void *dst, size_t len)
{
	(void)port;
	memcpy(dst, real_ptr(at), len);
}

static bool try_ppxe(struct segoff16 at, const char *how)
{
	if (!(at.seg || at.off) || !pxe_ppxe_valid(real_ptr(at), 255))
		return false;
	pxe.use_ppxe = true;
	pxe.structure = at;
	pxe.entry = pxe_ppxe_entry(real_ptr(at));
	snprintf(pxe.found_how, sizeof(pxe.found_how), "!PXE at %04x:%04x (%s)", at.seg, at.off, how);
	return true;
}

static bool try_pxenv(struct segoff16 at, const char *how)
{
	struct segoff16 ppxe;
	if (!(at.seg || at.off) || !pxe_pxenv_valid(real_ptr(at), 255))
		return false;
	if (pxe_pxenv_ppxe(real_ptr(at), &ppxe) && try_ppxe(ppxe, "named by PXENV+"))
		return true;
	pxe.use_ppxe = false;
	pxe.structure = at;
	pxe.entry = pxe_pxenv_entry(real_ptr(at));
	snprintf(pxe.found_how, sizeof(pxe.found_how), "PXENV+ at %04x:%04x (%s)", at.seg, at.off, how);
	return true;
}

static bool find_pxe(void)
{
	struct bios_handover *h = bios_handover;
	struct bios_regs regs = { .eax = 0x5650 };

	if (try_ppxe((struct segoff16){ h->ppxe_off, h->ppxe_seg }, "from the ROM's stack") ||
	    try_pxenv((struct segoff16){ h->pxenv_off, h->pxenv_seg }, "from ES:BX"))
		return true;
	/* PXE's installation check: INT 1Ah AX=5650h gives PXENV+ in ES:BX. */
	bios_int(0x1a, &regs);
	if (!(regs.eflags & BIOS_CF) && (regs.eax & 0xffff) == 0x564e &&
	    try_pxenv((struct segoff16){ (uint16_t)regs.ebx, regs.es }, "from INT 1Ah"))
		return true;
	snprintf(pxe.why_not, sizeof(pxe.why_not), "no PXE stack found (no valid !PXE or PXENV+): "
		 "bootnet.kpxe must be started by a NIC's PXE ROM");
	return false;
}

void bios_pxe_init(void)
{
	uint16_t seg, off;
	uint32_t size;
	uint8_t *bounce = bios_low_buffer(&seg, &off, &size);

	pxe.port.call = bios_pxe_call;
	pxe.port.read_real = bios_read_real;
	pxe.port.data = bounce + PARAMS_SIZE;
	pxe.port.data_at = (struct segoff16){ (uint16_t)(off + PARAMS_SIZE), seg };
	pxe.port.data_size = size - PARAMS_SIZE;
	pxe.undi.port = &pxe.port;

	if (bios_handover->boot_kind == BOOT_KIND_MEDIA) {
		snprintf(pxe.why_not, sizeof(pxe.why_not), "not started by a PXE ROM");
		return;
	}
	pxe.found = find_pxe();
	if (!pxe.found)
		return;
	pxe_undi_cached_dhcp(&pxe.undi, &pxe.undi.netdev.cached);
	if (bios_handover->boot_kind == BOOT_KIND_PXE) {
		bios_pxe_unload(&pxe.undi, pxe.why_not, sizeof(pxe.why_not));
		pxe.unloaded = true;
		return;
	}
	struct netdev_cached_dhcp cached = pxe.undi.netdev.cached;
	pxe.probed_ok = pxe_undi_probe(&pxe.undi) == 0;
	if (!pxe.probed_ok)
		snprintf(pxe.why_not, sizeof(pxe.why_not), "%s", pxe.undi.error);
	pxe_undi_netdev(&pxe.undi);
	pxe.undi.netdev.cached = cached;   /* pxe_undi_netdev starts from a clean netdev */
	pxe.undi.netdev.loaded_from = true;
}

int platform_netpaths(struct netpath_info *paths, int max)
{
	struct netpath_info *p = paths;
	const struct netdev_cached_dhcp *c = &pxe.undi.netdev.cached;

	if (!pxe.found || max < 1)
		return pxe.found ? 1 : 0;
	memset(p, 0, sizeof(*p));
	p->kind = NETPATH_UNDI;
	p->boot_device = true;
	if (pxe.unloaded) {
		p->on_pci = pxe.undi.has_pci;
		p->pci = (struct pci_location){ 0, pxe.undi.bus, pxe.undi.dev, pxe.undi.fn };
		snprintf(p->detail, sizeof(p->detail), "%s: %s", pxe.found_how, pxe.why_not);
	} else if (pxe.probed_ok) {
		p->on_pci = pxe.undi.has_pci;
		p->pci = (struct pci_location){ 0, pxe.undi.bus, pxe.undi.dev, pxe.undi.fn };
		p->has_mac = true;
		memcpy(p->mac, pxe.undi.mac, 6);
		snprintf(p->detail, sizeof(p->detail), "initialized through %s; cached DHCP "
			 "packets: %s%s", pxe.found_how, c->ack ? "DHCPACK" : "none",
			 c->pxe_reply ? ", boot server reply" : "");
	} else {
		snprintf(p->detail, sizeof(p->detail), "%s: %s", pxe.found_how, pxe.why_not);
	}
	return 1;
}

/* .kpxe: the PXE ROM's UNDI first, as the NIC that loaded bootnet is the
 * one it drives; bootnet's own drivers for any other NIC. Without a PXE
 * stack (.usb, .rom), or with it unloaded (.pxe, bios_pxe_unload.c), only
 * the native drivers are there. */
const char *platform_netpath_default(void)
{
	return pxe.found && !pxe.unloaded ? "undi,native" : "native";
}

static bool undi_at(const struct pci_location *loc)
{
	return (pxe.probed_ok || pxe.unloaded) && pxe.undi.has_pci && loc->segment == 0 &&
	       loc->bus == pxe.undi.bus && loc->dev == pxe.undi.dev && loc->fn == pxe.undi.fn;
}

struct netdev *platform_netpath_netdev(enum netpath_kind kind, const struct pci_location *loc,
				       char *why, size_t why_size)
{
	struct netdev *dev = &pxe.undi.netdev;

	if (kind != NETPATH_UNDI) {
		snprintf(why, why_size, "not a BIOS network path");
		return NULL;
	}
	if (!pxe.found || !pxe.probed_ok || pxe.unloaded) {
		snprintf(why, why_size, "%s", pxe.why_not);
		return NULL;
	}
	if (!undi_at(loc)) {
		snprintf(why, why_size, "none on this device (the PXE ROM's UNDI drives %02x:%02x.%x)",
			 pxe.undi.bus, pxe.undi.dev, pxe.undi.fn);
		return NULL;
	}
	if (!dev->is_open && dev->ops->open(dev) != 0) {
		snprintf(why, why_size, "%s", dev->error);
		return NULL;
	}
	return dev;
}

/* An UNDI that cannot say where its NIC is on PCI still gets used. */
int platform_netdevs_off_pci(struct netdev **devs, int max)
{
	if (!pxe.found || !pxe.probed_ok || pxe.undi.has_pci || max < 1)
		return 0;
	devs[0] = &pxe.undi.netdev;
	return 1;
}

/* A native driver taking the NIC the ROM booted from keeps the ROM's
 * cached DHCP packets and knows bootnet came through it. It is called just
 * before the driver claims and resets the NIC: from then on the UNDI's
 * state of it is gone, which chaining an NBP must know. */
void platform_netdev_firmware_facts(struct netdev *dev)
{
	if (!dev->on_pci || !undi_at(&dev->pci))
		return;
	dev->loaded_from = true;
	dev->cached = pxe.undi.netdev.cached;
	pxe.nic_taken = true;
}

bool bios_undi_nic_taken(char *at, size_t at_size)
{
	snprintf(at, at_size, "%02x:%02x.%x", pxe.undi.bus, pxe.undi.dev, pxe.undi.fn);
	return pxe.nic_taken;
}
