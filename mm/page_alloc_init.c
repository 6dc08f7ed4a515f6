/*
 * Zone policy set once memory is known: zonelists (the memory-and-DMA chapter's fallback
 * order HighMem -> Normal -> DMA, local node first within each zone type),
 * watermarks from min_free_kbytes, the lowmem reserve that keeps lower zones
 * for the allocations that need them, the MIGRATE_RESERVE pageblocks and
 * the per-CPU list sizes.
 */
#include <linux/errno.h>
#include <linux/mm.h>
#include <linux/gfp.h>
#include <linux/init.h>
#include <linux/smp.h>
#include <linux/topology.h>
#include "internal.h"

int min_free_kbytes = 1024;
long user_min_free_kbytes = -1;

/* A zone keeps 1/ratio of the higher zones' memory from their fallbacks. */
static const int lowmem_reserve_ratio[MAX_NR_ZONES - 1] = {
	[ZONE_DMA] = 256, [ZONE_NORMAL] = 32, [ZONE_HIGHMEM] = 32,
};

int sysctl_lowmem_reserve_ratio_of(enum zone_type idx)
{
	return idx < MAX_NR_ZONES - 1 ? lowmem_reserve_ratio[idx] : 1;
}

static int __init setup_min_free_kbytes(char *p)
{
	char *end;
	unsigned long long v = memparse(p, &end);

	if (*end || end == p)
		return -EINVAL;
	if (v > 65536)
		return -ERANGE;
	user_min_free_kbytes = (long)v;
	if (totalram_pages)		/* parsed after mem_init(): apply now */
		init_per_zone_wmark_min();
	return 0;
}
__setup("min_free_kbytes=", setup_min_free_kbytes);

static void set_first_usable(struct zonelist *zl)
{
	int high, n;

	for (high = 0; high < MAX_NR_ZONES; high++) {
		for (n = 0; zl->_zonerefs[n].zone && zl->_zonerefs[n].zone_idx > high; n++)
			;
		zl->first[high] = (unsigned char)n;
	}
}

static void build_zonelists(pg_data_t *pgdat)
{
	int local = pgdat->node_id, zt, k, n = 0;
	struct zonelist *zl = &pgdat->node_zonelists[ZONELIST_FALLBACK];
	struct zonelist *own = &pgdat->node_zonelists[ZONELIST_NOFALLBACK];

	for (zt = MAX_NR_ZONES - 1; zt >= 0; zt--) {
		for (k = 0; k < MAX_NUMNODES; k++) {
			int nid = (local + k) % MAX_NUMNODES;
			struct zone *zone;

			if (!node_online(nid))
				continue;
			zone = &NODE_DATA(nid)->node_zones[zt];
			if (populated_zone(zone))
				zl->_zonerefs[n++] = (struct zoneref){ zone, zt };
		}
	}
	zl->_zonerefs[n] = (struct zoneref){ NULL, 0 };
	n = 0;
	for (zt = MAX_NR_ZONES - 1; zt >= 0; zt--)
		if (populated_zone(&pgdat->node_zones[zt]))
			own->_zonerefs[n++] = (struct zoneref){ &pgdat->node_zones[zt], zt };
	own->_zonerefs[n] = (struct zoneref){ NULL, 0 };
	set_first_usable(zl);
	set_first_usable(own);
}

void build_all_zonelists(void)
{
	unsigned long total;
	int nid, cpu;

	for_each_online_node(nid)
		build_zonelists(NODE_DATA(nid));
	/* Share the CPUs out over the nodes in order. */
	for (cpu = 0; cpu < NR_CPUS; cpu++)
		cpu_to_node_map[cpu] = 0;
	for (cpu = 0; cpu < NR_CPUS; cpu++) {
		int want = cpu * nr_online_nodes / NR_CPUS, seen = 0;

		for_each_online_node(nid)
			if (seen++ == want)
				cpu_to_node_map[cpu] = nid;
	}
	total = nr_all_zone_pages();
	page_group_by_mobility_disabled = total < pageblock_nr_pages * MIGRATE_TYPES;
	pr_info("Built %d zonelists, mobility grouping %s.  Total pages: %lu\n",
		nr_online_nodes, page_group_by_mobility_disabled ? "off" : "on", total);
}

static unsigned long int_sqrt(unsigned long x)
{
	unsigned long r = 0, bit = 1UL << (sizeof(long) * 8 - 2);

	while (bit > x)
		bit >>= 2;
	while (bit) {
		if (x >= r + bit) {
			x -= r + bit;
			r = (r >> 1) + bit;
		} else {
			r >>= 1;
		}
		bit >>= 2;
	}
	return r;
}

static bool zone_is_lowmem(const struct zone *zone)
{
	return zone->zone_start_pfn < max_low_pfn;
}

/* Blocks holding a reserved page never become free: no use as a reserve. */
static bool pageblock_is_reserved(unsigned long start, unsigned long end)
{
	unsigned long pfn;

	for (pfn = start; pfn < end; pfn++)
		if (!pfn_valid(pfn) || PageReserved(pfn_to_page(pfn)))
			return true;
	return false;
}

/*
 * Mark up to two pageblocks (about the min watermark) MIGRATE_RESERVE so
 * high-order atomic allocations have somewhere to go. Zone lock held.
 */
