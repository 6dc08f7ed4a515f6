/*
 * The ARM L2C-310 (PL310) outer cache: range maintenance by physical
 * address for the DMA API (asm/outercache.h).
 *
 * Mica never turns the L2C-310 on (nor does it on QEMU, whose "l2x0" model
 * is registers only and caches nothing). A boot loader may have left it on,
 * as U-Boot configurations for Exynos4 boards can: then its lines hold data
 * the inner-cache maintenance does not reach, and the range operations here
 * must follow. So at boot we read its control register: enabled, we
 * maintain it; disabled, every operation is a no-op and we say so.
 *
 * Line operations by PA complete before the register write returns on the
 * L2C-310; a CACHE_SYNC then drains its buffers to memory.
 * Less than Linux: no way-based (whole-cache) operations, no errata
 * work-arounds (588369 concerns r0p0 only; Exynos4 parts are r2p0/r3p2).
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/errno.h>
#include <linux/io.h>
#include <linux/spinlock.h>
#include <asm/outercache.h>
#include <mica/board.h>

#define L2X0_CACHE_ID          0x000
#define L2X0_CTRL              0x100
#define L2X0_AUX_CTRL          0x104
#define L2X0_CACHE_SYNC        0x730
#define L2X0_INV_LINE_PA       0x770
#define L2X0_CLEAN_LINE_PA     0x7b0
#define L2X0_CLEAN_INV_LINE_PA 0x7f0
#define L2X0_CTRL_EN           (1 << 0)
#define L2X0_AUX_ASSOC16       (1 << 16)
#define L2X0_AUX_WAY_SIZE(aux) (((aux) >> 17) & 7)	/* 1: 16 KiB, 2: 32 KiB, ... */
#define L2X0_LINE              32
#define L2X0_SYNC_POLLS        100000

static void __iomem *l2x0_base;		/* NULL: nothing to maintain */
static DEFINE_SPINLOCK(l2x0_lock);	/* one operation at a time, as the TRM asks */

bool outer_cache_enabled(void)
{
	return l2x0_base != NULL;
}

static void l2x0_sync(void)
{
	unsigned int i;

	writel_relaxed(0, l2x0_base + L2X0_CACHE_SYNC);
	for (i = 0; i < L2X0_SYNC_POLLS && (readl_relaxed(l2x0_base + L2X0_CACHE_SYNC) & 1); i++)
		;
}

static void l2x0_line_op(unsigned int reg, phys_addr_t start, phys_addr_t end)
{
	unsigned long flags;
	phys_addr_t a;

	spin_lock_irqsave(&l2x0_lock, flags);
	for (a = start & ~(phys_addr_t)(L2X0_LINE - 1); a < end; a += L2X0_LINE)
		writel_relaxed(a, l2x0_base + reg);
	l2x0_sync();
	spin_unlock_irqrestore(&l2x0_lock, flags);
}

void outer_clean_range(phys_addr_t start, phys_addr_t end)
{
	if (l2x0_base && start < end)
		l2x0_line_op(L2X0_CLEAN_LINE_PA, start, end);
}

void outer_flush_range(phys_addr_t start, phys_addr_t end)
{
	if (l2x0_base && start < end)
		l2x0_line_op(L2X0_CLEAN_INV_LINE_PA, start, end);
}

void outer_inv_range(phys_addr_t start, phys_addr_t end)
{
	phys_addr_t head = start & ~(phys_addr_t)(L2X0_LINE - 1);
	phys_addr_t tail = end & ~(phys_addr_t)(L2X0_LINE - 1);

	if (!l2x0_base || start >= end)
		return;
	/* A line shared with data outside the range is written back, not dropped. */
	if (head != start) {
		l2x0_line_op(L2X0_CLEAN_INV_LINE_PA, head, head + 1);
		start = head + L2X0_LINE;
	}
	if (tail != end && tail >= start) {
		l2x0_line_op(L2X0_CLEAN_INV_LINE_PA, tail, tail + 1);
		end = tail;
	}
	if (start < end)
		l2x0_line_op(L2X0_INV_LINE_PA, start, end);
}

static int __init l2x0_init(void)
{
	void __iomem *base;
	u32 aux;

	if (!board.l2c_base)
		return 0;
	base = ioremap(board.l2c_base, 0x1000);
	if (!base)
		return -ENOMEM;
	if (!(readl_relaxed(base + L2X0_CTRL) & L2X0_CTRL_EN)) {
		pr_info("L2C-310 at 0x%08lx: disabled, no outer cache maintenance\n",
			(unsigned long)board.l2c_base);
		iounmap(base);
		return 0;
	}
	aux = readl_relaxed(base + L2X0_AUX_CTRL);
	l2x0_base = base;
	/* Linux's line, for a cache some boot loader left on. */
	pr_info("L2C-310 cache controller enabled, %u ways, %u kB (left on by the boot loader)\n",
		aux & L2X0_AUX_ASSOC16 ? 16 : 8,
		(aux & L2X0_AUX_ASSOC16 ? 16 : 8) * (8U << L2X0_AUX_WAY_SIZE(aux)));
	pr_info("L2C-310: CACHE_ID 0x%08x, AUX_CTRL 0x%08x\n",
		(unsigned int)readl_relaxed(base + L2X0_CACHE_ID), (unsigned int)aux);
	return 0;
}
arch_initcall(l2x0_init);
