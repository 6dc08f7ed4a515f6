/*
 * Power off and reset through the Exynos4 PMU. Power off drops PS_HOLD,
 * the pin that keeps the board's regulator on (QEMU's PMU model treats
 * clearing its data bit as a shutdown request and exits). Reset writes
 * SWRESET; QEMU 7.2's PMU model ignores it, so there we say so and stop.
 */
#include <linux/kernel.h>
#include <linux/io.h>
#include <asm/barrier.h>
#include "exynos.h"

#define PMU_SWRESET          0x0400
#define PMU_PS_HOLD_CONTROL  0x330c
#define PS_HOLD_DATA_HIGH    (1 << 8)
#define PS_HOLD_OUTPUT       (1 << 9)

/* Enough spins for the PMU to act (at least several ms at any clock). */
#define PMU_SETTLE_SPINS     10000000UL

static void __iomem *pmu_map(void)
{
	void __iomem *pmu = ioremap(EXYNOS4_PMU_BASE, 0x4000);

	if (!pmu)
		pr_emerg("exynos: cannot map the PMU\n");
	return pmu;
}

static void __noreturn halt_here(const char *why)
{
	unsigned long i;

	for (i = 0; i < PMU_SETTLE_SPINS; i++)
		cpu_relax();
	pr_emerg("%s\n", why);
	for (;;)
		wfi();
}

void exynos_power_off(void)
{
	void __iomem *pmu = pmu_map();

	if (pmu) {
		u32 v = readl(pmu + PMU_PS_HOLD_CONTROL);

		writel((v | PS_HOLD_OUTPUT) & ~PS_HOLD_DATA_HIGH, pmu + PMU_PS_HOLD_CONTROL);
	}
	halt_here("exynos: PS_HOLD is low but power is still on: halted");
}

void exynos_restart(void)
{
	void __iomem *pmu = pmu_map();

	if (pmu)
		writel(1, pmu + PMU_SWRESET);
	halt_here("exynos: SWRESET did not reset the chip (QEMU does not model it): halted");
}
