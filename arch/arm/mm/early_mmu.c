/* Edits to the boot translation table before paging_init() replaces it. */
#include <linux/kernel.h>
#include <asm/memory.h>
#include <asm/mmu.h>
#include <asm/setup.h>
#include <asm/barrier.h>

void early_map_device_section(unsigned long virt, phys_addr_t phys)
{
	u32 *pgd = __va(initial_pgdir_phys);

	pgd[virt >> SECTION_SHIFT] = (phys & ~(SECTION_SIZE - 1)) | PMD_TYPE_SECT |
				     PMD_SECT_DEVICE | PMD_SECT_AP_WRITE | PMD_SECT_XN;
	dsb();
	__asm__ __volatile__("mcr p15, 0, %0, c8, c7, 1" :: "r"(virt & ~(SECTION_SIZE - 1)));	/* TLBIMVA */
	dsb();
	isb();
}
