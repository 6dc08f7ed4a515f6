/* CPSR I-bit control: the arch half of local_irq_*. */
#ifndef _ASM_IRQFLAGS_H
#define _ASM_IRQFLAGS_H

static inline unsigned long arch_local_irq_save(void)
{
	unsigned long flags;
	__asm__ __volatile__("mrs %0, cpsr\n\tcpsid i" : "=r"(flags) :: "memory", "cc");
	return flags;
}
static inline void arch_local_irq_restore(unsigned long flags)
{
	__asm__ __volatile__("msr cpsr_c, %0" :: "r"(flags) : "memory", "cc");
}
static inline unsigned long arch_local_save_flags(void)
{
	unsigned long flags;
	__asm__ __volatile__("mrs %0, cpsr" : "=r"(flags) :: "memory", "cc");
	return flags;
}
static inline void arch_local_irq_enable(void)  { __asm__ __volatile__("cpsie i" ::: "memory", "cc"); }
static inline void arch_local_irq_disable(void) { __asm__ __volatile__("cpsid i" ::: "memory", "cc"); }
static inline int arch_irqs_disabled_flags(unsigned long flags) { return (flags & 0x80) != 0; }

#endif
