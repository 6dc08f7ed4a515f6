/*
 * Memory bring-up around paging_init(): what memblock must know first
 * (the kernel image, the boot table); then mem_init(), the hand-over to
 * the page allocator with Linux's "Memory:" line and "Virtual kernel memory
 * layout" banner, and free_initmem() at the end of boot.
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/jump_label.h>
#include <linux/memblock.h>
#include <linux/mm.h>
#include <linux/page_owner.h>
#include <asm/kasan.h>
#include <asm/memory.h>
#include <asm/mmu.h>
#include <asm/sections.h>
#include <asm/set_memory.h>
#include <asm/setup.h>

#define PGD_TABLE_SIZE (16UL << 10)

/*
 * What the kernel already occupies, once setup_machine_memory_and_cmdline()
 * has added the RAM banks: its image and the boot table. The boot table
 * stays reserved for good: secondary CPUs turn their MMU on with it (it
 * holds the identity map). Until paging_init() has mapped all of lowmem,
 * allocations must stay inside the boot stub's linear map.
 */
void __init arm_memblock_init(void)
{
	memblock_reserve_named(__pa(_text), (unsigned long)_end - (unsigned long)_text,
			       "Kernel image");
	memblock_reserve_named(initial_pgdir_phys, PGD_TABLE_SIZE, "boot page table");
	memblock_set_current_limit(initial_map_end_phys);
}

/* Linux's MLK/MLM/MLK_ROUNDUP: start, end and size in kB or MB. */
#define MLK(b, t)         (unsigned long)(b), (unsigned long)(t), \
			  (long)(((unsigned long)(t) - (unsigned long)(b)) >> 10)
#define MLM(b, t)         (unsigned long)(b), (unsigned long)(t), \
			  (long)(((unsigned long)(t) - (unsigned long)(b)) >> 20)
#define MLK_ROUNDUP(b, t) (unsigned long)(b), (unsigned long)(t), \
			  (long)DIV_ROUND_UP((unsigned long)(t) - (unsigned long)(b), 1024)

/*
 * Called at the end of mem_init(). A KASAN kernel also shows its shadow
 * (Linux/ARM's "kasan" line).
 */
void mem_init_print_info(void)
{
	printk(KERN_NOTICE "Virtual kernel memory layout:\n"
	       "    vector  : 0x%08lx - 0x%08lx   (%4ld kB)\n"
	       "    fixmap  : 0x%08lx - 0x%08lx   (%4ld kB)\n"
	       "    vmalloc : 0x%08lx - 0x%08lx   (%4ld MB)\n"
	       "    lowmem  : 0x%08lx - 0x%08lx   (%4ld MB)\n"
	       "    pkmap   : 0x%08lx - 0x%08lx   (%4ld MB)\n"
	       "    modules : 0x%08lx - 0x%08lx   (%4ld MB)\n"
#ifdef CONFIG_KASAN
	       "    kasan   : 0x%08lx - 0x%08lx   (%4ld MB)\n"
#endif
	       "      .text : 0x%08lx - 0x%08lx   (%4ld kB)\n"
	       "      .init : 0x%08lx - 0x%08lx   (%4ld kB)\n"
	       "      .data : 0x%08lx - 0x%08lx   (%4ld kB)\n"
	       "       .bss : 0x%08lx - 0x%08lx   (%4ld kB)\n",
	       MLK(VECTORS_BASE, VECTORS_BASE + PAGE_SIZE),
	       MLK(FIXADDR_START, FIXADDR_END),
	       MLM(VMALLOC_START, VMALLOC_END),
	       MLM(PAGE_OFFSET, high_memory),
	       MLM(PKMAP_BASE, PAGE_OFFSET),
	       MLM(MODULES_VADDR, MODULES_END),
#ifdef CONFIG_KASAN
	       MLM(KASAN_SHADOW_START, KASAN_SHADOW_END),
#endif
	       MLK_ROUNDUP(_text, _etext),
	       MLK_ROUNDUP(__init_begin, __init_end),
	       MLK_ROUNDUP(_sdata, _edata),
	       MLK_ROUNDUP(__bss_start, __bss_stop));
}

static unsigned long section_kb(const char *start, const char *end)
{
	return ((unsigned long)end - (unsigned long)start) >> 10;
}

/* Linux 3.14's "Memory:" line. */
static void print_memory_summary(void)
{
	unsigned long physpages = get_num_physpages();

	pr_info("Memory: %luK/%luK available (%luK kernel code, %luK rwdata, %luK rodata, "
		"%luK init, %luK bss, %luK reserved, %luK highmem)\n",
		nr_free_pages() << (PAGE_SHIFT - 10), physpages << (PAGE_SHIFT - 10),
		section_kb(_stext, _etext), section_kb(_sdata, _edata),
		section_kb(__start_rodata, __end_rodata), section_kb(__init_begin, __init_end),
		section_kb(__bss_start, __bss_stop),
		(physpages - totalram_pages) << (PAGE_SHIFT - 10),
		totalhigh_pages << (PAGE_SHIFT - 10));
}

/*
 * Second-level page tables once memblock is retired (under a spinlock:
 * atomic). They are never freed; NR_PAGETABLE counts them (meminfo's
 * PageTables, and the self-tests' free page balance).
 */
static void *pgtable_page_from_buddy(void)
{
	void *page = (void *)__get_free_page(GFP_ATOMIC);

	if (page)
		mod_zone_page_state(page_zone(virt_to_page(page)), NR_PAGETABLE, 1);
	return page;
}

/*
 * The hand-over to the page allocator: memblock's free memory goes to the
 * buddy lists, page tables come from them from now on, and the "Memory:"
 * line and the virtual memory banner are printed.
 */
void __init mem_init(void)
{
	page_owner_init();		/* its records come from memblock */
	pgtable_page_alloc = pgtable_page_from_buddy;
	memblock_free_all();
	print_memory_summary();
	mem_init_print_info();
}

/*
 * Not __init: it frees the section it would live in. Nothing in .init may
 * run after this: the pages become plain data (never executable again)
 * and go straight back into use.
 */
void free_initmem(void)
{
	unsigned long start = (unsigned long)__init_begin, end = (unsigned long)__init_end;

	jump_label_invalidate_initmem();	/* static keys' sites in .init stay as they are */
	if (set_memory_nx(start, (end - start) >> PAGE_SHIFT))
		pr_warn("Freeing unused kernel memory: cannot make it non-executable\n");
	memblock_free(__pa(start), end - start);	/* `memblock` no longer shows it */
	free_reserved_area(__init_begin, __init_end, -1, "unused kernel");
}
