/* Host simulation for the printk tests: one per-CPU area (offset 0); the test sets cpu_number. */
#ifndef _ASM_PERCPU_H
#define _ASM_PERCPU_H

static inline unsigned long arch_my_cpu_offset(void) { return 0; }
static inline void arch_set_my_cpu_offset(unsigned long off) { (void)off; }

#endif
