/* Host simulation of the CPSR I bit for the printk tests: a variable the test can inspect. */
#ifndef _ASM_IRQFLAGS_H
#define _ASM_IRQFLAGS_H

extern unsigned long sim_cpsr;	/* bit 7 (0x80): interrupts masked */

static inline unsigned long arch_local_irq_save(void)
{
	unsigned long flags = sim_cpsr;
	sim_cpsr |= 0x80;
	return flags;
}
static inline void arch_local_irq_restore(unsigned long flags) { sim_cpsr = flags; }
static inline unsigned long arch_local_save_flags(void) { return sim_cpsr; }
static inline void arch_local_irq_enable(void)  { sim_cpsr &= ~0x80UL; }
static inline void arch_local_irq_disable(void) { sim_cpsr |= 0x80; }
static inline int arch_irqs_disabled_flags(unsigned long flags) { return (flags & 0x80) != 0; }

#endif
