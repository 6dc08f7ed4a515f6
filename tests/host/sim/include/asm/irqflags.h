/* Simulated CPSR I bit: one per host thread (each thread is a CPU). */
#ifndef _ASM_IRQFLAGS_H
#define _ASM_IRQFLAGS_H

#define SIM_PSR_I 0x80UL
extern __thread unsigned long sim_cpsr;

static inline unsigned long arch_local_irq_save(void)
{
	unsigned long flags = sim_cpsr;

	sim_cpsr |= SIM_PSR_I;
	__atomic_signal_fence(__ATOMIC_SEQ_CST);
	return flags;
}
static inline void arch_local_irq_restore(unsigned long flags)
{
	__atomic_signal_fence(__ATOMIC_SEQ_CST);
	sim_cpsr = flags;
}
static inline unsigned long arch_local_save_flags(void) { return sim_cpsr; }
static inline void arch_local_irq_enable(void)  { sim_cpsr &= ~SIM_PSR_I; }
static inline void arch_local_irq_disable(void) { sim_cpsr |= SIM_PSR_I; }
static inline int arch_irqs_disabled_flags(unsigned long flags) { return (flags & SIM_PSR_I) != 0; }

#endif
