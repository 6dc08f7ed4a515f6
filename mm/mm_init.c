/*
 * Memory discovery and layout: RAM banks into memblock (mem= caps them),
 * then nodes (one per bank, or numa=fake=N equal slices), zones within each
 * node (DMA window, Normal up to the end of lowmem, HighMem above,
 * Movable carved from the top with movablecore=/kernelcore=), mem_map with
 * a struct page per frame, and finally the hand-over of memblock's free
 * memory to the buddy allocator.
 */
#include <linux/errno.h>
#include <linux/export.h>
#include <linux/mm.h>
#include <linux/gfp.h>
#include <linux/init.h>
#include <linux/memblock.h>
#include <mica/board.h>
#include <string.h>
#include "internal.h"

struct page *mem_map;
struct mem_map_bounds mem_map_bounds;
EXPORT_SYMBOL(mem_map);
unsigned long min_low_pfn, max_low_pfn, max_pfn, max_mapnr;
EXPORT_SYMBOL(max_mapnr);
EXPORT_SYMBOL(max_low_pfn);

static struct pglist_data node_data_storage[MAX_NUMNODES];
struct pglist_data *node_data[MAX_NUMNODES];
EXPORT_SYMBOL(node_data);
struct zone *zone_table[1 << (NODES_SHIFT + ZONES_SHIFT)];
EXPORT_SYMBOL(zone_table);
nodemask_t node_online_map;
int nr_online_nodes;
int cpu_to_node_map[NR_CPUS];
EXPORT_SYMBOL(cpu_to_node_map);

const char *const zone_names[MAX_NR_ZONES] = { "DMA", "Normal", "HighMem", "Movable" };

/* Command-line settings. */
phys_addr_t memory_limit = ~(phys_addr_t)0;
unsigned long dma_zone_bytes = ~0UL;		/* ~0: the board's */
unsigned long required_movablecore, required_kernelcore;
int numa_fake_nodes;

/* The banks as given (after mem=), for one node per bank. */
static struct membank ram_banks[BOARD_MAX_BANKS];
static int nr_ram_banks;

/* Per-node pfn ranges and the movable zone start. */
static unsigned long node_start[MAX_NUMNODES], node_end[MAX_NUMNODES];
static unsigned long zone_movable_pfn;	/* 0: no ZONE_MOVABLE */

/* Below this Mica cannot hold its image, page tables and mem_map. */
#define MIN_MEMORY_LIMIT (8UL << 20)

static int __init early_mem(char *p)
{
	char *end;
	unsigned long long v = memparse(p, &end);

	if (*end || end == p)
		return -EINVAL;
	if (v < MIN_MEMORY_LIMIT)
		return -ERANGE;
	memory_limit = (phys_addr_t)min(v, (unsigned long long)~(phys_addr_t)0);
	return 0;
}
early_param("mem", early_mem);

static int __init early_numa(char *p)
{
	char *end;
	unsigned long long n;

	if (strncmp(p, "fake=", 5))
		return -EINVAL;
	n = simple_strtoull(p + 5, &end, 10);
	if (*end || end == p + 5)
		return -EINVAL;
	if (n < 1)
		return -ERANGE;
	if (n > MAX_NUMNODES) {
		pr_warn("numa=fake=%llu: at most %d nodes\n", n, MAX_NUMNODES);
		n = MAX_NUMNODES;
	}
	numa_fake_nodes = (int)n;
	return 0;
}
early_param("numa", early_numa);

static int __init early_dma_zone(char *p)
{
	char *end;
	unsigned long long v = memparse(p, &end);

	if (*end || end == p)
		return -EINVAL;
	dma_zone_bytes = (unsigned long)min(v, (unsigned long long)~0UL - 1);
	return 0;
}
early_param("dma_zone", early_dma_zone);

static int __init early_movablecore(char *p)
{
	char *end;
	unsigned long long v = memparse(p, &end);

	if (*end || end == p)
		return -EINVAL;
	required_movablecore = (unsigned long)min(v >> PAGE_SHIFT, (unsigned long long)~0UL);
	return 0;
}
early_param("movablecore", early_movablecore);

static int __init early_kernelcore(char *p)
{
	char *end;
	unsigned long long v = memparse(p, &end);

	if (*end || end == p)
		return -EINVAL;
	if (!(v >> PAGE_SHIFT))
		return -ERANGE;
	required_kernelcore = (unsigned long)min(v >> PAGE_SHIFT, (unsigned long long)~0UL);
	return 0;
}
early_param("kernelcore", early_kernelcore);

