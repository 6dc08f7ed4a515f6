/*
 * The `kasan` console command: the shadow, the reports, the quarantine and
 * the stack depot, in /proc/meminfo's form.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/stackdepot.h>
#include <mica/shell.h>
#include "kasan.h"

/* One "Key:   value kB" line, as /proc/meminfo. */
static void line(const char *key, unsigned long value, const char *unit)
{
	char label[32];

	snprintf(label, sizeof(label), "%s:", key);
	shell_printf("%-24s%10lu%s\n", label, value, unit);
}

static int cmd_kasan(int argc, char **argv)
{
	struct kasan_quarantine_stats q;
	struct stack_depot_stats d;
	unsigned long vmalloc_shadow = kasan_populated_pages() * PAGE_SIZE;
	int err = shell_no_args(argc, argv);

	if (err)
		return err;
	kasan_quarantine_get_stats(&q);
	stack_depot_get_stats(&d);
	shell_printf("%-24s generic, outline, kasan.fault=%s\n", "KasanMode:",
		     kasan_fault_panics() ? "panic" : "report");
	shell_printf("%-24s 0x%08lx-0x%08lx\n", "KasanShadowRange:", KASAN_SHADOW_START,
		     KASAN_SHADOW_END);
	line("KasanShadow", kasan_shadow_bytes() >> 10, " kB");
	line("KasanShadowLowmem", (kasan_shadow_bytes() - vmalloc_shadow) >> 10, " kB");
	line("KasanShadowVmalloc", vmalloc_shadow >> 10, " kB");
	line("KasanReports", (unsigned long)atomic_read(&kasan_nr_reports), "");
	line("KasanReportsSuppressed", (unsigned long)atomic_read(&kasan_nr_suppressed), "");
	line("KasanQuarantine", q.bytes >> 10, " kB");
	line("KasanQuarantineObjects", q.objects, "");
	line("KasanQuarantineLimit", q.limit >> 10, " kB");
	line("StackDepot", d.size >> 10, " kB");
	line("StackDepotUsed", d.used >> 10, " kB");
	line("StackDepotStacks", d.stacks, "");
	line("StackDepotDropped", d.dropped, "");
	return 0;
}
SHELL_COMMAND("kasan", "", "KASAN's shadow, reports, quarantine and stack depot (meminfo form)",
	      cmd_kasan);
