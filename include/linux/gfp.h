/*
 * GFP ("get free pages") masks and the page allocator's entry points, with
 * the bit values, composite masks, zone table and bad combinations exactly
 * as the memory-and-DMA chapter's gfp.h (Linux 3.14) defines them.
 *
 * Where Mica differs: there is no ZONE_DMA32 (its bit resolves to
 * ZONE_NORMAL, as on any Linux built without CONFIG_ZONE_DMA32); a zone
 * combination in GFP_ZONE_BAD is refused by the allocator with a warning
 * and NULL instead of Linux's VM_BUG_ON; __GFP_IO/__GFP_FS/__GFP_HARDWALL/
 * __GFP_NOTRACK/__GFP_KMEMCG/__GFP_WRITE/__GFP_OTHER_NODE/__GFP_NO_KSWAPD
 * are accepted and shown in reports but change nothing (no swap, no
 * filesystems, no cpusets, no kswapd); __GFP_WAIT means "may run the
 * shrinkers, wait briefly for freed pages (mm/sched_seam.c) and
 * retry", and might_sleep() checks that the caller may sleep.
 */
#ifndef _LINUX_GFP_H
#define _LINUX_GFP_H

#include <linux/types.h>
#include <linux/kernel.h>
#include <linux/mmzone.h>
#include <linux/topology.h>

typedef unsigned int __bitwise gfp_t;

struct page;
struct list_head;

/* Plain integer GFP bitmasks; use the __GFP_ and GFP_ names below. */
#define ___GFP_DMA		0x01u
#define ___GFP_HIGHMEM		0x02u
#define ___GFP_DMA32		0x04u
#define ___GFP_MOVABLE		0x08u
#define ___GFP_WAIT		0x10u
#define ___GFP_HIGH		0x20u
#define ___GFP_IO		0x40u
#define ___GFP_FS		0x80u
#define ___GFP_COLD		0x100u
#define ___GFP_NOWARN		0x200u
#define ___GFP_REPEAT		0x400u
#define ___GFP_NOFAIL		0x800u
#define ___GFP_NORETRY		0x1000u
#define ___GFP_MEMALLOC		0x2000u
#define ___GFP_COMP		0x4000u
#define ___GFP_ZERO		0x8000u
#define ___GFP_NOMEMALLOC	0x10000u
#define ___GFP_HARDWALL		0x20000u
#define ___GFP_THISNODE		0x40000u
#define ___GFP_RECLAIMABLE	0x80000u
#define ___GFP_KMEMCG		0x100000u
#define ___GFP_NOTRACK		0x200000u
#define ___GFP_NO_KSWAPD	0x400000u
#define ___GFP_OTHER_NODE	0x800000u
#define ___GFP_WRITE		0x1000000u

/* Zone modifiers: the low four bits index GFP_ZONE_TABLE. */
#define __GFP_DMA	((__force gfp_t)___GFP_DMA)
#define __GFP_HIGHMEM	((__force gfp_t)___GFP_HIGHMEM)
#define __GFP_DMA32	((__force gfp_t)___GFP_DMA32)
#define __GFP_MOVABLE	((__force gfp_t)___GFP_MOVABLE)	/* page can be moved or reclaimed */
#define GFP_ZONEMASK	(__GFP_DMA | __GFP_HIGHMEM | __GFP_DMA32 | __GFP_MOVABLE)

