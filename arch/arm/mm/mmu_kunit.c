/*
 * The "mmu" suite: the kernel's final page tables as paging_init() built
 * them (what is mapped where, with which permissions and memory types),
 * faults on the permissions that matter, and the kernel-pte API with its
 * TLB maintenance.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/io.h>
#include <linux/kasan.h>
#include <linux/kfence.h>
#include <linux/gfp.h>
#include <linux/list.h>
#include <linux/mm.h>
#include <asm/cacheflush.h>
#include <string.h>
#include <asm/cp15.h>
#include <asm/fault.h>
#include <asm/memory.h>
#include <asm/mmu.h>
#include <asm/sections.h>
#include <asm/traps.h>
#include <mica/board.h>
#include <mica/console.h>
#include <mica/kunit.h>

#define PMD_TYPE(d)   ((d) & 3)
#define SECT_ATTRS    (PMD_SECT_TEX(7) | PMD_SECT_C | PMD_SECT_B)
#define PTE_ATTRS     (PTE_TEX(7) | PTE_C | PTE_B)
#define PTE_AP_BITS   (PTE_APX | PTE_AP_READ | PTE_AP_WRITE)

/* "bx lr" that must never run from rodata. */
static const u32 rodata_insns[1] = { 0xe12fff1e };
/* Pages to map and remap; their contents tell which one a mapping shows. */
static u8 test_pages[2][PAGE_SIZE] __aligned(PAGE_SIZE);

static void lowmem_sections(struct kunit *test)
{
	unsigned long image_end = ALIGN((unsigned long)_end, SECTION_SIZE);
	unsigned long va, bad = 0;

	KUNIT_ASSERT_NOT_NULL(test, swapper_pg_dir);
	KUNIT_EXPECT_EQ(test, (unsigned long)high_memory, (unsigned long)__va(arm_lowmem_limit));
	KUNIT_EXPECT_LE(test, (unsigned long)high_memory, LOWMEM_LIMIT);
	for (va = image_end; va < ALIGN_DOWN((unsigned long)high_memory, SECTION_SIZE);
	     va += SECTION_SIZE) {
		u32 pmd = kernel_pgd_val(va);

		if (PMD_TYPE(pmd) != PMD_TYPE_SECT || (pmd & ~(SECTION_SIZE - 1)) != __pa(va) ||
		    !(pmd & PMD_SECT_XN) || (pmd & PMD_SECT_APX) || !(pmd & PMD_SECT_AP_WRITE) ||
		    (pmd & SECT_ATTRS) != (PMD_SECT_WBWA & SECT_ATTRS))
			bad++;
	}
	KUNIT_EXPECT_EQ(test, bad, 0);
	/* Nothing between the end of lowmem and vmalloc (when there is a gap). */
	if (IS_ALIGNED((unsigned long)high_memory, SECTION_SIZE))
		KUNIT_EXPECT_EQ(test, kernel_pgd_val((unsigned long)high_memory), 0);
}

/* KASAN's shadow sits below the module area and is mapped whole (asm/kasan.h). */
static bool in_kasan_shadow(unsigned long va)
{
#ifdef CONFIG_KASAN
	return va >= KASAN_SHADOW_START && va < KASAN_SHADOW_END;
#else
	return false;
#endif
}

static void user_range_unmapped(struct kunit *test)
{
	unsigned long va, mapped = 0, shadow_holes = 0;

	for (va = 0; va < MODULES_VADDR; va += SECTION_SIZE) {	/* Linux/ARM's TASK_SIZE */
		if (in_kasan_shadow(va))
			shadow_holes += !kernel_pgd_val(va);
		else if (kernel_pgd_val(va))
			mapped++;
	}
	KUNIT_EXPECT_EQ(test, mapped, 0);
	KUNIT_EXPECT_EQ(test, shadow_holes, 0);
	KUNIT_EXPECT_FALSE(test, kernel_addr_readable(0));
	KUNIT_EXPECT_FALSE(test, kernel_addr_readable(__pa(_text)));	/* identity map gone */
}

/* Every page of [start, end) has @want in the bits @mask. */
static unsigned long pages_without(unsigned long start, unsigned long end, u32 mask, u32 want)
{
	unsigned long va, bad = 0;

	for (va = ALIGN_DOWN(start, PAGE_SIZE); va < end; va += PAGE_SIZE) {
		u32 pte = kernel_pte_val(va);

		if (!(pte & PTE_TYPE_SMALL) || (pte & mask) != want ||
		    (pte & PAGE_MASK) != __pa(va))
			bad++;
	}
	return bad;
}

