/*
 * SMP bring-up and IPIs: CPU numbering, the possible/online masks, releasing
 * secondary cores, and the SGIs CPUs send each other. Parked cores
 * (arch/arm/head.S) wait in secondary_pen with their caches off, so every word
 * they read is cleaned to memory first.
 */
#include <linux/kernel.h>
#include <linux/export.h>
#include <linux/init.h>
#include <linux/io.h>
#include <linux/delay.h>
#include <linux/irqflags.h>
#include <linux/jiffies.h>
#include <linux/smp.h>
#include <linux/percpu.h>
#include <linux/sched/clock.h>
#include <linux/sched.h>
#include <linux/time64.h>
#include <asm/memory.h>
#include <asm/cacheflush.h>
#include <asm/gic.h>
#include <asm/mmu.h>
#include <asm/setup.h>
#include <asm/handoff.h>
#include <asm/smp.h>
#include <asm/traps.h>
#include <mica/board.h>
#include <mica/timer_driver.h>

#define SCU_CONFIG          0x04	/* bits 1:0: number of CPUs - 1 */
#define SECONDARY_TIMEOUT_NS NSEC_PER_SEC
#define STOP_TIMEOUT_US     1000000UL

DEFINE_PER_CPU(int, cpu_number);

cpumask_t cpu_possible_map, cpu_online_map;
EXPORT_SYMBOL(cpu_possible_map);
EXPORT_SYMBOL(cpu_online_map);

/* Read by head.S's secondary_entry with the MMU off (layout fixed there). */
struct secondary_data secondary_data;

static DEFINE_PER_CPU(unsigned int[NR_IPI], ipi_counts);

extern unsigned long secondary_pen[2];
extern char secondary_entry[];

phys_addr_t secondary_entry_phys(void)
{
	return __pa(secondary_entry);
}

/* Release a core parked in arch/arm/head.S's pen (QEMU ELF boot). */
int smp_pen_boot_secondary(unsigned int cpu, phys_addr_t entry)
{
	secondary_pen[1] = entry;
	secondary_pen[0] = cpu;
	dcache_clean_range(secondary_pen, sizeof(unsigned long) * 2);
	sev();
	return 0;
}

/* Cores on this chip: the board's count, cut to what the SCU says is there. */
static unsigned int __init count_cores(void)
{
	unsigned int cores = min_t(unsigned int, board.nr_cpus, NR_CPUS);
	void __iomem *scu;

	if (handoff_info.nr_cpus)	/* the boot loader's DTB lists them */
		cores = min(cores, handoff_info.nr_cpus);
	if (!board.scu_base)
		return cores;
	scu = ioremap(board.scu_base, 0x100);
	if (!scu)
		return cores;
	cores = min_t(unsigned int, cores, (readl(scu + SCU_CONFIG) & 3) + 1);
	iounmap(scu);
	return cores;
}

void __init smp_init_cpus(void)
{
	unsigned int cpu, cores = count_cores();

	for (cpu = 0; cpu < cores; cpu++)
		set_cpu_possible(cpu, true);
	set_cpu_online(smp_processor_id(), true);
}

/* Secondary CPUs arrive here on their own stack with the MMU on. */
void secondary_start_kernel(unsigned int cpu)
{
	arm_early_trap_init();		/* VBAR: this CPU's own register */
	cpu_install_kernel_pgd();	/* leave the boot table for swapper_pg_dir, high vectors */
	arch_set_my_cpu_offset(__per_cpu_offset[cpu]);
	gic_cpu_init();
	percpu_timer_setup();
	set_cpu_online(cpu, true);
	local_irq_enable();
	pr_info("CPU%u: online\n", cpu);
	cpu_startup_entry();	/* this CPU's idle task from now on */
}

static bool __init boot_one_cpu(unsigned int cpu)
{
	u64 start;

	/* The boot table: it has the identity map the MMU switch-on needs. */
	secondary_data.pgdir_phys = initial_pgdir_phys;
	/* It starts as its idle task, on that task's stack. */
	secondary_data.stack_top = (unsigned long)idle_task(cpu)->stack + THREAD_START_SP;
	secondary_data.cpu = cpu;
	secondary_data.task = (unsigned long)idle_task(cpu);
	dcache_clean_range(&secondary_data, sizeof(secondary_data));
	if (board.boot_secondary(cpu, secondary_entry_phys()) < 0) {
		pr_err("CPU%u: failed to boot\n", cpu);
		return false;
	}
	start = local_clock();
	while (!cpu_online(cpu) && local_clock() - start < SECONDARY_TIMEOUT_NS)
		cpu_relax();
	if (!cpu_online(cpu)) {
		pr_err("CPU%u: failed to come online\n", cpu);
		return false;
	}
	return true;
}

