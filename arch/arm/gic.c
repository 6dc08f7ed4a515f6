/*
 * ARM Generic Interrupt Controller, architecture v1 (Cortex-A9 MPCore) and
 * v2 (Cortex-A15): the distributor routes each line to a CPU interface,
 * each CPU acknowledges (IAR) and completes (EOIR) its interrupts.
 *
 * Registers banked per CPU in the distributor (the SGI/PPI enables,
 * priorities and configuration, and SGIR) are reached through this CPU's
 * copy of the distributor; on a banked GIC all copies are the same
 * mapping, on Exynos each CPU has its own, board.gic_cpu_stride apart.
 *
 * Every line gets the same priority, so interrupts never preempt each
 * other; handlers run with the CPU's IRQs masked anyway. Lines stay in
 * the group the firmware left them in (group 0 when Mica is the secure
 * world, as in QEMU's vexpress-a9).
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/errno.h>
#include <linux/io.h>
#include <linux/bitops.h>
#include <linux/irq.h>
#include <linux/interrupt.h>
#include <linux/smp.h>
#include <linux/spinlock.h>
#include <asm/gic.h>
#include <asm/irq.h>
#include <asm/smp.h>
#include <mica/board.h>

#define GIC_MAX_LINES      1020	/* IDs 1020-1023 are special */
#define GIC_SPURIOUS       1023
#define GIC_FIRST_SPI      32
#define GIC_PRIORITY       0xa0	/* every line: no preemption between them */
#define GIC_PRIORITY_MASK  0xf0	/* let all of them through */

static void __iomem *dist_base[NR_CPUS];
static void __iomem *cpu_base[NR_CPUS];
/* The distributor's bit for each CPU interface (ITARGETSR, SGIR). */
static u8 cpu_iface_mask[NR_CPUS];
/* Read-modify-write of registers shared by all CPUs. */
static DEFINE_SPINLOCK(gic_lock);

static void __iomem *gic_dist(void)
{
	return dist_base[smp_processor_id()];
}

/* One bit per line in a bank of 32-bit registers at @reg. */
static void gic_write_bit(unsigned int irq, unsigned long reg)
{
	writel(BIT(irq % 32), gic_dist() + reg + (irq / 32) * 4);
}

static bool gic_test_bit(unsigned int irq, unsigned long reg)
{
	return readl(gic_dist() + reg + (irq / 32) * 4) & BIT(irq % 32);
}

static void gic_mask(unsigned int irq)
{
	gic_write_bit(irq, GICD_ICENABLER);
}

static void gic_unmask(unsigned int irq)
{
	gic_write_bit(irq, GICD_ISENABLER);
}

/* ICFGR: two bits per line, the upper one set for edge-triggered. */
static unsigned int gic_get_type(unsigned int irq)
{
	u32 cfg = readl(gic_dist() + GICD_ICFGR + (irq / 16) * 4);

	return cfg & BIT((irq % 16) * 2 + 1) ? IRQ_TYPE_EDGE_RISING : IRQ_TYPE_LEVEL_HIGH;
}

static int gic_set_type(unsigned int irq, unsigned int type)
{
	void __iomem *reg = gic_dist() + GICD_ICFGR + (irq / 16) * 4;
	u32 edge = BIT((irq % 16) * 2 + 1);
	bool enabled;
	unsigned long flags;
	u32 cfg;

	if (irq < 16 || (type != IRQ_TYPE_EDGE_RISING && type != IRQ_TYPE_LEVEL_HIGH))
		return -EINVAL;
	spin_lock_irqsave(&gic_lock, flags);
	/* The configuration of an enabled line must not change under it. */
	enabled = gic_test_bit(irq, GICD_ISENABLER);
	if (enabled)
		gic_mask(irq);
	cfg = readl(reg);
	cfg = type == IRQ_TYPE_EDGE_RISING ? cfg | edge : cfg & ~edge;
	writel(cfg, reg);
	if (enabled)
		gic_unmask(irq);
	spin_unlock_irqrestore(&gic_lock, flags);
	/* Some PPIs have a fixed type: the write does not stick. */
	return gic_get_type(irq) == type ? 0 : -EINVAL;
}

