/*
 * Starting the Exynos4412's secondary cores on the real chip (the FS4412):
 * power the core up through the PMU, tell the boot ROM where to jump by
 * writing the entry address to the core's boot register, and wake it with
 * an SGI (plus SEV) until it comes online. The boot ROM keeps a powered-up
 * secondary in a loop that sleeps and re-reads its boot register.
 *
 * With TrustZone firmware (the FS4412's U-Boot ships trustzone.bin) the
 * kernel runs non-secure: the boot registers sit in the non-secure SYSRAM
 * window and the firmware must be told with an SMC (CPU1BOOT). Without it
 * they sit in secure SYSRAM. Which one applies is found by probing the GIC
 * (below) and can be forced with exynos.firmware=secure|none.
 *
 * Not verified on hardware: QEMU's smdkc210 starts every core at the ELF
 * entry and has no boot ROM (see docs/boards.md).
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/io.h>
#include <linux/errno.h>
#include <linux/smp.h>
#include <string.h>
#include <asm/barrier.h>
#include <asm/gic.h>
#include "exynos.h"

#define PMU_CORE_CONFIGURATION(n)  (0x2000 + 0x80 * (n))
#define PMU_CORE_STATUS(n)         (0x2004 + 0x80 * (n))
#define PMU_CORE_LOCAL_PWR_EN      0x3

#define BOOT_REG_NS_OFFSET         0x1c	/* in the non-secure SYSRAM window */
#define SMC_CMD_CPU1BOOT           (-4)

#define WAKEUP_SGI                 15	/* no IPI handler uses it */

#define POWER_UP_SPINS             1000000UL
#define WAKE_TRIES                 1000
#define WAKE_GAP_SPINS             10000UL

enum firmware_kind { FIRMWARE_PROBE, FIRMWARE_SECURE, FIRMWARE_NONE };
static enum firmware_kind firmware_kind = FIRMWARE_PROBE;

static int __init exynos_firmware_param(char *val)
{
	if (!strcmp(val, "secure"))
		firmware_kind = FIRMWARE_SECURE;
	else if (!strcmp(val, "none"))
		firmware_kind = FIRMWARE_NONE;
	else
		return -EINVAL;
	return 0;
}
early_param("exynos.firmware=", exynos_firmware_param);

/*
 * Are we running non-secure under TrustZone firmware? A GIC with the
 * security extensions makes the interrupt group registers read as zero
 * and ignore writes from the non-secure side: flip one bit and look.
 * Without the extensions there is no non-secure world to be in.
 */
static bool running_non_secure(void __iomem *dist)
{
	u32 old, probe;

	if (firmware_kind != FIRMWARE_PROBE)
		return firmware_kind == FIRMWARE_SECURE;
	if (!(readl(dist + GICD_TYPER) & GICD_TYPER_SECURITY_EXTN))
		return false;
	old = readl(dist + GICD_IGROUPR0);
	writel(old ^ (1U << WAKEUP_SGI), dist + GICD_IGROUPR0);
	probe = readl(dist + GICD_IGROUPR0);
	writel(old, dist + GICD_IGROUPR0);
	return probe == old;
}

static void exynos_smc(u32 cmd, u32 arg1, u32 arg2, u32 arg3)
{
	register u32 r0 __asm__("r0") = cmd;
	register u32 r1 __asm__("r1") = arg1;
	register u32 r2 __asm__("r2") = arg2;
	register u32 r3 __asm__("r3") = arg3;

	__asm__ __volatile__(".arch_extension sec\n\tsmc #0"
			     : "+r"(r0), "+r"(r1), "+r"(r2), "+r"(r3) :: "memory");
}

static int power_up_core(void __iomem *pmu, unsigned int cpu)
{
	unsigned long spins;

	if ((readl(pmu + PMU_CORE_STATUS(cpu)) & PMU_CORE_LOCAL_PWR_EN) == PMU_CORE_LOCAL_PWR_EN)
		return 0;
	writel(PMU_CORE_LOCAL_PWR_EN, pmu + PMU_CORE_CONFIGURATION(cpu));
	for (spins = 0; spins < POWER_UP_SPINS; spins++)
		if ((readl(pmu + PMU_CORE_STATUS(cpu)) & PMU_CORE_LOCAL_PWR_EN) == PMU_CORE_LOCAL_PWR_EN)
			return 0;
	return -ETIMEDOUT;
}

int exynos4412_boot_secondary(unsigned int cpu, phys_addr_t entry)
{
	void __iomem *pmu = ioremap(EXYNOS4_PMU_BASE, 0x4000);
	void __iomem *dist = ioremap(EXYNOS4_GIC_DIST_BASE, 0x1000);
	void __iomem *sysram = NULL;
	bool non_secure;
	int ret = -ENOMEM, tries;

	if (!pmu || !dist)
		goto out;
	ret = power_up_core(pmu, cpu);
	if (ret) {
		pr_err("CPU%u: the PMU did not power the core up\n", cpu);
		goto out;
	}

	non_secure = running_non_secure(dist);
	sysram = ioremap(non_secure ? EXYNOS4_SYSRAM_NS_BASE : EXYNOS4_SYSRAM_BASE, 0x1000);
	if (!sysram) {
		ret = -ENOMEM;
		goto out;
	}
	writel(entry, sysram + (non_secure ? BOOT_REG_NS_OFFSET : 0) + 4 * cpu);
	dsb();
	if (non_secure)
		exynos_smc((u32)SMC_CMD_CPU1BOOT, cpu, 0, 0);

	for (tries = 0; tries < WAKE_TRIES && !cpu_online(cpu); tries++) {
		unsigned long spins;

		writel((1U << (16 + cpu)) | WAKEUP_SGI, dist + GICD_SGIR);
		sev();
		for (spins = 0; spins < WAKE_GAP_SPINS && !cpu_online(cpu); spins++)
			cpu_relax();
	}
	ret = 0;
out:
	if (sysram)
		iounmap(sysram);
	if (dist)
		iounmap(dist);
	if (pmu)
		iounmap(pmu);
	return ret;
}
