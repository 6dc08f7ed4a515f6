/* Host simulation of atomic_t for the printk tests (one thread). */
#ifndef _ASM_ATOMIC_H
#define _ASM_ATOMIC_H

#include <linux/compiler.h>

typedef struct { int counter; } atomic_t;

#define ATOMIC_INIT(i) { (i) }
#define atomic_read(v)   READ_ONCE((v)->counter)
#define atomic_set(v, i) WRITE_ONCE((v)->counter, (i))

static inline int atomic_add_return_relaxed(int i, atomic_t *v) { return v->counter += i; }
static inline int atomic_add_return(int i, atomic_t *v) { return v->counter += i; }
static inline int atomic_sub_return_relaxed(int i, atomic_t *v) { return v->counter -= i; }
static inline int atomic_sub_return(int i, atomic_t *v) { return v->counter -= i; }
static inline int atomic_cmpxchg(atomic_t *v, int old, int new)
{
	int cur = v->counter;
	if (cur == old)
		v->counter = new;
	return cur;
}
static inline int atomic_xchg(atomic_t *v, int new)
{
	int cur = v->counter;
	v->counter = new;
	return cur;
}

#endif
