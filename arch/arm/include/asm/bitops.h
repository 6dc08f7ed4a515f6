/*
 * Atomic bit operations on LDREX/STREX. As in Linux: set/clear/change_bit
 * are atomic but not ordered; the test_and_ forms are fully ordered.
 */
#ifndef _ASM_BITOPS_H
#define _ASM_BITOPS_H

#include <asm/barrier.h>

#define __ATOMIC_BITOP(name, insn)						\
static inline void name(unsigned int nr, volatile unsigned long *addr)		\
{										\
	volatile unsigned long *p = addr + nr / 32;				\
	unsigned long mask = 1UL << (nr % 32), val, fail;			\
										\
	__asm__ __volatile__(							\
	"1:	ldrex	%0, [%3]\n"						\
	"	" insn "	%0, %0, %4\n"					\
	"	strex	%1, %0, [%3]\n"						\
	"	teq	%1, #0\n"						\
	"	bne	1b"							\
	: "=&r"(val), "=&r"(fail), "+Qo"(*p)					\
	: "r"(p), "r"(mask)							\
	: "cc");								\
}

#define __ATOMIC_TEST_AND_BITOP(name, insn)					\
static inline int name(unsigned int nr, volatile unsigned long *addr)		\
{										\
	volatile unsigned long *p = addr + nr / 32;				\
	unsigned long mask = 1UL << (nr % 32), old, val, fail;			\
										\
	smp_mb();								\
	__asm__ __volatile__(							\
	"1:	ldrex	%0, [%4]\n"						\
	"	" insn "	%1, %0, %5\n"					\
	"	strex	%2, %1, [%4]\n"						\
	"	teq	%2, #0\n"						\
	"	bne	1b"							\
	: "=&r"(old), "=&r"(val), "=&r"(fail), "+Qo"(*p)			\
	: "r"(p), "r"(mask)							\
	: "cc");								\
	smp_mb();								\
	return (old & mask) != 0;						\
}

__ATOMIC_BITOP(set_bit, "orr")
__ATOMIC_BITOP(clear_bit, "bic")
__ATOMIC_BITOP(change_bit, "eor")
__ATOMIC_TEST_AND_BITOP(test_and_set_bit, "orr")
__ATOMIC_TEST_AND_BITOP(test_and_clear_bit, "bic")
__ATOMIC_TEST_AND_BITOP(test_and_change_bit, "eor")

#undef __ATOMIC_BITOP
#undef __ATOMIC_TEST_AND_BITOP

#endif
