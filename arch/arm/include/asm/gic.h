/*
 * ARM Generic Interrupt Controller v1/v2 (arch/arm/gic.c): distributor and
 * CPU interface at board.gic_dist_base / board.gic_cpu_base. Where the GIC
 * is not banked (Exynos), each CPU uses its own copy of both, found
 * board.gic_cpu_stride bytes apart.
 */
#ifndef _ASM_GIC_H
#define _ASM_GIC_H

#include <linux/smp.h>

/* Boot CPU, once: map and reset the distributor, then gic_cpu_init(). */
int gic_init(void);
/* Every CPU, once, on itself: enable its CPU interface and SGIs. */
void gic_cpu_init(void);
/* Raise SGI @sgi (0-15) on every CPU in @mask. */
void gic_send_sgi(const struct cpumask *mask, unsigned int sgi);
/*
 * Raise SGI @sgi on every CPU but this one, by the distributor's own
 * filter: also reaches cores that have not run gic_cpu_init() (whose
 * interface numbers Mica does not know yet), e.g. in a boot loader's pen.
 */
void gic_send_sgi_others(unsigned int sgi);

#endif
