/*
 * kmap and kmap_atomic (see include/linux/highmem.h).
 *
 * pkmap_count[slot] follows Linux: 0 = free and absent from every TLB,
 * 1 = still mapped but unused (its TLB entries may linger), n > 1 = n - 1
 * users. A hash from page frame to slot finds an existing mapping, so a page
 * kmapped twice shares one slot. The pkmap and fixmap second-level tables
 * exist from boot, so mapping here never allocates.
 */
#include <linux/kernel.h>
#include <linux/export.h>
#include <linux/errno.h>
#include <linux/highmem.h>
#include <linux/percpu.h>
#include <linux/preempt.h>
#include <linux/smp.h>
#include <linux/spinlock.h>
#include "internal.h"
#include <asm/mmu.h>

#define PKMAP_HASH_SIZE	128
#define NO_SLOT		(-1)

static DEFINE_SPINLOCK(kmap_lock);
static int pkmap_count[LAST_PKMAP];
static struct page *pkmap_page[LAST_PKMAP];
/* Chains of slots by page frame, stored as slot + 1 so that 0 ends a chain. */
static u16 pkmap_hash[PKMAP_HASH_SIZE];
static u16 pkmap_next[LAST_PKMAP];
static unsigned int last_pkmap_nr;

/*
 * Each CPU's kmap_atomic slots: a stack of KM_TYPE_NR fixmap slots from
 * index FIX_KMAP_BEGIN + KM_STRIDE * cpu; this is the address of the next
 * one free.
 */
static DEFINE_PER_CPU(unsigned long, kmap_top);
_Static_assert(FIX_KMAP_BEGIN % KM_STRIDE == 0, "KM_TYPE_NR is a stack's overflow bit");

static unsigned int hash_of(const struct page *page)
{
	return page_to_pfn(page) & (PKMAP_HASH_SIZE - 1);
}

/* Slot holding @page, or NO_SLOT. kmap_lock held. */
static int pkmap_lookup(const struct page *page)
{
	unsigned int link;

	for (link = pkmap_hash[hash_of(page)]; link; link = pkmap_next[link - 1])
		if (pkmap_page[link - 1] == page)
			return link - 1;
	return NO_SLOT;
}

static void pkmap_hash_add(int slot, struct page *page)
{
	pkmap_page[slot] = page;
	pkmap_next[slot] = pkmap_hash[hash_of(page)];
	pkmap_hash[hash_of(page)] = slot + 1;
}

static void pkmap_hash_remove(int slot)
{
	u16 *link = &pkmap_hash[hash_of(pkmap_page[slot])];

	while (*link != slot + 1)
		link = &pkmap_next[*link - 1];
	*link = pkmap_next[slot];
	pkmap_page[slot] = NULL;
}

/* Clear every mapped-but-unused slot, then one TLB flush for the window. */
static void flush_all_zero_pkmaps(void)
{
	bool flushed = false;
	int i;

	for (i = 0; i < LAST_PKMAP; i++) {
		if (pkmap_count[i] != 1)
			continue;
		pkmap_count[i] = 0;
		clear_kernel_pte(PKMAP_ADDR(i));
		pkmap_hash_remove(i);
		flushed = true;
	}
	if (flushed)
		flush_tlb_kernel_range(PKMAP_ADDR(0), PKMAP_ADDR(LAST_PKMAP));
}

/* Find a free slot and map @page there; kmap_lock held (may be dropped while waiting). */
static int map_new_virtual(struct page *page, unsigned long *flags)
{
	unsigned int count = LAST_PKMAP;
	unsigned int slot;
	int mapped;

	for (;;) {
		last_pkmap_nr = (last_pkmap_nr + 1) & LAST_PKMAP_MASK;
		if (!last_pkmap_nr) {
			flush_all_zero_pkmaps();
			count = LAST_PKMAP;
		}
		if (!pkmap_count[last_pkmap_nr])
			break;
		if (--count)
			continue;
		/* Every slot in use: sleep until kunmap releases one (Linux does). */
		kmap_wait_for_slot(&kmap_lock, flags);
		/* Somebody else may have mapped it while we slept. */
		mapped = pkmap_lookup(page);
		if (mapped != NO_SLOT)
			return mapped;
		count = LAST_PKMAP;
	}
	slot = last_pkmap_nr;
	/* A free slot is absent from every TLB: mapping it needs no flush. */
	if (WARN_ON(set_kernel_pte(PKMAP_ADDR(slot), page_to_pfn(page), PROT_KERNEL)))
		return NO_SLOT;
	pkmap_count[slot] = 1;
	pkmap_hash_add(slot, page);
	return slot;
}

static void *kmap_high(struct page *page)
{
	unsigned long flags;
	int slot;

	spin_lock_irqsave(&kmap_lock, flags);
	slot = pkmap_lookup(page);
	if (slot == NO_SLOT)
		slot = map_new_virtual(page, &flags);
	if (slot != NO_SLOT)
		pkmap_count[slot]++;
	spin_unlock_irqrestore(&kmap_lock, flags);
	if (slot == NO_SLOT)
		return NULL;
	dsb();	/* a new entry must reach the table walker before its first use */
	return (void *)PKMAP_ADDR(slot);
}

void *kmap(struct page *page)
{
	might_sleep();			/* use kmap_atomic where sleeping is not allowed */
	if (!PageHighMem(page))
		return lowmem_page_address(page);
	return kmap_high(page);
}
EXPORT_SYMBOL(kmap);

