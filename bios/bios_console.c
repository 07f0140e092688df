/* Console on BIOS: every byte goes to COM1 unchanged (a terminal
 * understands bootnet's ANSI sequences) and to the screen through INT 10h,
 * where the sequences become video BIOS calls: teletype output cannot show
 * them. */
#include "../firmware/ansi_parse.h"
#include "../firmware/platform.h"
#include "bios_platform.h"
#include "bios_thunk.h"

#define ATTR_NORMAL 0x07
#define ATTR_REVERSE 0x70

static struct ansi_parser screen_ansi;
static uint8_t attr = ATTR_NORMAL;
static unsigned columns = 80, rows = 25;

static void video(uint32_t ax, uint32_t bx, uint32_t cx, uint32_t dx)
{
	struct bios_regs r = { .eax = ax, .ebx = bx, .ecx = cx, .edx = dx };
	bios_int(0x10, &r);
}

void bios_console_init(void)
{
	struct bios_regs r = { .eax = 0x0f00 };   /* current mode: AH = columns */
	uint8_t rows_minus_one = *(volatile uint8_t *)bios_linear(0x484);

	ansi_init(&screen_ansi);
	bios_int(0x10, &r);
	if (((r.eax >> 8) & 0xff) >= 40)
		columns = (r.eax >> 8) & 0xff;
	if (rows_minus_one >= 24 && rows_minus_one < 100)
		rows = rows_minus_one + 1u;
}

/* The cursor's row and column on page 0. */
static void cursor(unsigned *row, unsigned *col)
{
	struct bios_regs r = { .eax = 0x0300 };
	bios_int(0x10, &r);
	*row = (r.edx >> 8) & 0xff;
	*col = r.edx & 0xff;
}

static void apply(const struct ansi_event *ev)
{
	unsigned row, col;

	switch (ev->kind) {
	case ANSI_CURSOR:
		if (ev->row < rows && ev->col < columns)
			video(0x0200, 0, 0, ev->row << 8 | ev->col);
		break;
	case ANSI_CLEAR:
		video(0x0600, (uint32_t)ATTR_NORMAL << 8, 0, (rows - 1) << 8 | (columns - 1));
		video(0x0200, 0, 0, 0);
		break;
	case ANSI_CLEAR_EOL:
		cursor(&row, &col);
		if (col < columns)   /* AH=09 writes CX copies without moving the cursor */
			video(0x0900 | ' ', ATTR_NORMAL, columns - col, 0);
		break;
	case ANSI_ATTR:
		attr = ev->reverse ? ATTR_REVERSE : ATTR_NORMAL;
		break;
	case ANSI_CURSOR_SHOW:
		video(0x0100, 0, 0x0607, 0);
		break;
	case ANSI_CURSOR_HIDE:
		video(0x0100, 0, 0x2000, 0);
		break;
	default:
		break;
	}
}

static void screen_char(unsigned char c)
{
	if (c == '\n') {
		video(0x0e00 | '\r', 0, 0, 0);
		video(0x0e00 | '\n', 0, 0, 0);
		return;
	}
	if (c >= 0x80)
		c = '?';
	/* Teletype output keeps the colour already on screen: in reverse
	 * video the cell gets its attribute first. */
	if (attr != ATTR_NORMAL && c >= ' ')
		video(0x0900 | c, attr, 1, 0);
	video(0x0e00 | c, 0, 0, 0);
}

void platform_console_write(const char *text, size_t len)
{
	bios_serial_write(text, len);
	for (size_t i = 0; i < len; i++) {
		struct ansi_event ev;
		enum ansi_kind kind = ansi_feed(&screen_ansi, (unsigned char)text[i], &ev);
		if (kind == ANSI_TEXT)
			screen_char((unsigned char)text[i]);
		else if (kind != ANSI_NONE)
			apply(&ev);
	}
}
