/*
 * What the page allocator prints when something is wrong: bad page reports
 * (Linux's bad_page/dump_page), allocation failures with the GFP flags by
 * name, and the memory summary that follows them (show_mem).
 */
#include <linux/mm.h>
#include <linux/gfp.h>
#include <linux/smp.h>
#include <linux/page_owner.h>
#include <string.h>
#include "internal.h"

atomic_t nr_bad_page_reports;
atomic_t nr_alloc_failure_reports;
static const char *last_reason;

const char *const pageflag_names[__NR_PAGEFLAGS] = {
	[PG_locked] = "locked", [PG_referenced] = "referenced", [PG_uptodate] = "uptodate",
	[PG_dirty] = "dirty", [PG_lru] = "lru", [PG_active] = "active", [PG_slab] = "slab",
	[PG_owner_priv_1] = "owner_priv_1", [PG_arch_1] = "arch_1", [PG_reserved] = "reserved",
	[PG_private] = "private", [PG_writeback] = "writeback", [PG_head] = "head",
	[PG_tail] = "tail", [PG_swapbacked] = "swapbacked", [PG_reclaim] = "reclaim",
	[PG_buddy] = "buddy", [PG_unevictable] = "unevictable", [PG_mlocked] = "mlocked",
};

const char *last_bad_page_reason(void)
{
	return READ_ONCE(last_reason);
}

int format_page_flags(char *buf, size_t len, unsigned long flags)
{
	int n = 0, i;

	buf[0] = '\0';
	for (i = 0; i < __NR_PAGEFLAGS; i++)
		if (flags & (1UL << i))
			n += scnprintf(buf + n, len - n, "%s%s", n ? "|" : "", pageflag_names[i]);
	return n;
}

void dump_page(struct page *page, const char *reason)
{
	char names[160];

	format_page_flags(names, sizeof(names), page->flags);
	pr_alert("page:%p refcount:%d mapcount:%d mapping:%p index:%#lx pfn:%#lx\n",
		 (void *)page, page_ref_count(page), page_mapcount(page), (void *)page->mapping,
		 page->index, page_to_pfn(page));
	pr_alert("flags: %#lx(%s)\n", page->flags, names);
	if (reason)
		pr_alert("page dumped because: %s\n", reason);
	dump_page_owner(page);
}

void bad_page(struct page *page, const char *reason)
{
	char comm[16];

	pr_alert("BUG: Bad page state in process %s  pfn:%05lx\n", report_comm(comm),
		 page_to_pfn(page));
	dump_page(page, reason);
	dump_stack();
	add_taint(TAINT_BAD_PAGE, LOCKDEP_NOW_UNRELIABLE);
	WRITE_ONCE(last_reason, reason);
	atomic_inc(&nr_bad_page_reports);
}

void report_bad_pfn(const void *where, const char *reason)
{
	char comm[16];

	pr_alert("BUG: Bad page state in process %s  %p: %s\n", report_comm(comm), where, reason);
	dump_stack();
	add_taint(TAINT_BAD_PAGE, LOCKDEP_NOW_UNRELIABLE);
	WRITE_ONCE(last_reason, reason);
	atomic_inc(&nr_bad_page_reports);
}

/* Composite masks first, so GFP_KERNEL|__GFP_COMP reads as Linux prints it. */
static const struct {
	gfp_t mask;
	const char *name;
} gfp_names[] = {
	{ GFP_TRANSHUGE, "GFP_TRANSHUGE" },
	{ GFP_HIGHUSER_MOVABLE, "GFP_HIGHUSER_MOVABLE" },
	{ GFP_HIGHUSER, "GFP_HIGHUSER" },
	{ GFP_USER, "GFP_USER" },
	{ GFP_TEMPORARY, "GFP_TEMPORARY" },
	{ GFP_KERNEL, "GFP_KERNEL" },
	{ GFP_NOFS, "GFP_NOFS" },
	{ GFP_ATOMIC, "GFP_ATOMIC" },
	{ GFP_NOIO, "GFP_NOIO" },
	{ __GFP_DMA, "__GFP_DMA" },
	{ __GFP_HIGHMEM, "__GFP_HIGHMEM" },
	{ __GFP_DMA32, "__GFP_DMA32" },
	{ __GFP_MOVABLE, "__GFP_MOVABLE" },
	{ __GFP_WAIT, "__GFP_WAIT" },
	{ __GFP_IO, "__GFP_IO" },
	{ __GFP_FS, "__GFP_FS" },
	{ __GFP_COLD, "__GFP_COLD" },
	{ __GFP_NOWARN, "__GFP_NOWARN" },
	{ __GFP_REPEAT, "__GFP_REPEAT" },
	{ __GFP_NOFAIL, "__GFP_NOFAIL" },
	{ __GFP_NORETRY, "__GFP_NORETRY" },
	{ __GFP_MEMALLOC, "__GFP_MEMALLOC" },
	{ __GFP_COMP, "__GFP_COMP" },
	{ __GFP_ZERO, "__GFP_ZERO" },
	{ __GFP_NOMEMALLOC, "__GFP_NOMEMALLOC" },
	{ __GFP_HARDWALL, "__GFP_HARDWALL" },
	{ __GFP_THISNODE, "__GFP_THISNODE" },
	{ __GFP_RECLAIMABLE, "__GFP_RECLAIMABLE" },
	{ __GFP_KMEMCG, "__GFP_KMEMCG" },
	{ __GFP_NOTRACK, "__GFP_NOTRACK" },
	{ __GFP_NO_KSWAPD, "__GFP_NO_KSWAPD" },
	{ __GFP_OTHER_NODE, "__GFP_OTHER_NODE" },
	{ __GFP_WRITE, "__GFP_WRITE" },
};

