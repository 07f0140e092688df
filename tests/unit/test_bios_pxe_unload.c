/* bootnet.pxe's unloading of the PXE stack (bios/bios_pxe_unload.c)
 * against a fake PXE API: the calls and their order, the NIC's PCI
 * location kept, and a refusal reported in words. */
#include <stdio.h>
#include "../../bios/bios_pxe_unload.h"
#include "test.h"

struct fake_api {
	struct pxe_port port;          /* first: the port's address is the fake's */
	uint16_t opcodes[16];
	int ncalls;
	uint16_t refuse_opcode, refuse_status;
};

static uint16_t fake_call(struct pxe_port *port, uint16_t opcode, void *params, size_t size)
{
	struct fake_api *f = (struct fake_api *)port;
	uint16_t status = 0;

	if (f->ncalls < 16)
		f->opcodes[f->ncalls++] = opcode;
	if (opcode == PXENV_UNDI_GET_NIC_TYPE && size >= sizeof(struct pxenv_undi_get_nic_type)) {
		struct pxenv_undi_get_nic_type *nic = params;
		nic->nic_type = PXE_NIC_PCI;
		nic->pci.vendor_id = 0x8086;
		nic->pci.dev_id = 0x100e;
		nic->pci.bus_dev_func = (0 << 8) | (3 << 3) | 0;   /* 00:03.0 */
	}
	if (opcode == f->refuse_opcode)
		status = f->refuse_status;
	memcpy(params, &status, sizeof(status));
	return status ? PXENV_EXIT_FAILURE : PXENV_EXIT_SUCCESS;
}

static void fake_init(struct fake_api *f, struct pxe_undi *u)
{
	memset(f, 0, sizeof(*f));
	memset(u, 0, sizeof(*u));
	f->port.call = fake_call;
	f->refuse_opcode = 0xffff;
	u->port = &f->port;
}

TEST(pxe_unload_calls_in_order_and_keeps_the_nic)
{
	struct fake_api f;
	struct pxe_undi u;
	char why[200];
	const uint16_t want[] = { 0x0012, 0x0007, 0x0005, 0x0070, 0x0015 };

	fake_init(&f, &u);
	CHECK(bios_pxe_unload(&u, why, sizeof(why)) == 0);
	CHECK(f.ncalls == 5);
	for (int i = 0; i < 5 && i < f.ncalls; i++)
		CHECK(f.opcodes[i] == want[i]);
	CHECK(u.has_pci && u.bus == 0 && u.dev == 3 && u.fn == 0);
	CHECK(u.vendor_id == 0x8086 && u.device_id == 0x100e);
	CHECK_CONTAINS(why, "unloaded (PXENV_UNDI_SHUTDOWN, PXENV_UNLOAD_STACK, PXENV_STOP_UNDI)");
}

TEST(pxe_unload_a_close_refused_is_no_error)
{
	struct fake_api f;
	struct pxe_undi u;
	char why[200];

	fake_init(&f, &u);
	f.refuse_opcode = 0x0007;      /* PXENV_UNDI_CLOSE: not open */
	f.refuse_status = 0x0001;
	CHECK(bios_pxe_unload(&u, why, sizeof(why)) == 0);
	CHECK(f.ncalls == 5);
}

TEST(pxe_unload_refused_says_which_call_and_stops)
{
	struct fake_api f;
	struct pxe_undi u;
	char why[200];

	fake_init(&f, &u);
	f.refuse_opcode = 0x0070;      /* PXENV_UNLOAD_STACK */
	f.refuse_status = 0x0001;
	CHECK(bios_pxe_unload(&u, why, sizeof(why)) == -1);
	CHECK(f.ncalls == 4);          /* no PXENV_STOP_UNDI after a refusal */
	CHECK_CONTAINS(why, "the PXE ROM refused to unload its stack");
	CHECK_CONTAINS(why, "PXENV_UNLOAD_STACK failed");
	CHECK_CONTAINS(why, "(status 0x01)");
}