/*
 * @banks are added to memblock (the boot loader hand-off may have added
 * RAM already; adding it again changes nothing). With no RAM at all, the
 * board's default banks are used. Then mem= caps the total, and the banks
 * as they stand become the NUMA nodes (one per bank) unless numa=fake=.
 */
void __init early_init_memory(const struct membank *banks, int nr_banks)
{
	const struct memblock_region *r;
	int i;

	for (i = 0; i < nr_banks; i++)
		memblock_add(banks[i].start, banks[i].size);
	if (!memblock.memory.cnt)
		for (i = 0; i < (int)board.nr_banks; i++)
			memblock_add(board.mem[i].start, board.mem[i].size);
	/* The linear map starts at the kernel's RAM: nothing below it is reachable. */
	if (memblock_start_of_DRAM() < phys_offset) {
		pr_warn("Ignoring RAM below PHYS_OFFSET %#lx\n", phys_offset);
		memblock_remove(0, phys_offset);
	}
	if (memory_limit != ~(phys_addr_t)0)
		memblock_cap_memory(memory_limit);
	nr_ram_banks = 0;
	for_each_memblock(memory, r) {
		phys_addr_t start = PAGE_ALIGN(r->base), end = (r->base + r->size) & PAGE_MASK;

		if (end > start && nr_ram_banks < BOARD_MAX_BANKS)
			ram_banks[nr_ram_banks++] = (struct membank){ start, end - start };
	}
	min_low_pfn = PFN_UP(memblock_start_of_DRAM());
	max_pfn = PFN_DOWN(memblock_end_of_DRAM());
	max_mapnr = max_pfn - ARCH_PFN_OFFSET;
}

/* Pages of RAM in [start, end). */
static unsigned long present_pages_in_range(unsigned long start, unsigned long end)
{
	const struct memblock_region *r;
	unsigned long sum = 0;

	for_each_memblock(memory, r) {
		unsigned long s = max(PFN_UP(r->base), start);
		unsigned long e = min(PFN_DOWN(r->base + r->size), end);

		if (e > s)
			sum += e - s;
	}
	return sum;
}

/* Split RAM into nodes: per bank, or numa=fake=N slices of equal RAM. */
static void __init find_node_ranges(void)
{
	int nid, nodes;

	if (numa_fake_nodes > 1) {
		unsigned long total = present_pages_in_range(min_low_pfn, max_pfn);
		unsigned long per_node = ALIGN_DOWN(total / (unsigned long)numa_fake_nodes,
						    pageblock_nr_pages);
		unsigned long pfn = min_low_pfn;

		if (!per_node)
			per_node = total / (unsigned long)numa_fake_nodes;
		nodes = numa_fake_nodes;
		for (nid = 0; nid < nodes; nid++) {
			unsigned long end = pfn;

			node_start[nid] = pfn;
			if (nid == nodes - 1) {
				end = max_pfn;
			} else {
				/* Grow until the node holds per_node pages of RAM. */
				unsigned long lo = pfn, hi = max_pfn;

				while (lo < hi) {
					unsigned long mid = lo + (hi - lo) / 2;

					if (present_pages_in_range(pfn, mid) < per_node)
						lo = mid + 1;
					else
						hi = mid;
				}
				end = lo;
			}
			node_end[nid] = end;
			pfn = end;
		}
	} else {
		nodes = min(nr_ram_banks, MAX_NUMNODES);
		for (nid = 0; nid < nodes; nid++) {
			node_start[nid] = PFN_UP(ram_banks[nid].start);
			node_end[nid] = PFN_DOWN(ram_banks[nid].start + ram_banks[nid].size);
		}
		if (nr_ram_banks > nodes)	/* more banks than nodes: the last takes the rest */
			node_end[nodes - 1] = max_pfn;
		if (!nodes) {
			nodes = 1;
			node_start[0] = node_end[0] = min_low_pfn;
		}
	}
	node_online_map.bits = 0;
	for (nid = 0; nid < nodes; nid++)
		node_online_map.bits |= 1UL << nid;
	nr_online_nodes = nodes;
}

