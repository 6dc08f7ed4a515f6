/* CPU numbering and masks (Linux names). NR_CPUS is 4: the Cortex-A9 MPCore maximum. */
#ifndef _LINUX_SMP_H
#define _LINUX_SMP_H

#include <linux/percpu.h>

typedef struct cpumask { unsigned long bits; } cpumask_t;

extern cpumask_t cpu_possible_map, cpu_online_map;
DECLARE_PER_CPU(int, cpu_number);

/* The arch may keep the number closer to hand (ARM: in the running task's thread_info). */
#ifndef raw_smp_processor_id
#define raw_smp_processor_id()  __this_cpu_read(cpu_number)
#endif
#define smp_processor_id()      raw_smp_processor_id()
#define get_cpu()               ({ preempt_disable(); smp_processor_id(); })
#define put_cpu()               preempt_enable()

#define cpu_online(cpu)         ((READ_ONCE(cpu_online_map.bits) >> (cpu)) & 1)
#define cpu_possible(cpu)       ((cpu_possible_map.bits >> (cpu)) & 1)
#define num_online_cpus()       __builtin_popcountl(READ_ONCE(cpu_online_map.bits))
#define num_possible_cpus()     __builtin_popcountl(cpu_possible_map.bits)
#define for_each_possible_cpu(cpu) \
	for ((cpu) = 0; (cpu) < NR_CPUS; (cpu)++) if (cpu_possible(cpu))
#define for_each_online_cpu(cpu) \
	for ((cpu) = 0; (cpu) < NR_CPUS; (cpu)++) if (cpu_online(cpu))

static inline void set_cpu_online(unsigned int cpu, bool online)
{
	if (online)
		__atomic_or_fetch(&cpu_online_map.bits, 1UL << cpu, __ATOMIC_SEQ_CST);
	else
		__atomic_and_fetch(&cpu_online_map.bits, ~(1UL << cpu), __ATOMIC_SEQ_CST);
}
static inline void set_cpu_possible(unsigned int cpu, bool possible)
{
	if (possible)
		__atomic_or_fetch(&cpu_possible_map.bits, 1UL << cpu, __ATOMIC_SEQ_CST);
	else
		__atomic_and_fetch(&cpu_possible_map.bits, ~(1UL << cpu), __ATOMIC_SEQ_CST);
}

/*
 * Cross-CPU function calls (kernel/smp.c), Linux's semantics: @func runs on
 * the target CPU in interrupt context with interrupts disabled; it must be
 * fast and must not sleep. With @wait the caller returns after @func has
 * finished everywhere. Callers must have interrupts enabled (two CPUs
 * waiting for each other with interrupts off would deadlock) and must not
 * be in interrupt context. Returns 0, or -ENXIO for an offline CPU.
 */
typedef void (*smp_call_func_t)(void *info);
int smp_call_function_single(int cpu, smp_call_func_t func, void *info, int wait);
/* @func on every other online CPU. */
void smp_call_function(smp_call_func_t func, void *info, int wait);
/* @func on every online CPU, this one included (with interrupts off here). */
void on_each_cpu(smp_call_func_t func, void *info, int wait);
/* Ask @cpu to reschedule (an IPI; the scheduler hooks scheduler_ipi()). */
void smp_send_reschedule(int cpu);
/* Stop every other CPU (panic, power-off); waits up to a second. */
void smp_send_stop(void);

#endif
