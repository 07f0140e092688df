/* tg3: the DMA memory, the rings and status block, and starting and
 * stopping the chip's send and receive engines, in the order the
 * programmer's reference guide gives for initialisation and shutdown. */
#include <stdio.h>
#include <string.h>
#include "tg3.h"

#define NIC_SRAM_RX_BUFFER_DESC 0x6000  /* standard ring's BD cache, older chips */
#define BLOCK_STOP_US           10000
#define BUFMGR_START_US         20000

/* Offsets in the DMA block; rings are 4 KiB aligned. */
#define OFF_STATUS   0
#define OFF_TX_RING  4096
#define OFF_STD_RING (OFF_TX_RING + TG3_TX_RING * TXD_WORDS * 4)
#define OFF_RET_RING (OFF_STD_RING + TG3_STD_RING * RXD_WORDS * 4)
#define OFF_TX_BUFS  (OFF_RET_RING + TG3_RET_RING * RXD_WORDS * 4)
#define OFF_RX_BUFS  (OFF_TX_BUFS + TG3_TX_BUFFERS * TG3_BUF_SIZE)
#define DMA_SIZE     (OFF_RX_BUFS + TG3_RX_BUFFERS * TG3_BUF_SIZE)

static bool dma_alloc(struct tg3 *tp)
{
	tp->dma = platform_dma_alloc(&tp->loc, DMA_SIZE, &tp->dma_bus);
	if (!tp->dma)
		return false;
	tp->dma_size = DMA_SIZE;
	tp->status = (volatile uint32_t *)(tp->dma + OFF_STATUS);
	tp->tx_ring = (volatile uint32_t *)(tp->dma + OFF_TX_RING);
	tp->std_ring = (volatile uint32_t *)(tp->dma + OFF_STD_RING);
	tp->ret_ring = (volatile uint32_t *)(tp->dma + OFF_RET_RING);
	tp->tx_bufs = tp->dma + OFF_TX_BUFS;
	tp->rx_bufs = tp->dma + OFF_RX_BUFS;
	return true;
}

static void dma_free(struct tg3 *tp)
{
	if (tp->dma)
		platform_dma_free(&tp->loc, tp->dma, tp->dma_size);
	tp->dma = NULL;
}

static void write_bdinfo_reg(struct tg3 *tp, unsigned rcb, uint64_t bus, uint32_t maxlen_flags)
{
	tg3_write(tp, rcb + BDINFO_HOST_ADDR_HIGH, (uint32_t)(bus >> 32));
	tg3_write(tp, rcb + BDINFO_HOST_ADDR_LOW, (uint32_t)bus);
	tg3_write(tp, rcb + BDINFO_MAXLEN_FLAGS, maxlen_flags);
}

static void write_bdinfo_mem(struct tg3 *tp, uint32_t rcb, uint64_t bus, uint32_t maxlen_flags)
{
	tg3_mem_write(tp, rcb + BDINFO_HOST_ADDR_HIGH, (uint32_t)(bus >> 32));
	tg3_mem_write(tp, rcb + BDINFO_HOST_ADDR_LOW, (uint32_t)bus);
	tg3_mem_write(tp, rcb + BDINFO_MAXLEN_FLAGS, maxlen_flags);
	tg3_mem_write(tp, rcb + BDINFO_NIC_ADDR, 0);
}

/* Posts receive buffer buf in the next standard ring slot. */
static void post_rx_buffer(struct tg3 *tp, uint8_t buf)
{
	uint32_t slot = tp->std_prod % TG3_STD_RING;
	volatile uint32_t *bd = tp->std_ring + slot * RXD_WORDS;
	uint64_t bus = tp->dma_bus + OFF_RX_BUFS + (uint64_t)buf * TG3_BUF_SIZE;

	bd[RXD_ADDR_HIGH] = (uint32_t)(bus >> 32);
	bd[RXD_ADDR_LOW] = (uint32_t)bus;
	bd[RXD_IDX_LEN] = slot << 16 | TG3_BUF_SIZE;
	bd[RXD_TYPE_FLAGS] = RXD_FLAG_END;
	bd[RXD_ERR_VLAN] = 0;
	bd[RXD_OPAQUE] = slot;
	tp->rx_buf_of_slot[slot] = buf;
	tp->std_prod = (tp->std_prod + 1) % TG3_STD_RING;
}

