/* Simulated TPIDRPRW: each host thread (simulated CPU) has its per-CPU offset. */
#ifndef _ASM_PERCPU_H
#define _ASM_PERCPU_H

extern __thread unsigned long sim_cpu_offset;

static inline unsigned long arch_my_cpu_offset(void)
{
	return sim_cpu_offset;
}
static inline void arch_set_my_cpu_offset(unsigned long off)
{
	sim_cpu_offset = off;
}

#endif
