/*
 * SMP bring-up: CPU numbering, the online mask, and releasing secondary
 * cores. Parked cores (boot/head.S) wait in secondary_pen with their
 * caches off, so every word they read is cleaned to memory first.
 */
#include <linux/kernel.h>
#include <linux/smp.h>
#include <linux/percpu.h>
#include <asm/memory.h>
#include <asm/cacheflush.h>
#include <asm/smp.h>
#include <mica/board.h>

DEFINE_PER_CPU(int, cpu_number);
DEFINE_PER_CPU(unsigned long, __preempt_count_pcpu);

cpumask_t cpu_possible_map, cpu_online_map;

/* Read by head.S's secondary_entry with the MMU off (layout fixed there). */
struct secondary_data secondary_data;

extern unsigned long secondary_pen[2];
extern char secondary_entry[];

phys_addr_t secondary_entry_phys(void)
{
	return __pa(secondary_entry);
}

/* Release a core parked in boot/head.S's pen (QEMU ELF boot). */
int smp_pen_boot_secondary(unsigned int cpu, phys_addr_t entry)
{
	secondary_pen[1] = entry;
	secondary_pen[0] = cpu;
	dcache_clean_range(secondary_pen, sizeof(unsigned long) * 2);
	sev();
	return 0;
}

static u8 secondary_stacks[NR_CPUS][8192] __aligned(8192);

static unsigned long current_pgdir_phys(void)
{
	unsigned long ttbr;
	__asm__ __volatile__("mrc p15, 0, %0, c2, c0, 0" : "=r"(ttbr));
	return ttbr & ~0x3fffUL;
}

/* Secondary CPUs arrive here on their own stack with the MMU on. */
void secondary_start_kernel(unsigned int cpu)
{
	arch_set_my_cpu_offset(__per_cpu_offset[cpu]);
	smp_mb();
	__atomic_or_fetch(&cpu_online_map.bits, 1UL << cpu, __ATOMIC_SEQ_CST);
	printk(KERN_INFO "CPU%u: online\n", cpu);
	for (;;)
		wfi();
}

/* Start every other possible CPU and wait (bounded) for each to check in. */
void smp_init(void)
{
	unsigned int cpu;

	for (cpu = 1; cpu < board.nr_cpus && cpu < NR_CPUS; cpu++) {
		unsigned long spins;

		secondary_data.pgdir_phys = current_pgdir_phys();
		secondary_data.stack_top = (unsigned long)secondary_stacks[cpu] + sizeof(secondary_stacks[cpu]);
		secondary_data.cpu = cpu;
		dcache_clean_range(&secondary_data, sizeof(secondary_data));
		if (board.boot_secondary(cpu, secondary_entry_phys()) < 0) {
			pr_err("CPU%u: failed to boot\n", cpu);
			continue;
		}
		for (spins = 0; spins < 100000000UL && !cpu_online(cpu); spins++)
			cpu_relax();
		if (!cpu_online(cpu))
			pr_err("CPU%u: failed to come online\n", cpu);
	}
}