static int gic_set_affinity(unsigned int irq, unsigned int cpu)
{
	if (irq < GIC_FIRST_SPI || cpu >= NR_CPUS || !cpu_iface_mask[cpu])
		return -EINVAL;
	writeb(cpu_iface_mask[cpu], gic_dist() + GICD_ITARGETSR + irq);
	return 0;
}

static int gic_set_state(unsigned int irq, enum irqchip_irq_state which, bool val)
{
	switch (which) {
	case IRQCHIP_STATE_PENDING:
		gic_write_bit(irq, val ? GICD_ISPENDR : GICD_ICPENDR);
		return 0;
	case IRQCHIP_STATE_ACTIVE:
		gic_write_bit(irq, val ? GICD_ISACTIVER : GICD_ICACTIVER);
		return 0;
	case IRQCHIP_STATE_MASKED:
		gic_write_bit(irq, val ? GICD_ICENABLER : GICD_ISENABLER);
		return 0;
	}
	return -EINVAL;
}

static int gic_get_state(unsigned int irq, enum irqchip_irq_state which, bool *state)
{
	switch (which) {
	case IRQCHIP_STATE_PENDING:
		*state = gic_test_bit(irq, GICD_ISPENDR);
		return 0;
	case IRQCHIP_STATE_ACTIVE:
		*state = gic_test_bit(irq, GICD_ISACTIVER);
		return 0;
	case IRQCHIP_STATE_MASKED:
		*state = !gic_test_bit(irq, GICD_ISENABLER);
		return 0;
	}
	return -EINVAL;
}

static const struct irq_chip gic_chip = {
	.name = "GIC-0",
	.irq_mask = gic_mask,
	.irq_unmask = gic_unmask,
	.irq_set_type = gic_set_type,
	.irq_get_type = gic_get_type,
	.irq_set_affinity = gic_set_affinity,
	.irq_set_irqchip_state = gic_set_state,
	.irq_get_irqchip_state = gic_get_state,
};

/*
 * This CPU's bit in ITARGETSR: the banked target bytes of the SGIs/PPIs
 * read back as it. A uniprocessor GIC reads them as zero; it has one
 * interface, bit 0.
 */
static u8 gic_read_cpu_iface_mask(void __iomem *dist)
{
	unsigned int i;

	for (i = 0; i < 32; i += 4) {
		u32 targets = readl(dist + GICD_ITARGETSR + i);
		u8 mask = (targets | targets >> 8 | targets >> 16 | targets >> 24) & 0xff;

		if (mask)
			return mask;
	}
	return 1;
}

void gic_cpu_init(void)
{
	unsigned int cpu = smp_processor_id();
	void __iomem *dist = dist_base[cpu];
	unsigned int i;

	cpu_iface_mask[cpu] = gic_read_cpu_iface_mask(dist);
	writel(0xffff0000, dist + GICD_ICENABLER);	/* PPIs off until requested */
	writel(0x0000ffff, dist + GICD_ISENABLER);	/* SGIs on: they carry IPIs */
	for (i = 0; i < GIC_FIRST_SPI; i += 4)
		writel(GIC_PRIORITY * 0x01010101U, dist + GICD_IPRIORITYR + i);
	writel(GIC_PRIORITY_MASK, cpu_base[cpu] + GICC_PMR);
	writel(1, cpu_base[cpu] + GICC_CTLR);
}

/* SPIs: all masked, not pending, level-triggered, routed to the boot CPU. */
static void __init gic_dist_init(void __iomem *dist, u8 boot_mask)
{
	unsigned int i;

	writel(0, dist + GICD_CTLR);
	for (i = GIC_FIRST_SPI; i < nr_irqs; i += 32) {
		writel(~0U, dist + GICD_ICENABLER + i / 8);
		writel(~0U, dist + GICD_ICPENDR + i / 8);
		writel(~0U, dist + GICD_ICACTIVER + i / 8);
	}
	for (i = GIC_FIRST_SPI; i < nr_irqs; i += 16)
		writel(0, dist + GICD_ICFGR + i / 4);
	for (i = GIC_FIRST_SPI; i < nr_irqs; i += 4) {
		writel(GIC_PRIORITY * 0x01010101U, dist + GICD_IPRIORITYR + i);
		writel(boot_mask * 0x01010101U, dist + GICD_ITARGETSR + i);
	}
	writel(1, dist + GICD_CTLR);
}

