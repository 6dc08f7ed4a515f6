/*
 * Fixed 1 MiB device sections for the early console, made before the
 * page allocator and ioremap exist. Written into the table this CPU uses:
 * the boot table until paging_init(), the kernel's own table after (which
 * copies the early console's section across).
 */
#include <linux/kernel.h>
#include <asm/memory.h>
#include <asm/mmu.h>
#include <asm/tlbflush.h>

void early_map_device_section(unsigned long virt, phys_addr_t phys)
{
	u32 *pgd = cpu_get_pgd();

	pgd[virt >> SECTION_SHIFT] = (phys & ~(SECTION_SIZE - 1)) | PMD_TYPE_SECT |
				     PMD_SECT_DEVICE | PMD_SECT_AP_WRITE | PMD_SECT_XN;
	dsb_ishst();
	__flush_tlb_kernel_page_is(virt & ~(SECTION_SIZE - 1));
	dsb_ish();
	isb();
}
