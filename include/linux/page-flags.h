/*
 * Page flag bits and their accessors (Linux names). PageFoo tests,
 * SetPageFoo/ClearPageFoo change the bit atomically, __SetPageFoo/
 * __ClearPageFoo non-atomically (when nobody else can see the page).
 *
 * Layout of page->flags, low to high: the PG_ bits, then 4 bits of
 * "allocated with order n" (n + 1; 0 when free), NODES_SHIFT bits of node,
 * ZONES_SHIFT bits of zone (bits 31-30, whatever the word size).
 */
#ifndef _LINUX_PAGE_FLAGS_H
#define _LINUX_PAGE_FLAGS_H

#include <linux/mm_types.h>
#include <linux/mmzone.h>

enum pageflags {
	PG_locked,
	PG_referenced,
	PG_uptodate,
	PG_dirty,
	PG_lru,
	PG_active,
	PG_slab,		/* owned by the slab allocator */
	PG_owner_priv_1,
	PG_arch_1,
	PG_reserved,		/* never given to the buddy allocator (or not yet) */
	PG_private,
	PG_writeback,
	PG_head,		/* first page of a compound page */
	PG_tail,		/* other pages of a compound page */
	PG_swapbacked,
	PG_reclaim,
	PG_buddy,		/* free, first page of a buddy block of order page->private */
	PG_unevictable,
	PG_mlocked,
	__NR_PAGEFLAGS
};

#define PAGE_ALLOC_ORDER_PGSHIFT	23
#define PAGE_ALLOC_ORDER_WIDTH		4
/* Zone above node, both at the top: (flags >> NODES_PGSHIFT) is the zone id. */
#define NODES_PGSHIFT			(32 - ZONES_SHIFT - NODES_SHIFT)
#define ZONES_PGSHIFT			(32 - ZONES_SHIFT)
#define NODES_MASK			((1UL << NODES_SHIFT) - 1)
#define ZONES_MASK			((1UL << ZONES_SHIFT) - 1)
#define PAGE_ALLOC_ORDER_MASK		((1UL << PAGE_ALLOC_ORDER_WIDTH) - 1)
/* The flag bits proper (everything below the order/node/zone fields). */
#define PAGEFLAGS_MASK			((1UL << PAGE_ALLOC_ORDER_PGSHIFT) - 1)

/* __NR_PAGEFLAGS is an enumerator, which #if cannot see: checked by the compiler. */
_Static_assert(__NR_PAGEFLAGS <= PAGE_ALLOC_ORDER_PGSHIFT &&
	       PAGE_ALLOC_ORDER_PGSHIFT + PAGE_ALLOC_ORDER_WIDTH <= NODES_PGSHIFT,
	       "page->flags fields overlap");

#define __PAGEFLAG_TEST(uname, lname)						\
static inline bool Page##uname(const struct page *page)				\
{ return (READ_ONCE(page->flags) >> PG_##lname) & 1; }
#define __PAGEFLAG_ATOMIC(uname, lname)						\
static inline void SetPage##uname(struct page *page)				\
{ __atomic_fetch_or(&page->flags, 1UL << PG_##lname, __ATOMIC_RELAXED); }	\
static inline void ClearPage##uname(struct page *page)				\
{ __atomic_fetch_and(&page->flags, ~(1UL << PG_##lname), __ATOMIC_RELAXED); }
#define __PAGEFLAG_NONATOMIC(uname, lname)					\
static inline void __SetPage##uname(struct page *page)				\
{ page->flags |= 1UL << PG_##lname; }						\
static inline void __ClearPage##uname(struct page *page)			\
{ page->flags &= ~(1UL << PG_##lname); }
#define PAGEFLAG(uname, lname) \
	__PAGEFLAG_TEST(uname, lname) __PAGEFLAG_ATOMIC(uname, lname) \
	__PAGEFLAG_NONATOMIC(uname, lname)

PAGEFLAG(Locked, locked)
PAGEFLAG(Referenced, referenced)
PAGEFLAG(Uptodate, uptodate)
PAGEFLAG(Dirty, dirty)
PAGEFLAG(LRU, lru)
PAGEFLAG(Active, active)
PAGEFLAG(Slab, slab)
PAGEFLAG(Reserved, reserved)
PAGEFLAG(Private, private)
PAGEFLAG(Writeback, writeback)
PAGEFLAG(Head, head)
PAGEFLAG(Tail, tail)
PAGEFLAG(SwapBacked, swapbacked)
PAGEFLAG(Reclaim, reclaim)
PAGEFLAG(Buddy, buddy)
PAGEFLAG(Unevictable, unevictable)
PAGEFLAG(Mlocked, mlocked)

/* Part of a compound page (head or tail). */
static inline bool PageCompound(const struct page *page)
{
	return (READ_ONCE(page->flags) & ((1UL << PG_head) | (1UL << PG_tail))) != 0;
}

/* Flags that must be clear when a page is freed, and when one is handed out. */
#define PAGE_FLAGS_CHECK_AT_FREE \
	((1UL << PG_lru) | (1UL << PG_locked) | (1UL << PG_private) | (1UL << PG_writeback) | \
	 (1UL << PG_reserved) | (1UL << PG_slab) | (1UL << PG_active) | (1UL << PG_buddy) | \
	 (1UL << PG_unevictable) | (1UL << PG_mlocked) | (1UL << PG_swapbacked) | \
	 (1UL << PG_tail))
#define PAGE_FLAGS_CHECK_AT_PREP (PAGEFLAGS_MASK & ~(1UL << PG_head) & ~(1UL << PG_tail))

/* Names of the PG_ bits, for reports ("reserved|slab"). */
extern const char *const pageflag_names[__NR_PAGEFLAGS];

#endif