/* The pfn range each zone type covers, before ZONE_MOVABLE is carved out. */
static void __init zone_type_ranges(unsigned long start[MAX_NR_ZONES], unsigned long end[MAX_NR_ZONES])
{
	unsigned long dma_bytes = dma_zone_bytes != ~0UL ? dma_zone_bytes : board.dma_zone_size;
	unsigned long dma_end = min(min_low_pfn + (dma_bytes >> PAGE_SHIFT), max_low_pfn);

	start[ZONE_DMA] = min_low_pfn;
	end[ZONE_DMA] = dma_end;
	start[ZONE_NORMAL] = dma_end;
	end[ZONE_NORMAL] = max_low_pfn;
	start[ZONE_HIGHMEM] = max_low_pfn;
	end[ZONE_HIGHMEM] = max_pfn;
	start[ZONE_MOVABLE] = end[ZONE_MOVABLE] = 0;
}

/*
 * ZONE_MOVABLE takes the top of the highest zone type with memory (HighMem
 * when there is any), as Linux does: movablecore= pages of it, or all but
 * kernelcore= pages of RAM, whichever leaves more for the kernel.
 */
static void __init find_zone_movable_pfn(const unsigned long start[MAX_NR_ZONES])
{
	unsigned long total = present_pages_in_range(min_low_pfn, max_pfn);
	unsigned long want = ~0UL, src_start, src_pages, got = 0, pfn;
	int src = ZONE_HIGHMEM;

	zone_movable_pfn = 0;
	if (required_movablecore)
		want = required_movablecore;
	if (required_kernelcore)
		want = min(want, total > required_kernelcore ? total - required_kernelcore : 0);
	if (want == ~0UL || !want)
		return;
	while (src > ZONE_DMA && !present_pages_in_range(start[src], max_pfn))
		src--;
	src_start = start[src];
	src_pages = present_pages_in_range(src_start, max_pfn);
	if (want > src_pages)
		pr_warn("%s asks for %lu MiB of ZONE_MOVABLE; only %s has memory for it: all %lu MiB\n",
			required_movablecore ? "movablecore=" : "kernelcore=",
			want >> (20 - PAGE_SHIFT), zone_names[src], src_pages >> (20 - PAGE_SHIFT));
	want = min(want, src_pages);
	for (pfn = max_pfn; pfn > src_start && got < want; pfn--)	/* from the top down */
		got += present_pages_in_range(pfn - 1, pfn);
	pfn = ALIGN(pfn, MAX_ORDER_NR_PAGES);
	if (pfn < max_pfn)
		zone_movable_pfn = pfn;
}

static void __init init_zone(pg_data_t *pgdat, enum zone_type j, unsigned long start,
			     unsigned long end)
{
	struct zone *zone = &pgdat->node_zones[j];
	unsigned int order, cpu;
	int t;

	memset(zone, 0, sizeof(*zone));
	zone->name = zone_names[j];
	zone->zone_pgdat = pgdat;
	spin_lock_init(&zone->lock);
	for (order = 0; order < MAX_ORDER; order++)
		for (t = 0; t < MIGRATE_TYPES; t++)
			INIT_LIST_HEAD(&zone->free_area[order].free_list[t]);
	for (cpu = 0; cpu < NR_CPUS; cpu++) {
		struct per_cpu_pages *pcp = &zone->pageset[cpu].pcp;

		for (t = 0; t < MIGRATE_PCPTYPES; t++)
			INIT_LIST_HEAD(&pcp->lists[t]);
		pcp->batch = 1;
	}
	if (end <= start)
		return;
	zone->zone_start_pfn = start;
	zone->spanned_pages = end - start;
	zone->present_pages = present_pages_in_range(start, end);
}

static void __init init_node(int nid, const unsigned long zstart[MAX_NR_ZONES],
			     const unsigned long zend[MAX_NR_ZONES])
{
	pg_data_t *pgdat = &node_data_storage[nid];
	unsigned long ns = node_start[nid], ne = node_end[nid];
	int j;

	memset(pgdat, 0, sizeof(*pgdat));
	node_data[nid] = pgdat;
	pgdat->node_id = nid;
	pgdat->node_start_pfn = ns;
	pgdat->node_spanned_pages = ne - ns;
	pgdat->node_present_pages = present_pages_in_range(ns, ne);
	for (j = 0; j < MAX_NR_ZONES; j++) {
		unsigned long s = max(zstart[j], ns), e = min(zend[j], ne);

		init_zone(pgdat, (enum zone_type)j, s, e);
		zone_table[(j << NODES_SHIFT) | nid] = &pgdat->node_zones[j];
		if (e > s && pgdat->node_zones[j].present_pages)
			pgdat->nr_zones = j + 1;
	}
}

