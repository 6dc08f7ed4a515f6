/* atomic_t on LDREX/STREX; every value-returning operation is fully ordered. */
#ifndef _ASM_ATOMIC_H
#define _ASM_ATOMIC_H

#include <linux/compiler.h>
#include <asm/barrier.h>

typedef struct { int counter; } atomic_t;

#define ATOMIC_INIT(i) { (i) }
#define atomic_read(v)   READ_ONCE((v)->counter)
#define atomic_set(v, i) WRITE_ONCE((v)->counter, (i))

#define __ATOMIC_OP_RETURN(op, insn)						\
static inline int atomic_##op##_return_relaxed(int i, atomic_t *v)		\
{										\
	unsigned long tmp;							\
	int result;								\
										\
	__asm__ __volatile__(							\
	"1:	ldrex	%0, [%3]\n"						\
	"	" insn "	%0, %0, %4\n"					\
	"	strex	%1, %0, [%3]\n"						\
	"	teq	%1, #0\n"						\
	"	bne	1b"							\
	: "=&r"(result), "=&r"(tmp), "+Qo"(v->counter)				\
	: "r"(&v->counter), "Ir"(i)						\
	: "cc");								\
	return result;								\
}

/* add and sub both: a constant operand stays an immediate either way. */
__ATOMIC_OP_RETURN(add, "add")
__ATOMIC_OP_RETURN(sub, "sub")
#undef __ATOMIC_OP_RETURN

static inline int atomic_cmpxchg_relaxed(atomic_t *v, int old, int new)
{
	int oldval;
	unsigned long res;

	do {
		__asm__ __volatile__(
		"	ldrex	%1, [%3]\n"
		"	mov	%0, #0\n"
		"	teq	%1, %4\n"
		"	strexeq	%0, %5, [%3]"
		: "=&r"(res), "=&r"(oldval), "+Qo"(v->counter)
		: "r"(&v->counter), "Ir"(old), "r"(new)
		: "cc");
	} while (res);
	return oldval;
}

static inline int atomic_xchg_relaxed(atomic_t *v, int new)
{
	int oldval;
	unsigned long res;

	__asm__ __volatile__(
"1:	ldrex	%0, [%3]\n"
"	strex	%1, %4, [%3]\n"
"	teq	%1, #0\n"
"	bne	1b"
	: "=&r"(oldval), "=&r"(res), "+Qo"(v->counter)
	: "r"(&v->counter), "r"(new)
	: "cc");
	return oldval;
}

/*
 * atomic_fetch_<op>_relaxed(i, v): v = v <op> i, returning the old value.
 * andnot is v & ~i (BIC).
 */
#define __ATOMIC_FETCH_OP(op, insn)						\
static inline int atomic_fetch_##op##_relaxed(int i, atomic_t *v)		\
{										\
	unsigned long fail;							\
	int old, val;								\
										\
	__asm__ __volatile__(							\
	"1:	ldrex	%0, [%4]\n"						\
	"	" insn "	%1, %0, %5\n"					\
	"	strex	%2, %1, [%4]\n"						\
	"	teq	%2, #0\n"						\
	"	bne	1b"							\
	: "=&r"(old), "=&r"(val), "=&r"(fail), "+Qo"(v->counter)		\
	: "r"(&v->counter), "r"(i)						\
	: "cc");								\
	return old;								\
}										\
static inline int atomic_fetch_##op(int i, atomic_t *v)			\
{										\
	int r;									\
	smp_mb();								\
	r = atomic_fetch_##op##_relaxed(i, v);					\
	smp_mb();								\
	return r;								\
}

__ATOMIC_FETCH_OP(add, "add")
__ATOMIC_FETCH_OP(sub, "sub")
__ATOMIC_FETCH_OP(and, "and")
__ATOMIC_FETCH_OP(or, "orr")
__ATOMIC_FETCH_OP(xor, "eor")
__ATOMIC_FETCH_OP(andnot, "bic")
#undef __ATOMIC_FETCH_OP

static inline int atomic_add_return(int i, atomic_t *v)
{
	int r;
	smp_mb();
	r = atomic_add_return_relaxed(i, v);
	smp_mb();
	return r;
}
static inline int atomic_sub_return(int i, atomic_t *v)
{
	int r;
	smp_mb();
	r = atomic_sub_return_relaxed(i, v);
	smp_mb();
	return r;
}
static inline int atomic_cmpxchg(atomic_t *v, int old, int new)
{
	int r;
	smp_mb();
	r = atomic_cmpxchg_relaxed(v, old, new);
	smp_mb();
	return r;
}
static inline int atomic_xchg(atomic_t *v, int new)
{
	int r;
	smp_mb();
	r = atomic_xchg_relaxed(v, new);
	smp_mb();
	return r;
}


#include <asm/atomic64.h>
#include <asm/cmpxchg.h>

#endif
