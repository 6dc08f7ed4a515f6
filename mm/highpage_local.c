/*
 * A temporary mapping of any page on the current CPU, so the allocator can
 * zero (and the self-tests can inspect) high pages without kmap, which may
 * sleep, and without taking one of kmap_atomic's nesting slots. One slot per
 * CPU at the top of the fixmap window, used with interrupts off so nothing
 * nests; asm/fixmap.h keeps the kmap_atomic slots below it (checked when
 * compiling).
 */
#include <linux/mm.h>
#include <linux/smp.h>
#include <linux/irqflags.h>
#include <asm/mmu.h>
#include <string.h>
#include "internal.h"

static unsigned long local_slot(void)
{
	return FIXADDR_END - (raw_smp_processor_id() + 1) * PAGE_SIZE;
}

void *mm_map_page_local(struct page *page, unsigned long *flags)
{
	unsigned long va;

	local_irq_save(*flags);
	if (!PageHighMem(page))
		return lowmem_page_address(page);
	va = local_slot();
	if (set_kernel_pte(va, page_to_pfn(page), PROT_KERNEL)) {
		local_irq_restore(*flags);
		return NULL;
	}
	return (void *)va;
}

void mm_unmap_page_local(void *addr, unsigned long flags)
{
	unsigned long va = (unsigned long)addr;

	if (va == local_slot()) {
		clear_kernel_pte(va);
		flush_tlb_kernel_page(va);
	}
	local_irq_restore(flags);
}

void clear_pages_any(struct page *page, unsigned int order)
{
	unsigned long i, nr = 1UL << order;

	if (!PageHighMem(page) && !PageHighMem(page + nr - 1)) {
		memset(lowmem_page_address(page), 0, nr * PAGE_SIZE);
		return;
	}
	for (i = 0; i < nr; i++) {
		unsigned long flags;
		void *va = mm_map_page_local(page + i, &flags);

		if (WARN_ON(!va))
			continue;
		memset(va, 0, PAGE_SIZE);
		mm_unmap_page_local(va, flags);
	}
}
