/*
 * Fixmap: virtual addresses fixed at compile time in FIXADDR_START to
 * FIXADDR_END, each mapped to whatever page its user needs at run time.
 * Slots count up from FIXADDR_START, as on Linux/ARM 3.x: KM_TYPE_NR
 * kmap_atomic slots per CPU (CPU n's at n * KM_STRIDE), then the
 * writable alias through which patch_text rewrites kernel text. The page
 * allocator keeps its own per-CPU page at the top of the window
 * (mm/highpage_local.c), so the slots here must stay below it.
 */
#ifndef _ASM_FIXMAP_H
#define _ASM_FIXMAP_H

#include <linux/types.h>
#include <linux/compiler.h>
#include <asm/memory.h>
#include <asm/tlbflush.h>

#define KM_TYPE_NR	16
/*
 * CPU n's slots start at n * KM_STRIDE: the unused half above each CPU's
 * stack makes the slot past a full one the only one with index bit
 * KM_TYPE_NR set (one test in kmap_atomic).
 */
#define KM_STRIDE	(2 * KM_TYPE_NR)	/* kmap_atomic nesting depth per CPU */

enum fixed_addresses {
	FIX_KMAP_BEGIN,
	FIX_KMAP_END = FIX_KMAP_BEGIN + KM_STRIDE * NR_CPUS,
	FIX_TEXT_POKE0 = FIX_KMAP_END,
	__end_of_fixed_addresses
};

#define __fix_to_virt(x)	(FIXADDR_START + ((unsigned long)(x) << PAGE_SHIFT))
#define __virt_to_fix(x)	(((x) - FIXADDR_START) >> PAGE_SHIFT)

/*
 * Set a slot in place, as Linux's set_fixmap_pte: the window's second-level
 * table exists from paging_init, so kmap_atomic writes the entry itself
 * rather than through set_kernel_pte, and drops only this CPU's TLB entry
 * (each slot belongs to one CPU; others never use its address).
 * fixmap_init() finds the table, and the entry bits set_kernel_pte uses for
 * PROT_KERNEL, once after paging_init.
 */
struct fixmap_table {
	/* The window's entries, less FIXADDR_START >> 10: + (va >> 10) is va's entry. */
	unsigned long pte_by_va;
	u32 prot;	/* PROT_KERNEL's bits */
} __aligned(8);		/* one LDRD loads both */
extern struct fixmap_table fixmap_table;
int fixmap_init(void);

static inline void set_fixmap_pfn(unsigned int idx, unsigned long pfn)
{
	unsigned long va = __fix_to_virt(idx);

	WRITE_ONCE(*(u32 *)(fixmap_table.pte_by_va + (va >> (PAGE_SHIFT - 2))),
		   (pfn << PAGE_SHIFT) | fixmap_table.prot);
	dsb_ishst();
	__asm__ __volatile__("mcr p15, 0, %0, c8, c7, 1"	/* TLBIMVA */
			     :: "r"(va) : "memory");
	dsb_nsh();
	isb();
}

_Static_assert(__fix_to_virt(__end_of_fixed_addresses) <= FIXADDR_END - NR_CPUS * PAGE_SIZE,
	       "kmap_atomic slots overlap the page allocator's fixmap pages");
_Static_assert(PKMAP_BASE + (512UL << PAGE_SHIFT) == PAGE_OFFSET, "pkmap is 2 MiB below lowmem");

#endif
