/*
 * Page permissions of kernel mappings after the fact (Linux's
 * set_memory_ro/rw/x/nx, asm/set_memory.h): the module loader writes and
 * relocates a module read-write, then makes its text read-only and
 * executable and its rodata read-only; the kernel's freed .init becomes
 * non-executable. Only memory mapped page by page qualifies (modules area,
 * vmalloc, the kernel image's pages), as on Linux/ARM, where lowmem
 * sections cannot be split.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <asm/memory.h>
#include <asm/mmu.h>
#include <asm/set_memory.h>

static int change_memory(unsigned long addr, int numpages, u32 clear, u32 set)
{
	unsigned long start = addr & PAGE_MASK, end = start + (unsigned long)numpages * PAGE_SIZE;
	unsigned long va;

	if (numpages <= 0)
		return numpages ? -EINVAL : 0;
	if (end <= start)
		return -EINVAL;
	for (va = start; va < end; va += PAGE_SIZE)
		if (!(kernel_pte_val(va) & PTE_TYPE_SMALL))
			return -EINVAL;		/* a section, or not mapped: change nothing */
	for (va = start; va < end; va += PAGE_SIZE)
		if (kernel_pte_update(va, clear, set))
			return -EINVAL;
	flush_tlb_kernel_range(start, end);
	return 0;
}

int set_memory_ro(unsigned long addr, int numpages)
{
	return change_memory(addr, numpages, 0, PTE_APX);
}

int set_memory_rw(unsigned long addr, int numpages)
{
	return change_memory(addr, numpages, PTE_APX, 0);
}

int set_memory_x(unsigned long addr, int numpages)
{
	return change_memory(addr, numpages, PTE_SMALL_XN, 0);
}

int set_memory_nx(unsigned long addr, int numpages)
{
	return change_memory(addr, numpages, 0, PTE_SMALL_XN);
}
