/*
 * Exynos4's peripheral DMA request lines (the same on the 4210 and the
 * 4412): which device's "tx"/"rx" is which request number of PDMA0/PDMA1,
 * as Linux's device trees give them (dmas = <&pdma0 15>, ...). Devices
 * are named as Linux names them, "<address>.serial". Only the UARTs are
 * listed: they are the only DMA clients Mica has.
 */
#include <linux/dma/pl330.h>
#include "exynos.h"

const struct dma_slave_map exynos4_pdma0_slave_map[4] = {
	{ "13800000.serial", "rx", PL330_PERI(15) },
	{ "13800000.serial", "tx", PL330_PERI(16) },
	{ "13820000.serial", "rx", PL330_PERI(17) },
	{ "13820000.serial", "tx", PL330_PERI(18) },
};

const struct dma_slave_map exynos4_pdma1_slave_map[4] = {
	{ "13810000.serial", "rx", PL330_PERI(15) },
	{ "13810000.serial", "tx", PL330_PERI(16) },
	{ "13830000.serial", "rx", PL330_PERI(17) },
	{ "13830000.serial", "tx", PL330_PERI(18) },
};
