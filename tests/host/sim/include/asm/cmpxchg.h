/* Simulated cmpxchg/xchg: the compiler's __atomic builtins (host threads are CPUs). */
#ifndef _ASM_CMPXCHG_H
#define _ASM_CMPXCHG_H

#define cmpxchg_relaxed(ptr, o, n) ({ __typeof__(*(ptr)) __o = (o);		\
	__atomic_compare_exchange_n((ptr), &__o, (n), false, __ATOMIC_RELAXED,	\
				    __ATOMIC_RELAXED); __o; })
#define cmpxchg(ptr, o, n) ({ __typeof__(*(ptr)) __o = (o);			\
	__atomic_compare_exchange_n((ptr), &__o, (n), false, __ATOMIC_SEQ_CST,	\
				    __ATOMIC_SEQ_CST); __o; })
#define xchg_relaxed(ptr, v)	__atomic_exchange_n((ptr), (v), __ATOMIC_RELAXED)
#define xchg(ptr, v)		__atomic_exchange_n((ptr), (v), __ATOMIC_SEQ_CST)

#endif