void tg3_rx_repost(struct tg3 *tp, uint32_t used_slot)
{
	post_rx_buffer(tp, tp->rx_buf_of_slot[used_slot]);
}

static void setup_rings(struct tg3 *tp)
{
	unsigned send_rcbs = tp->family == TG3_5717 ? 4 : tp->family == TG3_57765 ? 2 : 1;
	unsigned ret_rcbs = tp->family == TG3_5717 ? 17 : tp->family == TG3_57765 ? 4 : 1;
	uint64_t std_bus = tp->dma_bus + OFF_STD_RING;

	/* Standard receive producer ring: its control block is in registers. */
	if (tp->family == TG3_5761)
		write_bdinfo_reg(tp, RCVDBDI_STD_BD, std_bus, TG3_BUF_SIZE << BDINFO_FLAGS_MAXLEN_SHIFT);
	else /* 57765 and later: ring size above, buffer size below */
		write_bdinfo_reg(tp, RCVDBDI_STD_BD, std_bus,
				 TG3_STD_RING << BDINFO_FLAGS_MAXLEN_SHIFT | TG3_BUF_SIZE << 2);
	if (tp->family != TG3_5717)
		tg3_write(tp, RCVDBDI_STD_BD + BDINFO_NIC_ADDR, NIC_SRAM_RX_BUFFER_DESC);
	if (tp->family != TG3_5761)
		tg3_write(tp, RCVDBDI_JUMBO_BD + BDINFO_MAXLEN_FLAGS, BDINFO_FLAGS_DISABLED);
	/* The chip fetches more BDs when its cache runs below these. */
	tg3_write(tp, RCVBDI_STD_THRESH, TG3_RX_BUFFERS / 8);
	if (tp->family != TG3_5761)
		tg3_write(tp, STD_REPLENISH_LWM, 32);

	/* One send ring and one return ring in host memory, the rest off. */
	for (unsigned i = 1; i < send_rcbs; i++)
		tg3_mem_write(tp, NIC_SRAM_SEND_RCB + i * BDINFO_SIZE + BDINFO_MAXLEN_FLAGS,
			      BDINFO_FLAGS_DISABLED);
	for (unsigned i = 1; i < ret_rcbs; i++)
		tg3_mem_write(tp, NIC_SRAM_RCV_RET_RCB + i * BDINFO_SIZE + BDINFO_MAXLEN_FLAGS,
			      BDINFO_FLAGS_DISABLED);
	write_bdinfo_mem(tp, NIC_SRAM_SEND_RCB, tp->dma_bus + OFF_TX_RING,
			 TG3_TX_RING << BDINFO_FLAGS_MAXLEN_SHIFT);
	write_bdinfo_mem(tp, NIC_SRAM_RCV_RET_RCB, tp->dma_bus + OFF_RET_RING,
			 TG3_RET_RING << BDINFO_FLAGS_MAXLEN_SHIFT);

	tp->tx_prod = tp->tx_cons = tp->std_prod = tp->ret_cons = 0;
	tg3_write(tp, MBOX_SNDHOST_PROD_IDX_0, 0);
	tg3_write(tp, MBOX_RCVRET_CON_IDX_0, 0);
	for (unsigned b = 0; b < TG3_RX_BUFFERS; b++)
		post_rx_buffer(tp, (uint8_t)b);
	tg3_write(tp, MBOX_RCV_STD_PROD_IDX, tp->std_prod);
}

