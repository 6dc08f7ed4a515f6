/*
 * start_kernel(): the boot CPU's path from the boot stub to the shell, in
 * Linux's order. Each step belongs to the subsystem that implements it.
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/percpu.h>
#include <linux/mm.h>
#include <asm/setup.h>
#include <mica/board.h>
#include <mica/console.h>

void start_kernel(void);

void start_kernel(void)
{
	setup_per_cpu_areas();		/* per-CPU data first: locks use it */
	early_setup_arch();
	early_console_init();
	console_write("Mica booting\n", 13);

	/*
	 * mm: the command line's memory keys, RAM into memblock (the board's
	 * banks unless the boot loader hand-off added some), mem= applied.
	 * paging_init() (arch) goes between early_init_memory() and
	 * bootmem_init(): zones and mem_map need lowmem mapped.
	 */
	parse_early_param();
	early_init_memory(NULL, 0);
	bootmem_init();			/* nodes, zones, mem_map; "Zone ranges:" */
	build_all_zonelists();		/* "Built N zonelists ... Total pages: N" */
	parse_late_params();
	mem_init();			/* the buddy allocator takes over; "Memory:" */
	free_initmem();			/* mm: last thing before the shell */
	for (;;)
		;
}
