/* Walking nodes and zones, page addresses and memory totals. */
#include <linux/mm.h>
#include <linux/export.h>
#include <linux/highmem.h>
#include <linux/gfp.h>
#include "internal.h"

unsigned long totalram_pages;
EXPORT_SYMBOL(totalram_pages);
unsigned long totalhigh_pages;
EXPORT_SYMBOL(totalhigh_pages);
unsigned long totalreserve_pages;

int first_online_node(void)
{
	int nid;

	for_each_online_node(nid)
		return nid;
	return 0;
}

/* The zone after @zone: the next one of its node, then the next online node's first. */
struct zone *next_zone(struct zone *zone)
{
	pg_data_t *pgdat = zone->zone_pgdat;
	int nid;

	if (zone < pgdat->node_zones + MAX_NR_ZONES - 1)
		return zone + 1;
	for (nid = pgdat->node_id + 1; nid < MAX_NUMNODES; nid++)
		if (node_online(nid))
			return NODE_DATA(nid)->node_zones;
	return NULL;
}

unsigned long global_page_state(enum zone_stat_item item)
{
	unsigned long sum = 0;
	struct zone *zone;

	for_each_zone(zone)
		sum += zone_page_state(zone, item);
	return sum;
}

/* A high page has an address only while it is kmap()ed (mm/highmem.c). */
void *page_address(const struct page *page)
{
	if (PageHighMem(page))
		return pkmap_page_address(page);
	return lowmem_page_address(page);
}
EXPORT_SYMBOL(page_address);

unsigned long nr_free_pages(void)
{
	return global_page_state(NR_FREE_PAGES);
}

static bool zone_is_high(const struct zone *zone)
{
	return zone->zone_start_pfn >= max_low_pfn && populated_zone(zone);
}

bool has_managed_dma(void)
{
	int nid;

	for_each_online_node(nid)
		if (populated_zone(&NODE_DATA(nid)->node_zones[ZONE_DMA]))
			return true;
	return false;
}

unsigned long nr_free_highpages(void)
{
	unsigned long sum = 0;
	struct zone *zone;

	for_each_populated_zone(zone)
		if (zone_is_high(zone))
			sum += zone_page_state(zone, NR_FREE_PAGES);
	return sum;
}

unsigned long nr_free_buffer_pages(void)
{
	unsigned long sum = 0;
	struct zone *zone;

	for_each_populated_zone(zone)
		if (zone_idx(zone) <= ZONE_NORMAL)
			sum += zone_page_state(zone, NR_FREE_PAGES);
	return sum;
}

void si_meminfo(struct sysinfo *val)
{
	val->totalram = totalram_pages;
	val->freeram = nr_free_pages();
	val->totalhigh = totalhigh_pages;
	val->freehigh = nr_free_highpages();
	val->mem_unit = PAGE_SIZE;
}
EXPORT_SYMBOL(si_meminfo);