static void program_mac_address(struct tg3 *tp)
{
	const uint8_t *m = tp->mac;
	uint32_t high = (uint32_t)m[0] << 8 | m[1];
	uint32_t low = (uint32_t)m[2] << 24 | (uint32_t)m[3] << 16 | (uint32_t)m[4] << 8 | m[5];
	for (unsigned i = 0; i < MAC_ADDR_SLOTS; i++) {
		tg3_write(tp, MAC_ADDR_0_HIGH + 8 * i, high);
		tg3_write(tp, MAC_ADDR_0_LOW + 8 * i, low);
	}
	tg3_write(tp, MAC_TX_BACKOFF_SEED,
		  (uint32_t)(m[0] + m[1] + m[2] + m[3] + m[4] + m[5]) & TX_BACKOFF_SEED_MASK);
}

static void setup_receive_filter(struct tg3 *tp)
{
	for (unsigned i = 0; i < 4; i++)
		tg3_write(tp, MAC_HASH_REG_0 + 4 * i, 0xffffffff); /* every multicast */
	/* No receive rules of ours: the first four off, the last four left
	 * to the management firmware (ASF) that may own them. */
	for (unsigned i = 0; i < 4; i++) {
		tg3_write(tp, MAC_RCV_RULE_0 + 8 * i, 0);
		tg3_write(tp, MAC_RCV_RULE_0 + 8 * i + 4, 0);
	}
	tg3_write(tp, MAC_RCV_RULE_CFG, RCV_RULE_CFG_DEFAULT_CLASS);
}

/* The status block is written on every frame: no interrupt, so nothing
 * gains from coalescing, and the poll loop sees frames at once. */
static bool setup_host_coalescing(struct tg3 *tp)
{
	uint64_t bus = tp->dma_bus + OFF_STATUS;
	tg3_write(tp, HOSTCC_MODE, 0);
	if (!tg3_wait_reg(tp, HOSTCC_MODE, BLOCK_ENABLE, 0, BLOCK_STOP_US))
		return false;
	tg3_write(tp, HOSTCC_RXCOL_TICKS, 1);
	tg3_write(tp, HOSTCC_TXCOL_TICKS, 1);
	tg3_write(tp, HOSTCC_RXMAX_FRAMES, 1);
	tg3_write(tp, HOSTCC_TXMAX_FRAMES, 1);
	tg3_write(tp, HOSTCC_STATUS_BLK_HOST_ADDR, (uint32_t)(bus >> 32));
	tg3_write(tp, HOSTCC_STATUS_BLK_HOST_ADDR + 4, (uint32_t)bus);
	tg3_write(tp, HOSTCC_MODE, BLOCK_ENABLE);
	return true;
}

static bool is_5719_or_5720(const struct tg3 *tp)
{
	return tp->device == 0x1657 || tp->device == 0x165f;
}

/* Read-DMA errata fixes for the 57765 class, 5719 and 5720 (a FIFO
 * overflow, and burst lengths), as Broadcom's drivers apply them; the
 * guides do not list them, so these are unverified here. */
static void read_dma_fixes(struct tg3 *tp)
{
	uint32_t v;
	if (tp->family != TG3_57765 && !is_5719_or_5720(tp))
		return;
	v = tg3_read(tp, RDMA_RESERVE_CTRL);
	if (is_5719_or_5720(tp)) {
		v &= ~(RDMA_RESERVE_FIFO_LOW_MARK_MASK | RDMA_RESERVE_FIFO_HIGH_MARK_MASK |
		       RDMA_RESERVE_TX_MARGIN_MASK);
		v |= RDMA_RESERVE_FIFO_LOW_MARK_1536 | RDMA_RESERVE_FIFO_HIGH_MARK_1536 |
		     RDMA_RESERVE_TX_MARGIN_320;
		tg3_write(tp, RDMA_BURST_CTRL,
			  tg3_read(tp, RDMA_BURST_CTRL) | RDMA_BURST_BD_4K |
				  RDMA_BURST_LSO_4K);
	}
	tg3_write(tp, RDMA_RESERVE_CTRL, v | RDMA_RESERVE_FIFO_OVERFLOW_FIX);
}

