/*
 * Farsight FS4412: a Samsung Exynos4412 with four Cortex-A9 cores
 * (MPIDR 0xA00..0xA03) and 1 GiB at 0x40000000, entered from U-Boot at
 * 0x40008000 (`bootm` of the uImage or `go` to the raw binary). Console
 * on UART2 (ttySAC2) at 115200. The GIC's CPU interface is not banked:
 * each core has its own copy 0x4000 apart. Secondaries are powered up
 * through the PMU and released through their boot registers.
 */
#include <linux/kernel.h>
#include <mica/board.h>
#include "../mach-exynos/exynos.h"

const struct board_desc board = {
	.name = "fs4412",
	.cpu_name = "Cortex-A9 MPCore (Exynos4412)",
	.nr_cpus = 4,
	.mem = { { 0x40000000, 1024UL << 20 } },
	.nr_banks = 1,
	.dma_zone_size = 16UL << 20,
	.default_cmdline = "",
	.uart_type = "s3c",
	.uart_base = EXYNOS4_UART_BASE(2),
	.uart_irq = EXYNOS4_UART_IRQ(2),
	.gic_dist_base = EXYNOS4_GIC_DIST_BASE,
	.gic_cpu_base = EXYNOS4_GIC_CPU_BASE,
	.gic_cpu_stride = 0x4000,
	.timer_type = "exynos-mct",
	.timer_base = EXYNOS4_MCT_BASE,
	.timer_irq = 28,	/* MCT local timers: the banked PPI 12 */
	.timer_rate_hz = 24000000,	/* XXTI */
	.scu_base = EXYNOS4_A9_PRIV_BASE,
	.l2c_base = EXYNOS4_L2C_BASE,
	.dma = exynos4_dma,
	.nr_dma = ARRAY_SIZE(exynos4_dma),
	.boot_secondary = exynos4412_boot_secondary,
	.power_off = exynos_power_off,
	.restart = exynos_restart,
	.init = exynos_init,
};
