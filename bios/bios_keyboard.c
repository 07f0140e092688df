/* Keys on BIOS: the keyboard through INT 16h and bytes from COM1. Keys
 * with no character become 0x100 + the EFI scan code the shell expects
 * (firmware/shell_keys.h); escape sequences from a serial terminal are
 * passed on as bytes, which shell_keys.c decodes. */
#include "../firmware/platform.h"
#include "../firmware/shell_keys.h"
#include "bios_platform.h"
#include "bios_thunk.h"

#define EFI_SCAN_ESC 0x117

/* PC scan codes of the keys that send no character. */
static int special(uint8_t scan)
{
	switch (scan) {
	case 0x48: return KEY_UP;
	case 0x50: return KEY_DOWN;
	case 0x4d: return KEY_RIGHT;
	case 0x4b: return KEY_LEFT;
	case 0x47: return KEY_HOME;
	case 0x4f: return KEY_END;
	case 0x53: return KEY_DELETE;
	case 0x49: return KEY_PAGE_UP;
	case 0x51: return KEY_PAGE_DOWN;
	}
	return -1;
}

static int keyboard(void)
{
	struct bios_regs r = { .eax = 0x0100 };   /* is a key waiting? (ZF clear: yes) */
	bios_int(0x16, &r);
	if (r.eflags & 0x40)
		return -1;
	r = (struct bios_regs){ .eax = 0x0000 };  /* take it */
	bios_int(0x16, &r);
	uint8_t ascii = r.eax & 0xff, scan = (r.eax >> 8) & 0xff;
	if (ascii == 0x1b)
		return EFI_SCAN_ESC;  /* a real Escape key, not the start of a sequence */
	if (ascii && ascii != 0xe0)
		return ascii;
	return special(scan);
}

int platform_console_read_key(void)
{
	int key = bios_serial_read();
	if (key >= 0)
		return key;
	return keyboard();
}
