/*
 * Memory reports in Linux's /proc formats, so existing parsers read them:
 * meminfo, buddyinfo, pagetypeinfo and zoneinfo, each a console command.
 * Only the lines that mean something here are printed.
 */
#include <linux/mm.h>
#include <linux/gfp.h>
#include <linux/smp.h>
#include <linux/errno.h>
#include <mica/shell.h>
#include <string.h>
#include "internal.h"

#define K(pages) ((unsigned long)(pages) << (PAGE_SHIFT - 10))

static void show_val_kb(const char *name, unsigned long pages)
{
	printk("%-16s%8lu kB\n", name, K(pages));
}

/* Linux's si_mem_available without a page cache: free less reserves, plus half the reclaimable slab. */
static unsigned long mem_available(void)
{
	unsigned long wmark_low = 0, reclaimable = global_page_state(NR_SLAB_RECLAIMABLE);
	long available = (long)nr_free_pages() - (long)totalreserve_pages;
	struct zone *zone;

	for_each_populated_zone(zone)
		wmark_low += low_wmark_pages(zone);
	available += (long)(reclaimable - min(reclaimable / 2, wmark_low));
	return available < 0 ? 0 : (unsigned long)available;
}

void meminfo_show(void)
{
	struct sysinfo i;
	unsigned long sreclaimable = global_page_state(NR_SLAB_RECLAIMABLE);
	unsigned long sunreclaim = global_page_state(NR_SLAB_UNRECLAIMABLE);

	si_meminfo(&i);
	show_val_kb("MemTotal:", i.totalram);
	show_val_kb("MemFree:", i.freeram);
	show_val_kb("MemAvailable:", mem_available());
	show_val_kb("HighTotal:", i.totalhigh);
	show_val_kb("HighFree:", i.freehigh);
	show_val_kb("LowTotal:", i.totalram - i.totalhigh);
	show_val_kb("LowFree:", i.freeram - i.freehigh);
	show_val_kb("Slab:", sreclaimable + sunreclaim);
	show_val_kb("SReclaimable:", sreclaimable);
	show_val_kb("SUnreclaim:", sunreclaim);
	show_val_kb("KernelStack:", global_page_state(NR_KERNEL_STACK));
	show_val_kb("PageTables:", global_page_state(NR_PAGETABLE));
	show_val_kb("Bounce:", global_page_state(NR_BOUNCE));
	printk("%-16s%8lu kB\n", "VmallocTotal:", (unsigned long)(VMALLOC_END - VMALLOC_START) >> 10);
	show_val_kb("VmallocUsed:", global_page_state(NR_VMALLOC));
}

void buddyinfo_show(void)
{
	struct zone *zone;

	for_each_populated_zone(zone) {
		unsigned int order;

		printk("Node %d, zone %8s ", zone->zone_pgdat->node_id, zone->name);
		for (order = 0; order < MAX_ORDER; order++)
			pr_cont("%6lu ", READ_ONCE(zone->free_area[order].nr_free));
		pr_cont("\n");
	}
}

void pagetypeinfo_show(void)
{
	struct zone *zone;
	unsigned int order;
	int t;

	printk("Page block order: %d\n", pageblock_order);
	printk("Pages per block:  %lu\n\n", pageblock_nr_pages);
	printk("%-43s ", "Free pages count per migrate type at order");
	for (order = 0; order < MAX_ORDER; order++)
		pr_cont("%6u ", order);
	pr_cont("\n");
	for_each_populated_zone(zone) {
		for (t = 0; t < MIGRATE_TYPES; t++) {
			unsigned long counts[MAX_ORDER], flags;

			spin_lock_irqsave(&zone->lock, flags);
			for (order = 0; order < MAX_ORDER; order++) {
				struct list_head *pos;

				counts[order] = 0;
				list_for_each(pos, &zone->free_area[order].free_list[t])
					counts[order]++;
			}
			spin_unlock_irqrestore(&zone->lock, flags);
			printk("Node %4d, zone %8s, type %12s ", zone->zone_pgdat->node_id, zone->name,
			       migratetype_names[t]);
			for (order = 0; order < MAX_ORDER; order++)
				pr_cont("%6lu ", counts[order]);
			pr_cont("\n");
		}
	}
	printk("\n%-23s", "Number of blocks type ");
	for (t = 0; t < MIGRATE_TYPES; t++)
		pr_cont("%12s ", migratetype_names[t]);
	pr_cont("\n");
	for_each_populated_zone(zone) {
		unsigned long blocks[MIGRATE_TYPES] = { 0 }, pfn;

		for (pfn = ALIGN(zone->zone_start_pfn, pageblock_nr_pages); pfn < zone_end_pfn(zone);
		     pfn += pageblock_nr_pages) {
			int mt = get_pageblock_migratetype(pfn_to_page(pfn));

			if (mt < MIGRATE_TYPES)
				blocks[mt]++;
		}
		printk("Node %d, zone %8s ", zone->zone_pgdat->node_id, zone->name);
		for (t = 0; t < MIGRATE_TYPES; t++)
			pr_cont("%12lu ", blocks[t]);
		pr_cont("\n");
	}
}