/* One struct page per frame; all reserved until memblock_free_all(). */
static void __init init_mem_map(void)
{
	unsigned long nr = max_pfn - ARCH_PFN_OFFSET, pfn;
	struct zone *zone;

	mem_map = memblock_alloc_named(nr * sizeof(struct page), PAGE_SIZE, "mem_map");
	if (!mem_map)
		panic("Cannot allocate mem_map for %lu pages\n", nr);
	mem_map_bounds = (struct mem_map_bounds){ mem_map, nr, ARCH_PFN_OFFSET,
						   max_low_pfn - ARCH_PFN_OFFSET };
	for (pfn = 0; pfn < nr; pfn++) {
		struct page *page = &mem_map[pfn];

		page->flags = 1UL << PG_reserved;
		INIT_LIST_HEAD(&page->lru);
		init_page_count(page);
		page_mapcount_reset(page);
	}
	for_each_zone(zone) {
		for (pfn = zone->zone_start_pfn; pfn < zone_end_pfn(zone); pfn++)
			set_page_links(pfn_to_page(pfn), (enum zone_type)zone_idx(zone),
				       zone->zone_pgdat->node_id);
	}
}

/* Every pageblock starts out movable, as in Linux's memmap_init_zone. */
static void __init init_pageblock_flags(void)
{
	unsigned long total = 0, off = 0;
	struct zone *zone;
	u8 *flags;

	for_each_zone(zone)
		total += zone_nr_pageblocks(zone);
	flags = memblock_alloc_named(max(total, 1UL), sizeof(long), "pageblock flags");
	if (!flags)
		panic("Cannot allocate the pageblock flags\n");
	for_each_zone(zone) {
		unsigned long n = zone_nr_pageblocks(zone);

		zone->pageblock_flags = flags + off;
		zone->pageblock_bias = (long)ARCH_PFN_OFFSET -
				       (long)ALIGN_DOWN(zone->zone_start_pfn, pageblock_nr_pages);
		memset(zone->pageblock_flags, MIGRATE_MOVABLE, n);
		off += n;
	}
}

static void print_range(const char *prefix, unsigned long start, unsigned long end)
{
	pr_info("%s[mem %#018llx-%#018llx]\n", prefix, (unsigned long long)PFN_PHYS(start),
		(unsigned long long)PFN_PHYS(end) - 1);
}

/* Linux's boot report of the layout (zone types, movable start, nodes). */
static void __init print_zone_ranges(void)
{
	unsigned long zs[MAX_NR_ZONES], ze[MAX_NR_ZONES];
	const struct memblock_region *r;
	char prefix[32];
	int j, nid;

	zone_type_ranges(zs, ze);
	pr_info("Zone ranges:\n");
	for (j = 0; j < ZONE_MOVABLE; j++) {
		snprintf(prefix, sizeof(prefix), "  %-8s ", zone_names[j]);
		if (ze[j] > zs[j] && present_pages_in_range(zs[j], ze[j]))
			print_range(prefix, zs[j], ze[j]);
		else
			pr_info("%sempty\n", prefix);
	}
	pr_info("Movable zone start for each node\n");
	for_each_online_node(nid)
		if (NODE_DATA(nid)->node_zones[ZONE_MOVABLE].present_pages)
			pr_info("  Node %d: %#018llx\n", nid, (unsigned long long)
				PFN_PHYS(NODE_DATA(nid)->node_zones[ZONE_MOVABLE].zone_start_pfn));
	pr_info("Early memory node ranges\n");
	for_each_memblock(memory, r) {
		unsigned long s = PFN_UP(r->base), e = PFN_DOWN(r->base + r->size);

		for_each_online_node(nid) {
			unsigned long a = max(s, node_start[nid]), b = min(e, node_end[nid]);

			if (b <= a)
				continue;
			snprintf(prefix, sizeof(prefix), "  node %3d: ", nid);
			print_range(prefix, a, b);
		}
	}
	for_each_online_node(nid) {
		snprintf(prefix, sizeof(prefix), "Initmem setup node %d ", nid);
		print_range(prefix, node_start[nid], node_end[nid]);
	}
}

