/*
 * The memory-and-DMA chapter's three levels of memory: nodes (pg_data_t, one per RAM bank
 * or per numa=fake slice), zones within a node, and pages (struct page,
 * <linux/mm_types.h>). Each zone keeps buddy free lists per order and per
 * migrate type, per-CPU lists of order-0 pages, watermarks and counters.
 *
 * Where Mica differs from Linux: zone counters are plain atomics (no per-CPU
 * deltas); the per-CPU page lists are an array in the zone, each with its own
 * lock so another CPU can drain it without an IPI (as Linux 6.x also does);
 * pageblock migrate types live in one byte per block; no memory hotplug,
 * no compaction, no kswapd.
 */
#ifndef _LINUX_MMZONE_H
#define _LINUX_MMZONE_H

#include <linux/types.h>
#include <linux/list.h>
#include <linux/spinlock.h>
#include <linux/atomic.h>
#include <linux/percpu.h>
#include <asm/memory.h>

#define MAX_ORDER		11	/* orders 0..10: up to 4 MiB blocks */
#define MAX_ORDER_NR_PAGES	(1UL << (MAX_ORDER - 1))

/* Mobility grouping works in pageblocks of the largest buddy order. */
#define pageblock_order		(MAX_ORDER - 1)
#define pageblock_nr_pages	(1UL << pageblock_order)

#define PAGE_ALLOC_COSTLY_ORDER	3	/* above this, do not retry hard */

enum migratetype {
	MIGRATE_UNMOVABLE,
	MIGRATE_RECLAIMABLE,
	MIGRATE_MOVABLE,
	MIGRATE_PCPTYPES,		/* the types with per-CPU lists */
	MIGRATE_RESERVE = MIGRATE_PCPTYPES,	/* the last resort, around min watermark size */
	MIGRATE_TYPES
};

extern const char *const migratetype_names[MIGRATE_TYPES];
/* Set when memory is too small to group (or by the mobility= switch). */
extern int page_group_by_mobility_disabled;

enum zone_type {
	ZONE_DMA,	/* the board's DMA-able window (dma_zone=, default 16 MiB) */
	ZONE_NORMAL,	/* the rest of lowmem: permanently mapped */
	ZONE_HIGHMEM,	/* above lowmem: mapped on demand (kmap) */
	ZONE_MOVABLE,	/* only with movablecore=/kernelcore= */
	__MAX_NR_ZONES
};
#define MAX_NR_ZONES	__MAX_NR_ZONES
#define ZONES_SHIFT	2

#define NODES_SHIFT	3
#define MAX_NUMNODES	(1 << NODES_SHIFT)

extern const char *const zone_names[MAX_NR_ZONES];

/* Per-zone counters, in pages. */
enum zone_stat_item {
	NR_FREE_PAGES,		/* in the buddy lists (not the per-CPU lists) */
	NR_SLAB_RECLAIMABLE,	/* kept up to date by the slab allocator */
	NR_SLAB_UNRECLAIMABLE,
	NR_PAGETABLE,		/* second-level page tables */
	NR_KERNEL_STACK,	/* pages of kernel stacks */
	NR_VMALLOC,		/* pages mapped by vmalloc */
	NR_BOUNCE,
	NR_VM_ZONE_STAT_ITEMS
};

enum zone_watermarks {
	WMARK_MIN,
	WMARK_LOW,
	WMARK_HIGH,
	NR_WMARK
};

struct free_area {
	struct list_head free_list[MIGRATE_TYPES];
	unsigned long nr_free;		/* blocks of this order, all types */
};

/*
 * Order-0 pages cached per CPU: hot ones at the head of each list, cold at
 * the tail. Above @high, @batch pages go back to the buddy lists. Only
 * their own CPU touches them, with interrupts off (no lock; other CPUs
 * ask it by IPI: drain_all_pages).
 */
struct per_cpu_pages {
	int count;
	int high;
	int batch;
	struct list_head lists[MIGRATE_PCPTYPES];
} __aligned(64);

struct per_cpu_pageset {
	struct per_cpu_pages pcp;
};

struct pglist_data;

struct zone {
	/* First: the fast paths find this CPU's lists with a single add. */
	struct per_cpu_pageset pageset[NR_CPUS];
	/* Read on every allocation. */
	unsigned long watermark[NR_WMARK];
	/* Pages to keep free against an allocation that could use a higher zone. */
	unsigned long lowmem_reserve[MAX_NR_ZONES];
	struct pglist_data *zone_pgdat;

	unsigned long zone_start_pfn;
	unsigned long spanned_pages;	/* end - start, holes included */
	unsigned long present_pages;	/* RAM in the span */
	unsigned long managed_pages;	/* given to the buddy allocator */
	const char *name;
	u8 *pageblock_flags;		/* migrate type of each pageblock */
	long pageblock_bias;		/* (page - mem_map + this) >> pageblock_order indexes it */

