/* Console on EFI: the text console (ConOut/ConIn), and a serial port
 * through SerialIo when the firmware does not already mirror ConOut to
 * one (OVMF does; a Mac has no serial console at all).
 *
 * ConOut cannot show ANSI escape sequences (it prints ESC as '?'), so
 * the ones bootnet's menus use become ConOut calls; a firmware that
 * mirrors ConOut to serial sends its own escapes there. Our own serial
 * port gets the bytes unchanged: a terminal understands them. */
#include "../firmware/ansi_parse.h"
#include "../firmware/platform.h"
#include "efi_platform.h"

static EFI_SERIAL_IO_PROTOCOL *extra_serial;
static struct ansi_parser conout_ansi;
static UINTN normal_attr = EFI_TEXT_ATTR(EFI_LIGHTGRAY, EFI_BLACK);

/* True if the ConOut variable names a UART: the firmware already copies
 * console output to serial, and writing there too would double it. */
static BOOLEAN conout_has_uart(void)
{
	EFI_GUID global = EFI_GLOBAL_VARIABLE;
	UINT8 paths[2048];
	UINTN size = sizeof(paths);
	UINTN i = 0;

	if (efi_rt->GetVariable(L"ConOut", &global, NULL, &size, paths) != EFI_SUCCESS)
		return FALSE;
	while (i + 4 <= size) {
		UINT8 type = paths[i], subtype = paths[i + 1];
		UINTN len = paths[i + 2] | (paths[i + 3] << 8);
		if (type == MESSAGING_DEVICE_PATH && subtype == MSG_UART_DP)
			return TRUE;
		if (len < 4)
			break;
		i += len;
	}
	return FALSE;
}

void efi_console_init(void)
{
	EFI_GUID serial_guid = EFI_SERIAL_IO_PROTOCOL_GUID;
	EFI_HANDLE *handles;
	UINTN count;

	ansi_init(&conout_ansi);
	/* Reverse video swaps the colours the screen has now. */
	if (efi_systab->ConOut->Mode && efi_systab->ConOut->Mode->Attribute > 0)
		normal_attr = (UINTN)efi_systab->ConOut->Mode->Attribute;
	if (conout_has_uart())
		return;
	count = efi_handles_with(&serial_guid, &handles);
	if (count) {
		efi_bs->HandleProtocol(handles[0], &serial_guid, (void **)&extra_serial);
		efi_bs->FreePool(handles);
	}
}

/* Background colours have no bright bit: the old foreground loses it. */
static UINTN reversed(UINTN attr)
{
	return EFI_TEXT_ATTR((attr >> 4) & 0x07, attr & 0x07);
}

/* ConOut has no "clear to end of line": write spaces and come back. */
static void conout_clear_eol(SIMPLE_TEXT_OUTPUT_INTERFACE *out)
{
	CHAR16 spaces[81];
	UINTN columns, rows, col, row, n = 0;

	if (!out->Mode || out->QueryMode(out, (UINTN)out->Mode->Mode, &columns, &rows) != EFI_SUCCESS)
		return;
	col = (UINTN)out->Mode->CursorColumn;
	row = (UINTN)out->Mode->CursorRow;
	/* Stop short of the last column: writing there wraps, and on the
	 * bottom row scrolls the screen. */
	for (UINTN c = col; c + 1 < columns; c++) {
		spaces[n++] = L' ';
		if (n == sizeof(spaces) / sizeof(spaces[0]) - 1 || c + 2 == columns) {
			spaces[n] = 0;
			out->OutputString(out, spaces);
			n = 0;
		}
	}
	out->SetCursorPosition(out, col, row);
}

/* Does what a parsed escape sequence asks, with ConOut's own calls. */
static void conout_apply(const struct ansi_event *ev)
{
	SIMPLE_TEXT_OUTPUT_INTERFACE *out = efi_systab->ConOut;

	switch (ev->kind) {
	case ANSI_CURSOR:
		out->SetCursorPosition(out, ev->col, ev->row); /* off-screen: refused, ignored */
		break;
	case ANSI_CLEAR:
		out->ClearScreen(out);
		break;
	case ANSI_CLEAR_EOL:
		conout_clear_eol(out);
		break;
	case ANSI_ATTR:
		out->SetAttribute(out, ev->reverse ? reversed(normal_attr) : normal_attr);
		break;
	case ANSI_CURSOR_SHOW:
	case ANSI_CURSOR_HIDE:
		out->EnableCursor(out, ev->kind == ANSI_CURSOR_SHOW);
		break;
	default:
		break;
	}
}

static void conout_flush(CHAR16 *buf, UINTN *n)
{
	if (!*n)
		return;
	buf[*n] = 0;
	efi_systab->ConOut->OutputString(efi_systab->ConOut, buf);
	*n = 0;
}

static void conout_write(const char *text, size_t len)
{
	CHAR16 buf[128];
	UINTN n = 0;

	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)text[i];
		struct ansi_event ev;
		enum ansi_kind kind = ansi_feed(&conout_ansi, c, &ev);
		if (kind == ANSI_NONE)
			continue;
		if (kind != ANSI_TEXT) {
			conout_flush(buf, &n); /* text before the sequence goes first */
			conout_apply(&ev);
			continue;
		}
		if (c == '\n')
			buf[n++] = L'\r';
		buf[n++] = c < 0x80 ? c : L'?';
		if (n >= sizeof(buf) / sizeof(buf[0]) - 3)
			conout_flush(buf, &n);
	}
	conout_flush(buf, &n);
}

static void serial_write(const char *text, size_t len)
{
	size_t start = 0;
	for (size_t i = 0; i <= len; i++) {
		if (i == len || text[i] == '\n') {
			UINTN n = i - start;
			if (n)
				extra_serial->Write(extra_serial, &n, (void *)(text + start));
			if (i < len) {
				UINTN two = 2;
				extra_serial->Write(extra_serial, &two, "\r\n");
			}
			start = i + 1;
		}
	}
}

void platform_console_write(const char *text, size_t len)
{
	if (!len)
		return;
	conout_write(text, len);
	if (extra_serial)
		serial_write(text, len);
}

int platform_console_read_key(void)
{
	EFI_INPUT_KEY key;
	if (efi_systab->ConIn->ReadKeyStroke(efi_systab->ConIn, &key) != EFI_SUCCESS)
		return -1;
	if (key.UnicodeChar)
		return key.UnicodeChar;
	return 0x100 + key.ScanCode; /* special keys: above the character range */
}
