/* What the boot stub hands to C, and early arch hooks. */
#ifndef _ASM_SETUP_H
#define _ASM_SETUP_H

#include <linux/types.h>

extern unsigned long initial_pgdir_phys;	/* boot translation table */
extern unsigned long initial_map_end_phys;	/* end of the boot linear map */
extern unsigned long __atags_pointer, __machine_arch_type, __boot_r0;

void early_setup_arch(void);
u32 read_cpuid_id(void);	/* MIDR */

#endif
