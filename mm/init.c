/*
 * The kernel's side of the hand-over to the page allocator (target only:
 * it needs the linker's section symbols): mem_init() frees memblock's free
 * memory, prints Linux 3.14's "Memory:" line and then the arch's virtual
 * memory banner; free_initmem() gives .init back at the end of boot.
 */
#include <linux/mm.h>
#include <asm/mmu.h>
#include <linux/init.h>
#include <linux/jump_label.h>
#include <linux/memblock.h>
#include "internal.h"

extern char _stext[], _etext[], __start_rodata[], __end_rodata[];
extern char __init_begin[], __init_end[], _sdata[], _edata[], __bss_start[], __bss_stop[];

/* The "Virtual kernel memory layout" banner (arch/arm/mm/init.c). */
void mem_init_print_info(void);

static unsigned long section_kb(const char *start, const char *end)
{
	return ((unsigned long)end - (unsigned long)start) >> 10;
}

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

void __init mem_init(void)
{
	pgtable_page_alloc = pgtable_page_from_buddy;
	memblock_free_all();
	print_memory_summary();
	mem_init_print_info();
}

/*
 * Not __init: it frees the section it would live in. Nothing in .init may
 * run after this (the pages go straight back into use).
 */
void free_initmem(void)
{
	unsigned long start = (unsigned long)__init_begin, end = (unsigned long)__init_end;

	jump_label_invalidate_initmem();	/* static keys' sites in .init stay as they are */
	memblock_free(__pa(start), end - start);	/* `memblock` no longer shows it */
	free_reserved_area(__init_begin, __init_end, -1, "unused kernel");
}
