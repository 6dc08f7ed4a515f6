/*
 * KASAN's shadow in the page tables (asm/kasan.h has the layout). Not
 * instrumented: it runs before the shadow exists.
 *
 * Until kasan_init(), every 1 MiB of the shadow region points at one
 * second-level table mapping one zero page, writable, so the instrumented
 * code of early boot finds nothing poisoned and its stack instrumentation
 * has somewhere to write. kasan_init() then maps real shadow for lowmem
 * (1 MiB sections from memblock, one eighth of lowmem) and gives the rest
 * of the region tables of its own that map the zero page read-only; the
 * vmalloc and module shadow gets pages as areas are created there
 * (kasan_populate_shadow). Those pages are never freed, as page tables.
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/errno.h>
#include <linux/gfp.h>
#include <linux/memblock.h>
#include <linux/mm.h>
#include <linux/spinlock.h>
#include <linux/stackdepot.h>
#include <string.h>
#include <asm/kasan.h>
#include <asm/mmu.h>
#include <asm/setup.h>
#include <asm/tlbflush.h>

#define PTE_SHADOW	(PTE_TYPE_SMALL | PTE_AP_WRITE | PTE_WBWA | PTE_SMALL_XN)
#define PTE_SHADOW_RO	(PTE_SHADOW | PTE_APX)
#define PMD_SHADOW	(PMD_TYPE_SECT | PMD_SECT_WBWA | PMD_SECT_AP_WRITE | PMD_SECT_XN)

/* Filled by arch/arm/head.S with the MMU off: physical RAM base, boot table. */
extern unsigned long phys_boot_info[3];

static u8 kasan_zero_page[PAGE_SIZE] __aligned(PAGE_SIZE);
static u32 early_shadow_pte[PTRS_PER_PTE] __aligned(PTE_TABLE_SIZE);
static unsigned long zero_pfn;
static DEFINE_SPINLOCK(populate_lock);
static unsigned long populated_pages, lowmem_shadow_bytes;

static void *shadow_of(unsigned long addr)
{
	return (void *)((addr >> KASAN_SHADOW_SCALE_SHIFT) + KASAN_SHADOW_OFFSET);
}

/* Called from head.S before start_kernel: no C has run, phys_offset is not set yet. */
void __init kasan_early_init(void)
{
	unsigned long pa_delta = phys_boot_info[0] - PAGE_OFFSET;
	u32 *pgd = (u32 *)(phys_boot_info[1] - pa_delta);
	u32 pte = ((unsigned long)kasan_zero_page + pa_delta) | PTE_SHADOW;
	unsigned long va;
	unsigned int i;

	for (i = 0; i < PTRS_PER_PTE; i++)
		early_shadow_pte[i] = pte;
	for (va = KASAN_SHADOW_START; va < KASAN_SHADOW_END; va += SECTION_SIZE)
		pgd[va >> SECTION_SHIFT] = ((unsigned long)early_shadow_pte + pa_delta) |
					   PMD_TYPE_TABLE | PMD_DOMAIN(0);
	dsb_ishst();
	local_flush_tlb_all();
}

void __init kasan_copy_early_shadow(u32 *to, const u32 *from)
{
	unsigned long va;

	for (va = KASAN_SHADOW_START; va < KASAN_SHADOW_END; va += SECTION_SIZE)
		to[va >> SECTION_SHIFT] = from[va >> SECTION_SHIFT];
}

static u32 *shadow_pte(unsigned long shadow_va)
{
	u32 pmd = swapper_pg_dir[shadow_va >> SECTION_SHIFT];

	if ((pmd & PMD_TYPE_MASK) != PMD_TYPE_TABLE)
		return NULL;	/* a lowmem section: always backed */
	return (u32 *)__va(pmd & PMD_TABLE_ADDR) + ((shadow_va >> PAGE_SHIFT) & (PTRS_PER_PTE - 1));
}

