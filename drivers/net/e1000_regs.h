/* Intel 8254x (e1000) and 82571-82574/82583 (e1000e) register names, from
 * Intel's "PCI/PCI-X Family of Gigabit Ethernet Controllers Software
 * Developer's Manual" (8254x) and the 82574 datasheet. Legacy descriptors
 * only, which both families keep. */
#ifndef E1000_REGS_H
#define E1000_REGS_H

#define E1000_CTRL     0x0000
#define E1000_CTRL_FD     (1u << 0)
#define E1000_CTRL_LRST   (1u << 3)
#define E1000_CTRL_ASDE   (1u << 5)
#define E1000_CTRL_SLU    (1u << 6)
#define E1000_CTRL_ILOS   (1u << 7)
#define E1000_CTRL_RST    (1u << 26)
#define E1000_CTRL_VME    (1u << 30)
#define E1000_CTRL_PHY_RST (1u << 31)

#define E1000_STATUS   0x0008
#define E1000_STATUS_FD   (1u << 0)
#define E1000_STATUS_LU   (1u << 1)
#define E1000_STATUS_SPEED_SHIFT 6   /* 00: 10, 01: 100, 1x: 1000 Mb/s */

#define E1000_EERD     0x0014
#define E1000_EERD_START  (1u << 0)
/* Where "done" and the word address sit differs between the families. */
#define E1000_EERD_DONE_8254X    (1u << 4)
#define E1000_EERD_ADDR_SHIFT_8254X 8
#define E1000_EERD_DONE_82574    (1u << 1)
#define E1000_EERD_ADDR_SHIFT_82574 2
#define E1000_EERD_DATA_SHIFT 16

#define E1000_CTRL_EXT 0x0018
#define E1000_CTRL_EXT_DRV_LOAD (1u << 28)  /* 82574: a driver has the device */

#define E1000_ICR      0x00c0
#define E1000_IMC      0x00d8

#define E1000_RCTL     0x0100
#define E1000_RCTL_EN     (1u << 1)
#define E1000_RCTL_BAM    (1u << 15)   /* accept broadcast */
#define E1000_RCTL_SECRC  (1u << 26)   /* strip the CRC */
/* BSIZE 00 with BSEX 0: 2048-byte receive buffers. */

#define E1000_TCTL     0x0400
#define E1000_TCTL_EN     (1u << 1)
#define E1000_TCTL_PSP    (1u << 3)    /* pad short packets */
#define E1000_TCTL_CT     (0x0fu << 4) /* collision threshold, the manual's 15 */
#define E1000_TCTL_COLD   (0x3fu << 12) /* collision distance, full duplex */
#define E1000_TIPG     0x0410
#define E1000_TIPG_COPPER 0x0060200au  /* IPGT 10, IPGR1 8, IPGR2 6 */

#define E1000_RDBAL    0x2800
#define E1000_RDBAH    0x2804
#define E1000_RDLEN    0x2808
#define E1000_RDH      0x2810
#define E1000_RDT      0x2818
#define E1000_TDBAL    0x3800
#define E1000_TDBAH    0x3804
#define E1000_TDLEN    0x3808
#define E1000_TDH      0x3810
#define E1000_TDT      0x3818
#define E1000_MTA      0x5200          /* 128 entries */
#define E1000_RAL0     0x5400
#define E1000_RAH0     0x5404
#define E1000_RAH_AV      (1u << 31)

/* Legacy descriptors, 16 bytes each. */
struct e1000_rx_desc {
	uint64_t addr;
	uint16_t length;
	uint16_t checksum;
	uint8_t status;
	uint8_t errors;
	uint16_t special;
};
#define E1000_RXD_DD  0x01
#define E1000_RXD_EOP 0x02

struct e1000_tx_desc {
	uint64_t addr;
	uint16_t length;
	uint8_t cso;
	uint8_t cmd;
	uint8_t status;
	uint8_t css;
	uint16_t special;
};
#define E1000_TXD_CMD_EOP  0x01
#define E1000_TXD_CMD_IFCS 0x02
#define E1000_TXD_CMD_RS   0x08
#define E1000_TXD_DD       0x01

#endif
