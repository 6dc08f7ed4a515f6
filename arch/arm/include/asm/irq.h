/* Interrupt numbering, and the IRQ vector's way into the interrupt controller driver. */
#ifndef _ASM_IRQ_H
#define _ASM_IRQ_H

/*
 * Enough lines for every supported GIC: vexpress-a9 96, Exynos4 160,
 * QEMU virt 288. A GIC with more is cut to NR_IRQS, with a warning.
 */
#define NR_IRQS 288

#ifndef __ASSEMBLER__
struct pt_regs;

/*
 * Called by the IRQ exception entry (arch/arm/entry.S) on the interrupted
 * kernel stack with interrupts off; acknowledges and dispatches every
 * pending interrupt. Implemented by the interrupt controller driver
 * (arch/arm/gic.c).
 */
void handle_arch_irq(struct pt_regs *regs);
#endif

#endif
