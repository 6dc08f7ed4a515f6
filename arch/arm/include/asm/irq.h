/* Interrupt entry: the IRQ vector hands the saved state to the GIC driver. */
#ifndef _ASM_IRQ_H
#define _ASM_IRQ_H

struct pt_regs;

/*
 * Called by the IRQ exception entry (arch/arm/entry.S) on the interrupted
 * kernel stack with interrupts off; acknowledges and dispatches every
 * pending interrupt. Implemented by the interrupt controller driver.
 */
void handle_arch_irq(struct pt_regs *regs);

#endif
