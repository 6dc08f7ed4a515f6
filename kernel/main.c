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
#include <linux/kthread.h>
#include <linux/sched.h>
#include <linux/timer.h>
#include <linux/vmalloc.h>
#include <asm/mmu.h>
#include <asm/setup.h>
#include <asm/smp.h>
#include <mica/timer.h>
#include <mica/board.h>
#include <mica/console.h>
#include <mica/kunit.h>
#include <mica/shell.h>

void start_kernel(void);

enum system_states system_state = SYSTEM_BOOTING;

/*
 * PID 1: the rest of boot with the scheduler running (the self-tests),
 * then it becomes the console shell, as Linux's init becomes /bin/sh.
 */
static int kernel_init(void *unused)
{
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
	init_timers();
	time_init();
	local_irq_enable();
	smp_init();
	if (console_rx_init())
		pr_warn("console: input stays polled\n");
	rest_init();
}
