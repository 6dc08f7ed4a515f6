/*
 * kmalloc+kfree called from a module, for `module_bench`
 * (kernel/module/module_bench.c), which runs the same loop built in: the
 * figures match when the call goes straight to the kernel (no veneer) and
 * nothing else differs.
 */
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/sched/clock.h>

void *volatile mt_kbench_sink;

/* Virtual nanoseconds (instructions under -icount shift=0) for @rounds pairs. */
u32 mt_kbench_kmalloc64(unsigned int rounds)
{
	u32 start = (u32)local_clock();
	unsigned int i;

	for (i = 0; i < rounds; i++) {
		void *p = kmalloc(64, GFP_KERNEL);

		mt_kbench_sink = p;
		kfree(p);
	}
	return (u32)local_clock() - start;
}

MODULE_LICENSE("GPL");