/* Action modifiers: they do not change the zone. */
#define __GFP_WAIT	((__force gfp_t)___GFP_WAIT)	/* may reclaim (run shrinkers) and retry */
#define __GFP_HIGH	((__force gfp_t)___GFP_HIGH)	/* may dip into the emergency reserve */
#define __GFP_IO	((__force gfp_t)___GFP_IO)
#define __GFP_FS	((__force gfp_t)___GFP_FS)
#define __GFP_COLD	((__force gfp_t)___GFP_COLD)	/* a cache-cold page will do */
#define __GFP_NOWARN	((__force gfp_t)___GFP_NOWARN)	/* no allocation failure report */
#define __GFP_REPEAT	((__force gfp_t)___GFP_REPEAT)	/* try hard, may still fail */
#define __GFP_NOFAIL	((__force gfp_t)___GFP_NOFAIL)	/* retry forever: the caller cannot fail */
#define __GFP_NORETRY	((__force gfp_t)___GFP_NORETRY)	/* fail rather than retry */
#define __GFP_MEMALLOC	((__force gfp_t)___GFP_MEMALLOC)	/* ignore watermarks entirely */
#define __GFP_COMP	((__force gfp_t)___GFP_COMP)	/* compound page: head + tails */
#define __GFP_ZERO	((__force gfp_t)___GFP_ZERO)	/* return zeroed memory */
#define __GFP_NOMEMALLOC ((__force gfp_t)___GFP_NOMEMALLOC)	/* never the reserves; beats MEMALLOC */
#define __GFP_HARDWALL	((__force gfp_t)___GFP_HARDWALL)
#define __GFP_THISNODE	((__force gfp_t)___GFP_THISNODE)	/* this node only, no fallback */
#define __GFP_RECLAIMABLE ((__force gfp_t)___GFP_RECLAIMABLE)	/* page is reclaimable */
#define __GFP_NOTRACK	((__force gfp_t)___GFP_NOTRACK)
#define __GFP_NO_KSWAPD	((__force gfp_t)___GFP_NO_KSWAPD)
#define __GFP_OTHER_NODE ((__force gfp_t)___GFP_OTHER_NODE)
#define __GFP_KMEMCG	((__force gfp_t)___GFP_KMEMCG)
#define __GFP_WRITE	((__force gfp_t)___GFP_WRITE)

#define __GFP_BITS_SHIFT 25
#define __GFP_BITS_MASK ((__force gfp_t)((1 << __GFP_BITS_SHIFT) - 1))

/* The masks callers use. GFP_NOWAIT is 0: no reserve, no waiting. */
#define GFP_NOWAIT	(GFP_ATOMIC & ~__GFP_HIGH)
#define GFP_ATOMIC	(__GFP_HIGH)
#define GFP_NOIO	(__GFP_WAIT)
#define GFP_NOFS	(__GFP_WAIT | __GFP_IO)
#define GFP_KERNEL	(__GFP_WAIT | __GFP_IO | __GFP_FS)
#define GFP_TEMPORARY	(__GFP_WAIT | __GFP_IO | __GFP_FS | __GFP_RECLAIMABLE)
#define GFP_USER	(__GFP_WAIT | __GFP_IO | __GFP_FS | __GFP_HARDWALL)
#define GFP_HIGHUSER	(__GFP_WAIT | __GFP_IO | __GFP_FS | __GFP_HARDWALL | __GFP_HIGHMEM)
#define GFP_HIGHUSER_MOVABLE (__GFP_WAIT | __GFP_IO | __GFP_FS | __GFP_HARDWALL | \
			      __GFP_HIGHMEM | __GFP_MOVABLE)
#define GFP_IOFS	(__GFP_IO | __GFP_FS)
#define GFP_TRANSHUGE	(GFP_HIGHUSER_MOVABLE | __GFP_COMP | __GFP_NOMEMALLOC | \
			 __GFP_NORETRY | __GFP_NOWARN | __GFP_NO_KSWAPD)
/* Mica is built as NUMA (numa=fake=N), so GFP_THISNODE is the real thing. */
#define GFP_THISNODE	(__GFP_THISNODE | __GFP_NOWARN | __GFP_NORETRY)
#define GFP_DMA		__GFP_DMA
#define GFP_DMA32	__GFP_DMA32

#define GFP_MOVABLE_MASK (__GFP_RECLAIMABLE | __GFP_MOVABLE)
#define GFP_RECLAIM_MASK (__GFP_WAIT | __GFP_HIGH | __GFP_IO | __GFP_FS | __GFP_NOWARN | \
			  __GFP_REPEAT | __GFP_NOFAIL | __GFP_NORETRY | __GFP_MEMALLOC | \
			  __GFP_NOMEMALLOC)
#define GFP_BOOT_MASK	(__GFP_BITS_MASK & ~(__GFP_WAIT | __GFP_IO | __GFP_FS))
#define GFP_CONSTRAINT_MASK (__GFP_HARDWALL | __GFP_THISNODE)
/* Flags a slab allocator must not be given. */
#define GFP_SLAB_BUG_MASK (__GFP_DMA32 | __GFP_HIGHMEM | ~__GFP_BITS_MASK)