static unsigned long kfence_pool_start(void)
{
#ifdef CONFIG_KFENCE
	return (unsigned long)__kfence_pool;
#else
	return (unsigned long)_end;
#endif
}

static unsigned long kfence_pool_end(void)
{
#ifdef CONFIG_KFENCE
	return (unsigned long)__kfence_pool + KFENCE_POOL_SIZE;
#else
	return (unsigned long)_end;
#endif
}

static void image_permissions(struct kunit *test)
{
	u32 mask = PTE_SMALL_XN | PTE_AP_BITS;

	KUNIT_EXPECT_EQ(test, pages_without((unsigned long)_text, (unsigned long)__start_rodata,
					    mask, PTE_APX | PTE_AP_WRITE), 0);
	KUNIT_EXPECT_EQ(test, pages_without((unsigned long)__start_rodata, (unsigned long)__init_begin,
					    mask, PTE_SMALL_XN | PTE_APX | PTE_AP_WRITE), 0);
	/* Freed at the end of boot: plain data from then on, never executable. */
	KUNIT_EXPECT_EQ(test, pages_without((unsigned long)__init_begin, (unsigned long)__init_end,
					    mask, PTE_SMALL_XN | PTE_AP_WRITE), 0);
	/* KFENCE's pool (in .bss) is unmapped page by page on purpose. */
	KUNIT_EXPECT_EQ(test, pages_without((unsigned long)_sdata, kfence_pool_start(),
					    mask, PTE_SMALL_XN | PTE_AP_WRITE), 0);
	KUNIT_EXPECT_EQ(test, pages_without(kfence_pool_end(), (unsigned long)_end,
					    mask, PTE_SMALL_XN | PTE_AP_WRITE), 0);
	/* Below the image (boot table, RAM base): plain data too. */
	KUNIT_EXPECT_EQ(test, pages_without(PAGE_OFFSET, (unsigned long)_text,
					    mask, PTE_SMALL_XN | PTE_AP_WRITE), 0);
}

static void write_word(void *addr)
{
	WRITE_ONCE(*(volatile u32 *)addr, 0);
}

static void text_read_only(struct kunit *test)
{
	unsigned long target = (unsigned long)lowmem_sections;
	struct fault_record rec;
	u32 before = *(volatile u32 *)target;

	KUNIT_ASSERT_EQ(test, arm_run_expecting_fault(write_word, (void *)target, &rec), 1);
	KUNIT_EXPECT_EQ(test, rec.kind, ARM_FAULT_DATA_ABORT);
	KUNIT_EXPECT_EQ(test, rec.addr, target);
	KUNIT_EXPECT_EQ(test, fsr_fs(rec.fsr), FS_PERM_PAGE);
	KUNIT_EXPECT_TRUE(test, rec.fsr & FSR_WRITE);
	KUNIT_EXPECT_EQ(test, *(volatile u32 *)target, before);
}

static void call_code(void *code)
{
	((void (*)(void))code)();
	barrier();
}

static void rodata_not_executable(struct kunit *test)
{
	struct fault_record rec;

	KUNIT_ASSERT_EQ(test, arm_run_expecting_fault(call_code, (void *)rodata_insns, &rec), 1);
	KUNIT_EXPECT_EQ(test, rec.kind, ARM_FAULT_PREFETCH_ABORT);
	KUNIT_EXPECT_EQ(test, rec.addr, (unsigned long)rodata_insns);
	KUNIT_EXPECT_EQ(test, fsr_fs(rec.fsr), FS_PERM_PAGE);
}

/*
 * A page of the freed .init, once the page allocator hands it out, holds
 * data: code written into it does not run (the instruction fetch faults).
 */
static void freed_init_not_executable(struct kunit *test)
{
	unsigned long start = (unsigned long)__init_begin, end = (unsigned long)__init_end;
	/* From the zone the image is in (the DMA zone on most boards). */
	gfp_t gfp = page_zonenum(virt_to_page(__init_begin)) == ZONE_DMA ? GFP_DMA : 0;
	struct page *page, *next;
	struct fault_record rec;
	u32 *code = NULL;
	LIST_HEAD(held);
	int tries;

	/* The freed pages sit somewhere in the free lists: draw pages until one comes. */
	for (tries = 0; tries < 8192 && !code; tries++) {
		page = alloc_page(GFP_KERNEL | gfp | __GFP_NOWARN);
		if (!page)
			break;
		list_add(&page->lru, &held);
		if ((unsigned long)page_address(page) >= start &&
		    (unsigned long)page_address(page) < end)
			code = page_address(page);
	}
	if (code) {
		code[0] = 0xe12fff1e;		/* bx lr */
		dcache_clean_range(code, sizeof(u32));
		icache_inval_all();
		KUNIT_EXPECT_EQ(test, arm_run_expecting_fault(call_code, code, &rec), 1);
		KUNIT_EXPECT_EQ(test, rec.kind, ARM_FAULT_PREFETCH_ABORT);
		KUNIT_EXPECT_EQ(test, fsr_fs(rec.fsr), FS_PERM_PAGE);
	}
	list_for_each_entry_safe(page, next, &held, lru) {
		list_del(&page->lru);
		__free_page(page);
	}
	if (!code)
		kunit_skip(test, "no page of the freed .init among %d allocated", tries);
}

