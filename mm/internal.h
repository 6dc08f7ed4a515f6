/*
 * Page allocator internals shared by the mm/ sources and the tests (KUnit suites
 * and host tests include this file). Not an interface for other subsystems.
 */
#ifndef _MM_INTERNAL_H
#define _MM_INTERNAL_H

#include <linux/mm.h>
#include <linux/fault-inject.h>
#include <linux/gfp.h>
#include <linux/jump_label.h>

/* How an allocation may use the watermarks (the low bits pick one). */
#define ALLOC_WMARK_MIN		WMARK_MIN
#define ALLOC_WMARK_LOW		WMARK_LOW
#define ALLOC_WMARK_HIGH	WMARK_HIGH
#define ALLOC_NO_WATERMARKS	0x04	/* ignore them entirely */
#define ALLOC_WMARK_MASK	(ALLOC_NO_WATERMARKS - 1)
#define ALLOC_HARDER		0x10	/* !__GFP_WAIT: a quarter below min */
#define ALLOC_HIGH		0x20	/* __GFP_HIGH: half below min */

/* The flags an allocation with @gfp_mask uses once the fast path failed. */
int gfp_to_alloc_flags(gfp_t gfp_mask);

/*
 * Walk the zonelist from @z (zones up to @high_zoneidx, in @nodemask if not
 * NULL) and take 2^order pages from the first zone whose watermark allows it.
 */
struct page *get_page_from_freelist(gfp_t gfp_mask, const nodemask_t *nodemask,
				    unsigned int order, struct zoneref *z,
				    int high_zoneidx, int alloc_flags, int classzone_idx,
				    int migratetype);
/*
 * What __alloc_pages_nodemask does when the low watermark stopped the fast
 * path (@preferred: the first usable zoneref, or its end when there is
 * none): reserves, draining, reclaim, retries, and the failure report.
 */
struct page *__alloc_pages_slowpath(gfp_t gfp_mask, unsigned int order,
				    struct zonelist *zonelist, int high_zoneidx,
				    const nodemask_t *nodemask, struct zoneref *preferred,
				    int migratetype);
/* A GFP_ZONE_BAD mask or an order past MAX_ORDER: warned about, NULL. */
struct page *alloc_pages_refused(gfp_t gfp_mask, unsigned int order);

/* Buddy order of a free block's first page. */
static inline unsigned int page_order(const struct page *page)
{
	return (unsigned int)page_private(page);
}

/* Order recorded in an allocated block's first page; -1 if none. */
static inline int page_alloc_order(const struct page *page)
{
	return (int)((page->flags >> PAGE_ALLOC_ORDER_PGSHIFT) & PAGE_ALLOC_ORDER_MASK) - 1;
}

static inline void set_page_alloc_order(struct page *page, int order)
{
	page->flags &= ~(PAGE_ALLOC_ORDER_MASK << PAGE_ALLOC_ORDER_PGSHIFT);
	page->flags |= (unsigned long)(order + 1) << PAGE_ALLOC_ORDER_PGSHIFT;
}

/* Pageblock migrate types (one byte per pageblock of the zone). */
static inline unsigned long pageblock_index(const struct zone *zone, unsigned long pfn)
{
	return (pfn - ALIGN_DOWN(zone->zone_start_pfn, pageblock_nr_pages)) >> pageblock_order;
}

static inline unsigned long zone_nr_pageblocks(const struct zone *zone)
{
	if (!zone->spanned_pages)
		return 0;
	return pageblock_index(zone, zone_end_pfn(zone) - 1) + 1;
}

/*
 * mem_map and its length side by side (set with them at boot): the free
 * fast path checks a page pointer and finds its pageblock, kmap_atomic a
 * page's frame and whether it is high, from one base.
 */
struct mem_map_bounds {
	struct page *map;
	unsigned long nr;
	unsigned long first_pfn;	/* ARCH_PFN_OFFSET */
	unsigned long nr_low;		/* lowmem's part (max_low_pfn - first_pfn) */
} __aligned(8);				/* pairs of fields load with one LDRD */
extern struct mem_map_bounds mem_map_bounds;

