/*
 * The memory console commands: the /proc-format reports, the
 * min_free_kbytes knob and fault injection. Output goes to the console
 * only (shell_printf), as reading a /proc file does not fill the log.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/gfp.h>
#include <linux/slab.h>
#include <mica/shell.h>
#include "internal.h"
#include "vmalloc_internal.h"

static int cmd_meminfo(int argc, char **argv)
{
	int err = shell_no_args(argc, argv);

	if (!err)
		meminfo_show(shell_printf);
	return err;
}
SHELL_COMMAND("meminfo", "", "memory totals, as /proc/meminfo", cmd_meminfo);

/*
 * Linux's "echo N > /proc/sys/vm/drop_caches": 2 (or 3) frees the slab
 * caches' empty slabs. Mica has no page cache (1 does nothing) and also
 * drains the per-CPU page lists, so MemFree counts every free page, and
 * gives back the freed vmalloc areas kept for reuse, with their descriptors.
 */
static int cmd_drop_caches(int argc, char **argv)
{
	struct shell_args sa;
	unsigned long mode;
	int err;

	err = shell_operands_only(&sa, argc, argv, 1, 1);
	if (err < 0)
		return err;
	err = shell_parse_ulong("drop_caches", argv[sa.optind], 1, 3, &mode);
	if (err)
		return err;
	if (mode & 2)
		drop_slab();
	vmalloc_drop_spare_areas();
	drain_all_pages();
	return 0;
}
SHELL_COMMAND("drop_caches", "1|2|3",
	      "free the slab caches' empty slabs (2, 3), spare vmalloc areas and per-CPU page lists",
	      cmd_drop_caches);

static int cmd_percpu_stats(int argc, char **argv)
{
	int err = shell_no_args(argc, argv);

	if (!err)
		percpu_stats_show(shell_printf);
	return err;
}
SHELL_COMMAND("percpu_stats", "", "per-CPU allocator counters, as Linux's debugfs percpu_stats",
	      cmd_percpu_stats);

static int cmd_buddyinfo(int argc, char **argv)
{
	int err = shell_no_args(argc, argv);

	if (!err)
		buddyinfo_show(shell_printf);
	return err;
}
SHELL_COMMAND("buddyinfo", "", "free blocks per order and zone, as /proc/buddyinfo", cmd_buddyinfo);

static int cmd_pagetypeinfo(int argc, char **argv)
{
	int err = shell_no_args(argc, argv);

	if (!err)
		pagetypeinfo_show(shell_printf);
	return err;
}
SHELL_COMMAND("pagetypeinfo", "", "free blocks per migrate type and pageblock types (/proc/pagetypeinfo)",
	      cmd_pagetypeinfo);

static int cmd_zoneinfo(int argc, char **argv)
{
	int err = shell_no_args(argc, argv);

	if (!err)
		zoneinfo_show(shell_printf);
	return err;
}
SHELL_COMMAND("zoneinfo", "", "watermarks, sizes, counters and per-CPU lists (/proc/zoneinfo)",
	      cmd_zoneinfo);

static int cmd_memblock(int argc, char **argv)
{
	int err = shell_no_args(argc, argv);

	if (!err)
		memblock_show(shell_printf);
	return err;
}
SHELL_COMMAND("memblock", "", "RAM and what boot reserved in it, named (debugfs memblock)", cmd_memblock);

static int cmd_min_free_kbytes(int argc, char **argv)
{
	struct shell_args args;
	unsigned long kbytes;
	int n;

	n = shell_operands_only(&args, argc, argv, 0, 1);
	if (n < 0)
		return n;
	if (n == 1) {
		int err = shell_parse_ulong(argv[0], argv[args.optind], 0, 65536, &kbytes);

		if (err)
			return err;
		set_min_free_kbytes((int)kbytes);
	}
	shell_printf("%d\n", min_free_kbytes);
	return 0;
}
SHELL_COMMAND("min_free_kbytes", "[KBYTES]",
	      "show or set vm.min_free_kbytes, 0..65536 (recomputes the watermarks)",
	      cmd_min_free_kbytes);

static int cmd_fail_page_alloc(int argc, char **argv)
{
	const struct fault_attr *a = &fail_page_alloc.attr;
	struct fail_page_alloc_attr settings = fail_page_alloc;
	int err = shell_apply_settings(argv[0], argc - 1, argv + 1, fail_page_alloc_setting,
				       &settings);

	if (err)
		return err;
	fail_page_alloc_configure(&settings);
	shell_printf("probability=%lu interval=%lu times=%d min-order=%u ignore-gfp-wait=%c "
		     "ignore-gfp-highmem=%c verbose=%d\n", a->probability, a->interval, a->times,
		     fail_page_alloc.min_order, fail_page_alloc.ignore_gfp_wait ? 'Y' : 'N',
		     fail_page_alloc.ignore_gfp_highmem ? 'Y' : 'N', a->verbose);
	shell_printf("candidates=%lu injected=%lu\n", a->count, a->injected);
	return 0;
}
SHELL_COMMAND("fail_page_alloc", "[probability=0-100] [interval=N] [times=N|-1] [min-order=N]\n"
	      "       [ignore-gfp-wait=Y|N] [ignore-gfp-highmem=Y|N] [verbose=0-2]",
	      "page allocator fault injection: show the settings, or change them (all or none)",
	      cmd_fail_page_alloc);