static void vectors_high(struct kunit *test)
{
	u32 pte = kernel_pte_val(VECTORS_BASE);

	KUNIT_EXPECT_TRUE(test, get_cr() & CR_V);
	KUNIT_ASSERT_TRUE(test, pte & PTE_TYPE_SMALL);
	KUNIT_EXPECT_EQ(test, pte & (PTE_SMALL_XN | PTE_AP_BITS), PTE_APX | PTE_AP_WRITE);
	KUNIT_EXPECT_EQ(test, memcmp((void *)VECTORS_BASE, __vectors_start,
				     (unsigned long)__vectors_end - (unsigned long)__vectors_start), 0);
}

static void windows_have_tables(struct kunit *test)
{
	unsigned long va, missing = 0;

	for (va = PKMAP_BASE; va < PAGE_OFFSET; va += SECTION_SIZE)
		missing += PMD_TYPE(kernel_pgd_val(va)) != PMD_TYPE_TABLE;
	for (va = FIXADDR_START; va - FIXADDR_START < FIXADDR_END - FIXADDR_START; va += SECTION_SIZE)
		missing += PMD_TYPE(kernel_pgd_val(va)) != PMD_TYPE_TABLE;
	KUNIT_EXPECT_EQ(test, missing, 0);
}

/* An unmapped page in the vmalloc window, away from where vmalloc starts. */
static unsigned long free_vmalloc_page(void)
{
	unsigned long va;

	for (va = VMALLOC_END - SECTION_SIZE - PAGE_SIZE; va > VMALLOC_END - 4 * SECTION_SIZE;
	     va -= PAGE_SIZE) {
		bool present;

		kernel_pte_pfn(va, &present);
		if (!present && PMD_TYPE(kernel_pgd_val(va)) != PMD_TYPE_SECT)
			return va;
	}
	return 0;
}

static void read_word(void *addr)
{
	(void)READ_ONCE(*(volatile u32 *)addr);
}

static void kernel_pte_round_trip(struct kunit *test)
{
	unsigned long va = free_vmalloc_page();
	unsigned long pfn_a = __pa(test_pages[0]) >> PAGE_SHIFT;
	unsigned long pfn_b = __pa(test_pages[1]) >> PAGE_SHIFT;
	volatile u32 *p = (volatile u32 *)va;
	struct fault_record rec;
	bool present;

	KUNIT_ASSERT_NE(test, va, 0);
	memset(test_pages[0], 0xaa, PAGE_SIZE);
	memset(test_pages[1], 0xbb, PAGE_SIZE);

	KUNIT_ASSERT_EQ(test, set_kernel_pte(va, pfn_a, PROT_KERNEL), 0);
	flush_tlb_kernel_page(va);
	KUNIT_EXPECT_EQ(test, kernel_pte_pfn(va, &present), pfn_a);
	KUNIT_EXPECT_TRUE(test, present);
	KUNIT_EXPECT_EQ(test, p[5], 0xaaaaaaaa);
	p[5] = 0x12345678;	/* visible through the linear map */
	KUNIT_EXPECT_EQ(test, ((volatile u32 *)test_pages[0])[5], 0x12345678);

	/* Remapped and flushed: the next access sees the other page. */
	KUNIT_ASSERT_EQ(test, set_kernel_pte(va, pfn_b, PROT_KERNEL), 0);
	flush_tlb_kernel_range(va, va + PAGE_SIZE);
	KUNIT_EXPECT_EQ(test, p[5], 0xbbbbbbbb);

	/* Read-only: reads work, a write faults. */
	KUNIT_ASSERT_EQ(test, set_kernel_pte(va, pfn_a, PROT_KERNEL_RO), 0);
	flush_tlb_kernel_page(va);
	KUNIT_EXPECT_EQ(test, p[5], 0x12345678);
	KUNIT_EXPECT_EQ(test, arm_run_expecting_fault(write_word, (void *)va, &rec), 1);
	KUNIT_EXPECT_EQ(test, fsr_fs(rec.fsr), FS_PERM_PAGE);

	/* Cleared and flushed: gone, and touching it faults. */
	clear_kernel_pte(va);
	flush_tlb_kernel_page(va);
	kernel_pte_pfn(va, &present);
	KUNIT_EXPECT_FALSE(test, present);
	KUNIT_EXPECT_EQ(test, arm_run_expecting_fault(read_word, (void *)va, &rec), 1);
	KUNIT_EXPECT_EQ(test, rec.kind, ARM_FAULT_DATA_ABORT);
	KUNIT_EXPECT_EQ(test, rec.addr, va);
	KUNIT_EXPECT_EQ(test, fsr_fs(rec.fsr), FS_TRANS_PAGE);
}

