/*
 * Simulated CPUs (see sim.h): each host thread is one CPU, with its own
 * interrupt flag (sim_cpsr), per-CPU offset (sim_cpu_offset, the
 * TPIDRPRW of the simulated asm/percpu.h) and `current` (sim_current, a
 * task of the test's making, or none). Per-CPU data is the percpu_data
 * section copied once per CPU. A cross-CPU call runs in the caller's
 * thread as the target CPU.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/percpu.h>
#include <linux/smp.h>
#include <asm/current.h>
#include <asm/spinlock.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "sim.h"

#define LOCK_WAIT_LIMIT_S 30	/* then it is a deadlock, not contention */

__thread unsigned long sim_cpsr;
__thread unsigned long sim_cpu_offset;
__thread struct task_struct *sim_current;

unsigned long __per_cpu_offset[NR_CPUS];
cpumask_t cpu_possible_map, cpu_online_map;
DEFINE_PER_CPU(int, cpu_number);
DEFINE_PER_CPU(unsigned long, __preempt_count_pcpu);

void (*sim_wfi_hook)(void);
void (*sim_lock_error_hook)(const char *what);

void sim_cpu_relax(void)
{
	sched_yield();
}

void sim_wfi(void)
{
	if (sim_wfi_hook)
		sim_wfi_hook();
	else
		sched_yield();
}

void sim_lock_error(const char *what)
{
	if (sim_lock_error_hook) {
		sim_lock_error_hook(what);
		return;
	}
	fprintf(stderr, "simulated CPU %d: %s\n", raw_smp_processor_id(), what);
	abort();
}

static time_t seconds_now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec;
}

void sim_spin_wait(arch_spinlock_t *lock, u16 ticket)
{
	time_t start = seconds_now();

	while (__atomic_load_n(&lock->owner, __ATOMIC_ACQUIRE) != ticket) {
		sim_cpu_relax();
		if (seconds_now() - start > LOCK_WAIT_LIMIT_S) {
			sim_lock_error("waited for a spinlock nobody releases (deadlock)");
			return;
		}
	}
}

/* Per-CPU areas: one copy of the percpu_data section per simulated CPU. */
extern char __start_percpu_data[], __stop_percpu_data[];

void sim_setup_cpus(void)
{
	static char *areas[NR_CPUS];
	size_t size = (size_t)(__stop_percpu_data - __start_percpu_data);
	unsigned int cpu;

	for (cpu = 0; cpu < NR_CPUS; cpu++) {
		if (!areas[cpu])
			areas[cpu] = aligned_alloc(64, ALIGN(size, 64UL));
		if (!areas[cpu])
			abort();
		memcpy(areas[cpu], __start_percpu_data, size);
		__per_cpu_offset[cpu] = (unsigned long)areas[cpu] - (unsigned long)__start_percpu_data;
		per_cpu(cpu_number, cpu) = (int)cpu;
		per_cpu(__preempt_count_pcpu, cpu) = 0;
	}
	cpu_possible_map.bits = cpu_online_map.bits = (1UL << NR_CPUS) - 1;
}

void sim_set_cpu(unsigned int cpu)
{
	if (cpu >= NR_CPUS)
		abort();
	sim_cpu_offset = __per_cpu_offset[cpu];
	sim_cpsr = 0;
}

/*
 * Cross-CPU calls. The simulator has no interrupts between its CPUs: the
 * function runs in the calling thread as the target CPU, interrupts off as
 * in the IPI handler. That is faithful while no other thread runs as that
 * CPU (the tests make sure: their threads never drain or validate).
 */
int smp_call_function_single(int cpu, smp_call_func_t func, void *info, int wait)
{
	unsigned long offset = sim_cpu_offset, cpsr = sim_cpsr;

	(void)wait;
	if ((unsigned int)cpu >= NR_CPUS || !cpu_online(cpu))
		return -ENXIO;
	sim_cpu_offset = __per_cpu_offset[cpu];
	sim_cpsr = SIM_PSR_I;
	func(info);
	sim_cpu_offset = offset;
	sim_cpsr = cpsr;
	return 0;
}

void smp_call_function(smp_call_func_t func, void *info, int wait)
{
	int cpu;

	for (cpu = 0; cpu < NR_CPUS; cpu++)
		if (cpu != smp_processor_id())
			smp_call_function_single(cpu, func, info, wait);
}

void on_each_cpu(smp_call_func_t func, void *info, int wait)
{
	smp_call_function(func, info, wait);
	smp_call_function_single(smp_processor_id(), func, info, wait);
}
