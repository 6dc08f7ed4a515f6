/*
 * The `memblock` report: RAM and what boot reserved in it, named, in
 * /proc/iomem's layout (start-end : name, children indented) - what
 * Linux's debugfs memblock/memory and memblock/reserved tell. The resource
 * tree (`iomem`, kernel/resource.c and resource_commands.c) has RAM, the kernel and devices.
 */
#include <linux/kernel.h>
#include <linux/memblock.h>
#include "internal.h"

void memblock_show(mm_printf_t print)
{
	const struct memblock_region *m, *r;

	for_each_memblock(memory, m) {
		print("%08lx-%08lx : System RAM\n", (unsigned long)m->base,
		       (unsigned long)(m->base + m->size - 1));
		for_each_memblock(reserved, r) {
			phys_addr_t s = max(r->base, m->base);
			phys_addr_t e = min(r->base + r->size, m->base + m->size);

			if (e > s)
				print("  %08lx-%08lx : %s\n", (unsigned long)s, (unsigned long)(e - 1),
				       r->name ? r->name : "reserved");
		}
	}
}
