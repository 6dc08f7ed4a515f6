/*
 * kmap_atomic's direct access to the fixmap window (asm/fixmap.h): where
 * its second-level table is and what a PROT_KERNEL entry looks like, both
 * learnt through the kernel-pte API so they always agree with it.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <asm/fixmap.h>
#include <asm/mmu.h>
#include <asm/pgtable-hwdef.h>

#define PMD_TYPE_MASK	0x3
#define PTE_TABLE_MASK	(~0x3ffUL)	/* second-level tables are 1 KiB aligned */

struct fixmap_table fixmap_table;

int fixmap_init(void)
{
	unsigned long probe = __fix_to_virt(FIX_KMAP_BEGIN);
	u32 pmd = kernel_pgd_val(probe);

	BUILD_BUG_ON(__fix_to_virt(__end_of_fixed_addresses) > (FIXADDR_START | (SECTION_SIZE - 1)));
	if ((pmd & PMD_TYPE_MASK) != PMD_TYPE_TABLE)
		return -ENODEV;
	/* FIXADDR_START's entry (the window is inside one section), less its va >> 10. */
	fixmap_table.pte_by_va = (unsigned long)((u32 *)__va(pmd & PTE_TABLE_MASK) +
						 ((FIXADDR_START >> PAGE_SHIFT) & (PTRS_PER_PTE - 1))) -
				 (FIXADDR_START >> (PAGE_SHIFT - 2));
	if (set_kernel_pte(probe, PHYS_PFN_OFFSET, PROT_KERNEL))
		return -ENODEV;
	fixmap_table.prot = kernel_pte_val(probe) & ~PAGE_MASK;
	clear_kernel_pte(probe);
	flush_tlb_kernel_page(probe);
	return 0;
}
