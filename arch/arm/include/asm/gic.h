/*
 * ARM Generic Interrupt Controller v1/v2 (arch/arm/gic.c): distributor and
 * CPU interface at board.gic_dist_base / board.gic_cpu_base. Where the GIC
 * is not banked (Exynos), each CPU uses its own copy of both, found
 * board.gic_cpu_stride bytes apart.
 */
#ifndef _ASM_GIC_H
#define _ASM_GIC_H

#include <linux/smp.h>

/* The distributor's registers, from board.gic_dist_base (+ the CPU's stride). */
#define GICD_CTLR       0x000
#define GICD_TYPER      0x004
#define GICD_IGROUPR0   0x080	/* group of IDs 0-31 (security extensions only) */
#define GICD_ISENABLER  0x100
#define GICD_ICENABLER  0x180
#define GICD_ISPENDR    0x200
#define GICD_ICPENDR    0x280
#define GICD_ISACTIVER  0x300
#define GICD_ICACTIVER  0x380
#define GICD_IPRIORITYR 0x400
#define GICD_ITARGETSR  0x800
#define GICD_ICFGR      0xc00
#define GICD_SGIR       0xf00

/* GICD_SGIR's target list filter: every CPU but this one (01). */
#define GICD_SGIR_ALL_BUT_SELF   (1U << 24)

/* GICD_TYPER's fields. */
#define GICD_TYPER_LINES(t)      ((((t) & 0x1f) + 1) * 32)
#define GICD_TYPER_CPUS(t)       ((((unsigned int)(t) >> 5) & 0x7) + 1)
#define GICD_TYPER_SECURITY_EXTN (1 << 10)

/* The CPU interface's registers, from board.gic_cpu_base (+ the CPU's stride). */
#define GICC_CTLR       0x00
#define GICC_PMR        0x04
#define GICC_IAR        0x0c
#define GICC_EOIR       0x10
#define GICC_IIDR       0xfc

/* Each block's mapping. */
#define GIC_MAP_SIZE    0x1000

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
