/*
 * start_kernel(): the boot CPU's path from the boot stub to the shell, in
 * Linux's order. Each step belongs to the subsystem that implements it.
 */
#include <linux/kernel.h>
#include <linux/export.h>
#include <linux/init.h>
#include <linux/percpu.h>
#include <linux/highmem.h>
#include <linux/irq.h>
#include <linux/irqflags.h>
#include <linux/jump_label.h>
#include <linux/kasan.h>
#include <linux/mm.h>
#include <linux/kthread.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/timer.h>
#include <asm/handoff.h>
#include <linux/vmalloc.h>
#include <asm/mmu.h>
#include <asm/setup.h>
#include <asm/smp.h>
#include <asm/traps.h>
#include <mica/timer_driver.h>
#include <mica/board.h>
#include <mica/console.h>
#include <mica/kunit.h>
#include <mica/shell.h>
#include <mica/version.h>

void start_kernel(void);

enum system_states system_state = SYSTEM_BOOTING;
EXPORT_SYMBOL(system_state);

/*
 * PID 1: the rest of boot with the scheduler running (the self-tests),
 * then it becomes the console shell, as Linux's init becomes /bin/sh.
 */
static int kernel_init(void *unused)
{
	do_initcalls();			/* drivers: the DMA controllers, ... */
	free_initmem();
	system_state = SYSTEM_RUNNING;
	kunit_run_all_tests();
	set_task_comm(current, "sh");
	shell_run();
}

/* The boot CPU's last step: start PID 1 and become CPU 0's idle task. */
static void rest_init(void)
{
	struct task_struct *init = kthread_create(kernel_init, NULL, "init");

	if (IS_ERR(init))
		panic("cannot create the init thread (%ld)", PTR_ERR(init));
	system_state = SYSTEM_SCHEDULING;
	wake_up_process(init);
	preempt_enable_no_resched();
	schedule();
	preempt_disable();
	cpu_startup_entry();
}

void start_kernel(void)
{
	setup_per_cpu_areas();		/* per-CPU data first: locks use it */
	sched_init();			/* run queues and idle tasks (this is CPU 0's) */
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
	jump_label_init();		/* static keys: the sites as the early parameters set them */
	early_init_memory(NULL, 0);
	arm_memblock_init();
	paging_init();
	kasan_init();			/* KASAN's real shadow (a KASAN kernel only) */
	do_ctors();			/* KASAN's global red zones */
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
	fork_init();			/* task_structs from their slab cache */
	init_IRQ();
	init_timers();
	time_init();
	local_irq_enable();
	smp_init();
	if (console_rx_init())
		pr_warn("console: input stays polled\n");

	parse_late_params();
	rest_init();
}
