/*
 * The kernel's final translation table (layout in asm/mmu.h), built in C
 * once memblock knows the RAM, and the kernel-pte API that vmalloc,
 * ioremap, pkmap and fixmap map pages with.
 *
 * Second-level tables are 1 KiB; they are cut four to a page, the page
 * coming from memblock until the page allocator installs
 * pgtable_page_alloc. A first-level entry, once it points at a table,
 * never changes again, so lookups need no lock; only linking in a new
 * table takes pgtable_lock.
 */
#include <linux/kernel.h>
#include <linux/export.h>
#include <linux/init.h>
#include <linux/errno.h>
#include <linux/memblock.h>
#include <linux/spinlock.h>
#include <string.h>
#include <asm/kasan.h>
#include <asm/cp15.h>
#include <asm/memory.h>
#include <asm/mmu.h>
#include <asm/set_memory.h>
#include <asm/sections.h>
#include <asm/setup.h>
#include <asm/tlbflush.h>
#include <asm/traps.h>

#define PGD_TABLE_SIZE  (PTRS_PER_PGD * sizeof(u32))	/* 16 KiB */
#define PTE_PRESENT     PTE_TYPE_SMALL			/* bit 1: small page */

/* Lowmem away from the kernel image: read-write, never executable. */
#define PMD_LOWMEM (PMD_TYPE_SECT | PMD_SECT_WBWA | PMD_SECT_AP_WRITE | PMD_SECT_XN)

/* Privileged-only small pages: AP[0] grants access, APX makes it read-only. */
#define PTE_KERNEL (PTE_TYPE_SMALL | PTE_AP_WRITE)
static const u32 prot_pte[] = {
	[PROT_KERNEL]      = PTE_KERNEL | PTE_WBWA | PTE_SMALL_XN,
	[PROT_KERNEL_RO]   = PTE_KERNEL | PTE_WBWA | PTE_APX | PTE_SMALL_XN,
	[PROT_KERNEL_EXEC] = PTE_KERNEL | PTE_WBWA | PTE_APX,
	[PROT_DEVICE]      = PTE_KERNEL | PTE_DEVICE | PTE_SMALL_XN,
	[PROT_UNCACHED]    = PTE_KERNEL | PTE_UNCACHED | PTE_SMALL_XN,
	[PROT_SO]          = PTE_KERNEL | PTE_SO | PTE_SMALL_XN,
};
/* .init holds code that runs until it is freed: writable and executable. */
#define PTE_KERNEL_RWX (PTE_KERNEL | PTE_WBWA)

u32 *swapper_pg_dir;
phys_addr_t arm_lowmem_limit;
void *high_memory;
EXPORT_SYMBOL(high_memory);
void *(*pgtable_page_alloc)(void);

static DEFINE_SPINLOCK(pgtable_lock);
static u32 *spare_tables;		/* rest of the last page cut into tables */
static unsigned int nr_spare_tables;

u32 *cpu_get_pgd(void)
{
	unsigned long ttbr0;

	__asm__ __volatile__("mrc p15, 0, %0, c2, c0, 0" : "=r"(ttbr0));
	return __va(ttbr0 & ~(PGD_TABLE_SIZE - 1));
}

static unsigned int pte_index(unsigned long va)
{
	return (va >> PAGE_SHIFT) & (PTRS_PER_PTE - 1);
}

/* One zeroed second-level table; caller holds pgtable_lock. */
static u32 *pte_table_alloc(void)
{
	u32 *table;

	if (!nr_spare_tables) {
		void *page = pgtable_page_alloc ? pgtable_page_alloc()
						: memblock_alloc(PAGE_SIZE, PAGE_SIZE);

		if (!page)
			return NULL;
		memset(page, 0, PAGE_SIZE);
		spare_tables = page;
		nr_spare_tables = PAGE_SIZE / PTE_TABLE_SIZE;
	}
	table = spare_tables;
	spare_tables += PTRS_PER_PTE;
	nr_spare_tables--;
	return table;
}

