/*
 * Memory bring-up around paging_init(): what memblock must know first
 * (the kernel image, the boot table), and the "Virtual kernel memory
 * layout" banner in Linux 3.x's exact format.
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/memblock.h>
#include <asm/kasan.h>
#include <asm/memory.h>
#include <asm/mmu.h>
#include <asm/sections.h>
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
 * Called at the end of mem_init(). Mica reserves no modules window, so no
 * such line; a KASAN kernel shows its shadow (Linux/ARM's "kasan" line).
 */
void mem_init_print_info(void)
{
	printk(KERN_NOTICE "Virtual kernel memory layout:\n"
	       "    vector  : 0x%08lx - 0x%08lx   (%4ld kB)\n"
	       "    fixmap  : 0x%08lx - 0x%08lx   (%4ld kB)\n"
	       "    vmalloc : 0x%08lx - 0x%08lx   (%4ld MB)\n"
	       "    lowmem  : 0x%08lx - 0x%08lx   (%4ld MB)\n"
	       "    pkmap   : 0x%08lx - 0x%08lx   (%4ld MB)\n"
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
#ifdef CONFIG_KASAN
	       MLM(KASAN_SHADOW_START, KASAN_SHADOW_END),
#endif
	       MLK_ROUNDUP(_text, _etext),
	       MLK_ROUNDUP(__init_begin, __init_end),
	       MLK_ROUNDUP(_sdata, _edata),
	       MLK_ROUNDUP(__bss_start, __bss_stop));
}
