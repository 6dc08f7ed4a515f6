/*
 * Exynos4 (4210 in QEMU's smdkc210, 4412 on the FS4412): what the two
 * board files share. Addresses are the same on both chips.
 */
#ifndef _MACH_EXYNOS_H
#define _MACH_EXYNOS_H

#include <linux/types.h>
#include <linux/dmaengine.h>
#include <mica/board.h>

#define EXYNOS4_CHIPID_BASE     0x10000000
#define EXYNOS4_PMU_BASE        0x10020000
#define EXYNOS4_SYSRAM_BASE     0x02020000	/* boot registers, secure world */
#define EXYNOS4_SYSRAM_NS_BASE  0x0204F000	/* boot registers, with TrustZone firmware */
#define EXYNOS4_GIC_DIST_BASE   0x10490000
#define EXYNOS4_GIC_CPU_BASE    0x10480000
#define EXYNOS4_A9_PRIV_BASE    0x10500000	/* SCU; A9 private timer at +0x600 */
#define EXYNOS4_L2C_BASE        0x10502000
#define EXYNOS4_MCT_BASE        0x10050000
#define EXYNOS4_PDMA0_BASE      0x12680000
#define EXYNOS4_PDMA1_BASE      0x12690000
#define EXYNOS4_MDMA_BASE       0x12850000
#define EXYNOS4_UART_BASE(n)    (0x13800000 + (n) * 0x10000)
#define EXYNOS4_UART_IRQ(n)     (32 + 52 + (n))	/* SPI 52 + n */

/* Product IDs (PRO_ID & EXYNOS_SOC_MASK). */
#define EXYNOS_SOC_MASK         0xfffff000
#define EXYNOS4210_SOC_ID       0x43210000
#define EXYNOS4412_SOC_ID       0xe4412000

/* PRO_ID as read at boot (0 before exynos_init ran). */
extern u32 exynos_pro_id;

/* The PL330s, PDMA0, PDMA1 and MDMA, with the UARTs' request lines (dma.c): board.dma. */
#define EXYNOS4_NR_DMA 3
extern const struct board_dma_ctrl exynos4_dma[EXYNOS4_NR_DMA];

/* board.init: read and print the CHIPID. */
void exynos_init(void);
/* Decode @pro_id into "Exynos4412 rev 1.1"-style text; returns @buf. */
const char *exynos_soc_describe(u32 pro_id, char *buf, size_t len);

/* board.power_off / board.restart through the PMU. */
void exynos_power_off(void);
void exynos_restart(void);

/* board.boot_secondary on the real Exynos4412: PMU power-up, boot register, SGI. */
int exynos4412_boot_secondary(unsigned int cpu, phys_addr_t entry);

#endif
