/* What the tg3 model's files share: the register numbers, written from
 * the guides independently of the driver's header (so a wrong number in
 * the driver shows as a failure), and the helpers each part uses. */
#ifndef TG3_MODEL_CHIP_H
#define TG3_MODEL_CHIP_H

#include "tg3_model.h"

/* Configuration space (shadowed in BAR0's first 256 bytes). */
#define C_COMMAND        0x04
#define C_MISC_HOST_CTRL 0x68
#define C_MEM_WIN_BASE   0x7c
#define C_MEM_WIN_DATA   0x84
#define MASK_PCI_INT     0x2
/* Registers. */
#define R_MBOX_INT0      0x0204
#define R_MBOX_STD_PROD  0x026c
#define R_MBOX_RET_CONS  0x0284
#define R_MBOX_SND_PROD  0x0304
#define R_MAC_MODE       0x0400
#define   TDE            0x00200000
#define   RDE            0x00400000
#define R_MAC_ADDR0_HI   0x0410
#define R_MAC_ADDR0_LO   0x0414
#define R_MI_COM         0x044c
#define R_MI_MODE        0x0454
#define R_TX_MODE        0x045c
#define R_RX_MODE        0x0468
#define R_SNDDATAI       0x0c00
#define R_SNDBDS         0x1400
#define R_SNDBDI         0x1800
#define R_RCVDBDI        0x2400
#define R_STD_RCB        0x2450
#define R_RCVBDI         0x2c00
#define R_HOSTCC         0x3c00
#define R_STATUS_ADDR    0x3c38
#define R_MEMARB         0x4000
#define R_BUFMGR         0x4400
#define R_RDMAC          0x4800
#define R_WDMAC          0x4c00
#define R_RX_CPU_HWBKPT  0x5034
#define   SERVICE_LOOP   0x51
#define R_GRC_MODE       0x6800
#define   WSWAP_NONFRM   0x00000004
#define   HOST_SENDBDS   0x00020000
#define R_GRC_MISC_CFG   0x6804
#define   CORECLK_RESET  0x1
#define R_NVRAM_CMD      0x7000
#define R_NVRAM_ADDR     0x700c
#define R_NVRAM_RDDATA   0x7010
#define R_NVRAM_SWARB    0x7020
#define R_NVRAM_ACCESS   0x7024
#define ENABLE           0x2
/* NIC memory. */
#define M_SEND_RCB       0x0100
#define M_RET_RCB        0x0200
#define M_FW_MBOX        0x0b50
#define M_MAC_HI         0x0c14
#define M_MAC_LO         0x0c18
#define FW_MAGIC         0x4b657654u

/* tg3_model.c: the register file, configuration space, first violation. */
uint32_t *model_reg(struct tg3_model *m, unsigned offset);
void model_violate(struct tg3_model *m, const char *what, unsigned value);
struct host_pci_function *model_config(struct tg3_model *m);
uint32_t model_config32(struct tg3_model *m, unsigned offset);
void model_set_config32(struct tg3_model *m, unsigned offset, uint32_t v);
bool model_bus_master(struct tg3_model *m);
bool model_dma_on(const struct tg3_model *m);
/* tg3_model_phy.c: the PHY and the MI communication register. */
void model_phy_defaults(struct tg3_model *m);
void model_phy_restart_autoneg(struct tg3_model *m);
bool model_phy_link(struct tg3_model *m);
void model_mi_start(struct tg3_model *m, uint32_t v);
uint32_t model_mi_read(struct tg3_model *m);
/* tg3_model_dma.c: the send doorbell (receiving is public). */
void model_send_doorbell(struct tg3_model *m, uint32_t prod);

#endif
