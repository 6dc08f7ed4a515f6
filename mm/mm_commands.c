/*
 * The memory console commands: the /proc-format reports, the
 * min_free_kbytes knob and fault injection. Output goes to the console
 * only (shell_printf), as reading a /proc file does not fill the log.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <mica/shell.h>
#include "internal.h"

/* kernel/shell/shell.c: command output, console only. */
int shell_printf(const char *fmt, ...) __printf(1, 2);

static int cmd_meminfo(int argc, char **argv)
{
	meminfo_show(shell_printf);
	return 0;
}
SHELL_COMMAND("meminfo", "memory totals, as /proc/meminfo", cmd_meminfo);

static int cmd_buddyinfo(int argc, char **argv)
{
	buddyinfo_show(shell_printf);
	return 0;
}
SHELL_COMMAND("buddyinfo", "free blocks per order and zone, as /proc/buddyinfo", cmd_buddyinfo);

static int cmd_pagetypeinfo(int argc, char **argv)
{
	pagetypeinfo_show(shell_printf);
	return 0;
}
SHELL_COMMAND("pagetypeinfo", "free blocks per migrate type and pageblock types (/proc/pagetypeinfo)",
	      cmd_pagetypeinfo);

static int cmd_zoneinfo(int argc, char **argv)
{
	zoneinfo_show(shell_printf);
	return 0;
}
SHELL_COMMAND("zoneinfo", "watermarks, sizes, counters and per-CPU lists (/proc/zoneinfo)",
	      cmd_zoneinfo);

static int cmd_memblock(int argc, char **argv)
{
	memblock_show(shell_printf);
	return 0;
}
SHELL_COMMAND("memblock", "RAM and what boot reserved in it, named (debugfs memblock)", cmd_memblock);

static int cmd_min_free_kbytes(int argc, char **argv)
{
	if (argc > 2) {
		shell_printf("usage: min_free_kbytes [kbytes]\n");
		return -EINVAL;
	}
	if (argc == 2) {
		char *end;
		unsigned long long v = simple_strtoull(argv[1], &end, 0);

		if (*end || end == argv[1] || v > 65536) {
			shell_printf("min_free_kbytes: '%s' is not a number in 0..65536\n", argv[1]);
			return -EINVAL;
		}
		set_min_free_kbytes((int)v);
	}
	shell_printf("%d\n", min_free_kbytes);
	return 0;
}
SHELL_COMMAND("min_free_kbytes", "show or set vm.min_free_kbytes (recomputes the watermarks)",
	      cmd_min_free_kbytes);

static int cmd_fail_page_alloc(int argc, char **argv)
{
	const struct fault_attr *a = &fail_page_alloc.attr;
	int err = shell_apply_settings("fail_page_alloc", argc, argv, set_fail_page_alloc);

	fail_page_alloc_update();	/* what was applied before an error stays applied */
	if (err)
		return err;
	shell_printf("probability=%lu interval=%lu times=%d min-order=%u ignore-gfp-wait=%c "
		     "ignore-gfp-highmem=%c verbose=%d\n", a->probability, a->interval, a->times,
		     fail_page_alloc.min_order, fail_page_alloc.ignore_gfp_wait ? 'Y' : 'N',
		     fail_page_alloc.ignore_gfp_highmem ? 'Y' : 'N', a->verbose);
	shell_printf("candidates=%lu injected=%lu\n", a->count, a->injected);
	return 0;
}
SHELL_COMMAND("fail_page_alloc", "page allocator fault injection: [probability=P interval=N "
	      "times=N min-order=N ignore-gfp-wait=Y|N ignore-gfp-highmem=Y|N verbose=0-2]",
	      cmd_fail_page_alloc);
