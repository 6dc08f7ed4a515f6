/*
 * vmallocinfo_show(): every area of the vmalloc window in /proc/vmallocinfo's
 * format (Linux 6.1): range, size with the guard page, caller, pages=N for
 * vmalloc, phys= for ioremap, and the kind. Addresses are printed in full
 * (Linux hides them from unprivileged readers as "(ptrval)").
 */
#include <linux/kernel.h>
#include <linux/vmalloc.h>
#include "vmalloc_internal.h"

void vmallocinfo_show(vmallocinfo_printf_t print)
{
	unsigned long cursor = 0;
	struct vm_struct vm;

	while (vm_area_next(&cursor, &vm)) {
		char line[160];
		size_t n;

		n = scnprintf(line, sizeof(line), "0x%08lx-0x%08lx %7lu", (unsigned long)vm.addr,
			      (unsigned long)vm.addr + vm.size, vm.size);
		if (vm.caller)
			n += scnprintf(line + n, sizeof(line) - n, " %pS", vm.caller);
		if (vm.nr_pages)
			n += scnprintf(line + n, sizeof(line) - n, " pages=%u", vm.nr_pages);
		if (vm.phys_addr)
			n += scnprintf(line + n, sizeof(line) - n, " phys=%pa", &vm.phys_addr);
		if (vm.flags & VM_IOREMAP)
			n += scnprintf(line + n, sizeof(line) - n, " ioremap");
		if (vm.flags & VM_ALLOC)
			n += scnprintf(line + n, sizeof(line) - n, " vmalloc");
		if (vm.flags & VM_MAP)
			n += scnprintf(line + n, sizeof(line) - n, " vmap");
		if (vm.flags & VM_DMA_COHERENT)
			n += scnprintf(line + n, sizeof(line) - n, " dma-coherent");
		print("%s\n", line);
	}
}
