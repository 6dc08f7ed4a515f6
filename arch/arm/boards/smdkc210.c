/*
 * QEMU's smdkc210: a Samsung Exynos4210 with two Cortex-A9 cores and 1 GiB
 * at 0x40000000 (fixed; QEMU ignores -m). The stand-in for the FS4412's
 * Exynos4412: same UARTs, external GIC, PL330s and PMU at the same places.
 * QEMU's ELF loader starts both cores at the entry point, so the second
 * one waits in the boot stub's pen. Console: UART0, the first -serial.
 */
#include <linux/kernel.h>
#include <mica/board.h>
#include <asm/smp.h>
#include "../mach-exynos/exynos.h"

const struct board_desc board = {
	.name = "smdkc210",
	.cpu_name = "Cortex-A9 MPCore (Exynos4210)",
	.nr_cpus = 2,
	.mem = { { 0x40000000, 1024UL << 20 } },
	.nr_banks = 1,
	.dma_zone_size = 16UL << 20,
	.default_cmdline = "",
	.uart_type = "s3c",
	.uart_base = EXYNOS4_UART_BASE(0),
	.uart_irq = EXYNOS4_UART_IRQ(0),
	.gic_dist_base = EXYNOS4_GIC_DIST_BASE,
	.gic_cpu_base = EXYNOS4_GIC_CPU_BASE,
	.gic_cpu_stride = 0x8000,	/* the 4210's per-CPU copies (QEMU also banks) */
	.timer_type = "exynos-mct",
	.timer_base = EXYNOS4_MCT_BASE,
	.timer_irq = 32 + 42,	/* MCT local timer 0 (SPI 42); CPU1's is SPI 48 (mct.c) */
	.timer_rate_hz = 24000000,	/* XXTI */
	.scu_base = EXYNOS4_A9_PRIV_BASE,
	.l2c_base = EXYNOS4_L2C_BASE,
	.dma = exynos4_dma,
	.nr_dma = ARRAY_SIZE(exynos4_dma),
	.boot_secondary = smp_pen_boot_secondary,
	.power_off = exynos_power_off,
	.restart = exynos_restart,
	.init = exynos_init,
};