/* Link a new second-level table for @va (its first-level entry was empty). */
static noinline u32 *pte_table_link(u32 *pgd, unsigned long va)
{
	u32 *pmd = &pgd[va >> SECTION_SHIFT];
	unsigned long flags;
	u32 desc;

	spin_lock_irqsave(&pgtable_lock, flags);
	desc = *pmd;
	if (desc == 0) {
		u32 *table = pte_table_alloc();

		if (table) {
			dsb_ishst();	/* the zeroed table before the link to it */
			desc = __pa(table) | PMD_TYPE_TABLE | PMD_DOMAIN(0);
			WRITE_ONCE(*pmd, desc);
			dsb_ishst();
		}
	}
	spin_unlock_irqrestore(&pgtable_lock, flags);
	if ((desc & PMD_TYPE_MASK) != PMD_TYPE_TABLE)
		return NULL;
	return __va(desc & PMD_TABLE_ADDR);
}

/*
 * The second-level table covering @va, linked in first if @alloc and the
 * first-level entry is empty. NULL if @va is mapped by a section, or no
 * memory was left for a table.
 */
static inline u32 *pte_table(u32 *pgd, unsigned long va, bool alloc)
{
	u32 desc = READ_ONCE(pgd[va >> SECTION_SHIFT]);

	if ((desc & PMD_TYPE_MASK) == PMD_TYPE_TABLE)
		return __va(desc & PMD_TABLE_ADDR);
	if (desc != 0 || !alloc)
		return NULL;
	return pte_table_link(pgd, va);
}

static bool in_pte_window(unsigned long va)
{
	return (va >= MODULES_VADDR && va < PAGE_OFFSET) ||	/* modules, then pkmap */
	       (va >= VMALLOC_START && va < VMALLOC_END) ||
	       (va >= FIXADDR_START && va < FIXADDR_END);
}

/* set_kernel_pte() where @va's second-level table has to be linked first. */
static noinline int set_kernel_pte_linking(unsigned long va, unsigned long pfn,
					   enum kernel_prot prot)
{
	u32 *table = pte_table(swapper_pg_dir, va, true);

	if (!table)
		return swapper_pg_dir[va >> SECTION_SHIFT] ? -EINVAL : -ENOMEM;
	WRITE_ONCE(table[pte_index(va)], (pfn << PAGE_SHIFT) | prot_pte[prot]);
	return 0;
}

/* A leaf apart from the tail call for a missing table (no frame). */
int __frameless set_kernel_pte(unsigned long va, unsigned long pfn, enum kernel_prot prot)
{
	u32 *table;

	if (!swapper_pg_dir || !in_pte_window(va) || (unsigned int)prot >= ARRAY_SIZE(prot_pte) ||
	    pfn >= (1UL << (32 - PAGE_SHIFT)))
		return -EINVAL;
	table = pte_table(swapper_pg_dir, va, false);
	if (unlikely(!table))
		return set_kernel_pte_linking(va, pfn, prot);
	WRITE_ONCE(table[pte_index(va)], (pfn << PAGE_SHIFT) | prot_pte[prot]);
	return 0;
}

int kernel_pte_update(unsigned long va, u32 clear, u32 set)
{
	u32 *table, pte;

	if (!swapper_pg_dir)
		return -EINVAL;
	table = pte_table(swapper_pg_dir, va, false);
	pte = table ? READ_ONCE(table[pte_index(va)]) : 0;
	if (!(pte & PTE_PRESENT))
		return -EINVAL;
	WRITE_ONCE(table[pte_index(va)], (pte & ~clear) | set);
	return 0;
}

void __frameless clear_kernel_pte(unsigned long va)
{
	u32 *table;

	if (!swapper_pg_dir || !in_pte_window(va))
		return;
	table = pte_table(swapper_pg_dir, va, false);
	if (table)
		WRITE_ONCE(table[pte_index(va)], 0);
}

int set_memory_valid(unsigned long addr, int numpages, int enable)
{
	unsigned long va, end = addr + (unsigned long)numpages * PAGE_SIZE;

	if (!swapper_pg_dir || !IS_ALIGNED(addr, PAGE_SIZE) || numpages <= 0 || addr < PAGE_OFFSET ||
	    end > (unsigned long)high_memory || end < addr)
		return -EINVAL;
	for (va = addr; va < end; va += PAGE_SIZE)
		if (!pte_table(swapper_pg_dir, va, false))
			return -EINVAL;		/* a section: not page by page */
	for (va = addr; va < end; va += PAGE_SIZE) {
		u32 *table = pte_table(swapper_pg_dir, va, false);

		WRITE_ONCE(table[pte_index(va)], enable ? __pa(va) | prot_pte[PROT_KERNEL] : 0);
	}
	flush_tlb_kernel_range(addr, end);
	return 0;
}

