/* Host simulation of the ARM barriers for the printk tests: one thread, no reordering to fence. */
#ifndef _ASM_BARRIER_H
#define _ASM_BARRIER_H

void sim_wfi(void);	/* the test decides what a halted CPU does */

#define isb()       __asm__ __volatile__("" ::: "memory")
#define dsb()       __asm__ __volatile__("" ::: "memory")
#define dmb()       __asm__ __volatile__("" ::: "memory")
#define mb()        dsb()
#define rmb()       dsb()
#define wmb()       dsb()
#define smp_mb()    dmb()
#define smp_rmb()   dmb()
#define smp_wmb()   dmb()
#define sev()       do { } while (0)
#define wfe()       do { } while (0)
#define wfi()       sim_wfi()
#define cpu_relax() __asm__ __volatile__("" ::: "memory")

#endif