int format_gfp_flags(char *buf, size_t len, gfp_t gfp_mask)
{
	unsigned int left = (__force unsigned int)gfp_mask;
	size_t i;
	int n = 0;

	buf[0] = '\0';
	if (!left)
		return scnprintf(buf, len, "GFP_NOWAIT");
	for (i = 0; i < ARRAY_SIZE(gfp_names); i++) {
		unsigned int m = (__force unsigned int)gfp_names[i].mask;

		if ((left & m) == m) {
			n += scnprintf(buf + n, len - n, "%s%s", n ? "|" : "", gfp_names[i].name);
			left &= ~m;
		}
	}
	if (left)
		n += scnprintf(buf + n, len - n, "%s%#x", n ? "|" : "", left);
	return n;
}

static void format_nodemask(char *buf, size_t len, const nodemask_t *nodemask)
{
	int nid, n = 0;

	if (!nodemask) {
		scnprintf(buf, len, "(null)");
		return;
	}
	buf[0] = '\0';
	for (nid = 0; nid < MAX_NUMNODES; nid++)
		if (node_isset(nid, *nodemask))
			n += scnprintf(buf + n, len - n, "%s%d", n ? "," : "", nid);
}

void warn_alloc_failed(gfp_t gfp_mask, unsigned int order, const nodemask_t *nodemask)
{
	char names[160], nodes[32], comm[16];

	format_gfp_flags(names, sizeof(names), gfp_mask);
	format_nodemask(nodes, sizeof(nodes), nodemask);
	pr_warn("%s: page allocation failure: order:%u, mode:%#x(%s), nodemask=%s\n",
		report_comm(comm), order, (__force unsigned int)gfp_mask,
		names, nodes);
	dump_stack();
	show_mem(0);
	atomic_inc(&nr_alloc_failure_reports);
}

#define K(pages) ((pages) << (PAGE_SHIFT - 10))

static unsigned long zone_pcp_pages(struct zone *zone)
{
	unsigned long sum = 0;
	unsigned int cpu;

	for (cpu = 0; cpu < NR_CPUS; cpu++)
		sum += (unsigned long)READ_ONCE(zone->pageset[cpu].pcp.count);
	return sum;
}

void show_free_areas(unsigned int filter)
{
	static const char type_letter[MIGRATE_TYPES] = { 'U', 'E', 'M', 'R' };
	struct zone *zone;

	for_each_populated_zone(zone) {
		int i;

		pr_info("Node %d %s free:%lukB min:%lukB low:%lukB high:%lukB present:%lukB "
			"managed:%lukB free_pcp:%lukB\n",
			zone->zone_pgdat->node_id, zone->name, K(zone_page_state(zone, NR_FREE_PAGES)),
			K(min_wmark_pages(zone)), K(low_wmark_pages(zone)), K(high_wmark_pages(zone)),
			K(zone->present_pages), K(zone->managed_pages), K(zone_pcp_pages(zone)));
		pr_info("lowmem_reserve[]:");
		for (i = 0; i < MAX_NR_ZONES; i++)
			pr_cont(" %lu", zone->lowmem_reserve[i]);
		pr_cont("\n");
	}
	for_each_populated_zone(zone) {
		unsigned long nr[MAX_ORDER], total = 0, flags;
		unsigned char types[MAX_ORDER];
		unsigned int order;
		int t;

		spin_lock_irqsave(&zone->lock, flags);
		for (order = 0; order < MAX_ORDER; order++) {
			struct free_area *area = &zone->free_area[order];

			nr[order] = area->nr_free;
			total += nr[order] << order;
			types[order] = 0;
			for (t = 0; t < MIGRATE_TYPES; t++)
				if (!list_empty(&area->free_list[t]))
					types[order] |= 1 << t;
		}
		spin_unlock_irqrestore(&zone->lock, flags);
		pr_info("Node %d %s:", zone->zone_pgdat->node_id, zone->name);
		for (order = 0; order < MAX_ORDER; order++) {
			char letters[MIGRATE_TYPES + 1];
			int n = 0;

			for (t = 0; t < MIGRATE_TYPES; t++)
				if (types[order] & (1 << t))
					letters[n++] = type_letter[t];
			letters[n] = '\0';
			pr_cont(" %lu*%lukB%s%s%s", nr[order], K(1UL << order),
				n ? " (" : "", letters, n ? ")" : "");
		}
		pr_cont(" = %lukB\n", K(total));
	}
}

void show_mem(unsigned int filter)
{
	unsigned long ram = 0, high = 0, reserved = 0;
	struct zone *zone;

	pr_info("Mem-Info:\n");
	show_free_areas(filter);
	for_each_populated_zone(zone) {
		ram += zone->present_pages;
		reserved += zone->present_pages - zone->managed_pages;
		if (is_highmem(zone) || zone_idx(zone) == ZONE_MOVABLE)
			high += zone->present_pages;
	}
	pr_info("%lu pages RAM\n", ram);
	pr_info("%lu pages HighMem/MovableOnly\n", high);
	pr_info("%lu pages reserved\n", reserved);
}
