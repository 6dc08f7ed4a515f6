/*
 * page_owner (Linux's): with page_owner=on on the command line, every
 * allocation of pages records its order, GFP flags, time, task and call
 * chain (in the stack depot), and its free the freeing task and chain, so that `page_owner` can show what holds the
 * memory, grouped by call chain (as Linux's page_owner_sort does), and
 * reports about a page (bad page, KASAN, leaks) can say who allocated it.
 * Off by default: every hook is then a NOP (a static key).
 *
 * Less than Linux: no debugfs file, no free time, and pages handed out
 * before the page allocator existed (memblock) have no record.
 */
#ifndef _LINUX_PAGE_OWNER_H
#define _LINUX_PAGE_OWNER_H

#include <linux/types.h>
#include <linux/gfp.h>
#include <linux/jump_label.h>

struct page;

#ifdef CONFIG_PAGE_OWNER
DECLARE_STATIC_KEY_FALSE(page_owner_inited);

void __set_page_owner(struct page *page, unsigned int order, gfp_t gfp_mask);
void __reset_page_owner(struct page *page, unsigned int order);
void __split_page_owner(struct page *page, unsigned int order);
void __dump_page_owner(const struct page *page);

static __always_inline void set_page_owner(struct page *page, unsigned int order, gfp_t gfp)
{
	if (static_branch_unlikely(&page_owner_inited))
		__set_page_owner(page, order, gfp);
}

static __always_inline void reset_page_owner(struct page *page, unsigned int order)
{
	if (static_branch_unlikely(&page_owner_inited))
		__reset_page_owner(page, order);
}

/* split_page(): one order-@order record becomes 2^order order-0 ones. */
static __always_inline void split_page_owner(struct page *page, unsigned int order)
{
	if (static_branch_unlikely(&page_owner_inited))
		__split_page_owner(page, order);
}

/* "page last allocated via order ..." and the stack, if page_owner knows it. */
static inline void dump_page_owner(const struct page *page)
{
	if (static_branch_unlikely(&page_owner_inited))
		__dump_page_owner(page);
}

static inline bool page_owner_enabled(void)
{
	return static_branch_unlikely(&page_owner_inited);
}

/* Reserve the records (memblock); mem_init() calls it before memblock hands over. */
void page_owner_init(void);
/*
 * Print, grouped by call chain and largest first, the blocks allocated at
 * or after @since (local_clock() ns) and still allocated; at most @groups
 * groups. For leak reports.
 */
void page_owner_report_since(u64 since, unsigned int groups);

#else

static inline void set_page_owner(struct page *page, unsigned int order, gfp_t gfp) {}
static inline void reset_page_owner(struct page *page, unsigned int order) {}
static inline void split_page_owner(struct page *page, unsigned int order) {}
static inline void dump_page_owner(const struct page *page) {}
static inline bool page_owner_enabled(void) { return false; }
static inline void page_owner_init(void) {}
static inline void page_owner_report_since(u64 since, unsigned int groups) {}

#endif

#endif
