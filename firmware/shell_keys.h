/* Keys as the shell, menus and prompts see them: one code per key,
 * whether it came from the EFI console (scan codes) or a serial line
 * (ANSI escape sequences such as ESC [ A). */
#ifndef SHELL_KEYS_H
#define SHELL_KEYS_H

#include <stdbool.h>

enum {
	KEY_CTRL_A = 0x01,
	KEY_CTRL_B = 0x02,
	KEY_CTRL_C = 0x03,
	KEY_CTRL_E = 0x05,
	KEY_BACKSPACE = 0x08,
	KEY_ENTER = 0x0a,
	KEY_CTRL_K = 0x0b,
	KEY_CTRL_U = 0x15,
	KEY_ESC = 0x1b,
	/* Special keys: 0x100 + the EFI scan code. */
	KEY_UP = 0x101,
	KEY_DOWN = 0x102,
	KEY_RIGHT = 0x103,
	KEY_LEFT = 0x104,
	KEY_HOME = 0x105,
	KEY_END = 0x106,
	KEY_DELETE = 0x108,
	KEY_PAGE_UP = 0x109,
	KEY_PAGE_DOWN = 0x10a,
};

/* The next key, or -1 when none is waiting. */
int shell_key_get(void);
/* Waits for a key; -1 after timeout_ms (0: wait for ever). */
int shell_key_wait(unsigned long timeout_ms);
/* Whether Ctrl-C was pressed: reads what is waiting and keeps other keys
 * for later (scripts check this between lines). */
bool shell_key_interrupted(void);

/* A key as iPXE's --key options take it: one character ("x"), or its
 * code as a number ("0x02" for Ctrl-B). -1 when it is neither. */
int shell_key_parse(const char *text);

#endif
