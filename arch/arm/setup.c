/*
 * Early architecture set-up: what the boot stub found (physical RAM base,
 * boot table, boot loader registers) and the boot CPU's identity.
 */
#include <linux/kernel.h>
#include <linux/export.h>
#include <asm/memory.h>
#include <asm/setup.h>

/* Filled by arch/arm/head.S with the MMU off. */
extern unsigned long phys_boot_info[3];

unsigned long phys_offset;
EXPORT_SYMBOL(phys_offset);
unsigned long initial_pgdir_phys;
unsigned long initial_map_end_phys;
unsigned long __atags_pointer;		/* r2: ATAGS or DTB, physical */
unsigned long __machine_arch_type;	/* r1 */
unsigned long __boot_r0;		/* r0: 0 from a Linux-style boot loader */

void early_setup_arch(void)
{
	phys_offset = phys_boot_info[0];
	initial_pgdir_phys = phys_boot_info[1];
	initial_map_end_phys = phys_boot_info[2];
}

u32 read_cpuid_id(void)
{
	u32 midr;
	__asm__("mrc p15, 0, %0, c0, c0, 0" : "=r"(midr));
	return midr;
}
