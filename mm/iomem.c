/*
 * `iomem`: RAM and what boot reserved in it, in /proc/iomem's format
 * (start-end : name, children indented). Device ranges are not tracked.
 */
#include <linux/kernel.h>
#include <linux/memblock.h>
#include <mica/shell.h>
#include "internal.h"

void iomem_show(void)
{
	const struct memblock_region *m, *r;

	for_each_memblock(memory, m) {
		printk("%08lx-%08lx : System RAM\n", (unsigned long)m->base,
		       (unsigned long)(m->base + m->size - 1));
		for_each_memblock(reserved, r) {
			phys_addr_t s = max(r->base, m->base);
			phys_addr_t e = min(r->base + r->size, m->base + m->size);

			if (e > s)
				printk("  %08lx-%08lx : %s\n", (unsigned long)s, (unsigned long)(e - 1),
				       r->name ? r->name : "reserved");
		}
	}
}

static int cmd_iomem(int argc, char **argv)
{
	iomem_show();
	return 0;
}
SHELL_COMMAND("iomem", "physical memory map: RAM and boot reservations (/proc/iomem)", cmd_iomem);
