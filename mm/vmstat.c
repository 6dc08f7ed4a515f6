/*
 * Memory reports in Linux's /proc formats, so existing parsers read them:
 * meminfo, buddyinfo, pagetypeinfo and zoneinfo (the console commands in
 * mm/mm_commands.c). Only the lines that mean something here are printed.
 * Each writes through @print: shell_printf for a command, printk in tests.
 */
#include <linux/mm.h>
#include <linux/percpu.h>
#include <linux/vmalloc.h>
#include <linux/gfp.h>
#include <linux/smp.h>
#include <linux/errno.h>
#include <string.h>
#include "internal.h"

#define K(pages) ((unsigned long)(pages) << (PAGE_SHIFT - 10))

static void show_val_kb(mm_printf_t print, const char *name, unsigned long pages)
{
	print("%-16s%8lu kB\n", name, K(pages));
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

void meminfo_show(mm_printf_t print)
{
	struct vmalloc_info vmi;
	struct sysinfo i;
	unsigned long sreclaimable = global_page_state(NR_SLAB_RECLAIMABLE);
	unsigned long sunreclaim = global_page_state(NR_SLAB_UNRECLAIMABLE);

	si_meminfo(&i);
	show_val_kb(print, "MemTotal:", i.totalram);
	show_val_kb(print, "MemFree:", i.freeram);
	show_val_kb(print, "MemAvailable:", mem_available());
	show_val_kb(print, "HighTotal:", i.totalhigh);
	show_val_kb(print, "HighFree:", i.freehigh);
	show_val_kb(print, "LowTotal:", i.totalram - i.totalhigh);
	show_val_kb(print, "LowFree:", i.freeram - i.freehigh);
	show_val_kb(print, "Slab:", sreclaimable + sunreclaim);
	show_val_kb(print, "SReclaimable:", sreclaimable);
	show_val_kb(print, "SUnreclaim:", sunreclaim);
	show_val_kb(print, "KernelStack:", global_page_state(NR_KERNEL_STACK));
	show_val_kb(print, "PageTables:", global_page_state(NR_PAGETABLE));
	show_val_kb(print, "Bounce:", global_page_state(NR_BOUNCE));
	print("%-16s%8lu kB\n", "VmallocTotal:", (unsigned long)(VMALLOC_END - VMALLOC_START) >> 10);
	show_val_kb(print, "VmallocUsed:", global_page_state(NR_VMALLOC));
	get_vmalloc_info(&vmi);
	print("%-16s%8lu kB\n", "VmallocChunk:", vmi.largest_chunk >> 10);
	show_val_kb(print, "Percpu:", pcpu_nr_pages());
}

void buddyinfo_show(mm_printf_t print)
{
	struct zone *zone;

	for_each_populated_zone(zone) {
		unsigned int order;

		print("Node %d, zone %8s ", zone->zone_pgdat->node_id, zone->name);
		for (order = 0; order < MAX_ORDER; order++)
			print("%6lu ", READ_ONCE(zone->free_area[order].nr_free));
		print("\n");
	}
}

void pagetypeinfo_show(mm_printf_t print)
{
	struct zone *zone;
	unsigned int order;
	int t;

	print("Page block order: %d\n", pageblock_order);
	print("Pages per block:  %lu\n\n", pageblock_nr_pages);
	print("%-43s ", "Free pages count per migrate type at order");
	for (order = 0; order < MAX_ORDER; order++)
		print("%6u ", order);
	print("\n");
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
			print("Node %4d, zone %8s, type %12s ", zone->zone_pgdat->node_id, zone->name,
			       migratetype_names[t]);
			for (order = 0; order < MAX_ORDER; order++)
				print("%6lu ", counts[order]);
			print("\n");
		}
	}
	print("\n%-23s", "Number of blocks type ");
	for (t = 0; t < MIGRATE_TYPES; t++)
		print("%12s ", migratetype_names[t]);
	print("\n");
	for_each_populated_zone(zone) {
		unsigned long blocks[MIGRATE_TYPES] = { 0 }, pfn;

		for (pfn = ALIGN(zone->zone_start_pfn, pageblock_nr_pages); pfn < zone_end_pfn(zone);
		     pfn += pageblock_nr_pages) {
			int mt = get_pageblock_migratetype(pfn_to_page(pfn));

			if (mt < MIGRATE_TYPES)
				blocks[mt]++;
		}
		print("Node %d, zone %8s ", zone->zone_pgdat->node_id, zone->name);
		for (t = 0; t < MIGRATE_TYPES; t++)
			print("%12lu ", blocks[t]);
		print("\n");
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

void zoneinfo_show(mm_printf_t print)
{
	int nid;

	for_each_online_node(nid) {
		pg_data_t *pgdat = NODE_DATA(nid);
		int j, i;

		for (j = 0; j < MAX_NR_ZONES; j++) {
			struct zone *zone = &pgdat->node_zones[j];
			unsigned int cpu;

			print("Node %d, zone %8s", nid, zone->name);
			print("\n  pages free     %lu", zone_page_state(zone, NR_FREE_PAGES));
			print("\n        min      %lu", min_wmark_pages(zone));
			print("\n        low      %lu", low_wmark_pages(zone));
			print("\n        high     %lu", high_wmark_pages(zone));
			print("\n        spanned  %lu", zone->spanned_pages);
			print("\n        present  %lu", zone->present_pages);
			print("\n        managed  %lu", zone->managed_pages);
			print("\n        protection: (%lu", zone->lowmem_reserve[0]);
			for (i = 1; i < MAX_NR_ZONES; i++)
				print(", %lu", zone->lowmem_reserve[i]);
			print(")");
			if (!populated_zone(zone)) {
				print("\n");
				continue;
			}
			for (i = 0; i < NR_VM_ZONE_STAT_ITEMS; i++)
				print("\n      %-12s %lu", zone_stat_names[i],
					zone_page_state(zone, (enum zone_stat_item)i));
			print("\n  pagesets");
			for_each_online_cpu(cpu) {
				struct per_cpu_pages *pcp = &zone->pageset[cpu].pcp;

				print("\n    cpu: %u", cpu);
				print("\n              count: %d", READ_ONCE(pcp->count));
				print("\n              high:  %d", pcp->high);
				print("\n              batch: %d", pcp->batch);
			}
			print("\n  start_pfn:           %lu\n", zone->zone_start_pfn);
		}
	}
}
