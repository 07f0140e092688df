/* Key decoding (see shell_keys.h). */
#include <stdlib.h>
#include "platform.h"
#include "shell_keys.h"

#define ESC_WAIT_MS 50 /* the rest of an escape sequence comes this soon */
#define EFI_SCAN_ESC 0x117

/* Keys read ahead (while looking for Ctrl-C), given out first. */
static int pending[32];
static int pending_count;

/* A raw key within ESC_WAIT_MS, or -1. */
static int raw_soon(void)
{
	uint64_t start = platform_now_ms();
	for (;;) {
		int key = platform_console_read_key();
		if (key >= 0 || platform_now_ms() - start >= ESC_WAIT_MS)
			return key;
		platform_delay_us(1000);
	}
}

/* ESC [ ... from a serial terminal: returns the key it stands for. */
static int decode_escape(void)
{
	int c = raw_soon(), number = 0;
	if (c != '[' && c != 'O')
		return KEY_ESC; /* a lone Escape (what followed is lost) */
	for (;;) {
		c = raw_soon();
		if (c >= '0' && c <= '9' && number < 100) {
			number = number * 10 + (c - '0');
			continue;
		}
		break;
	}
	switch (c) {
	case 'A': return KEY_UP;
	case 'B': return KEY_DOWN;
	case 'C': return KEY_RIGHT;
	case 'D': return KEY_LEFT;
	case 'H': return KEY_HOME;
	case 'F': return KEY_END;
	case '~':
		switch (number) {
		case 1: case 7: return KEY_HOME;
		case 4: case 8: return KEY_END;
		case 3: return KEY_DELETE;
		case 5: return KEY_PAGE_UP;
		case 6: return KEY_PAGE_DOWN;
		}
	}
	return -1; /* an escape sequence we do not use */
}

static int decode(int raw)
{
	switch (raw) {
	case '\r':
	case '\n':
		return KEY_ENTER;
	case 0x7f:
		return KEY_BACKSPACE;
	case EFI_SCAN_ESC:
		return KEY_ESC;
	case KEY_ESC:
		return decode_escape();
	}
	return raw;
}

static int read_decoded(void)
{
	for (;;) {
		int raw = platform_console_read_key(), key;
		if (raw < 0)
			return -1;
		key = decode(raw);
		if (key >= 0)
			return key;
	}
}

int shell_key_get(void)
{
	if (pending_count) {
		int key = pending[0];
		for (int i = 1; i < pending_count; i++)
			pending[i - 1] = pending[i];
		pending_count--;
		return key;
	}
	return read_decoded();
}

int shell_key_wait(unsigned long timeout_ms)
{
	uint64_t start = platform_now_ms();
	for (;;) {
		int key = shell_key_get();
		if (key >= 0)
			return key;
		if (timeout_ms && platform_now_ms() - start >= timeout_ms)
			return -1;
		platform_delay_us(1000);
	}
}

bool shell_key_interrupted(void)
{
	int key;
	while ((key = read_decoded()) >= 0) {
		if (key == KEY_CTRL_C) {
			pending_count = 0; /* what was typed before Ctrl-C is void */
			return true;
		}
		if (pending_count < (int)(sizeof(pending) / sizeof(pending[0])))
			pending[pending_count++] = key;
	}
	return false;
}

int shell_key_parse(const char *text)
{
	char *end;
	unsigned long key;
	if (text[0] && !text[1])
		return (unsigned char)text[0];
	key = strtoul(text, &end, 0);
	return (*text && !*end && key > 0 && key < 0x10000) ? (int)key : -1;
}
