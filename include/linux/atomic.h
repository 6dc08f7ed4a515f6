/* atomic_t operations (Linux names) built on the arch primitives. */
#ifndef _LINUX_ATOMIC_H
#define _LINUX_ATOMIC_H

#include <asm/atomic.h>

#define atomic_inc_return(v)      atomic_add_return(1, v)
#define atomic_dec_return(v)      atomic_sub_return(1, v)
#define atomic_add(i, v)          ((void)atomic_add_return_relaxed(i, v))
#define atomic_sub(i, v)          ((void)atomic_sub_return_relaxed(i, v))
#define atomic_inc(v)             atomic_add(1, v)
#define atomic_dec(v)             atomic_sub(1, v)
#define atomic_inc_and_test(v)    (atomic_inc_return(v) == 0)
#define atomic_dec_and_test(v)    (atomic_dec_return(v) == 0)
#define atomic_sub_and_test(i, v) (atomic_sub_return(i, v) == 0)
#define atomic_add_negative(i, v) (atomic_add_return(i, v) < 0)

#define atomic_and(i, v)          ((void)atomic_fetch_and_relaxed(i, v))
#define atomic_or(i, v)           ((void)atomic_fetch_or_relaxed(i, v))
#define atomic_xor(i, v)          ((void)atomic_fetch_xor_relaxed(i, v))
#define atomic_andnot(i, v)       ((void)atomic_fetch_andnot_relaxed(i, v))
#define atomic_fetch_inc(v)       atomic_fetch_add(1, v)
#define atomic_fetch_dec(v)       atomic_fetch_sub(1, v)

/*
 * If *@v == *@old, store @new and return true; else load the current value
 * into *@old and return false (so a retry loop needs no extra read).
 */
static inline bool atomic_try_cmpxchg(atomic_t *v, int *old, int new)
{
	int seen = atomic_cmpxchg(v, *old, new);

	if (seen == *old)
		return true;
	*old = seen;
	return false;
}

/* Add @a unless the value is @u; returns the old value. */
static inline int atomic_fetch_add_unless(atomic_t *v, int a, int u)
{
	int c = atomic_read(v), old;

	while (c != u && (old = atomic_cmpxchg(v, c, c + a)) != c)
		c = old;
	return c;
}
#define atomic_add_unless(v, a, u) (atomic_fetch_add_unless(v, a, u) != (u))
#define atomic_inc_not_zero(v)     atomic_add_unless(v, 1, 0)

#endif
