/* COM1, a 16550 programmed directly through its ports: 115200 baud, 8
 * data bits, no parity, 1 stop bit, FIFOs on. Output waits a bounded time
 * for the transmitter, so a missing or stuck UART never hangs bootnet. */
#include "bios_io.h"
#include "bios_platform.h"

#define COM1 0x3f8
#define REG_DATA 0
#define REG_IER 1
#define REG_FCR 2
#define REG_LCR 3
#define REG_MCR 4
#define REG_LSR 5
#define REG_SCRATCH 7
#define LSR_DATA_READY 0x01
#define LSR_THR_EMPTY 0x20

static bool present;

void bios_serial_init(void)
{
	/* A UART keeps what is written to its scratch register; an empty
	 * port reads back 0xff. */
	outb(COM1 + REG_SCRATCH, 0x5a);
	if (inb(COM1 + REG_SCRATCH) != 0x5a)
		return;
	outb(COM1 + REG_IER, 0x00);          /* no interrupts: we poll */
	outb(COM1 + REG_LCR, 0x80);          /* divisor latch */
	outb(COM1 + REG_DATA, 1);            /* 115200 = 1.8432 MHz / 16 / 1 */
	outb(COM1 + REG_IER, 0);
	outb(COM1 + REG_LCR, 0x03);          /* 8N1 */
	outb(COM1 + REG_FCR, 0xc7);          /* FIFOs on and cleared */
	outb(COM1 + REG_MCR, 0x03);          /* DTR, RTS */
	present = true;
}

bool bios_serial_present(void)
{
	return present;
}

static void put(uint8_t c)
{
	for (unsigned tries = 0; tries < 100000; tries++)
		if (inb(COM1 + REG_LSR) & LSR_THR_EMPTY)
			break;
	outb(COM1 + REG_DATA, c);
}

void bios_serial_write(const char *text, size_t len)
{
	if (!present)
		return;
	for (size_t i = 0; i < len; i++) {
		if (text[i] == '\n')
			put('\r');
		put((uint8_t)text[i]);
	}
}

int bios_serial_read(void)
{
	if (!present || !(inb(COM1 + REG_LSR) & LSR_DATA_READY))
		return -1;
	return inb(COM1 + REG_DATA);
}
