/* Broadcom NetXtreme/NetLink (tg3) registers, NIC memory layout and
 * descriptor formats, as the BCM57XX and BCM5718-family programmer's
 * reference guides describe them. Offsets are into BAR0 (64 KiB); its
 * first 256 bytes shadow PCI configuration space. Only what bootnet uses
 * is named. Where a value is written from memory of the guides and not
 * checked against the document, the comment says "unverified". */
#ifndef TG3_REGS_H
#define TG3_REGS_H

/* PCI configuration space (also at the same offsets in BAR0). */
#define TG3_PCI_COMMAND                 0x04
#define TG3_MISC_HOST_CTRL              0x68
#define  MISC_HOST_CTRL_CLEAR_INT        0x00000001
#define  MISC_HOST_CTRL_MASK_PCI_INT     0x00000002
#define  MISC_HOST_CTRL_WORD_SWAP        0x00000008
#define  MISC_HOST_CTRL_PCISTATE_RW      0x00000010
#define  MISC_HOST_CTRL_INDIR_ACCESS     0x00000080
#define  MISC_HOST_CTRL_CHIPREV_SHIFT    16
#define TG3_DMA_RW_CTRL                 0x6c
#define  DMA_RWCTRL_DIS_CACHE_ALIGNMENT  0x00000001
#define  DMA_RWCTRL_PCI_CMDS             0x76000000 /* write command 7, read command 6 */
#define TG3_PCISTATE                    0x70
#define TG3_MEM_WIN_BASE_ADDR           0x7c   /* NIC memory window: address... */
#define TG3_MEM_WIN_DATA                0x84   /* ...and the word there */
/* Newer chips keep their ASIC revision here (the MISC_HOST_CTRL field reads 0xf). */
#define TG3_PRODID_ASICREV              0xbc   /* 5761, 5764 */
#define TG3_GEN2_PRODID_ASICREV         0xf4   /* 5717, 5718, 5719, 5720 */
#define TG3_GEN15_PRODID_ASICREV        0xfc   /* 57761/57765/57781/57785, 57762/57766 */
#define  ASIC_REV_SHIFT                  12
#define  ASIC_REV_57766                  0x57766

/* High-priority mailboxes (64-bit; the low word at +4 is the one written). */
#define MBOX_INTERRUPT_0                0x0204 /* non-zero: interrupt masked */
#define MBOX_RCV_STD_PROD_IDX           0x026c /* standard receive producer ring */
#define MBOX_RCVRET_CON_IDX_0           0x0284 /* return ring 0 consumer */
#define MBOX_SNDHOST_PROD_IDX_0         0x0304 /* send ring 0 producer (host rings) */

/* Ethernet MAC. */
#define MAC_MODE                        0x0400
#define  MAC_MODE_RESET                  0x00000001
#define  MAC_MODE_HALF_DUPLEX            0x00000002
#define  MAC_MODE_PORT_MODE_MASK         0x0000000c
#define  MAC_MODE_PORT_MODE_GMII         0x00000008
#define  MAC_MODE_PORT_MODE_MII          0x00000004
#define  MAC_MODE_RXSTAT_CLEAR           0x00001000
#define  MAC_MODE_TXSTAT_CLEAR           0x00008000
#define  MAC_MODE_TDE_ENABLE             0x00200000 /* transmit DMA engine */
#define  MAC_MODE_RDE_ENABLE             0x00400000 /* receive DMA engine */
#define  MAC_MODE_FHDE_ENABLE            0x00800000 /* frame header DMA engine */
#define MAC_STATUS                      0x0404
#define MAC_EVENT                       0x0408
#define MAC_ADDR_0_HIGH                 0x0410 /* bytes 0-1 in bits 15:0 */
#define MAC_ADDR_0_LOW                  0x0414 /* bytes 2-5 */
#define MAC_ADDR_SLOTS                  4      /* 0x410..0x42c, high/low pairs */
#define MAC_TX_BACKOFF_SEED             0x0438
#define  TX_BACKOFF_SEED_MASK            0x000003ff
#define MAC_RX_MTU_SIZE                 0x043c
#define MAC_MI_COM                      0x044c /* MII management frame */
#define  MI_COM_CMD_WRITE                0x04000000
#define  MI_COM_CMD_READ                 0x08000000
#define  MI_COM_READ_FAILED              0x10000000
#define  MI_COM_START                    0x20000000
#define  MI_COM_BUSY                     0x20000000
#define  MI_COM_PHY_ADDR_SHIFT           21
#define  MI_COM_REG_ADDR_SHIFT           16
#define  MI_COM_DATA_MASK                0x0000ffff
#define MAC_MI_MODE                     0x0454
#define  MAC_MI_MODE_AUTO_POLL           0x00000010
#define MAC_TX_MODE                     0x045c
#define  TX_MODE_RESET                   0x00000001
#define  TX_MODE_ENABLE                  0x00000002
#define MAC_TX_LENGTHS                  0x0464
#define  TX_LENGTHS_SLOT_TIME_SHIFT      0
#define  TX_LENGTHS_IPG_SHIFT            8
#define  TX_LENGTHS_IPG_CRS_SHIFT        12
#define MAC_RX_MODE                     0x0468
#define  RX_MODE_RESET                   0x00000001
#define  RX_MODE_ENABLE                  0x00000002
#define MAC_HASH_REG_0                  0x0470 /* four 32-bit multicast hash words */
#define MAC_RCV_RULE_0                  0x0480 /* rule/value pairs, 8 bytes apart */
#define MAC_RCV_RULE_CFG                0x0500
#define  RCV_RULE_CFG_DEFAULT_CLASS      0x00000008