static void kernel_pte_rejects(struct kunit *test)
{
	unsigned long pfn = __pa(test_pages[0]) >> PAGE_SHIFT;
	unsigned long va = free_vmalloc_page();

	KUNIT_EXPECT_EQ(test, set_kernel_pte(PAGE_OFFSET + 0x100000, pfn, PROT_KERNEL), -EINVAL);
	KUNIT_EXPECT_EQ(test, set_kernel_pte(0x1000, pfn, PROT_KERNEL), -EINVAL);
	KUNIT_EXPECT_EQ(test, set_kernel_pte(EARLY_IO_VIRT, pfn, PROT_KERNEL), -EINVAL);
	KUNIT_EXPECT_EQ(test, set_kernel_pte(VECTORS_BASE, pfn, PROT_KERNEL), -EINVAL);
	KUNIT_EXPECT_EQ(test, set_kernel_pte(va, pfn, (enum kernel_prot)99), -EINVAL);
	KUNIT_EXPECT_EQ(test, set_kernel_pte(va, 1UL << 20, PROT_KERNEL), -EINVAL);
}

static void memory_types(struct kunit *test)
{
	unsigned long va = free_vmalloc_page();
	unsigned long uart_pfn = board.uart_base >> PAGE_SHIFT;
	void __iomem *mapped;
	u32 pte;

	KUNIT_ASSERT_NE(test, va, 0);
	KUNIT_ASSERT_EQ(test, set_kernel_pte(va, uart_pfn, PROT_DEVICE), 0);
	flush_tlb_kernel_page(va);
	pte = kernel_pte_val(va);
	KUNIT_EXPECT_EQ(test, pte & PTE_ATTRS, PTE_DEVICE);	/* TEX=000 C=0 B=1 */
	KUNIT_EXPECT_TRUE(test, pte & PTE_SMALL_XN);
	KUNIT_EXPECT_EQ(test, pte & PTE_AP_BITS, PTE_AP_WRITE);
	KUNIT_EXPECT_FALSE(test, kernel_addr_readable(va));
	/* The same registers as the early console's mapping shows. */
	mapped = (void __iomem *)(va + (board.uart_base & ~PAGE_MASK) + 0xfe0);
	KUNIT_EXPECT_EQ(test, readl(mapped), readl((u8 __iomem *)console_base + 0xfe0));

	KUNIT_ASSERT_EQ(test, set_kernel_pte(va, uart_pfn, PROT_SO), 0);
	KUNIT_EXPECT_EQ(test, kernel_pte_val(va) & PTE_ATTRS, PTE_SO);
	KUNIT_ASSERT_EQ(test, set_kernel_pte(va, uart_pfn, PROT_UNCACHED), 0);
	KUNIT_EXPECT_EQ(test, kernel_pte_val(va) & PTE_ATTRS, PTE_TEX(1));
	KUNIT_EXPECT_TRUE(test, kernel_pte_val(va) & PTE_SMALL_XN);
	clear_kernel_pte(va);
	flush_tlb_kernel_page(va);
	KUNIT_EXPECT_TRUE(test, kernel_addr_readable((unsigned long)test_pages[0]));
}

static struct kunit_case mmu_cases[] = {
	KUNIT_CASE(lowmem_sections),
	KUNIT_CASE(user_range_unmapped),
	KUNIT_CASE(image_permissions),
	KUNIT_CASE(text_read_only),
	KUNIT_CASE(rodata_not_executable),
	KUNIT_CASE(freed_init_not_executable),
	KUNIT_CASE(vectors_high),
	KUNIT_CASE(windows_have_tables),
	KUNIT_CASE(kernel_pte_round_trip),
	KUNIT_CASE(kernel_pte_rejects),
	KUNIT_CASE(memory_types),
	{}
};

static struct kunit_suite mmu_suite = {
	.name = "mmu",
	.test_cases = mmu_cases,
};
kunit_test_suite(mmu_suite);
