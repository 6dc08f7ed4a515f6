/*
 * The kernel's translation tables: the arch side of the mm interface.
 * mm/ code maps and unmaps kernel pages only through these.
 *
 * Layout (asm/memory.h): lowmem linear from PAGE_OFFSET (1 MiB sections,
 * read-write and never executable; 4 KiB pages around the kernel image so
 * its parts get their own permissions: text read-only executable, rodata
 * read-only, data/bss/stacks read-write, none of these executable but
 * text, and .init read-write-executable because it holds boot code; when
 * the mm code frees .init it hands those pages to the page allocator, and
 * their mapping stays executable: Mica does not remap them). modules, pkmap, vmalloc and fixmap use 4 KiB pages;
 * the vectors page sits at 0xFFFF0000 (SCTLR.V). Everything below
 * PAGE_OFFSET except the modules and pkmap windows is unmapped, so NULL dereferences
 * fault. Normal memory is write-back write-allocate and shareable; device
 * memory is Device (shareable) and never executable.
 *
 * Less than Linux: one table shared by every CPU (no processes, no
 * ASIDs), no Linux "shadow" PTEs, second-level tables are never freed.
 */
#ifndef _ASM_MMU_H
#define _ASM_MMU_H

#include <linux/types.h>
#include <asm/pgtable-hwdef.h>

/* Page protections for set_kernel_pte(). */
enum kernel_prot {
	PROT_KERNEL,		/* normal RW, not executable */
	PROT_KERNEL_RO,		/* normal read-only, not executable */
	PROT_KERNEL_EXEC,	/* normal read-only, executable (text) */
	PROT_DEVICE,		/* device memory, RW, never executable */
	PROT_UNCACHED,		/* normal non-cacheable (coherent DMA) */
	PROT_SO,		/* strongly ordered */
};

/* Before paging_init: map one 1 MiB device section in the boot table. */
void early_map_device_section(unsigned long virt, phys_addr_t phys);

/*
 * Reserve in memblock what the kernel already occupies (its image and the
 * boot table) and keep allocations inside the boot linear map. After
 * setup_machine_memory_and_cmdline() added the RAM, before paging_init().
 */
void arm_memblock_init(void);

/*
 * Build the kernel's final table (swapper_pg_dir) from memblock's view of
 * RAM, switch this CPU to it and drop the boot stub's identity map. Call
 * once on the boot CPU after the memory discovery and arm_memblock_init().
 */
void paging_init(void);

/*
 * Install swapper_pg_dir on this CPU, invalidate its TLB and branch
 * predictor and turn on the high vectors. Secondary CPUs start on the
 * boot table (initial_pgdir_phys in asm/setup.h: it keeps the identity map
 * their MMU switch-on needs) and call this first thing in C.
 */
void cpu_install_kernel_pgd(void);

/* The first-level table this CPU translates with (virtual), from TTBR0. */
u32 *cpu_get_pgd(void);
/* The kernel's first-level table (virtual; NULL before paging_init). */
extern u32 *swapper_pg_dir;
/* Physical end of the linear map (lowmem) and its virtual end. */
extern phys_addr_t arm_lowmem_limit;
extern void *high_memory;

/*
 * Where second-level tables come from once memblock is retired: the page
 * allocator sets this (before it takes memblock's free memory) to a
 * function returning one lowmem page's virtual address, or NULL. It may be
 * called with interrupts off and a spinlock held, so it must not sleep.
 * While it is NULL, tables come from memblock.
 */
extern void *(*pgtable_page_alloc)(void);

/*
 * Kernel page mappings with 4 KiB pages in the modules, pkmap, vmalloc and
 * fixmap windows (-EINVAL elsewhere). Second-level tables are allocated on demand
 * (-ENOMEM if that fails) and never freed; those of pkmap and fixmap exist
 * from boot, so mapping there never allocates. These do not flush the
 * TLB: callers batch that with flush_tlb_kernel_range().
 */
int set_kernel_pte(unsigned long va, unsigned long pfn, enum kernel_prot prot);
void clear_kernel_pte(unsigned long va);
/* Clear then set descriptor bits of the small page mapped at @va (-EINVAL if none). */
int kernel_pte_update(unsigned long va, u32 clear, u32 set);
/*
 * Map or unmap @numpages lowmem pages at @addr (Linux's arm64 name, for
 * KFENCE). Only where lowmem is mapped page by page, around the kernel
 * image; -EINVAL elsewhere. Flushes the TLB.
 */
int set_memory_valid(unsigned long addr, int numpages, int enable);
/* pfn mapped at @va (page or section), or 0 with *present = false. */
unsigned long kernel_pte_pfn(unsigned long va, bool *present);
/* Invalidate the kernel range on every CPU (inner-shareable broadcast). */
void flush_tlb_kernel_range(unsigned long start, unsigned long end);
void flush_tlb_kernel_page(unsigned long va);

/* The "Virtual kernel memory layout:" banner; mem_init() calls it last. */
void mem_init_print_info(void);

/*
 * Raw descriptors translating @va in the kernel table, for oops reports
 * and tests: the first-level entry, and the second-level entry (0 when the
 * first level is not a table).
 */
u32 kernel_pgd_val(unsigned long va);
u32 kernel_pte_val(unsigned long va);
/* @va is mapped as Normal memory, so reading it has no side effects. */
bool kernel_addr_readable(unsigned long va);

#endif