void __init bootmem_init(void)
{
	unsigned long zstart[MAX_NR_ZONES], zend[MAX_NR_ZONES];
	int nid, j;

	/* Lowmem is what paging_init() mapped linearly. */
	max_low_pfn = min(max_pfn, PFN_DOWN(__pa((unsigned long)high_memory - 1)) + 1);

	totalram_pages = totalhigh_pages = totalreserve_pages = 0;
	memset(node_data, 0, sizeof(node_data));
	find_node_ranges();
	zone_type_ranges(zstart, zend);
	find_zone_movable_pfn(zstart);
	if (zone_movable_pfn) {
		for (j = 0; j < ZONE_MOVABLE; j++) {
			zend[j] = min(zend[j], zone_movable_pfn);
			zstart[j] = min(zstart[j], zend[j]);
		}
		zstart[ZONE_MOVABLE] = zone_movable_pfn;
		zend[ZONE_MOVABLE] = max_pfn;
	}
	for_each_online_node(nid)
		init_node(nid, zstart, zend);
	print_zone_ranges();
	init_mem_map();
	init_pageblock_flags();
}

unsigned long get_num_physpages(void)
{
	unsigned long sum = 0;
	int nid;

	for_each_online_node(nid)
		sum += NODE_DATA(nid)->node_present_pages;
	return sum;
}

/* Present pages less what mem_map costs the lowmem zones (Linux's estimate). */
unsigned long nr_all_zone_pages(void)
{
	unsigned long sum = 0;
	struct zone *zone;

	for_each_populated_zone(zone) {
		unsigned long pages = zone->present_pages;
		unsigned long memmap = PAGE_ALIGN(zone->spanned_pages * sizeof(struct page)) >> PAGE_SHIFT;

		if (zone->zone_start_pfn < max_low_pfn && pages > memmap)
			pages -= memmap;
		sum += pages;
	}
	return sum;
}

static bool same_zone(const struct page *a, const struct page *b)
{
	const unsigned long bits = (ZONES_MASK << ZONES_PGSHIFT) | (NODES_MASK << NODES_PGSHIFT);

	return ((a->flags ^ b->flags) & bits) == 0;
}

/* Free [start, end) to the buddy lists in the largest aligned blocks that fit one zone. */
static void free_boot_range(phys_addr_t start, phys_addr_t end, void *arg)
{
	unsigned long pfn = max(PFN_UP(start), ARCH_PFN_OFFSET);
	unsigned long end_pfn = min(PFN_DOWN(end), max_pfn);
	unsigned long *count = arg;

	while (pfn < end_pfn) {
		unsigned int order = MAX_ORDER - 1;
		struct page *page = pfn_to_page(pfn);
		unsigned long i, nr;

		while (order && (!IS_ALIGNED(pfn, 1UL << order) || pfn + (1UL << order) > end_pfn ||
				 !same_zone(page, page + (1UL << order) - 1)))
			order--;
		nr = 1UL << order;
		for (i = 0; i < nr; i++) {
			__ClearPageReserved(page + i);
			set_page_count(page + i, 0);
		}
		page_zone(page)->managed_pages += nr;
		totalram_pages += nr;
		if (PageHighMem(page))
			totalhigh_pages += nr;
		__free_pages_core(page, order);
		*count += nr;
		pfn += nr;
	}
}

unsigned long memblock_free_all(void)
{
	unsigned long count = 0;
	struct zone *zone;

	for_each_populated_zone(zone)
		setup_zone_pageset(zone);
	memblock_for_each_free_range(free_boot_range, &count);
	/* From now on memblock would hand out buddy pages: close it. */
	memblock_set_current_limit(0);
	init_per_zone_wmark_min();
	return count;
}

void free_reserved_page(struct page *page)
{
	__ClearPageReserved(page);
	set_page_alloc_order(page, 0);
	init_page_count(page);
	page_zone(page)->managed_pages++;
	totalram_pages++;
	if (PageHighMem(page))
		totalhigh_pages++;
	__free_page(page);
}

unsigned long free_reserved_area(void *start, void *end, int poison, const char *s)
{
	unsigned long pos = PAGE_ALIGN((unsigned long)start);
	unsigned long stop = (unsigned long)end & PAGE_MASK;
	unsigned long pages = 0;

	for (; pos < stop; pos += PAGE_SIZE, pages++) {
		if (poison >= 0)
			memset((void *)pos, poison, PAGE_SIZE);
		free_reserved_page(virt_to_page(pos));
	}
	if (s && pages)
		pr_info("Freeing %s memory: %luK\n", s, pages << (PAGE_SHIFT - 10));
	return pages;
}