static int __init gic_map(void)
{
	unsigned int cpu, cpus = min_t(unsigned int, board.nr_cpus, NR_CPUS);

	for (cpu = 0; cpu < cpus; cpu++) {
		unsigned long off = cpu * board.gic_cpu_stride;

		if (cpu && !board.gic_cpu_stride) {
			dist_base[cpu] = dist_base[0];
			cpu_base[cpu] = cpu_base[0];
			continue;
		}
		dist_base[cpu] = ioremap(board.gic_dist_base + off, GIC_MAP_SIZE);
		cpu_base[cpu] = ioremap(board.gic_cpu_base + off, GIC_MAP_SIZE);
		if (!dist_base[cpu] || !cpu_base[cpu])
			return -ENOMEM;
	}
	return 0;
}

int __init gic_init(void)
{
	unsigned int irq, lines, version;
	u32 typer;
	int ret;

	ret = gic_map();
	if (ret)
		return ret;
	typer = readl(dist_base[0] + GICD_TYPER);
	lines = min_t(unsigned int, GICD_TYPER_LINES(typer), GIC_MAX_LINES);
	if (lines > NR_IRQS) {
		pr_warn("GIC: %u lines, only the first %u are used (NR_IRQS)\n", lines, NR_IRQS);
		lines = NR_IRQS;
	}
	nr_irqs = lines;
	for (irq = 16; irq < nr_irqs; irq++) {
		irq_set_chip(irq, &gic_chip);
		if (irq < GIC_FIRST_SPI)
			irq_set_percpu_devid(irq);
	}
	gic_dist_init(dist_base[0], gic_read_cpu_iface_mask(dist_base[0]));
	gic_cpu_init();

	/* GICC_IIDR[19:16] is the architecture version; a GICv1 may read 0. */
	version = (readl(cpu_base[0] + GICC_IIDR) >> 16) & 0xf;
	pr_info("NR_IRQS: %d, nr_irqs: %u, preallocated irqs: %u\n", NR_IRQS, nr_irqs, nr_irqs);
	pr_info("GIC: GICv%u at 0x%08lx, CPU interface 0x%08lx, %u lines, %u CPU interfaces%s\n",
		version ? version : 1, (unsigned long)board.gic_dist_base,
		(unsigned long)board.gic_cpu_base, nr_irqs, GICD_TYPER_CPUS(typer),
		typer & GICD_TYPER_SECURITY_EXTN ? ", security extensions" : "");
	return 0;
}

void gic_send_sgi(const struct cpumask *mask, unsigned int sgi)
{
	unsigned long cpus = mask->bits;
	unsigned int cpu, targets = 0;

	for_each_set_bit(cpu, &cpus, NR_CPUS)
		targets |= cpu_iface_mask[cpu];
	/* writel's barrier: the targets see what we wrote before the SGI. */
	writel(targets << 16 | (sgi & 0xf), gic_dist() + GICD_SGIR);
}

void gic_send_sgi_others(unsigned int sgi)
{
	writel(GICD_SGIR_ALL_BUT_SELF | (sgi & 0xf), gic_dist() + GICD_SGIR);
}

void handle_arch_irq(struct pt_regs *regs)
{
	void __iomem *cpu_if = cpu_base[smp_processor_id()];
	bool first = true;

	irq_enter();
	for (;;) {
		u32 iar = readl(cpu_if + GICC_IAR);
		unsigned int irq = iar & 0x3ff;

		if (irq >= GIC_MAX_LINES) {
			/* Nothing was pending after all (another CPU took it). */
			if (first)
				irq_count_spurious();
			break;
		}
		first = false;
		if (irq < 16) {
			/* Complete the SGI first, so a new one can be latched meanwhile. */
			writel(iar, cpu_if + GICC_EOIR);
			handle_IPI(irq, regs);
		} else {
			generic_handle_irq(irq);
			/* writel's barrier: the device saw its acknowledge before EOI. */
			writel(iar, cpu_if + GICC_EOIR);
		}
	}
	irq_exit();
}

void __init init_IRQ(void)
{
	int ret = gic_init();

	if (ret)
		panic("GIC: initialisation failed (%d)\n", ret);
}
