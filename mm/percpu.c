/*
 * Per-CPU areas. The static template (DEFINE_PER_CPU variables) is copied
 * into one unit per CPU at the very start of boot; each unit also has room
 * for dynamic allocations. __per_cpu_offset[cpu] is the distance from the
 * template to that CPU's copy.
 */
#include <linux/kernel.h>
#include <linux/percpu.h>
#include <linux/smp.h>
#include <string.h>

extern char __pcpu_base[], __pcpu_unit_size[];

unsigned long __per_cpu_offset[NR_CPUS];

void setup_per_cpu_areas(void)
{
	unsigned long unit = (unsigned long)__pcpu_unit_size;
	size_t static_size = __per_cpu_end - __per_cpu_start;
	unsigned int cpu;

	for (cpu = 0; cpu < NR_CPUS; cpu++) {
		char *area = __pcpu_base + cpu * unit;

		memcpy(area, __per_cpu_start, static_size);
		__per_cpu_offset[cpu] = (unsigned long)area - (unsigned long)__per_cpu_start;
		per_cpu(cpu_number, cpu) = cpu;
	}
	arch_set_my_cpu_offset(__per_cpu_offset[0]);
}
