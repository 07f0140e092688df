/* EFI status codes as the UEFI specification names them, for messages
 * people read ("SNP Initialize failed: Device Error"). */
#include <stdio.h>
#include "efi_platform.h"

const char *efi_strerror(EFI_STATUS status)
{
	static char unknown[40];
	switch (status) {
	case EFI_SUCCESS: return "Success";
	case EFI_LOAD_ERROR: return "Load Error";
	case EFI_INVALID_PARAMETER: return "Invalid Parameter";
	case EFI_UNSUPPORTED: return "Unsupported";
	case EFI_BAD_BUFFER_SIZE: return "Bad Buffer Size";
	case EFI_BUFFER_TOO_SMALL: return "Buffer Too Small";
	case EFI_NOT_READY: return "Not Ready";
	case EFI_DEVICE_ERROR: return "Device Error";
	case EFI_WRITE_PROTECTED: return "Write Protected";
	case EFI_OUT_OF_RESOURCES: return "Out of Resources";
	case EFI_NOT_FOUND: return "Not Found";
	case EFI_ACCESS_DENIED: return "Access Denied";
	case EFI_NO_RESPONSE: return "No Response";
	case EFI_NO_MEDIA: return "No Media";
	case EFI_TIMEOUT: return "Timeout";
	case EFI_NOT_STARTED: return "Not Started";
	case EFI_ALREADY_STARTED: return "Already Started";
	case EFI_ABORTED: return "Aborted";
	case EFI_SECURITY_VIOLATION: return "Security Violation";
	}
	snprintf(unknown, sizeof(unknown), "EFI status 0x%llx", (unsigned long long)status);
	return unknown;
}