static void enable_engines(struct tg3 *tp)
{
	/* The 5720's bootcode sets jumbo and count-down bits that stay. */
	uint32_t tx_mode = tp->device == 0x165f ? tg3_read(tp, MAC_TX_MODE) & TX_MODE_5720_KEEP : 0;

	tg3_write(tp, RCVCC_MODE, BLOCK_ENABLE | BLOCK_ATTN_ENABLE);
	tg3_write(tp, RCVLSC_MODE, BLOCK_ENABLE | BLOCK_ATTN_ENABLE);
	tg3_write(tp, MAC_MODE, MAC_MODE_TDE_ENABLE | MAC_MODE_RDE_ENABLE | MAC_MODE_FHDE_ENABLE |
					MAC_MODE_PORT_MODE_GMII | MAC_MODE_RXSTAT_CLEAR |
					MAC_MODE_TXSTAT_CLEAR);
	platform_delay_us(40);
	tg3_write(tp, MBOX_INTERRUPT_0, 1);
	tg3_write(tp, WDMAC_MODE, BLOCK_ENABLE | WDMAC_MODE_FIX_STATUS_TAG);
	read_dma_fixes(tp);
	tg3_write(tp, RDMAC_MODE, BLOCK_ENABLE);
	tg3_write(tp, RCVDCC_MODE, BLOCK_ENABLE | BLOCK_ATTN_ENABLE);
	tg3_write(tp, SNDDATAC_MODE,
		  BLOCK_ENABLE | (tp->device == 0x1681 ? SNDDATAC_MODE_CDELAY : 0));
	tg3_write(tp, SNDBDC_MODE, BLOCK_ENABLE | BLOCK_ATTN_ENABLE);
	tg3_write(tp, RCVBDI_MODE, BLOCK_ENABLE | BLOCK_ATTN_ENABLE);
	tg3_write(tp, RCVDBDI_MODE, BLOCK_ENABLE | RCVDBDI_MODE_INV_RING_SZ);
	tg3_write(tp, RCVLPC_MODE, BLOCK_ENABLE);
	tg3_write(tp, SNDDATAI_MODE, BLOCK_ENABLE);
	tg3_write(tp, SNDBDI_MODE, BLOCK_ENABLE | BLOCK_ATTN_ENABLE);
	tg3_write(tp, SNDBDS_MODE, BLOCK_ENABLE | BLOCK_ATTN_ENABLE);
	tg3_write(tp, MAC_TX_MODE, tx_mode | TX_MODE_ENABLE);
	platform_delay_us(100);
	tg3_write(tp, MAC_RX_MODE, RX_MODE_ENABLE);
	platform_delay_us(10);
}