void __init smp_init(void)
{
	unsigned long bogo_centi;
	unsigned int cpu;

	pr_info("smp: Bringing up secondary CPUs ...\n");
	for_each_possible_cpu(cpu) {
		/* A core that never came online may still wake: it must not find a stale stack. */
		if (!cpu_online(cpu) && !boot_one_cpu(cpu))
			break;
	}
	pr_info("Brought up %d CPUs\n", num_online_cpus());
	bogo_centi = (unsigned long)((u64)loops_per_jiffy * HZ / 5000) * num_online_cpus();
	pr_info("SMP: Total of %d processors activated (%lu.%02lu BogoMIPS).\n",
		num_online_cpus(), bogo_centi / 100, bogo_centi % 100);
}

static void send_ipi(const struct cpumask *mask, enum ipi_msg_type ipi)
{
	gic_send_sgi(mask, ipi);
}

void arch_send_call_function_single_ipi(int cpu)
{
	cpumask_t mask = { 1UL << cpu };

	send_ipi(&mask, IPI_CALL_FUNC);
}

void arch_send_call_function_ipi_mask(const struct cpumask *mask)
{
	send_ipi(mask, IPI_CALL_FUNC);
}

void arch_send_wakeup_ipi_mask(const struct cpumask *mask)
{
	send_ipi(mask, IPI_WAKEUP);
}

void smp_send_reschedule(int cpu)
{
	cpumask_t mask = { 1UL << cpu };

	send_ipi(&mask, IPI_RESCHEDULE);
}

static void __noreturn ipi_cpu_stop(unsigned int cpu)
{
	pr_crit("CPU%u: stopping\n", cpu);
	set_cpu_online(cpu, false);
	local_irq_disable();
	for (;;)
		wfi();
}

void smp_send_stop(void)
{
	cpumask_t others = { READ_ONCE(cpu_online_map.bits) & ~(1UL << smp_processor_id()) };
	unsigned long us;

	if (!others.bits)
		return;
	send_ipi(&others, IPI_CPU_STOP);
	for (us = 0; num_online_cpus() > 1 && us < STOP_TIMEOUT_US; us++)
		udelay(1);
	if (num_online_cpus() > 1)
		pr_warn("SMP: failed to stop secondary CPUs\n");
}

void handle_IPI(int ipinr, struct pt_regs *regs)
{
	unsigned int cpu = smp_processor_id();

	if ((unsigned int)ipinr < NR_IPI)
		(*this_cpu_ptr(&ipi_counts))[ipinr]++;
	switch (ipinr) {
	case IPI_WAKEUP:
		break;		/* ending the WFI/WFE was the whole point */
	case IPI_RESCHEDULE:
		/* The interrupt itself is the message; the scheduler will hook scheduler_ipi() here. */
		break;
	case IPI_CALL_FUNC:
		generic_smp_call_function_interrupt();
		break;
	case IPI_CPU_STOP:
		ipi_cpu_stop(cpu);
	default:
		pr_crit("CPU%u: Unknown IPI message 0x%x\n", cpu, ipinr);
		break;
	}
}

unsigned int ipi_stat_cpu(unsigned int cpu, enum ipi_msg_type ipi)
{
	return cpu < NR_CPUS && ipi < NR_IPI ? READ_ONCE(per_cpu(ipi_counts, cpu)[ipi]) : 0;
}

static const char *const ipi_types[NR_IPI] = {
	[IPI_WAKEUP] = "CPU wakeup interrupts",
	[IPI_RESCHEDULE] = "Rescheduling interrupts",
	[IPI_CALL_FUNC] = "Function call interrupts",
	[IPI_CPU_STOP] = "CPU stop interrupts",
};

const char *ipi_type_name(unsigned int ipi)
{
	return ipi < NR_IPI ? ipi_types[ipi] : NULL;
}
