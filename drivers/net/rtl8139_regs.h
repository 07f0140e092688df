/* Realtek RTL8139 register names, from the RTL8139C(L) datasheet. */
#ifndef RTL8139_REGS_H
#define RTL8139_REGS_H

#define RTL_IDR0     0x00   /* MAC address, 6 bytes, loaded from the EEPROM */
#define RTL_MAR0     0x08   /* multicast filter, 8 bytes */
#define RTL_TSD0     0x10   /* transmit status of descriptor n: 0x10 + 4n */
#define RTL_TSD_SIZE_MASK 0x1fffu
#define RTL_TSD_OWN  (1u << 13)  /* the chip has copied the buffer: it is ours again */
#define RTL_TSD_TUN  (1u << 14)
#define RTL_TSD_TOK  (1u << 15)
#define RTL_TSD_ERTXTH_SHIFT 16  /* early transmit threshold, in 32-byte units */
#define RTL_TSD_TABT (1u << 30)
#define RTL_TSAD0    0x20   /* transmit buffer address of descriptor n: 0x20 + 4n */
#define RTL_RBSTART  0x30   /* receive buffer address */
#define RTL_CR       0x37
#define RTL_CR_BUFE  (1u << 0)   /* the receive buffer is empty */
#define RTL_CR_TE    (1u << 2)
#define RTL_CR_RE    (1u << 3)
#define RTL_CR_RST   (1u << 4)
#define RTL_CAPR     0x38   /* where we have read up to, minus 16 */
#define RTL_IMR      0x3c
#define RTL_ISR      0x3e
#define RTL_TCR      0x40
#define RTL_TCR_IFG_NORMAL (3u << 24)
#define RTL_TCR_MXDMA_1024 (6u << 8)
#define RTL_RCR      0x44
#define RTL_RCR_APM  (1u << 1)   /* our address */
#define RTL_RCR_AB   (1u << 3)   /* broadcast */
#define RTL_RCR_WRAP (1u << 7)   /* a frame may run past the ring's end, not wrap */
#define RTL_RCR_MXDMA_UNLIMITED (7u << 8)
#define RTL_RCR_RXFTH_NONE      (7u << 13)
/* RBLEN 00: an 8 KiB ring (plus 16 bytes). */
#define RTL_MSR      0x58
#define RTL_MSR_LINKB   (1u << 2)   /* set: no link */
#define RTL_MSR_SPEED10 (1u << 3)
#define RTL_BMCR     0x62
#define RTL_BMCR_DUPLEX (1u << 8)

/* Each received frame starts with this 4-byte header in the ring. */
#define RTL_RX_ROK   (1u << 0)
#define RTL_RX_RING  8192

#endif
