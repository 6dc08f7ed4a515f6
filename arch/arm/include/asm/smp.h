/* Arch side of SMP bring-up. */
#ifndef _ASM_SMP_H
#define _ASM_SMP_H

#include <linux/types.h>

/* Handed to a starting secondary; head.S reads it with the MMU off. */
struct secondary_data {
	unsigned long pgdir_phys;	/* +0: translation table */
	unsigned long stack_top;	/* +4: SVC stack (virtual) */
	unsigned long cpu;		/* +8: logical CPU number */
};
extern struct secondary_data secondary_data;

/* Physical address where a secondary core must start (head.S). */
phys_addr_t secondary_entry_phys(void);
/* Board boot_secondary for cores parked in head.S's pen. */
int smp_pen_boot_secondary(unsigned int cpu, phys_addr_t entry);
/* C entry of a secondary core, on its own stack with the MMU on. */
void secondary_start_kernel(unsigned int cpu);
/* Boot every other CPU the board has (boot CPU, after interrupts are up). */
void smp_init(void);

#endif