/*
 * Migrate type from the mobility flags: MOVABLE << 1 | RECLAIMABLE, as the
 * document has it. Both at once is a caller bug (it would name the reserve):
 * warned about, and treated as movable.
 */
static inline int allocflags_to_migratetype(gfp_t gfp_flags)
{
	if (WARN_ON((gfp_flags & GFP_MOVABLE_MASK) == GFP_MOVABLE_MASK))
		return MIGRATE_MOVABLE;
	if (unlikely(page_group_by_mobility_disabled))
		return MIGRATE_UNMOVABLE;
	return (((gfp_flags & __GFP_MOVABLE) != 0) << 1) |
		((gfp_flags & __GFP_RECLAIMABLE) != 0);
}

#define OPT_ZONE_HIGHMEM ZONE_HIGHMEM
#define OPT_ZONE_DMA     ZONE_DMA
#define OPT_ZONE_DMA32   ZONE_NORMAL	/* no ZONE_DMA32 on 32-bit ARM */

/*
 * One ZONES_SHIFT-bit entry per combination of the four zone bits:
 *   0x0 NORMAL   0x1 DMA      0x2 HIGHMEM   0x3 BAD
 *   0x4 DMA32    0x5 BAD      0x6 BAD       0x7 BAD
 *   0x8 NORMAL   0x9 DMA      0xa MOVABLE   0xb BAD
 *   0xc DMA32    0xd BAD      0xe BAD       0xf BAD
 * (MOVABLE is a zone only together with HIGHMEM; alone it is a policy.)
 */
#define GFP_ZONE_TABLE ( \
	((unsigned long)ZONE_NORMAL << 0 * ZONES_SHIFT)					\
	| ((unsigned long)OPT_ZONE_DMA << ___GFP_DMA * ZONES_SHIFT)			\
	| ((unsigned long)OPT_ZONE_HIGHMEM << ___GFP_HIGHMEM * ZONES_SHIFT)		\
	| ((unsigned long)OPT_ZONE_DMA32 << ___GFP_DMA32 * ZONES_SHIFT)			\
	| ((unsigned long)ZONE_NORMAL << ___GFP_MOVABLE * ZONES_SHIFT)			\
	| ((unsigned long)OPT_ZONE_DMA << (___GFP_MOVABLE | ___GFP_DMA) * ZONES_SHIFT)	\
	| ((unsigned long)ZONE_MOVABLE << (___GFP_MOVABLE | ___GFP_HIGHMEM) * ZONES_SHIFT) \
	| ((unsigned long)OPT_ZONE_DMA32 << (___GFP_MOVABLE | ___GFP_DMA32) * ZONES_SHIFT) \
)

/* Bit n set: zone-bit combination n is not allowed. */
#define GFP_ZONE_BAD ( \
	1 << (___GFP_DMA | ___GFP_HIGHMEM)					\
	| 1 << (___GFP_DMA | ___GFP_DMA32)					\
	| 1 << (___GFP_DMA32 | ___GFP_HIGHMEM)					\
	| 1 << (___GFP_DMA | ___GFP_DMA32 | ___GFP_HIGHMEM)			\
	| 1 << (___GFP_MOVABLE | ___GFP_HIGHMEM | ___GFP_DMA)			\
	| 1 << (___GFP_MOVABLE | ___GFP_DMA32 | ___GFP_DMA)			\
	| 1 << (___GFP_MOVABLE | ___GFP_DMA32 | ___GFP_HIGHMEM)			\
	| 1 << (___GFP_MOVABLE | ___GFP_DMA32 | ___GFP_DMA | ___GFP_HIGHMEM)	\
)

#if 16 * ZONES_SHIFT > 32
#error ZONES_SHIFT too large for a 32-bit GFP_ZONE_TABLE
#endif

/* True when the zone bits of @flags are one of the GFP_ZONE_BAD combinations. */
static inline bool gfp_zone_bad(gfp_t flags)
{
	unsigned int bit = (__force unsigned int)(flags & GFP_ZONEMASK);

	return (GFP_ZONE_BAD >> bit) & 1;
}