static const char *const zone_stat_names[NR_VM_ZONE_STAT_ITEMS] = {
	[NR_FREE_PAGES] = "nr_free_pages",
	[NR_SLAB_RECLAIMABLE] = "nr_slab_reclaimable",
	[NR_SLAB_UNRECLAIMABLE] = "nr_slab_unreclaimable",
	[NR_PAGETABLE] = "nr_page_table_pages",
	[NR_KERNEL_STACK] = "nr_kernel_stack",
	[NR_VMALLOC] = "nr_vmalloc",
	[NR_BOUNCE] = "nr_bounce",
};

void zoneinfo_show(void)
{
	int nid;

	for_each_online_node(nid) {
		pg_data_t *pgdat = NODE_DATA(nid);
		int j, i;

		for (j = 0; j < MAX_NR_ZONES; j++) {
			struct zone *zone = &pgdat->node_zones[j];
			unsigned int cpu;

			printk("Node %d, zone %8s", nid, zone->name);
			pr_cont("\n  pages free     %lu", zone_page_state(zone, NR_FREE_PAGES));
			pr_cont("\n        min      %lu", min_wmark_pages(zone));
			pr_cont("\n        low      %lu", low_wmark_pages(zone));
			pr_cont("\n        high     %lu", high_wmark_pages(zone));
			pr_cont("\n        spanned  %lu", zone->spanned_pages);
			pr_cont("\n        present  %lu", zone->present_pages);
			pr_cont("\n        managed  %lu", zone->managed_pages);
			pr_cont("\n        protection: (%lu", zone->lowmem_reserve[0]);
			for (i = 1; i < MAX_NR_ZONES; i++)
				pr_cont(", %lu", zone->lowmem_reserve[i]);
			pr_cont(")");
			if (!populated_zone(zone)) {
				pr_cont("\n");
				continue;
			}
			for (i = 0; i < NR_VM_ZONE_STAT_ITEMS; i++)
				pr_cont("\n      %-12s %lu", zone_stat_names[i],
					zone_page_state(zone, (enum zone_stat_item)i));
			pr_cont("\n  pagesets");
			for_each_online_cpu(cpu) {
				struct per_cpu_pages *pcp = &zone->pageset[cpu].pcp;

				pr_cont("\n    cpu: %u", cpu);
				pr_cont("\n              count: %d", READ_ONCE(pcp->count));
				pr_cont("\n              high:  %d", pcp->high);
				pr_cont("\n              batch: %d", pcp->batch);
			}
			pr_cont("\n  start_pfn:           %lu\n", zone->zone_start_pfn);
		}
	}
}

static int cmd_meminfo(int argc, char **argv)
{
	meminfo_show();
	return 0;
}
SHELL_COMMAND("meminfo", "memory totals, as /proc/meminfo", cmd_meminfo);

static int cmd_buddyinfo(int argc, char **argv)
{
	buddyinfo_show();
	return 0;
}
SHELL_COMMAND("buddyinfo", "free blocks per order and zone, as /proc/buddyinfo", cmd_buddyinfo);

static int cmd_pagetypeinfo(int argc, char **argv)
{
	pagetypeinfo_show();
	return 0;
}
SHELL_COMMAND("pagetypeinfo", "free blocks per migrate type, pageblock types (/proc/pagetypeinfo)",
	      cmd_pagetypeinfo);

static int cmd_zoneinfo(int argc, char **argv)
{
	zoneinfo_show();
	return 0;
}
SHELL_COMMAND("zoneinfo", "watermarks, sizes, counters and per-CPU lists (/proc/zoneinfo)",
	      cmd_zoneinfo);

static int cmd_min_free_kbytes(int argc, char **argv)
{
	if (argc > 2)
		return -EINVAL;
	if (argc == 2) {
		char *end;
		unsigned long long v = simple_strtoull(argv[1], &end, 0);
		int err;

		if (*end || end == argv[1] || v > 65536)
			return -EINVAL;
		err = set_min_free_kbytes((int)v);
		if (err)
			return err;
	}
	printk("%d\n", min_free_kbytes);
	return 0;
}
SHELL_COMMAND("min_free_kbytes", "show or set vm.min_free_kbytes (recomputes the watermarks)",
	      cmd_min_free_kbytes);
