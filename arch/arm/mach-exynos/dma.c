/*
 * Exynos4's three PL330s (the same on the 4210 and the 4412) and the
 * peripheral DMA request lines of PDMA0/PDMA1: which device's "tx"/"rx" is
 * which request number, as Linux's device trees give them (dmas = <&pdma0
 * 15>, ...). Devices are named as Linux names them, "<address>.serial".
 * Only the UARTs are listed: they are the only DMA clients Mica has.
 */
#include <linux/kernel.h>
#include <linux/dma/pl330.h>
#include "exynos.h"

static const struct dma_slave_map pdma0_slave_map[] = {
	{ "13800000.serial", "rx", PL330_PERI(15) },
	{ "13800000.serial", "tx", PL330_PERI(16) },
	{ "13820000.serial", "rx", PL330_PERI(17) },
	{ "13820000.serial", "tx", PL330_PERI(18) },
};

static const struct dma_slave_map pdma1_slave_map[] = {
	{ "13810000.serial", "rx", PL330_PERI(15) },
	{ "13810000.serial", "tx", PL330_PERI(16) },
	{ "13830000.serial", "rx", PL330_PERI(17) },
	{ "13830000.serial", "tx", PL330_PERI(18) },
};

const struct board_dma_ctrl exynos4_dma[EXYNOS4_NR_DMA] = {
	{ .name = "pdma0", .base = EXYNOS4_PDMA0_BASE, .irq = 32 + 35,	/* SPI 35 */
	  .slave_map = pdma0_slave_map, .slave_map_len = ARRAY_SIZE(pdma0_slave_map) },
	{ .name = "pdma1", .base = EXYNOS4_PDMA1_BASE, .irq = 32 + 36,
	  .slave_map = pdma1_slave_map, .slave_map_len = ARRAY_SIZE(pdma1_slave_map) },
	{ .name = "mdma", .base = EXYNOS4_MDMA_BASE, .irq = 32 + 34 },	/* memory to memory only */
};
