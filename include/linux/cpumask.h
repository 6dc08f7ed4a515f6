/*
 * Operations on struct cpumask (the one-word type in linux/smp.h; NR_CPUS
 * is at most 32). Linux's names; Mica passes masks by value where Linux
 * uses pointers to bitmaps only when that reads better.
 */
#ifndef _LINUX_CPUMASK_H
#define _LINUX_CPUMASK_H

#include <linux/smp.h>

#define CPU_MASK_NONE ((cpumask_t){ 0 })
#define CPU_MASK_ALL  ((cpumask_t){ (1UL << NR_CPUS) - 1 })

static inline bool cpumask_test_cpu(int cpu, const struct cpumask *m)
{
	return (m->bits >> cpu) & 1;
}
static inline void cpumask_set_cpu(int cpu, struct cpumask *m)   { m->bits |= 1UL << cpu; }
static inline void cpumask_clear_cpu(int cpu, struct cpumask *m) { m->bits &= ~(1UL << cpu); }
static inline unsigned int cpumask_weight(const struct cpumask *m)
{
	return __builtin_popcountl(m->bits);
}
static inline bool cpumask_empty(const struct cpumask *m) { return m->bits == 0; }
/* The lowest CPU in @m, or NR_CPUS (>= nr_cpu_ids) when empty. */
static inline unsigned int cpumask_first(const struct cpumask *m)
{
	return m->bits ? (unsigned int)__builtin_ctzl(m->bits) : NR_CPUS;
}
static inline bool cpumask_intersects(const struct cpumask *a, const struct cpumask *b)
{
	return (a->bits & b->bits) != 0;
}
/* A one-CPU mask, by value (Linux returns a pointer to a constant table). */
#define cpumask_of_cpu(cpu) ((cpumask_t){ 1UL << (cpu) })
#define cpu_online_mask   (&cpu_online_map)
#define cpu_possible_mask (&cpu_possible_map)

#endif
