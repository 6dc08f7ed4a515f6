/* Arch side of SMP bring-up. */
#ifndef _ASM_SMP_H
#define _ASM_SMP_H

#include <linux/types.h>

/* Handed to a starting secondary; head.S reads it with the MMU off. */
struct secondary_data {
	unsigned long pgdir_phys;	/* +0: translation table */
	unsigned long stack_top;	/* +4: SVC stack (virtual) */
	unsigned long cpu;		/* +8: logical CPU number */
	unsigned long task;		/* +12: its idle task, `current` from the start */
};
extern struct secondary_data secondary_data;

/* Physical address where a secondary core must start (head.S). */
phys_addr_t secondary_entry_phys(void);
/* Board boot_secondary for cores parked in head.S's pen. */
int smp_pen_boot_secondary(unsigned int cpu, phys_addr_t entry);
/* C entry of a secondary core, on its own stack with the MMU on. */
void secondary_start_kernel(unsigned int cpu);
/*
 * Find the CPUs that exist (the board's count, cut to what the SCU reports
 * on an A9 MPCore) and mark the boot CPU online. Boot CPU, before init_IRQ.
 */
void smp_init_cpus(void);
/* Boot every other possible CPU (boot CPU, after interrupts and the tick are up). */
void smp_init(void);

/* Inter-processor interrupts, one SGI each (Linux's numbers and names). */
enum ipi_msg_type {
	IPI_WAKEUP = 0,		/* only ends a WFI/WFE: boot-time kicks */
	IPI_RESCHEDULE = 2,
	IPI_CALL_FUNC = 3,	/* run the smp_call_function queue */
	IPI_CPU_STOP = 4,
	NR_IPI
};

struct pt_regs;
struct cpumask;
/* SGI @ipinr arrived on this CPU (from handle_arch_irq, already EOIed). */
void handle_IPI(int ipinr, struct pt_regs *regs);
void arch_send_call_function_single_ipi(int cpu);
void arch_send_call_function_ipi_mask(const struct cpumask *mask);
void arch_send_wakeup_ipi_mask(const struct cpumask *mask);
/* IPIs of type @ipi received by @cpu. */
unsigned int ipi_stat_cpu(unsigned int cpu, enum ipi_msg_type ipi);
/* What IPI number @ipi is for, as `interrupts` says it; NULL if unused. */
const char *ipi_type_name(unsigned int ipi);
/* The IPI_CALL_FUNC handler (kernel/smp.c). */
void generic_smp_call_function_interrupt(void);

#endif
