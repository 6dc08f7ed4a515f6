/*
 * High memory: pages above lowmem have no permanent kernel address, so the
 * kernel maps them when it needs to touch them.
 *
 *  - kmap(page): a mapping in the 2 MiB pkmap window (512 slots) that lasts
 *    until kunmap, may be shared (a page kmapped twice gets the same
 *    address; slots are reference counted) and is only for process context.
 *    Slots freed by kunmap stay mapped until every slot has been handed out
 *    once; then all unused ones are cleared with one TLB flush.
 *  - kmap_atomic(page): a per-CPU fixmap slot, nested like a stack (unmap
 *    the most recent first), preemption disabled while any is held; usable
 *    in interrupt handlers.
 * For a lowmem page both simply return page_address().
 *
 * When every pkmap slot is in use, kmap sleeps until kunmap releases one
 * (so it may sleep: might_sleep()). Where Mica differs from Linux: misuse (kunmap of a page that is
 * not kmapped, kunmap_atomic out of order or without kmap_atomic) is
 * reported and ignored, and the __ forms return -EINVAL for it.
 */
#ifndef _LINUX_HIGHMEM_H
#define _LINUX_HIGHMEM_H

#include <linux/mm.h>
#include <asm/fixmap.h>

#define LAST_PKMAP		512	/* 2 MiB: PKMAP_BASE up to PAGE_OFFSET */
#define LAST_PKMAP_MASK		(LAST_PKMAP - 1)
#define PKMAP_ADDR(nr)		(PKMAP_BASE + ((unsigned long)(nr) << PAGE_SHIFT))
#define PKMAP_NR(virt)		(((unsigned long)(virt) - PKMAP_BASE) >> PAGE_SHIFT)

void *kmap(struct page *page);
void kunmap(struct page *page);
/* kunmap of a high page; 0, or -EINVAL after reporting that it was not kmapped. */
int kunmap_high(struct page *page);

/* After paging_init, before the first kmap_atomic. */
void kmap_init(void);

void *kmap_atomic(struct page *page);
/* 0, or -EINVAL after reporting an unbalanced or out-of-order unmap. */
int __kunmap_atomic(void *addr);
#define kunmap_atomic(addr) ((void)__kunmap_atomic(addr))

/* The page behind a kmap, kmap_atomic or lowmem address. */
struct page *kmap_to_page(void *addr);

/*
 * The pkmap address of a high page while it is kmapped, else NULL (for
 * page_address). Linux also answers for a slot left mapped after the last
 * kunmap; Mica does not, so a stale address is never handed out.
 */
void *pkmap_page_address(const struct page *page);

/* kmap_atomic slots this CPU holds (its nesting depth). */
int kmap_atomic_depth(void);

#endif
