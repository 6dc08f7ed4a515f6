/* Simulated atomic bit operations on one unsigned long word: __atomic builtins. */
#ifndef _ASM_BITOPS_H
#define _ASM_BITOPS_H

#define __SIM_BIT_WORD(nr) ((nr) / (8 * sizeof(unsigned long)))
#define __SIM_BIT_MASK(nr) (1UL << ((nr) % (8 * sizeof(unsigned long))))

static inline void set_bit(unsigned int nr, volatile unsigned long *addr)
{
	__atomic_fetch_or(&addr[__SIM_BIT_WORD(nr)], __SIM_BIT_MASK(nr), __ATOMIC_RELAXED);
}

static inline void clear_bit(unsigned int nr, volatile unsigned long *addr)
{
	__atomic_fetch_and(&addr[__SIM_BIT_WORD(nr)], ~__SIM_BIT_MASK(nr), __ATOMIC_RELAXED);
}

static inline void change_bit(unsigned int nr, volatile unsigned long *addr)
{
	__atomic_fetch_xor(&addr[__SIM_BIT_WORD(nr)], __SIM_BIT_MASK(nr), __ATOMIC_RELAXED);
}

static inline int test_and_set_bit(unsigned int nr, volatile unsigned long *addr)
{
	return (__atomic_fetch_or(&addr[__SIM_BIT_WORD(nr)], __SIM_BIT_MASK(nr),
				  __ATOMIC_SEQ_CST) & __SIM_BIT_MASK(nr)) != 0;
}

static inline int test_and_clear_bit(unsigned int nr, volatile unsigned long *addr)
{
	return (__atomic_fetch_and(&addr[__SIM_BIT_WORD(nr)], ~__SIM_BIT_MASK(nr),
				   __ATOMIC_SEQ_CST) & __SIM_BIT_MASK(nr)) != 0;
}

static inline int test_and_change_bit(unsigned int nr, volatile unsigned long *addr)
{
	return (__atomic_fetch_xor(&addr[__SIM_BIT_WORD(nr)], __SIM_BIT_MASK(nr),
				   __ATOMIC_SEQ_CST) & __SIM_BIT_MASK(nr)) != 0;
}

#endif
