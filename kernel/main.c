/*
 * start_kernel(): the boot CPU's path from the boot stub to the shell, in
 * Linux's order. Each step belongs to the subsystem that implements it.
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/percpu.h>
#include <linux/irq.h>
#include <linux/irqflags.h>
#include <linux/mm.h>
#include <linux/vmalloc.h>
#include <asm/mmu.h>
#include <asm/setup.h>
#include <asm/smp.h>
#include <mica/timer.h>
#include <mica/board.h>
#include <mica/console.h>

void start_kernel(void);

void start_kernel(void)
{
	setup_per_cpu_areas();		/* per-CPU data first: locks use it */
	early_setup_arch();
	early_console_init();
	console_write("Mica booting\n", 13);
	arm_memblock_init();		/* RAM and the kernel's own memory */
	early_init_memory(NULL, 0);	/* mem= and the pfn limits */
	paging_init();			/* final page tables, vectors at 0xffff0000 */
	bootmem_init();			/* mem_map, nodes, zones */
	build_all_zonelists();
	mem_init();			/* free memory to the buddy allocator */
	mem_init_print_info();		/* moves to the end of mem_init() */
	vmalloc_init();			/* after paging_init: ioremap works from here */

	/* Interrupts, the tick, the other CPUs, then console input by interrupt. */
	smp_init_cpus();
	init_IRQ();
	time_init();
	local_irq_enable();
	smp_init();
	if (console_rx_init())
		pr_warn("console: input stays polled\n");
	for (;;)
		;
}