	spinlock_t lock;		/* free_area and the pageblock types */
	struct free_area free_area[MAX_ORDER];

	atomic_t vm_stat[NR_VM_ZONE_STAT_ITEMS];
};

/* A zonelist names every zone an allocation may use, best first. */
#define MAX_ZONES_PER_ZONELIST (MAX_NUMNODES * MAX_NR_ZONES)

struct zoneref {
	struct zone *zone;	/* NULL ends the list */
	int zone_idx;
};

struct zonelist {
	struct zoneref _zonerefs[MAX_ZONES_PER_ZONELIST + 1];
	/* Index of the first zoneref usable with each highest zone index. */
	unsigned char first[MAX_NR_ZONES];
};

enum {
	ZONELIST_FALLBACK,	/* all nodes, in the chapter's order */
	ZONELIST_NOFALLBACK,	/* this node only (__GFP_THISNODE) */
	MAX_ZONELISTS
};

typedef struct pglist_data {
	struct zone node_zones[MAX_NR_ZONES];
	struct zonelist node_zonelists[MAX_ZONELISTS];
	int nr_zones;			/* highest populated zone index + 1 */
	unsigned long node_start_pfn;
	unsigned long node_present_pages;
	unsigned long node_spanned_pages;
	int node_id;
} pg_data_t;

extern struct pglist_data *node_data[MAX_NUMNODES];
#define NODE_DATA(nid)	(node_data[(nid)])

/* Online nodes: those with memory. */
typedef struct { unsigned long bits; } nodemask_t;
extern nodemask_t node_online_map;
extern int nr_online_nodes;
#define node_online(nid)	(((nid) >= 0 && (nid) < MAX_NUMNODES) && \
				 ((node_online_map.bits >> (nid)) & 1))
#define node_isset(nid, mask)	(((mask).bits >> (nid)) & 1)
#define for_each_online_node(nid) \
	for ((nid) = 0; (nid) < MAX_NUMNODES; (nid)++) if (node_online(nid))

static inline int zone_idx(const struct zone *zone)
{
	return (int)(zone - zone->zone_pgdat->node_zones);
}

static inline bool populated_zone(const struct zone *zone)
{
	return zone->present_pages != 0;
}

static inline bool is_highmem_idx(enum zone_type idx)
{
	return idx == ZONE_HIGHMEM;
}

static inline bool is_highmem(const struct zone *zone)
{
	return zone_idx(zone) == ZONE_HIGHMEM;
}

static inline unsigned long zone_end_pfn(const struct zone *zone)
{
	return zone->zone_start_pfn + zone->spanned_pages;
}

static inline bool zone_spans_pfn(const struct zone *zone, unsigned long pfn)
{
	return zone->zone_start_pfn <= pfn && pfn < zone_end_pfn(zone);
}

#define min_wmark_pages(z)  ((z)->watermark[WMARK_MIN])
#define low_wmark_pages(z)  ((z)->watermark[WMARK_LOW])
#define high_wmark_pages(z) ((z)->watermark[WMARK_HIGH])

static inline unsigned long zone_page_state(const struct zone *zone, enum zone_stat_item item)
{
	long x = atomic_read(&zone->vm_stat[item]);

	return x < 0 ? 0 : (unsigned long)x;
}

static inline void mod_zone_page_state(struct zone *zone, enum zone_stat_item item, long delta)
{
	atomic_add((int)delta, &zone->vm_stat[item]);
}

/* Sum of @item over every zone. */
unsigned long global_page_state(enum zone_stat_item item);

/* The zone iterators (all zones of all online nodes). */
struct zone *next_zone(struct zone *zone);
#define for_each_zone(zone) \
	for (zone = NODE_DATA(first_online_node())->node_zones; zone; zone = next_zone(zone))
#define for_each_populated_zone(zone) \
	for_each_zone(zone) if (!populated_zone(zone)) ; else
int first_online_node(void);

/* Walk @zlist's zones whose index is at most @highidx (and in @nodes if given). */
#define for_each_zone_zonelist_nodemask(zone, z, zlist, highidx, nodes)		\
	for (z = (zlist)->_zonerefs; ((zone) = (z)->zone) != NULL; z++)		\
		if ((z)->zone_idx > (int)(highidx) ||					\
		    ((nodes) && !node_isset((zone)->zone_pgdat->node_id, *(nodes)))) ; else
#define for_each_zone_zonelist(zone, z, zlist, highidx) \
	for_each_zone_zonelist_nodemask(zone, z, zlist, highidx, (nodemask_t *)NULL)

/*
 * Would an allocation of 2^order pages leave @z above @mark, counting the
 * lowmem reserve against allocations that could have used @classzone_idx?
 * @alloc_flags are the allocator's ALLOC_ bits (reserve access).
 */
bool zone_watermark_ok(struct zone *z, unsigned int order, unsigned long mark,
		       int classzone_idx, int alloc_flags);

#endif
