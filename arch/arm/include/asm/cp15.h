/*
 * CP15 system control bits, with Linux/ARM's names: the System Control
 * Register (SCTLR, "CR_" bits) and, Mica's name as Linux has none, the A9's
 * Auxiliary Control Register SMP bit. For assembler and C; get_cr()/set_cr()
 * read and write the SCTLR from C.
 */
#ifndef _ASM_CP15_H
#define _ASM_CP15_H

#define CR_M	(1 << 0)	/* MMU on */
#define CR_A	(1 << 1)	/* alignment faults */
#define CR_C	(1 << 2)	/* data and unified caches on */
#define CR_Z	(1 << 11)	/* branch prediction on */
#define CR_I	(1 << 12)	/* instruction cache on */
#define CR_V	(1 << 13)	/* high vectors: 0xffff0000 instead of VBAR */
#define CR_TRE	(1 << 28)	/* TEX remap */
#define CR_AFE	(1 << 29)	/* access flag enable: AP[0] becomes an access flag */

#define ACTLR_SMP (1 << 6)	/* Cortex-A9 ACTLR: take part in SMP coherency */

#ifndef __ASSEMBLER__
static inline unsigned long get_cr(void)
{
	unsigned long val;

	__asm__ __volatile__("mrc p15, 0, %0, c1, c0, 0" : "=r"(val) :: "cc");
	return val;
}

static inline void set_cr(unsigned long val)
{
	__asm__ __volatile__("mcr p15, 0, %0, c1, c0, 0\n\tisb" :: "r"(val) : "cc", "memory");
}
#endif

#endif