u32 kernel_pgd_val(unsigned long va)
{
	return READ_ONCE(cpu_get_pgd()[va >> SECTION_SHIFT]);
}

u32 kernel_pte_val(unsigned long va)
{
	u32 *table = pte_table(cpu_get_pgd(), va, false);

	return table ? READ_ONCE(table[pte_index(va)]) : 0;
}

unsigned long kernel_pte_pfn(unsigned long va, bool *present)
{
	u32 pmd = kernel_pgd_val(va), pte;

	*present = true;
	if ((pmd & PMD_TYPE_MASK) == PMD_TYPE_SECT)
		return ((pmd & ~(SECTION_SIZE - 1)) | (va & (SECTION_SIZE - 1))) >> PAGE_SHIFT;
	pte = kernel_pte_val(va);
	if (pte & PTE_PRESENT)
		return pte >> PAGE_SHIFT;
	*present = false;
	return 0;
}

/*
 * Normal memory (cacheable, or TEX=001 non-cacheable) can be read without
 * side effects; Device and Strongly-ordered cannot. Sections keep TEX,
 * C and B at bits 14:12, 3 and 2; small pages at 8:6, 3 and 2.
 */
static bool normal_memory(u32 tex, u32 desc)
{
	return (tex & 4) || (desc & PTE_C) || tex == 1;
}

bool kernel_addr_readable(unsigned long va)
{
	u32 pmd = kernel_pgd_val(va), pte;

	if ((pmd & PMD_TYPE_MASK) == PMD_TYPE_SECT)
		return normal_memory((pmd >> 12) & 7, pmd);
	pte = kernel_pte_val(va);
	return (pte & PTE_PRESENT) && normal_memory((pte >> 6) & 7, pte);
}

void __frameless flush_tlb_kernel_page(unsigned long va)
{
	dsb_ishst();
	__flush_tlb_kernel_page_is(va);
	__flush_bp_all_is();
	dsb_ish();
	isb();
}

/* Past this many pages one broadcast of everything is cheaper. */
#define TLB_FLUSH_ALL_THRESHOLD 64

void flush_tlb_kernel_range(unsigned long start, unsigned long end)
{
	unsigned long va;

	if (end <= start)
		return;
	if ((end - start) >> PAGE_SHIFT > TLB_FLUSH_ALL_THRESHOLD) {
		flush_tlb_all();
		return;
	}
	dsb_ishst();
	for (va = start & PAGE_MASK; va < end && va >= (start & PAGE_MASK); va += PAGE_SIZE)
		__flush_tlb_kernel_page_is(va);
	__flush_bp_all_is();
	dsb_ish();
	isb();
}

void cpu_install_kernel_pgd(void)
{
	dsb_ishst();
	__asm__ __volatile__("mcr p15, 0, %0, c2, c0, 0" /* TTBR0 */
			     :: "r"(__pa(swapper_pg_dir) | TTB_FLAGS_SMP) : "memory");
	isb();
	local_flush_tlb_all();	/* both tables map the kernel alike: no stale alias matters */
	set_cr(get_cr() | CR_V);
}

/* ---- building the table (boot CPU, before anything else runs) ---- */

static void __init map_page(unsigned long va, phys_addr_t pa, u32 desc)
{
	u32 *table = pte_table(swapper_pg_dir, va, true);

	if (!table)
		panic("paging_init: no memory for a page table at 0x%08lx", va);
	table[pte_index(va)] = pa | desc;
}

/* Permissions of the lowmem page at @va: the image's sections get their own. */
static u32 __init lowmem_pte(unsigned long va)
{
	if (va >= (unsigned long)_text && va < (unsigned long)__start_rodata)
		return prot_pte[PROT_KERNEL_EXEC];	/* text and the vectors template */
	if (va >= (unsigned long)__start_rodata && va < (unsigned long)__init_begin)
		return prot_pte[PROT_KERNEL_RO];	/* rodata, exidx, kallsyms */
	if (va >= (unsigned long)__init_begin && va < (unsigned long)__init_end)
		return PTE_KERNEL_RWX;
	return prot_pte[PROT_KERNEL];			/* data, bss, stacks, the rest */
}