/* Send and receive engines: each block's mode register has ENABLE at bit 1. */
#define BLOCK_ENABLE                    0x00000002
#define BLOCK_ATTN_ENABLE               0x00000004
#define SNDDATAI_MODE                   0x0c00 /* send data initiator */
#define SNDDATAC_MODE                   0x1000 /* send data completion */
#define SNDBDS_MODE                     0x1400 /* send BD selector */
#define SNDBDI_MODE                     0x1800 /* send BD initiator */
#define SNDBDC_MODE                     0x1c00 /* send BD completion */
#define RCVLPC_MODE                     0x2000 /* receive list placement */
#define RCVLPC_CONFIG                   0x2010
#define RCVDBDI_MODE                    0x2400 /* receive data and BD initiator */
#define RCVDBDI_JUMBO_BD                0x2440 /* ring control blocks (BDINFO below) */
#define RCVDBDI_STD_BD                  0x2450
#define RCVDCC_MODE                     0x2800 /* receive data completion */
#define RCVBDI_MODE                     0x2c00 /* receive BD initiator */
#define RCVBDI_STD_THRESH               0x2c18 /* refill the BD cache below this */
#define RCVCC_MODE                      0x3000 /* receive BD completion */
#define RCVLSC_MODE                     0x3400 /* receive list selector */
#define CPMU_CLOCK_OVERRIDE             0x3624 /* clock power management override */
#define  CPMU_CLOCK_OVERRIDE_MAC_FULL_SPEED 0x80000000 /* keep the MAC clock at full speed */
#define HOSTCC_MODE                     0x3c00 /* host coalescing: the status block */
#define  HOSTCC_MODE_RESET               0x00000001
#define HOSTCC_RXCOL_TICKS              0x3c08
#define HOSTCC_TXCOL_TICKS              0x3c0c
#define HOSTCC_RXMAX_FRAMES             0x3c10
#define HOSTCC_TXMAX_FRAMES             0x3c14
#define HOSTCC_STATUS_BLK_HOST_ADDR     0x3c38 /* high word; low word at +4 */
#define MEMARB_MODE                     0x4000 /* memory arbiter */
#define BUFMGR_MODE                     0x4400 /* buffer manager */
#define BUFMGR_MB_RDMA_LOW_WATER        0x4410 /* watermarks, in 128-byte mbufs */
#define BUFMGR_MB_MACRX_LOW_WATER       0x4414
#define BUFMGR_MB_HIGH_WATER            0x4418
#define BUFMGR_DMA_LOW_WATER            0x4434 /* and in DMA descriptors */
#define BUFMGR_DMA_HIGH_WATER           0x4438
#define RDMAC_MODE                      0x4800 /* read DMA */
#define RDMA_RESERVE_CTRL               0x4900 /* read DMA FIFO reservation */
#define  RDMA_RESERVE_FIFO_OVERFLOW_FIX  0x00000004 /* erratum: FIFO overflow */
#define  RDMA_RESERVE_FIFO_LOW_MARK_MASK 0x00000ff0
#define  RDMA_RESERVE_FIFO_LOW_MARK_1536 0x00000c00
#define  RDMA_RESERVE_FIFO_HIGH_MARK_MASK 0x000ff000
#define  RDMA_RESERVE_FIFO_HIGH_MARK_1536 0x000c0000
#define  RDMA_RESERVE_TX_MARGIN_MASK     0xffe00000
#define  RDMA_RESERVE_TX_MARGIN_320      0x28000000 /* bytes kept free for sending */
#define RDMA_BURST_CTRL                 0x4910 /* read DMA burst lengths */
#define  RDMA_BURST_BD_4K                0x00030000 /* descriptors read in 4 KiB bursts */
#define  RDMA_BURST_LSO_4K               0x000c0000 /* segmentation data likewise */
#define WDMAC_MODE                      0x4c00 /* write DMA */
#define  WDMAC_MODE_FIX_STATUS_TAG       0x20000000 /* erratum: status block tag */
#define  SNDDATAC_MODE_CDELAY            0x00000010 /* 5761 */
#define  RCVDBDI_MODE_INV_RING_SZ        0x00000010 /* attention on a bad ring size */
#define  TX_MODE_5720_KEEP               0x00c00000 /* jumbo length, count-down mode */
#define  TX_LENGTHS_5720_KEEP            0xffff0000
#define RX_CPU_HWBKPT                   0x5034 /* the RX CPU's hardware breakpoint */
#define  SBROM_IN_SERVICE_LOOP           0x51   /* 57766 boot ROM done, waiting for patches */
#define FTQ_RESET                       0x5c00 /* flow-through queues */
#define STD_REPLENISH_LWM               0x2d00 /* 57765 and later */

