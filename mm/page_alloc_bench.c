/*
 * `bench_page_alloc [iterations]`: instructions per alloc+free pair on the
 * target. QEMU's Cortex-A9 has no PMU (PMCCNTR reads 0), so the count
 * comes from the clock: under `-icount shift=0` QEMU advances virtual time
 * by exactly 1 ns per instruction, and local_clock() reads virtual time.
 * A calibration loop of known length shows the method at work. Run it with
 * one CPU (`make bench` does) so no other CPU's instructions are counted.
 * Interrupts stay on, as for any GFP_KERNEL caller: the tick's few hundred
 * instructions every 10 ms of virtual time add under 0.1 to a pair.
 */
#include <linux/mm.h>
#include <linux/gfp.h>
#include <linux/errno.h>
#include <linux/sched/clock.h>
#include <mica/insn_count.h>
#include <mica/shell.h>
#include "internal.h"

static u64 per_iteration(u64 start, unsigned long n)
{
	return (local_clock() - start + n / 2) / n;
}

static u64 bench_order(unsigned int order, unsigned long n)
{
	unsigned long i;
	u64 t = local_clock();

	for (i = 0; i < n; i++) {
		struct page *p = alloc_pages(GFP_KERNEL, order);

		__free_pages(p, order);
	}
	return per_iteration(t, n);
}

/* A pool of 64 live blocks of orders 0-4, mostly small: free one, allocate one. */
static u64 bench_mixed(unsigned long n)
{
	static const unsigned char mix[16] = { 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 2, 2, 3, 3, 4 };
	struct page *pool[64];
	unsigned char ord[64];
	unsigned long k;
	u32 seed = 12345;
	unsigned int i;
	u64 t;

	for (i = 0; i < 64; i++) {
		ord[i] = mix[i % 16];
		pool[i] = alloc_pages(GFP_KERNEL, ord[i]);
	}
	t = local_clock();
	for (k = 0; k < n; k++) {
		seed = seed * 1103515245 + 12345;
		i = (seed >> 10) % 64;
		__free_pages(pool[i], ord[i]);
		ord[i] = mix[(seed >> 20) % 16];
		pool[i] = alloc_pages(GFP_KERNEL, ord[i]);
	}
	t = per_iteration(t, n);
	for (i = 0; i < 64; i++)
		__free_pages(pool[i], ord[i]);
	return t;
}

static int cmd_bench_page_alloc(int argc, char **argv)
{
	static const unsigned int orders[] = { 0, 3, 9 };
	unsigned long n = 100000;
	struct shell_args args;
	unsigned int i;
	int err;
	u64 t;

	err = shell_operands_only(&args, argc, argv, 0, 1);
	if (err == 1)
		err = shell_parse_ulong(argv[0], argv[args.optind], 100, 10000000, &n);
	if (err < 0)
		return err;
	shell_printf("page allocator: instructions per alloc+free pair (QEMU -icount shift=0, %lu runs)\n", n);
	t = local_clock();
	calibration_loop(n * 100);
	shell_printf("%-28s %8llu (expect 4)\n", "calibration loop", per_iteration(t, n * 100));
	for (i = 0; i < ARRAY_SIZE(orders); i++) {
		struct page *warm = alloc_pages(GFP_KERNEL, orders[i]);

		if (warm)
			__free_pages(warm, orders[i]);
		t = bench_order(orders[i], orders[i] >= 9 ? n / 10 : n);
		shell_printf("order %-22u %8llu\n", orders[i], t);
	}
	t = bench_mixed(n);
	shell_printf("%-28s %8llu (incl. ~8 for the random pick)\n", "mixed orders 0-4", t);
	return 0;
}
SHELL_COMMAND("bench_page_alloc", "[RUNS]",
	      "instructions per alloc+free pair (boot with -icount shift=0)", cmd_bench_page_alloc);
