/*
 * Simulated ARM memory map for host builds of mm/ (see tests/host/sim/machine.c).
 * "Physical" RAM is a memfd; its lowmem part is mapped at PAGE_OFFSET, a
 * host address chosen at start-up, exactly as the kernel's linear map. The
 * vmalloc, pkmap, fixmap and modules windows are reserved host address ranges where
 * set_kernel_pte() maps single RAM pages. Everything the ARM header makes a
 * constant is a variable here, with the same names.
 */
#ifndef _ASM_MEMORY_H
#define _ASM_MEMORY_H

#define PAGE_SHIFT      12
#define PAGE_SIZE       (1UL << PAGE_SHIFT)
#define PAGE_MASK       (~(PAGE_SIZE - 1))

#ifndef __ASSEMBLER__
extern unsigned long sim_page_offset;
extern unsigned long sim_lowmem_limit;
extern unsigned long sim_vmalloc_start, sim_vmalloc_end;
extern unsigned long sim_pkmap_base, sim_fixaddr_start, sim_fixaddr_end;
extern unsigned long sim_modules_vaddr, sim_modules_end;
extern unsigned long phys_offset;	/* physical address of PAGE_OFFSET */

#define PAGE_OFFSET     sim_page_offset
#define TEXT_OFFSET     0x00008000UL
#define PKMAP_BASE      sim_pkmap_base
#define VMALLOC_START   sim_vmalloc_start
#define VMALLOC_END     sim_vmalloc_end
#define VMALLOC_OFFSET  (8UL << 20)
#define FIXADDR_START   sim_fixaddr_start
#define FIXADDR_END     sim_fixaddr_end
#define MODULES_VADDR   sim_modules_vaddr
#define MODULES_END     sim_modules_end
/* Virtual end of the largest possible linear map. */
#define LOWMEM_LIMIT    sim_lowmem_limit

#define __pa(v)  ((unsigned long)(v) - PAGE_OFFSET + phys_offset)
#define __va(p)  ((void *)((unsigned long)(p) - phys_offset + PAGE_OFFSET))
#define PHYS_PFN_OFFSET (phys_offset >> PAGE_SHIFT)
#endif

#endif
