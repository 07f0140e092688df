/* An ExitBootServices event for the whole run. sanboot hands the machine
 * to a loader with the network still open (it reads the SAN disk through
 * bootnet); when that loader (or the OS it starts) calls ExitBootServices,
 * a NIC driven by bootnet's own driver would otherwise keep writing
 * received frames into memory the OS now owns. The notify may not allocate
 * or free memory (UEFI spec, ExitBootServices), so it only clears Bus
 * Master Enable through PciIo configuration writes. SNP and NII NICs are
 * the firmware's: its own drivers stop them. */
#include "../firmware/console.h"
#include "../firmware/netdev.h"
#include "efi_platform.h"

static EFI_EVENT exit_event;

static VOID EFIAPI on_exit_boot_services(EFI_EVENT event, VOID *context)
{
	(void)event;
	(void)context;
	netdev_stop_dma_all();
}

void efi_exit_event_create(void)
{
	EFI_STATUS status = efi_bs->CreateEvent(EVT_SIGNAL_EXIT_BOOT_SERVICES, TPL_CALLBACK,
						on_exit_boot_services, NULL, &exit_event);
	if (status != EFI_SUCCESS) {
		exit_event = NULL;
		console_printf("bootnet: cannot watch for ExitBootServices (%s): a NIC bootnet "
			       "drives may keep doing DMA after sanboot hands over the machine\n",
			       efi_strerror(status));
	}
}

/* Before bootnet's image leaves memory: the notify must not outlive it. */
void efi_exit_event_close(void)
{
	if (exit_event)
		efi_bs->CloseEvent(exit_event);
	exit_event = NULL;
}
