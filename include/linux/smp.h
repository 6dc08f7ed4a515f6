/* CPU numbering and masks (Linux names). NR_CPUS is 4: the Cortex-A9 MPCore maximum. */
#ifndef _LINUX_SMP_H
#define _LINUX_SMP_H

#include <linux/percpu.h>

typedef struct { unsigned long bits; } cpumask_t;

extern cpumask_t cpu_possible_map, cpu_online_map;
DECLARE_PER_CPU(int, cpu_number);

#define smp_processor_id()      __this_cpu_read(cpu_number)
#define raw_smp_processor_id()  __this_cpu_read(cpu_number)
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

#endif
