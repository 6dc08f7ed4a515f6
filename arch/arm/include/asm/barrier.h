/* ARMv7 memory barriers. */
#ifndef _ASM_BARRIER_H
#define _ASM_BARRIER_H

#define isb()   __asm__ __volatile__("isb" ::: "memory")
#define dsb()   __asm__ __volatile__("dsb sy" ::: "memory")
#define dmb()   __asm__ __volatile__("dmb ish" ::: "memory")

#define mb()    dsb()
#define rmb()   dsb()
#define wmb()   dsb()
#define smp_mb()  dmb()
#define smp_rmb() dmb()
#define smp_wmb() __asm__ __volatile__("dmb ishst" ::: "memory")

#define sev()   __asm__ __volatile__("sev" ::: "memory")
/* An unlocking store made visible to the other CPUs, then those in WFE woken. */
#define dsb_sev() __asm__ __volatile__("dsb ishst\n\tsev" ::: "memory")
#define wfe()   __asm__ __volatile__("wfe" ::: "memory")
#define wfi()   __asm__ __volatile__("wfi" ::: "memory")
#define cpu_relax() __asm__ __volatile__("" ::: "memory")

#endif