/* Linear map of [start, end): sections where they fit, pages around the image. */
static void __init map_lowmem_range(phys_addr_t start, phys_addr_t end)
{
	unsigned long image_start = ALIGN_DOWN((unsigned long)_text, SECTION_SIZE);
	unsigned long image_end = ALIGN((unsigned long)_end, SECTION_SIZE);
	phys_addr_t pa = ALIGN(start, PAGE_SIZE);

	end = ALIGN_DOWN(end, PAGE_SIZE);
	while (pa < end) {
		unsigned long va = (unsigned long)__va(pa);

		if (IS_ALIGNED(pa, SECTION_SIZE) && end - pa >= SECTION_SIZE &&
		    (va < image_start || va >= image_end)) {
			swapper_pg_dir[va >> SECTION_SHIFT] = pa | PMD_LOWMEM;
			pa += SECTION_SIZE;
		} else {
			map_page(va, pa, lowmem_pte(va));
			pa += PAGE_SIZE;
		}
	}
}

/* Lowmem ends at the end of RAM or LOWMEM_LIMIT, whichever comes first. */
static void __init find_lowmem_limit(void)
{
	phys_addr_t cap = phys_offset + (LOWMEM_LIMIT - PAGE_OFFSET);
	const struct memblock_region *r;

	arm_lowmem_limit = phys_offset;
	for_each_memblock(memory, r)
		if (r->base >= phys_offset && r->base < cap)
			arm_lowmem_limit = ALIGN_DOWN(min(r->base + r->size, cap), PAGE_SIZE);
	high_memory = __va(arm_lowmem_limit);
}

static void __init map_lowmem(void)
{
	const struct memblock_region *r;

	for_each_memblock(memory, r) {
		phys_addr_t start = max(r->base, phys_offset);
		phys_addr_t end = min(r->base + r->size, arm_lowmem_limit);

		if (start < end)
			map_lowmem_range(start, end);
	}
}

/* The exception vectors get a page of their own, mapped at 0xFFFF0000. */
static void __init map_vectors(void)
{
	void *page = memblock_alloc(PAGE_SIZE, PAGE_SIZE);

	if (!page)
		panic("paging_init: no memory for the vectors page");
	early_trap_init(page);
	map_page(VECTORS_BASE, __pa(page), prot_pte[PROT_KERNEL_EXEC]);
}

/* Tables for a window that must never allocate later (kmap_atomic, pkmap). */
static void __init prealloc_pte_tables(unsigned long start, unsigned long end)
{
	unsigned long va;

	for (va = start; va - start < end - start; va += SECTION_SIZE)	/* no wrap at 4 GiB */
		if (!pte_table(swapper_pg_dir, va, true))
			panic("paging_init: no memory for page tables at 0x%08lx", va);
}

void __init paging_init(void)
{
	u32 *boot_pgd = __va(initial_pgdir_phys);

	/* Everything allocated here is written through the boot linear map. */
	memblock_set_current_limit(initial_map_end_phys);
	find_lowmem_limit();

	swapper_pg_dir = memblock_alloc(PGD_TABLE_SIZE, PGD_TABLE_SIZE);
	if (!swapper_pg_dir)
		panic("paging_init: no memory for the kernel page table");
	map_lowmem();
	map_vectors();
	prealloc_pte_tables(PKMAP_BASE, PAGE_OFFSET);
	prealloc_pte_tables(FIXADDR_START, FIXADDR_END);
	/* The early console keeps its fixed section, KASAN its early shadow. */
	swapper_pg_dir[EARLY_IO_VIRT >> SECTION_SHIFT] = boot_pgd[EARLY_IO_VIRT >> SECTION_SHIFT];
#ifdef CONFIG_KASAN
	kasan_copy_early_shadow(swapper_pg_dir, boot_pgd);
#endif

	cpu_install_kernel_pgd();
	memblock_set_current_limit(arm_lowmem_limit);
}