/* Highest zone an allocation with @flags may use (check gfp_zone_bad first). */
static inline enum zone_type gfp_zone(gfp_t flags)
{
	unsigned int bit = (__force unsigned int)(flags & GFP_ZONEMASK);

	return (enum zone_type)((GFP_ZONE_TABLE >> (bit * ZONES_SHIFT)) &
				((1UL << ZONES_SHIFT) - 1));
}

/* Zonelist 0 falls back to every node; 1 holds this node's zones only. */
static inline int gfp_zonelist(gfp_t flags)
{
	return (flags & __GFP_THISNODE) ? ZONELIST_NOFALLBACK : ZONELIST_FALLBACK;
}

static inline struct zonelist *node_zonelist(int nid, gfp_t flags)
{
	return NODE_DATA(nid)->node_zonelists + gfp_zonelist(flags);
}

/*
 * The one allocator function. Walks @zonelist from the zone gfp_zone()
 * names downwards, restricted to @nodemask when not NULL. Returns the first
 * of 2^order pages with a reference count of 1, or NULL.
 */
struct page *__alloc_pages_nodemask(gfp_t gfp_mask, unsigned int order,
				    struct zonelist *zonelist, nodemask_t *nodemask);
/* Mica: the same for module code at @caller, recorded for the report on rmmod. */
struct page *alloc_pages_tracked(gfp_t gfp_mask, unsigned int order, struct zonelist *zonelist,
				 nodemask_t *nodemask, unsigned long caller);

static inline struct page *__alloc_pages(gfp_t gfp_mask, unsigned int order,
					 struct zonelist *zonelist)
{
	return __alloc_pages_nodemask(gfp_mask, order, zonelist, NULL);
}

/* From node @nid's zonelist; a negative @nid means the current CPU's node. */
static inline struct page *alloc_pages_node(int nid, gfp_t gfp_mask, unsigned int order)
{
	if (nid < 0)
		nid = numa_node_id();
	return __alloc_pages(gfp_mask, order, node_zonelist(nid, gfp_mask));
}

static inline struct page *alloc_pages_exact_node(int nid, gfp_t gfp_mask, unsigned int order)
{
	return __alloc_pages(gfp_mask, order, node_zonelist(nid, gfp_mask));
}

static inline struct page *alloc_pages(gfp_t gfp_mask, unsigned int order)
{
	return alloc_pages_node(numa_node_id(), gfp_mask, order);
}
#define alloc_page(gfp_mask) alloc_pages(gfp_mask, 0)

/*
 * Kernel virtual address of 2^order new pages, or 0. Refuses __GFP_HIGHMEM
 * with a warning: a high page has no permanent address to return.
 */
unsigned long __get_free_pages(gfp_t gfp_mask, unsigned int order);
unsigned long get_zeroed_page(gfp_t gfp_mask);
#define __get_free_page(gfp_mask) __get_free_pages((gfp_mask), 0)
#define __get_dma_pages(gfp_mask, order) __get_free_pages((gfp_mask) | GFP_DMA, (order))

/* Exactly PAGE_ALIGN(size) bytes of lowmem; the unused tail pages are freed. */
void *alloc_pages_exact(size_t size, gfp_t gfp_mask);
void free_pages_exact(void *virt, size_t size);

/*
 * Drop a reference on 2^order pages from alloc_pages(); the last one frees
 * them (order 0 goes to this CPU's hot list). Misuse is reported as a bad
 * page and the pages are leaked, never reused.
 */
void __free_pages(struct page *page, unsigned int order);
void free_pages(unsigned long addr, unsigned int order);
#define __free_page(page) __free_pages((page), 0)
#define free_page(addr)   free_pages((addr), 0)

/* Order-0 free to the per-CPU list: head when @cold is 0, tail otherwise. */
void free_hot_cold_page(struct page *page, int cold);
/* Free every page on @list (linked through page->lru, reference count 0). */
void free_hot_cold_page_list(struct list_head *list, int cold);

/* Split a non-compound order-@order allocation into independent pages. */
void split_page(struct page *page, unsigned int order);

/* Give the per-CPU lists back to the buddy lists. */
void drain_zone_pages(struct zone *zone, struct per_cpu_pages *pcp);
void drain_local_pages(void *unused);
void drain_all_pages(void);

#endif
