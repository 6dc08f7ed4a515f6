/*
 * start_kernel(): the boot CPU's path from the boot stub to the shell, in
 * Linux's order. Each step belongs to the subsystem that implements it.
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/percpu.h>
#include <linux/highmem.h>
#include <linux/irq.h>
#include <linux/irqflags.h>
#include <linux/mm.h>
#include <linux/slab.h>
#include <asm/handoff.h>
#include <linux/vmalloc.h>
#include <asm/mmu.h>
#include <asm/setup.h>
#include <asm/smp.h>
#include <asm/traps.h>
#include <mica/timer.h>
#include <mica/board.h>
#include <mica/console.h>
#include <mica/kunit.h>
#include <mica/shell.h>
#include <mica/version.h>

void start_kernel(void);

void start_kernel(void)
{
	setup_per_cpu_areas();		/* per-CPU data first: locks use it */
	early_setup_arch();
	arm_early_trap_init();		/* exceptions are reported from here on */
	early_console_init();
	pr_notice("Booting %s on %s\n", MICA_VERSION_STRING, board.name);

	/*
	 * Memory: RAM banks and the command line from the boot loader (or
	 * the board), the command line's memory keys, the kernel's own
	 * reservations, the final page tables, then nodes, zones and the
	 * buddy allocator (which prints "Memory:" and the layout banner).
	 */
	setup_machine_memory_and_cmdline();
	parse_early_param();
	early_init_memory(NULL, 0);
	arm_memblock_init();
	paging_init();
	vmalloc_init();			/* ioremap works from here */
	kmap_init();			/* kmap_atomic's fixmap slots */
	if (board.init)
		board.init();		/* e.g. the SoC's ID, firmware interfaces */
	bootmem_init();			/* nodes, zones, mem_map; "Zone ranges:" */
	build_all_zonelists();		/* "Built N zonelists ... Total pages: N" */
	mem_init();

	/* Interrupts, the tick, the other CPUs, then console input by interrupt. */
	smp_init_cpus();
	kmem_cache_init();		/* slab: sized for the possible CPUs; kmalloc works */
	init_IRQ();
	time_init();
	local_irq_enable();
	smp_init();
	if (console_rx_init())
		pr_warn("console: input stays polled\n");

	parse_late_params();
	do_initcalls();			/* drivers: the DMA controllers, ... */
	free_initmem();
	kunit_run_all_tests();
	shell_run();
}
