/*
 * atomic64_t on LDREXD/STREXD. A plain LDRD is not single-copy atomic on a
 * Cortex-A9 (no LPAE), so even a read goes through LDREXD. Value-returning
 * operations are fully ordered, as for atomic_t.
 */
#ifndef _ASM_ATOMIC64_H
#define _ASM_ATOMIC64_H

#include <linux/types.h>
#include <asm/barrier.h>

typedef struct { s64 counter; } __aligned(8) atomic64_t;

#define ATOMIC64_INIT(i) { (i) }

static inline s64 atomic64_read(const atomic64_t *v)
{
	s64 val;

	__asm__ __volatile__("ldrexd	%0, %H0, [%1]"
			     : "=&r"(val) : "r"(&v->counter), "Qo"(v->counter));
	return val;
}

static inline void atomic64_set(atomic64_t *v, s64 i)
{
	s64 tmp;
	unsigned long fail;

	__asm__ __volatile__(
"1:	ldrexd	%0, %H0, [%3]\n"
"	strexd	%1, %4, %H4, [%3]\n"
"	teq	%1, #0\n"
"	bne	1b"
	: "=&r"(tmp), "=&r"(fail), "+Qo"(v->counter)
	: "r"(&v->counter), "r"(i)
	: "cc");
}

static inline s64 atomic64_add_return_relaxed(s64 i, atomic64_t *v)
{
	s64 val;
	unsigned long fail;

	__asm__ __volatile__(
"1:	ldrexd	%0, %H0, [%3]\n"
"	adds	%Q0, %Q0, %Q4\n"
"	adc	%R0, %R0, %R4\n"
"	strexd	%1, %0, %H0, [%3]\n"
"	teq	%1, #0\n"
"	bne	1b"
	: "=&r"(val), "=&r"(fail), "+Qo"(v->counter)
	: "r"(&v->counter), "r"(i)
	: "cc");
	return val;
}

static inline s64 atomic64_cmpxchg_relaxed(atomic64_t *v, s64 old, s64 new)
{
	s64 oldval;
	unsigned long fail;

	do {
		__asm__ __volatile__(
		"	ldrexd	%1, %H1, [%3]\n"
		"	mov	%0, #0\n"
		"	teq	%1, %4\n"
		"	teqeq	%H1, %H4\n"
		"	strexdeq %0, %5, %H5, [%3]"
		: "=&r"(fail), "=&r"(oldval), "+Qo"(v->counter)
		: "r"(&v->counter), "r"(old), "r"(new)
		: "cc");
	} while (fail);
	return oldval;
}

static inline s64 atomic64_xchg_relaxed(atomic64_t *v, s64 new)
{
	s64 oldval;
	unsigned long fail;

	__asm__ __volatile__(
"1:	ldrexd	%0, %H0, [%3]\n"
"	strexd	%1, %4, %H4, [%3]\n"
"	teq	%1, #0\n"
"	bne	1b"
	: "=&r"(oldval), "=&r"(fail), "+Qo"(v->counter)
	: "r"(&v->counter), "r"(new)
	: "cc");
	return oldval;
}

static inline s64 atomic64_add_return(s64 i, atomic64_t *v)
{
	s64 r;
	smp_mb();
	r = atomic64_add_return_relaxed(i, v);
	smp_mb();
	return r;
}
static inline s64 atomic64_cmpxchg(atomic64_t *v, s64 old, s64 new)
{
	s64 r;
	smp_mb();
	r = atomic64_cmpxchg_relaxed(v, old, new);
	smp_mb();
	return r;
}
static inline s64 atomic64_xchg(atomic64_t *v, s64 new)
{
	s64 r;
	smp_mb();
	r = atomic64_xchg_relaxed(v, new);
	smp_mb();
	return r;
}

#define atomic64_add(i, v)        ((void)atomic64_add_return_relaxed(i, v))
#define atomic64_sub(i, v)        ((void)atomic64_add_return_relaxed(-(s64)(i), v))
#define atomic64_inc(v)           atomic64_add(1, v)
#define atomic64_dec(v)           atomic64_sub(1, v)
#define atomic64_sub_return(i, v) atomic64_add_return(-(s64)(i), v)
#define atomic64_inc_return(v)    atomic64_add_return(1, v)
#define atomic64_dec_return(v)    atomic64_add_return(-1, v)

#endif
