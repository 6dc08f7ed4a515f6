/*
 * Text patching (asm/patch.h): static keys rewrite their sites here, with
 * the other CPUs stopped, or running for static_key_set_unstopped()
 * (kernel/jump_label.c).
 */
#include <linux/kernel.h>
#include <asm/cacheflush.h>
#include <asm/fixmap.h>
#include <asm/memory.h>
#include <asm/mmu.h>
#include <asm/patch.h>
#include <asm/tlbflush.h>

/* Clean one D-cache line to the point of unification (DCCMVAU), where instruction fetches see it. */
static void dcache_clean_line_pou(const void *addr)
{
	__asm__ __volatile__("mcr p15, 0, %0, c7, c11, 1" :: "r"(addr) : "memory");
}

/*
 * A writable alias of @addr's page, or @addr itself before paging_init
 * (the boot table maps the image read-write).
 */
static u32 *text_alias(void *addr)
{
	unsigned long va = __fix_to_virt(FIX_TEXT_POKE0);

	if (!swapper_pg_dir)
		return addr;
	if (set_kernel_pte(va, __pa(addr) >> PAGE_SHIFT, PROT_KERNEL))
		panic("patch_text: cannot map the text alias");
	flush_tlb_kernel_page(va);
	return (u32 *)(va + ((unsigned long)addr & ~PAGE_MASK));
}

static void text_alias_done(void)
{
	unsigned long va = __fix_to_virt(FIX_TEXT_POKE0);

	if (!swapper_pg_dir)
		return;
	clear_kernel_pte(va);
	flush_tlb_kernel_page(va);
}

void __patch_text(void *addr, u32 insn)
{
	u32 *alias = text_alias(addr);

	WRITE_ONCE(*alias, insn);
	dcache_clean_line_pou(alias);
	dsb_ish();
	text_alias_done();
	icache_inval_all();	/* every CPU's I-cache and branch predictor, then ISB here */
}
