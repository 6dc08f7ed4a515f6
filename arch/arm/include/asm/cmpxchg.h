/*
 * cmpxchg()/xchg() on any naturally aligned 32-bit object (int, long,
 * pointers), fully ordered, on LDREX/STREX. Less than Linux: no 8- or
 * 16-bit forms; other sizes fail to compile.
 */
#ifndef _ASM_CMPXCHG_H
#define _ASM_CMPXCHG_H

#include <asm/barrier.h>

static inline unsigned long __cmpxchg32_relaxed(volatile void *ptr, unsigned long old,
						 unsigned long new)
{
	unsigned long oldval, fail;

	do {
		__asm__ __volatile__(
		"	ldrex	%1, [%3]\n"
		"	mov	%0, #0\n"
		"	teq	%1, %4\n"
		"	strexeq	%0, %5, [%3]"
		: "=&r"(fail), "=&r"(oldval), "+Qo"(*(volatile unsigned long *)ptr)
		: "r"(ptr), "r"(old), "r"(new)
		: "cc");
	} while (fail);
	return oldval;
}

static inline unsigned long __xchg32_relaxed(volatile void *ptr, unsigned long new)
{
	unsigned long oldval, fail;

	__asm__ __volatile__(
"1:	ldrex	%0, [%3]\n"
"	strex	%1, %4, [%3]\n"
"	teq	%1, #0\n"
"	bne	1b"
	: "=&r"(oldval), "=&r"(fail), "+Qo"(*(volatile unsigned long *)ptr)
	: "r"(ptr), "r"(new)
	: "cc");
	return oldval;
}

#define cmpxchg_relaxed(ptr, o, n) ({						\
	_Static_assert(sizeof(*(ptr)) == 4, "cmpxchg: 32-bit objects only");	\
	(__typeof__(*(ptr)))__cmpxchg32_relaxed((ptr), (unsigned long)(o),	\
						 (unsigned long)(n)); })
#define xchg_relaxed(ptr, v) ({							\
	_Static_assert(sizeof(*(ptr)) == 4, "xchg: 32-bit objects only");	\
	(__typeof__(*(ptr)))__xchg32_relaxed((ptr), (unsigned long)(v)); })

#define cmpxchg(ptr, o, n) ({ __typeof__(*(ptr)) __r;				\
	smp_mb(); __r = cmpxchg_relaxed(ptr, o, n); smp_mb(); __r; })
#define xchg(ptr, v) ({ __typeof__(*(ptr)) __r;					\
	smp_mb(); __r = xchg_relaxed(ptr, v); smp_mb(); __r; })

#endif
