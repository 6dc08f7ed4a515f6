/*
 * Simulated fixmap for host builds: the ARM layout (arch/arm/include/asm/
 * fixmap.h) in the simulator's fixmap window, whose base is a variable.
 */
#ifndef _ASM_FIXMAP_H
#define _ASM_FIXMAP_H

#include <asm/memory.h>

#define KM_TYPE_NR	16

enum fixed_addresses {
	FIX_KMAP_BEGIN,
	FIX_KMAP_END = FIX_KMAP_BEGIN + KM_TYPE_NR * NR_CPUS,
	__end_of_fixed_addresses
};

#define __fix_to_virt(x)	(FIXADDR_START + ((unsigned long)(x) << PAGE_SHIFT))
#define __virt_to_fix(x)	(((x) - FIXADDR_START) >> PAGE_SHIFT)

#endif