/* Miscellaneous local control. */
#define GRC_MODE                        0x6800
#define  GRC_MODE_WSWAP_NONFRM_DATA      0x00000004 /* descriptors, status block */
#define  GRC_MODE_BSWAP_DATA             0x00000010 /* frame data */
#define  GRC_MODE_WSWAP_DATA             0x00000020
#define  GRC_MODE_HOST_STACKUP           0x00010000
#define  GRC_MODE_HOST_SENDBDS           0x00020000 /* send rings in host memory */
#define GRC_MISC_CFG                    0x6804
#define  GRC_MISC_CFG_CORECLK_RESET      0x00000001
#define  GRC_MISC_CFG_NO_PCIE_RETRAIN    0x20000000 /* keep the PCIe link through the reset */
#define  GRC_MISC_CFG_PRESCALER_SHIFT    1 /* the timer's clock divider */
#define  GRC_MISC_CFG_PRESCALER_MASK     0x000000fe
#define GRC_FASTBOOT_PC                 0x6894

/* NVRAM interface. */
#define NVRAM_CMD                       0x7000
#define  NVRAM_CMD_DONE                  0x00000008
#define  NVRAM_CMD_GO                    0x00000010
#define  NVRAM_CMD_RD                    0x00000000
#define  NVRAM_CMD_FIRST                 0x00000080
#define  NVRAM_CMD_LAST                  0x00000100
#define NVRAM_ADDR                      0x700c
#define  NVRAM_ADDR_MASK                 0x00ffffff
#define NVRAM_RDDATA                    0x7010 /* first byte in bits 31:24 */
#define NVRAM_SWARB                     0x7020 /* software arbitration */
#define  SWARB_REQ_SET1                  0x00000002
#define  SWARB_REQ_CLR1                  0x00000020
#define  SWARB_GNT1                      0x00000200
#define NVRAM_ACCESS                    0x7024
#define  ACCESS_ENABLE                   0x00000001

/* NIC memory (SRAM), reached through the memory window. */
#define NIC_SRAM_SEND_RCB               0x0100 /* send ring control blocks, 16 bytes each */
#define NIC_SRAM_RCV_RET_RCB            0x0200 /* return ring control blocks */
#define NIC_SRAM_FIRMWARE_MBOX          0x0b50
#define  FIRMWARE_MBOX_MAGIC1            0x4b657654 /* the bootcode answers ~MAGIC1 */
#define NIC_SRAM_MAC_ADDR_HIGH_MBOX     0x0c14 /* the bootcode's copy of the MAC */
#define NIC_SRAM_MAC_ADDR_LOW_MBOX      0x0c18
#define  MAC_ADDR_MBOX_SIGNATURE         0x484b     /* "HK" in bits 31:16 of HIGH */