int kunmap_high(struct page *page)
{
	unsigned long flags;
	bool need_wakeup = false;
	int slot, ret = 0;

	spin_lock_irqsave(&kmap_lock, flags);
	slot = pkmap_lookup(page);
	if (slot == NO_SLOT || pkmap_count[slot] < 2) {
		ret = -EINVAL;
	} else if (--pkmap_count[slot] == 1) {
		/* Unused now: a kmap waiting for a slot can have it. */
		need_wakeup = kmap_slot_waiters();
	}
	spin_unlock_irqrestore(&kmap_lock, flags);
	if (need_wakeup)
		kmap_wake_slot_waiters();
	WARN(ret, "kunmap: pfn %#lx is not kmapped\n", page_to_pfn(page));
	return ret;
}
EXPORT_SYMBOL(kunmap_high);

void kunmap(struct page *page)
{
	WARN_ON(in_interrupt());
	if (PageHighMem(page))
		kunmap_high(page);
}
EXPORT_SYMBOL(kunmap);

/* Only while kmapped: a slot kept mapped after the last kunmap does not count. */
void *pkmap_page_address(const struct page *page)
{
	unsigned long flags;
	int slot;

	spin_lock_irqsave(&kmap_lock, flags);
	slot = pkmap_lookup(page);
	if (slot != NO_SLOT && pkmap_count[slot] < 2)
		slot = NO_SLOT;
	spin_unlock_irqrestore(&kmap_lock, flags);
	return slot == NO_SLOT ? NULL : (void *)PKMAP_ADDR(slot);
}

void kmap_init(void)
{
	for (unsigned int cpu = 0; cpu < NR_CPUS; cpu++)
		per_cpu(kmap_top, cpu) = __fix_to_virt(FIX_KMAP_BEGIN + KM_STRIDE * cpu);
	if (fixmap_init())
		panic("kmap: the fixmap window has no second-level table");
}

/* noipa: a tail call, which a known-noreturn callee would not get. */
static noinline __noipa void *kmap_atomic_overflow(void)
{
	panic("kmap_atomic: more than %d nested on CPU%d\n", KM_TYPE_NR, smp_processor_id());
}

/*
 * The slot is reused without being cleared in between, so the entry is
 * rewritten and this CPU's stale TLB entry dropped each time (Linux's
 * non-debug kmap_atomic does the same). A leaf (no frame): a lowmem page
 * is its address, a high one takes the next slot.
 */
void * __frameless kmap_atomic(struct page *page)
{
	uintptr_t off = (uintptr_t)page - (uintptr_t)mem_map_bounds.map;
	unsigned long pfn, vaddr, *top;

	preempt_disable();
	if (off < mem_map_bounds.nr_low * sizeof(struct page))
		return lowmem_page_address(page);
	pfn = mem_map_bounds.first_pfn + off / sizeof(struct page);
	top = this_cpu_ptr(&kmap_top);
	vaddr = *top;
	if (vaddr & ~PAGE_MASK)
		__builtin_unreachable();	/* slot addresses: the fixmap index is a shift away */
	if (unlikely(__virt_to_fix(vaddr) & KM_TYPE_NR))
		return kmap_atomic_overflow();
	*top = vaddr + PAGE_SIZE;
	/* The slot is claimed before it is written: an interrupt's own kmap_atomic takes the next. */
	barrier();
	set_fixmap_pfn(__virt_to_fix(vaddr), pfn);
	return (void *)vaddr;
}
EXPORT_SYMBOL(kmap_atomic);

static noinline int kunmap_atomic_misuse(const void *addr, int depth)
{
	if (depth < 0)
		WARN(1, "kunmap_atomic: %p without kmap_atomic\n", addr);
	else
		WARN(1, "kunmap_atomic: %p is not the most recent kmap_atomic of CPU%d (depth %d)\n",
		     addr, smp_processor_id(), depth);
	return -EINVAL;
}

static noinline int kunmap_atomic_resched(void)
{
	__preempt_schedule();
	return 0;
}

/* A leaf apart from tail calls, as kmap_atomic. */
int __frameless __kunmap_atomic(void *addr)
{
	unsigned long a = (unsigned long)addr, *top, last;

	if (a - __fix_to_virt(FIX_KMAP_BEGIN) < (unsigned long)(FIX_KMAP_END - FIX_KMAP_BEGIN) << PAGE_SHIFT) {
		top = this_cpu_ptr(&kmap_top);
		last = *top - PAGE_SIZE;
		/* In the most recent slot: the same page-aligned part as its address. */
		if (unlikely((a ^ last) >= PAGE_SIZE))
			return kunmap_atomic_misuse(addr, kmap_atomic_depth());
		barrier();
		*top = last;
	} else if (unlikely(preempt_count() == 0)) {
		return kunmap_atomic_misuse(addr, -1);
	}
	if (unlikely(__preempt_count_dec_and_test()))
		return kunmap_atomic_resched();
	return 0;
}
EXPORT_SYMBOL(__kunmap_atomic);

int kmap_atomic_depth(void)
{
	return (int)((__virt_to_fix(__this_cpu_read(kmap_top)) - FIX_KMAP_BEGIN) % KM_STRIDE);
}

struct page *kmap_to_page(void *addr)
{
	unsigned long vaddr = (unsigned long)addr, pfn;
	bool present;

	if (vaddr >= PKMAP_ADDR(0) && vaddr < PKMAP_ADDR(LAST_PKMAP))
		return READ_ONCE(pkmap_page[PKMAP_NR(vaddr)]);
	if (vaddr >= FIXADDR_START && vaddr < FIXADDR_END) {
		pfn = kernel_pte_pfn(vaddr & PAGE_MASK, &present);
		return present && pfn_valid(pfn) ? pfn_to_page(pfn) : NULL;
	}
	return virt_to_page(addr);
}
EXPORT_SYMBOL(kmap_to_page);