/* Is @page one of mem_map's struct pages? */
static __always_inline bool page_in_mem_map(const struct page *page)
{
	uintptr_t off = (uintptr_t)page - (uintptr_t)mem_map_bounds.map;

	if (is_power_of_2(sizeof(struct page))) {
		const unsigned int s = __builtin_ctzl(sizeof(struct page));

		/* Rotated, a misaligned offset's low bits land on top: too large. */
		return ((off >> s) | (off << (8 * sizeof(off) - s))) < mem_map_bounds.nr;
	}
	return off < mem_map_bounds.nr * sizeof(struct page) && off % sizeof(struct page) == 0;
}

/* pageblock_index() of @page, straight from its place in mem_map. */
static inline u8 *pageblock_byte(const struct zone *zone, const struct page *page)
{
	return &zone->pageblock_flags[(unsigned long)((page - mem_map_bounds.map) +
						      zone->pageblock_bias) >> pageblock_order];
}

static inline int get_pageblock_migratetype(const struct page *page)
{
	return READ_ONCE(*pageblock_byte(page_zone(page), page));
}

void set_pageblock_migratetype(struct page *page, int migratetype);
/* Move the free blocks of @page's pageblock to @migratetype's lists; pages moved. */
unsigned long move_freepages_block(struct zone *zone, struct page *page, int migratetype);

/* Give 2^order boot pages (PG_reserved cleared, refcount 0) straight to the buddy lists. */
void __free_pages_core(struct page *page, unsigned int order);

/* Watermarks, lowmem reserve, migrate reserve and per-CPU list sizes of every zone. */
extern int min_free_kbytes;
void setup_per_zone_wmarks(void);
void setup_per_zone_lowmem_reserve(void);
void setup_zone_pageset(struct zone *zone);
int sysctl_lowmem_reserve_ratio_of(enum zone_type idx);
void calculate_totalreserve_pages(void);
/* Recompute after min_free_kbytes or the managed page counts changed. */
void init_per_zone_wmark_min(void);
/* Set min_free_kbytes at run time (negative: back to the default) and recompute. */
int set_min_free_kbytes(int kbytes);

/* Reports. The counters let the self-tests check that each misuse was seen. */
void bad_page(struct page *page, const char *reason);
void report_bad_pfn(const void *where, const char *reason);
extern atomic_t nr_bad_page_reports;
const char *last_bad_page_reason(void);
void dump_page(struct page *page, const char *reason);
/* "GFP_KERNEL|__GFP_COMP" for @gfp_mask into @buf. */
int format_gfp_flags(char *buf, size_t len, gfp_t gfp_mask);
/* "reserved|slab" for the PG_ bits of @flags into @buf. */
int format_page_flags(char *buf, size_t len, unsigned long flags);
void warn_alloc_failed(gfp_t gfp_mask, unsigned int order, const nodemask_t *nodemask);
extern atomic_t nr_alloc_failure_reports;

/* mm/page_owner.c: the record of the block headed by @page, if it is allocated (tests). */
bool page_owner_info(const struct page *page, unsigned int *order, gfp_t *gfp,
		     u32 *stack_handle);

/* The /proc-format reports behind the console commands (mm/vmstat.c, mm/memblock_report.c). */
typedef int (*mm_printf_t)(const char *fmt, ...) __printf(1, 2);
void meminfo_show(mm_printf_t print);
/* Linux's /sys/kernel/debug/percpu_stats, the parts Mica has (mm/percpu.c). */
void percpu_stats_show(mm_printf_t print);
void buddyinfo_show(mm_printf_t print);
void pagetypeinfo_show(mm_printf_t print);
void zoneinfo_show(mm_printf_t print);
void memblock_show(mm_printf_t print);

/* fail_page_alloc fault injection (mm/fail_page_alloc.c). */
struct fail_page_alloc_attr {
	struct fault_attr attr;
	bool ignore_gfp_highmem;
	bool ignore_gfp_wait;
	unsigned int min_order;
};
extern struct fail_page_alloc_attr fail_page_alloc;
bool __should_fail_alloc_page(gfp_t gfp_mask, unsigned int order);
/*
 * On while fault injection is armed (probability not 0): the allocation
 * fast path is a NOP otherwise. Whoever changes fail_page_alloc's settings
 * calls fail_page_alloc_update() (process context: it may patch code).
 */
