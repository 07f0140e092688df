/* PXENV_STATUS codes in words (PXE 2.1 specification, appendix). */
#include "pxe_undi.h"

const char *pxe_status_text(uint16_t status)
{
	switch (status) {
	case 0x00: return "success";
	case 0x01: return "failed";
	case 0x02: return "bad function";
	case 0x03: return "not supported by this PXE stack";
	case 0x04: return "UNDI must stay loaded";
	case 0x05: return "the PXE stack must stay loaded";
	case 0x06: return "out of resources";
	case 0x20: return "ARP timed out";
	case 0x21: return "UDP not open";
	case 0x22: return "UDP already open";
	case 0x23: return "TFTP not open";
	case 0x24: return "TFTP already open";
	case 0x51: return "DHCP timed out";
	case 0x52: return "DHCP gave no IP address";
	case 0x53: return "DHCP gave no boot file name";
	case 0x54: return "DHCP gave a bad IP address";
	case 0x60: return "invalid UNDI function";
	case 0x61: return "the NIC's media test failed";
	case 0x62: return "the NIC could not be set up for multicast";
	case 0x63: return "the NIC could not be initialized";
	case 0x64: return "the NIC's PHY could not be initialized";
	case 0x65: return "the NIC's configuration could not be read";
	case 0x66: return "the NIC's initialization data could not be read";
	case 0x67: return "the NIC has a bad MAC address";
	case 0x68: return "the NIC's EEPROM checksum is bad";
	case 0x69: return "the NIC's interrupt could not be set up";
	case 0x6a: return "UNDI is in the wrong state for this call";
	case 0x6b: return "the NIC could not transmit";
	case 0x6c: return "invalid parameter";
	case 0xa2: return "not available in protected mode";
	case 0xa3: return "not available in real mode";
	case 0xb0: return "device not supported";
	case 0xc0: return "no free base memory";
	}
	return "unknown status";
}
