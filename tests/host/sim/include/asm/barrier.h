/* Simulated barriers: C11 fences; WFE becomes a yield, WFI the machine's halt (sim_wfi). */
#ifndef _ASM_BARRIER_H
#define _ASM_BARRIER_H

void sim_cpu_relax(void);
void sim_wfi(void);

#define isb()     __atomic_thread_fence(__ATOMIC_SEQ_CST)
#define dsb()     __atomic_thread_fence(__ATOMIC_SEQ_CST)
#define dmb()     __atomic_thread_fence(__ATOMIC_SEQ_CST)
#define mb()      dsb()
#define rmb()     dsb()
#define wmb()     dsb()
#define smp_mb()  dmb()
#define smp_rmb() __atomic_thread_fence(__ATOMIC_ACQUIRE)
#define smp_wmb() __atomic_thread_fence(__ATOMIC_RELEASE)

#define sev()       do { } while (0)
#define wfe()       sim_cpu_relax()
#define wfi()       sim_wfi()
#define cpu_relax() sim_cpu_relax()

#endif
