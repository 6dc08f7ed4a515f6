/*
 * The instruction counter for benchmarks (include/mica/insn_count.h): the
 * Cortex-A9 global timer (asm/smp_twd.h), which QEMU ticks every 10 ns of
 * virtual time, started if the tick driver has not already; and a loop of
 * known length to show the method at work.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/io.h>
#include <string.h>
#include <asm/smp_twd.h>
#include <mica/board.h>
#include <mica/insn_count.h>

#define NS_PER_TICK	10		/* QEMU: 10 ns per tick at prescaler 0 */

static void __iomem *gtimer;

int insn_count_init(void)
{
	if (gtimer)
		return 0;
	if (!board.scu_base || strncmp(board.cpu_name, "Cortex-A9", 9))
		return -ENODEV;
	gtimer = ioremap(board.scu_base + A9_GT_OFFSET, A9_TIMER_MAP_SIZE);
	if (!gtimer)
		return -ENOMEM;
	writel(readl(gtimer + GT_CONTROL) | GT_ENABLE, gtimer + GT_CONTROL);
	return 0;
}

u64 insn_count(void)
{
	return a9_global_timer_read(gtimer) * NS_PER_TICK;
}

noinline void calibration_loop(unsigned long n)
{
	__asm__ __volatile__("1:	nop\n"
			     "	nop\n"
			     "	subs	%0, %0, #1\n"
			     "	bne	1b"
			     : "+r"(n) :: "cc");
}