void __init kasan_init(void)
{
	unsigned long lm_start = (unsigned long)shadow_of(PAGE_OFFSET);
	unsigned long lm_end = ALIGN((unsigned long)shadow_of((unsigned long)high_memory),
				     SECTION_SIZE);
	u32 *boot_pgd = __va(initial_pgdir_phys);
	unsigned long va, nr_tables;
	char *lowmem_shadow;
	u32 *tables;
	unsigned int i;

	lowmem_shadow_bytes = lm_end - lm_start;
	lowmem_shadow = memblock_alloc_named(lowmem_shadow_bytes, SECTION_SIZE, "kasan shadow");
	nr_tables = ((KASAN_SHADOW_END - KASAN_SHADOW_START) - lowmem_shadow_bytes) / SECTION_SIZE;
	tables = memblock_alloc_named(nr_tables * PTE_TABLE_SIZE, PTE_TABLE_SIZE,
				      "kasan shadow tables");
	if (!lowmem_shadow || !tables || stack_depot_init())
		panic("kasan: no memory for the shadow (%lu MiB)", lowmem_shadow_bytes >> 20);

	zero_pfn = __pa(kasan_zero_page) >> PAGE_SHIFT;
	for (va = KASAN_SHADOW_START; va < KASAN_SHADOW_END; va += SECTION_SIZE) {
		u32 desc;

		if (va >= lm_start && va < lm_end) {
			desc = (__pa(lowmem_shadow) + (va - lm_start)) | PMD_SHADOW;
		} else {
			for (i = 0; i < PTRS_PER_PTE; i++)
				tables[i] = (zero_pfn << PAGE_SHIFT) | PTE_SHADOW_RO;
			desc = __pa(tables) | PMD_TYPE_TABLE | PMD_DOMAIN(0);
			tables += PTRS_PER_PTE;
		}
		swapper_pg_dir[va >> SECTION_SHIFT] = desc;
	}
	/* Secondary CPUs start on the boot table: give it the same shadow. */
	kasan_copy_early_shadow(boot_pgd, swapper_pg_dir);
	dsb_ishst();
	flush_tlb_all();
	/* The stack instrumentation of early boot wrote through the old mapping. */
	memset(kasan_zero_page, 0, PAGE_SIZE);
	WRITE_ONCE(kasan_ready, true);
	pr_info("kasan: KernelAddressSanitizer initialized (generic): shadow %#lx-%#lx, %lu MiB for lowmem\n",
		KASAN_SHADOW_START, KASAN_SHADOW_END, lowmem_shadow_bytes >> 20);
}

int kasan_populate_shadow(unsigned long start, unsigned long end)
{
	unsigned long first = ALIGN_DOWN((unsigned long)shadow_of(start), PAGE_SIZE);
	unsigned long last = ALIGN((unsigned long)shadow_of(end), PAGE_SIZE);
	unsigned long va, flags;
	bool changed = false;

	for (va = first; va < last; va += PAGE_SIZE) {
		u32 *pte = shadow_pte(va);
		struct page *page;

		if (!pte || (READ_ONCE(*pte) >> PAGE_SHIFT) != zero_pfn)
			continue;
		page = alloc_page(GFP_KERNEL | __GFP_ZERO);
		if (!page)
			return -ENOMEM;
		spin_lock_irqsave(&populate_lock, flags);
		if ((*pte >> PAGE_SHIFT) == zero_pfn) {
			WRITE_ONCE(*pte, (page_to_pfn(page) << PAGE_SHIFT) | PTE_SHADOW);
			populated_pages++;
			page = NULL;
			changed = true;
		}
		spin_unlock_irqrestore(&populate_lock, flags);
		if (page)
			__free_page(page);	/* another CPU populated it meanwhile */
	}
	if (changed)
		flush_tlb_kernel_range(first, last);
	return 0;
}

bool kasan_shadow_backed(const void *shadow)
{
	u32 *pte = shadow_pte((unsigned long)shadow);

	return !pte || (READ_ONCE(*pte) >> PAGE_SHIFT) != zero_pfn;
}

unsigned long kasan_populated_pages(void)
{
	return READ_ONCE(populated_pages);
}

unsigned long kasan_shadow_bytes(void)
{
	return lowmem_shadow_bytes + kasan_populated_pages() * PAGE_SIZE;
}