DECLARE_STATIC_KEY_FALSE(fail_page_alloc_armed);
void fail_page_alloc_update(void);

static inline bool should_fail_alloc_page(gfp_t gfp_mask, unsigned int order)
{
	if (!static_branch_unlikely(&fail_page_alloc_armed))
		return false;
	return __should_fail_alloc_page(gfp_mask, order);
}
/*
 * For tests: fail the @nth candidate page allocation from now on, once,
 * whatever its flags and order, quietly. The caller saves fail_page_alloc
 * first and restores it after (fail_page_alloc_configure(), from a KUnit
 * deferred action so that a failed assertion restores it too).
 */
void fail_page_alloc_nth(unsigned long nth);
/*
 * One "key=value" setting into @settings (a struct fail_page_alloc_attr,
 * usually a copy to apply later): 0, -ENOENT for an unknown key, -EINVAL
 * or -ERANGE for a bad value.
 */
int fail_page_alloc_setting(void *settings, const char *key, const char *val);
/* Make @settings' settings (not its counters) the live ones. */
void fail_page_alloc_configure(const struct fail_page_alloc_attr *settings);
bool fail_page_alloc_same_settings(const struct fail_page_alloc_attr *a,
				   const struct fail_page_alloc_attr *b);
/* One setting, applied at once. */
int set_fail_page_alloc(const char *key, const char *val);

/* Set while this CPU runs the shrinkers: no recursion, reserves allowed. */
bool current_in_reclaim(void);

/* Memory discovery and layout (mm/mm_init.c); boot parameters. */
extern phys_addr_t memory_limit;		/* mem=, ~0 when not given */
extern long user_min_free_kbytes;		/* min_free_kbytes=, -1 when not given */
extern unsigned long dma_zone_bytes;		/* dma_zone=, ~0 when not given */
extern unsigned long required_movablecore, required_kernelcore;	/* pages */
extern int numa_fake_nodes;
/* The total printed in "Built N zonelists ... Total pages: N". */
unsigned long nr_all_zone_pages(void);

/* Temporary kernel mapping of any page (high or not) on this CPU, IRQs off. */
void *mm_map_page_local(struct page *page, unsigned long *flags);
void mm_unmap_page_local(void *addr, unsigned long flags);
/* Zero 2^order pages, high memory included. */
void clear_pages_any(struct page *page, unsigned int order);

/*
 * ---- mm/'s seam with the scheduler (mm/sched_seam.c on the board,
 * tests/host/sim/sched_seam.c on the host) ----
 *
 * Waiting for memory: an allocation that may sleep and found nothing waits
 * up to @timeout jiffies for pages to be freed; true if some were. Every
 * free tells the waiters (alloc_wake_on_free).
 */
bool alloc_wait_for_freed_pages(long timeout);
/* Counts the waiters: on while there are some, so a free tests one NOP. */
DECLARE_STATIC_KEY_FALSE(alloc_free_waiters);
void __alloc_wake_on_free(void);

/*
 * kmap with every pkmap slot in use: drop @lock (taken with
 * spin_lock_irqsave, *@flags), sleep until kunmap releases a slot, take it
 * again. kunmap wakes the sleepers when there are some.
 */
void kmap_wait_for_slot(spinlock_t *lock, unsigned long *flags);
bool kmap_slot_waiters(void);
void kmap_wake_slot_waiters(void);

static __always_inline void alloc_wake_on_free(void)
{
	if (static_branch_unlikely(&alloc_free_waiters))
		__alloc_wake_on_free();
}

/*
 * Every page is checked when it is freed (Linux's free-time checks). With
 * check_pages=1 on the command line, the default, it is checked again when
 * it is allocated, which catches a free page written to while it sat in
 * the allocator (Linux 6.1 checks a page as it leaves the buddy lists,
 * and pages from its per-CPU lists only with CONFIG_DEBUG_VM).
 */
DECLARE_STATIC_KEY_TRUE(check_pages_enabled);

#endif
