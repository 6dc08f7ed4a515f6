/* The instruction counter for benchmarks: see include/mica/insn_count.h. */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/io.h>
#include <string.h>
#include <mica/board.h>
#include <mica/insn_count.h>

#define GTIMER_OFFSET	0x200	/* in the A9 MPCore private region (at the SCU) */
#define GT_COUNTER_LO	0x00
#define GT_COUNTER_HI	0x04
#define GT_CONTROL	0x08
#define GT_ENABLE	(1 << 0)	/* prescaler (bits 15:8) left at 0 */
#define NS_PER_TICK	10		/* QEMU: 10 ns per tick at prescaler 0 */

static void __iomem *gtimer;

int insn_count_init(void)
{
	if (gtimer)
		return 0;
	if (!board.scu_base || strncmp(board.cpu_name, "Cortex-A9", 9))
		return -ENODEV;
	gtimer = ioremap(board.scu_base + GTIMER_OFFSET, 0x20);
	if (!gtimer)
		return -ENOMEM;
	writel(readl(gtimer + GT_CONTROL) | GT_ENABLE, gtimer + GT_CONTROL);
	return 0;
}

u64 insn_count(void)
{
	u32 hi, lo;

	do {	/* the two halves are separate reads: retry across a carry */
		hi = readl_relaxed(gtimer + GT_COUNTER_HI);
		lo = readl_relaxed(gtimer + GT_COUNTER_LO);
	} while (readl_relaxed(gtimer + GT_COUNTER_HI) != hi);
	return (((u64)hi << 32) | lo) * NS_PER_TICK;
}