/* Ring control block (BDINFO), in registers or NIC memory. */
#define BDINFO_HOST_ADDR_HIGH           0x0
#define BDINFO_HOST_ADDR_LOW            0x4
#define BDINFO_MAXLEN_FLAGS             0x8
#define  BDINFO_FLAGS_DISABLED           0x00000002
#define  BDINFO_FLAGS_MAXLEN_SHIFT       16
#define BDINFO_NIC_ADDR                 0xc
#define BDINFO_SIZE                     16

/* NVRAM image: the first word says which format it is. */
#define NVRAM_MAGIC_BOOTSTRAP           0x669955aa /* full image with a directory */
#define NVRAM_MAGIC_SELFBOOT_MASK       0xff000000
#define NVRAM_MAGIC_SELFBOOT_FW         0xa5000000 /* self-boot, firmware format */
#define NVRAM_MAGIC_SELFBOOT_HW         0xabcd0000 /* self-boot, hardware format (16 bits) */
#define NVRAM_MAC_OFFSET                0x7c       /* bootstrap image, function 0 */
#define NVRAM_MAC_OFFSET_FN1            0xcc       /* odd functions on 5717-class */
#define NVRAM_MAC_OFFSET_FN23           0x18c      /* added for functions 2 and 3 */

/* Descriptors in host memory, as 32-bit little-endian words once
 * GRC_MODE's word swap of non-frame data is set. */
#define TXD_ADDR_HIGH                   0
#define TXD_ADDR_LOW                    1
#define TXD_LEN_FLAGS                   2      /* length << 16 | flags */
#define TXD_VLAN                        3
#define TXD_WORDS                       4
#define  TXD_FLAG_END                    0x0004

#define RXD_ADDR_HIGH                   0
#define RXD_ADDR_LOW                    1
#define RXD_IDX_LEN                     2      /* ring index << 16 | length (with FCS) */
#define RXD_TYPE_FLAGS                  3      /* type << 16 | flags */
#define RXD_ERR_VLAN                    5      /* errors in 31:16 */
#define RXD_OPAQUE                      7
#define RXD_WORDS                       8
#define  RXD_FLAG_END                    0x0004
#define  RXD_FLAG_JUMBO                  0x0020
#define  RXD_FLAG_MINI                   0x0800
#define  RXD_FLAG_ERROR                  0x0400
#define  RXD_ERR_MASK                    0xffff0000 /* in RXD_ERR_VLAN */
#define  RXD_ERR_ODD_NIBBLE_MII          0x00100000 /* reported on good frames; ignored */

/* Status block in host memory (32-bit words). */
#define STATUS_WORD                     0
#define  SD_STATUS_UPDATED               0x00000001
#define  SD_STATUS_LINK_CHG              0x00000002
#define STATUS_RX_CONSUMERS             2      /* standard ring consumer in 31:16 */
#define STATUS_RING0_INDICES            4      /* send consumer 31:16, return producer 15:0 */
#define STATUS_BLOCK_SIZE               80

/* Standard MII registers of the copper PHY. */
#define MII_BMCR                        0x00
#define  BMCR_FULLDPLX                   0x0100
#define  BMCR_ANRESTART                  0x0200
#define  BMCR_ANENABLE                   0x1000
#define  BMCR_RESET                      0x8000
#define MII_BMSR                        0x01
#define  BMSR_LSTATUS                    0x0004
#define  BMSR_ANEGCOMPLETE               0x0020
#define MII_PHYSID1                     0x02
#define MII_PHYSID2                     0x03
#define MII_ADVERTISE                   0x04
#define MII_LPA                         0x05
#define  ADVERTISE_CSMA                  0x0001
#define  ADVERTISE_10HALF                0x0020
#define  ADVERTISE_10FULL                0x0040
#define  ADVERTISE_100HALF               0x0080
#define  ADVERTISE_100FULL               0x0100
#define  ADVERTISE_PAUSE                 0x0400
#define MII_CTRL1000                    0x09
#define  ADVERTISE_1000HALF              0x0100
#define  ADVERTISE_1000FULL              0x0200
#define MII_STAT1000                    0x0a
#define  LPA_1000HALF                    0x0400
#define  LPA_1000FULL                    0x0800

#endif
