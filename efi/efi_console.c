/* Console on EFI: the text console (ConOut/ConIn), and a serial port
 * through SerialIo when the firmware does not already mirror ConOut to
 * one (OVMF does; a Mac has no serial console at all). */
#include "../firmware/platform.h"
#include "efi_platform.h"

static EFI_SERIAL_IO_PROTOCOL *extra_serial;

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

	if (conout_has_uart())
		return;
	count = efi_handles_with(&serial_guid, &handles);
	if (count) {
		efi_bs->HandleProtocol(handles[0], &serial_guid, (void **)&extra_serial);
		efi_bs->FreePool(handles);
	}
}

static void conout_write(const char *text, size_t len)
{
	CHAR16 buf[128];
	UINTN n = 0;

	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)text[i];
		if (c == '\n')
			buf[n++] = L'\r';
		buf[n++] = c < 0x80 ? c : L'?';
		if (n >= sizeof(buf) / sizeof(buf[0]) - 3 || i + 1 == len) {
			buf[n] = 0;
			efi_systab->ConOut->OutputString(efi_systab->ConOut, buf);
			n = 0;
		}
	}
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
