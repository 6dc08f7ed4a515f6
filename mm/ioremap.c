/*
 * ioremap: device registers mapped into the vmalloc window as device
 * memory, so drivers reach their hardware through addresses the kernel
 * chose (only the early console keeps a fixed mapping). Works from the
 * moment vmalloc_init() has run: nothing here needs the page allocator.
 *
 * As on Linux/ARM, ioremap and ioremap_nocache are the same (device
 * memory, never cached) and RAM cannot be ioremapped: it is already mapped
 * cacheable, and a second, differently typed mapping is not allowed.
 */
#include <linux/kernel.h>
#include <linux/export.h>
#include <linux/io.h>
#include <linux/memblock.h>
#include <linux/mm.h>
#include <linux/vmalloc.h>
#include "vmalloc_internal.h"

static bool overlaps_ram(phys_addr_t start, phys_addr_t end)
{
	const struct memblock_region *r;

	for_each_memblock(memory, r)
		if (start < r->base + r->size && r->base < end)
			return true;
	return false;
}

static void __iomem *ioremap_caller(phys_addr_t phys, size_t size, enum kernel_prot prot,
				    const void *caller)
{
	unsigned long offset = phys & ~PAGE_MASK;
	phys_addr_t base = phys & PAGE_MASK;
	struct vm_struct *area;

	if (!size || phys + size - 1 < phys)
		return NULL;
	size = PAGE_ALIGN(size + offset);
	if (WARN(overlaps_ram(base, base + size),
		 "ioremap: refusing to map RAM at %#lx (%zu bytes)\n", (unsigned long)base, size))
		return NULL;
	area = get_vm_area_caller(size, VM_IOREMAP | VM_UNINITIALIZED, caller);
	if (!area)
		return NULL;
	area->phys_addr = base;
	if (vmap_pfn_range((unsigned long)area->addr, base >> PAGE_SHIFT, size >> PAGE_SHIFT, prot)) {
		free_vm_area(area);
		return NULL;
	}
	smp_wmb();	/* vmallocinfo sees phys_addr before the flag goes */
	area->flags &= ~VM_UNINITIALIZED;
	return (void __iomem *)((unsigned long)area->addr + offset);
}

void __iomem *ioremap(phys_addr_t phys, size_t size)
{
	return ioremap_caller(phys, size, PROT_DEVICE, __builtin_return_address(0));
}
EXPORT_SYMBOL(ioremap);

void __iomem *ioremap_nocache(phys_addr_t phys, size_t size)
{
	return ioremap_caller(phys, size, PROT_DEVICE, __builtin_return_address(0));
}
EXPORT_SYMBOL(ioremap_nocache);

void iounmap(volatile void __iomem *addr)
{
	struct vm_struct *vm;

	if (!addr)
		return;
	vm = vm_area_take((void *)((unsigned long __force)addr & PAGE_MASK), VM_IOREMAP, "iounmap");
	if (vm)
		free_vm_struct(vm);
}
EXPORT_SYMBOL(iounmap);