static void setup_zone_migrate_reserve(struct zone *zone)
{
	unsigned long start = ALIGN(zone->zone_start_pfn, pageblock_nr_pages);
	unsigned long end = zone_end_pfn(zone), pfn;
	unsigned long reserve = ALIGN(min_wmark_pages(zone), pageblock_nr_pages) >> pageblock_order;

	reserve = min(reserve, 2UL);
	for (pfn = start; pfn < end; pfn += pageblock_nr_pages) {
		struct page *page = pfn_to_page(pfn);
		int mt = get_pageblock_migratetype(page);

		if (pageblock_is_reserved(pfn, min(pfn + pageblock_nr_pages, end)))
			continue;
		if (reserve && mt == MIGRATE_RESERVE) {
			reserve--;
			continue;
		}
		if (reserve && mt == MIGRATE_MOVABLE) {
			set_pageblock_migratetype(page, MIGRATE_RESERVE);
			move_freepages_block(zone, page, MIGRATE_RESERVE);
			reserve--;
			continue;
		}
		if (mt == MIGRATE_RESERVE) {	/* the reserve shrank: give it back */
			set_pageblock_migratetype(page, MIGRATE_MOVABLE);
			move_freepages_block(zone, page, MIGRATE_MOVABLE);
		}
	}
}

void setup_per_zone_wmarks(void)
{
	unsigned long pages_min = (unsigned long)min_free_kbytes >> (PAGE_SHIFT - 10);
	unsigned long lowmem_pages = 0;
	struct zone *zone;

	for_each_populated_zone(zone)
		if (zone_is_lowmem(zone))
			lowmem_pages += zone->managed_pages;
	for_each_populated_zone(zone) {
		unsigned long tmp = lowmem_pages ? pages_min * zone->managed_pages / lowmem_pages : 0;
		unsigned long flags;

		spin_lock_irqsave(&zone->lock, flags);
		if (!zone_is_lowmem(zone)) {
			/* Highmem needs little: nothing there is atomic-critical. */
			zone->watermark[WMARK_MIN] = clamp(zone->managed_pages / 1024, 32UL, 128UL);
		} else {
			zone->watermark[WMARK_MIN] = tmp;
		}
		zone->watermark[WMARK_LOW] = zone->watermark[WMARK_MIN] + (tmp >> 2);
		zone->watermark[WMARK_HIGH] = zone->watermark[WMARK_MIN] + (tmp >> 1);
		setup_zone_migrate_reserve(zone);
		spin_unlock_irqrestore(&zone->lock, flags);
	}
	calculate_totalreserve_pages();
}

void setup_per_zone_lowmem_reserve(void)
{
	int nid, j;

	for_each_online_node(nid) {
		pg_data_t *pgdat = NODE_DATA(nid);

		for (j = 0; j < MAX_NR_ZONES; j++) {
			struct zone *zone = &pgdat->node_zones[j];
			unsigned long managed = zone->managed_pages;
			int idx = j;

			zone->lowmem_reserve[j] = 0;
			while (idx) {
				struct zone *lower = &pgdat->node_zones[--idx];

				lower->lowmem_reserve[j] = managed / (unsigned long)lowmem_reserve_ratio[idx];
				managed += lower->managed_pages;
			}
		}
	}
	calculate_totalreserve_pages();
}

void calculate_totalreserve_pages(void)
{
	unsigned long sum = 0;
	struct zone *zone;

	for_each_populated_zone(zone) {
		unsigned long max = 0;
		int j;

		for (j = zone_idx(zone); j < MAX_NR_ZONES; j++)
			max = max(max, zone->lowmem_reserve[j]);
		max += high_wmark_pages(zone);
		sum += min(max, zone->managed_pages);
	}
	totalreserve_pages = sum;
}

/* Linux's zone_batchsize: about a quarter of a 1/1024th, at most 512 KiB, 2^n - 1. */
static int zone_batchsize(const struct zone *zone)
{
	unsigned long batch = (zone->managed_pages ? zone->managed_pages : zone->present_pages) / 1024;
	unsigned long p = 1;

	batch = min(batch, (512UL * 1024) / PAGE_SIZE);
	batch /= 4;
	if (batch < 1)
		batch = 1;
	while (p * 2 <= batch + batch / 2)
		p *= 2;
	return (int)max(p - 1, 1UL);
}

void setup_zone_pageset(struct zone *zone)
{
	int batch = zone_batchsize(zone);
	unsigned int cpu;

	for (cpu = 0; cpu < NR_CPUS; cpu++) {
		struct per_cpu_pages *pcp = &zone->pageset[cpu].pcp;

		/* Read by their CPU only, each on its own: no lock needed. */
		WRITE_ONCE(pcp->batch, batch);
		WRITE_ONCE(pcp->high, 6 * batch);
	}
}

void init_per_zone_wmark_min(void)
{
	struct zone *zone;

	if (user_min_free_kbytes >= 0) {
		min_free_kbytes = (int)user_min_free_kbytes;
	} else {
		unsigned long lowmem_kbytes = 0;

		for_each_populated_zone(zone)
			if (zone_idx(zone) <= ZONE_NORMAL)
				lowmem_kbytes += zone->managed_pages << (PAGE_SHIFT - 10);
		min_free_kbytes = (int)clamp(int_sqrt(lowmem_kbytes * 16), 128UL, 65536UL);
	}
	setup_per_zone_wmarks();
	setup_per_zone_lowmem_reserve();
	for_each_populated_zone(zone)
		setup_zone_pageset(zone);
}

int set_min_free_kbytes(int kbytes)
{
	if (kbytes > 65536)
		return -EINVAL;
	user_min_free_kbytes = kbytes < 0 ? -1 : kbytes;
	init_per_zone_wmark_min();
	return 0;
}