int tg3_hw_start(struct tg3 *tp, char *why, size_t why_size)
{
	uint32_t misc;

	if (!dma_alloc(tp)) {
		snprintf(why, why_size, "cannot allocate %u bytes of DMA memory below 4 GiB",
			 (unsigned)DMA_SIZE);
		return -1;
	}
	if (tg3_chip_reset(tp, why, why_size) != 0)
		goto failed;
	tg3_write(tp, MBOX_INTERRUPT_0, 1); /* polling only: interrupts stay masked */
	misc = tg3_read(tp, GRC_MISC_CFG) & ~GRC_MISC_CFG_PRESCALER_MASK;
	tg3_write(tp, GRC_MISC_CFG, misc | 65u << GRC_MISC_CFG_PRESCALER_SHIFT); /* 1 us timer ticks */

	/* Buffer manager watermarks for standard frames; 57765 and later
	 * have a larger mbuf pool. Values as the guides' defaults; unverified. */
	tg3_write(tp, BUFMGR_MB_RDMA_LOW_WATER, 0);
	tg3_write(tp, BUFMGR_MB_MACRX_LOW_WATER, tp->family == TG3_5761 ? 0x10 : 0x2a);
	tg3_write(tp, BUFMGR_MB_HIGH_WATER, tp->family == TG3_5761 ? 0x60 : 0xa0);
	tg3_write(tp, BUFMGR_DMA_LOW_WATER, 5);
	tg3_write(tp, BUFMGR_DMA_HIGH_WATER, 10);
	tg3_write(tp, BUFMGR_MODE, BLOCK_ENABLE | BLOCK_ATTN_ENABLE);
	if (!tg3_wait_reg(tp, BUFMGR_MODE, BLOCK_ENABLE, BLOCK_ENABLE, BUFMGR_START_US)) {
		snprintf(why, why_size, "the buffer manager did not start within %u ms",
			 BUFMGR_START_US / 1000);
		goto failed;
	}
	tg3_write(tp, FTQ_RESET, 0xffffffff);
	tg3_write(tp, FTQ_RESET, 0);
	/* DMA bursts need not be cache-line aligned on PCIe; the command
	 * codes as Broadcom's drivers set them (unverified). 5761-class
	 * chips keep what the bootcode set. */
	if (tp->family != TG3_5761)
		tg3_write(tp, TG3_DMA_RW_CTRL,
			  (tg3_read(tp, TG3_DMA_RW_CTRL) & ~DMA_RWCTRL_DIS_CACHE_ALIGNMENT) |
				  DMA_RWCTRL_PCI_CMDS);

	setup_rings(tp);
	program_mac_address(tp);
	tg3_write(tp, MAC_RX_MTU_SIZE, 1500 + 14 + 4 + 4); /* MTU, header, VLAN tag, FCS */
	tg3_write(tp, RCVLPC_CONFIG, 0x181); /* one class of service; unverified */
	if (!setup_host_coalescing(tp)) {
		snprintf(why, why_size, "host coalescing did not stop within %u ms",
			 BLOCK_STOP_US / 1000);
		goto failed;
	}
	setup_receive_filter(tp);
	enable_engines(tp);
	tp->running = true;
	/* Port mode and slot time for the link as it is now; link_up() and
	 * transmit() follow it when it changes. */
	tg3_phy_poll(tp);
	tg3_mac_apply_link(tp);
	return 0;

failed:
	tg3_hw_stop(tp);
	return -1;
}

/* Clears a block's enable bit and waits, bounded, for it to stop. */
static void stop_block(struct tg3 *tp, unsigned reg, uint32_t enable)
{
	tg3_write(tp, reg, tg3_read(tp, reg) & ~enable);
	tg3_wait_reg(tp, reg, enable, 0, BLOCK_STOP_US);
}

/* Receive side first, then send, then DMA and the buffer manager; then a
 * reset, which stops whatever refused to, and the DMA memory goes. */
void tg3_hw_stop(struct tg3 *tp)
{
	static const unsigned blocks[] = {
		RCVBDI_MODE,  RCVLPC_MODE, RCVLSC_MODE, RCVDBDI_MODE, RCVDCC_MODE,
		RCVCC_MODE,   SNDBDS_MODE, SNDBDI_MODE, SNDDATAI_MODE, RDMAC_MODE,
		SNDDATAC_MODE, SNDBDC_MODE,
	};
	char ignored[160];

	stop_block(tp, MAC_RX_MODE, RX_MODE_ENABLE);
	for (unsigned i = 0; i < sizeof(blocks) / sizeof(blocks[0]); i++)
		stop_block(tp, blocks[i], BLOCK_ENABLE);
	tg3_write(tp, MAC_MODE, tg3_read(tp, MAC_MODE) &
					~(MAC_MODE_TDE_ENABLE | MAC_MODE_RDE_ENABLE | MAC_MODE_FHDE_ENABLE));
	stop_block(tp, MAC_TX_MODE, TX_MODE_ENABLE);
	stop_block(tp, HOSTCC_MODE, BLOCK_ENABLE);
	stop_block(tp, WDMAC_MODE, BLOCK_ENABLE);
	tg3_write(tp, FTQ_RESET, 0xffffffff);
	tg3_write(tp, FTQ_RESET, 0);
	stop_block(tp, BUFMGR_MODE, BLOCK_ENABLE);
	tp->running = false;

	/* The reset leaves the chip as the bootcode sets it up; a failed
	 * handshake changes nothing more we could do here. */
	tg3_chip_reset(tp, ignored, sizeof(ignored));
	program_mac_address(tp); /* for whoever drives the chip next */
	dma_free(tp);
}
