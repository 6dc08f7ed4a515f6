/*
 * The ARM kernel virtual memory map (Linux 3.x values, as on the FS4412).
 * RAM's first byte is mapped at PAGE_OFFSET; the physical base is found at
 * boot (the kernel runs from wherever RAM is), so __pa/__va use a variable.
 */
#ifndef _ASM_MEMORY_H
#define _ASM_MEMORY_H

#define PAGE_SHIFT      12
#define PAGE_SIZE       (1UL << PAGE_SHIFT)
#define PAGE_MASK       (~(PAGE_SIZE - 1))

#define PAGE_OFFSET     0xC0000000UL
#define TEXT_OFFSET     0x00008000UL
#define MODULES_VADDR   0xBF000000UL
#define MODULES_END     0xBFE00000UL
#define PKMAP_BASE      0xBFE00000UL
#define VMALLOC_START   0xF0000000UL
#define VMALLOC_END     0xFF000000UL
#define VMALLOC_OFFSET  (8UL << 20)	/* gap between lowmem and vmalloc */
#define FIXADDR_START   0xFFF00000UL
#define FIXADDR_END     0xFFFE0000UL
#define VECTORS_BASE    0xFFFF0000UL
/* Lowmem ends 8 MiB below the vmalloc area: 760 MiB of linear map at most. */
#define LOWMEM_LIMIT    (VMALLOC_START - VMALLOC_OFFSET)
/*
 * Fixed 1 MiB sections at the top of the vmalloc area, mapped before
 * vmalloc runs: the early console's UART (kept, and registered with
 * vmalloc) and, just below it, three for reading the boot loader's
 * DTB/ATAGS (unmapped before vmalloc takes the area over).
 */
#define EARLY_IO_VIRT        0xFEF00000UL
#define HANDOFF_WINDOW_VIRT  0xFEC00000UL

#ifndef __ASSEMBLER__
extern unsigned long phys_offset;	/* physical address of PAGE_OFFSET */

#define __pa(v)  ((unsigned long)(v) - PAGE_OFFSET + phys_offset)
#define __va(p)  ((void *)((unsigned long)(p) - phys_offset + PAGE_OFFSET))
#define PHYS_PFN_OFFSET (phys_offset >> PAGE_SHIFT)

/*
 * Linux's names for the linear map's translation, valid for lowmem only
 * (kmalloc, __get_free_pages, the kernel image): not for vmalloc, ioremap
 * or high memory, which have no fixed offset (use vmalloc_to_page /
 * page_to_phys, or the DMA API for device addresses).
 */
static inline unsigned long virt_to_phys(const volatile void *x)
{
	return __pa(x);
}

static inline void *phys_to_virt(unsigned long x)
{
	return __va(x);
}
#endif

#endif
