/*
 * The tick counter. jiffies counts timer interrupts (HZ a second) on the
 * boot CPU; jiffies is the low word of the 64-bit jiffies_64 (the same
 * storage, as on Linux/ARM), so it wraps: it starts at INITIAL_JIFFIES,
 * five minutes before the wrap, so code that compares jiffies with < or >
 * instead of time_after() breaks early, in testing, not after 497 days.
 */
#ifndef _LINUX_JIFFIES_H
#define _LINUX_JIFFIES_H

#include <linux/types.h>
#include <linux/time64.h>

#ifndef HZ
#define HZ 100
#endif

#define INITIAL_JIFFIES ((unsigned long)(unsigned int)(-300 * HZ))

/* The tick rate user space sees in "ticks" (times(), /proc): always 100. */
#define USER_HZ		100
#define CLOCKS_PER_SEC	(USER_HZ)
/* Nanoseconds of one tick (Linux's). */
#define TICK_NSEC	((NSEC_PER_SEC + HZ / 2) / HZ)
/* The largest timeout a jiffies delta may express (Linux's). */
#define MAX_JIFFY_OFFSET ((long)(~0UL >> 2) - 1)

extern u64 jiffies_64;
extern volatile unsigned long jiffies;

/* jiffies_64 read consistently (two words on a 32-bit CPU). */
u64 get_jiffies_64(void);

/* Compile-time check that @x has type @type (a warning, so an error here). */
#define typecheck(type, x) ({ type __dummy; __typeof__(x) __dummy2;	\
	(void)(&__dummy == &__dummy2); 1; })

/*
 * Wrap-safe comparisons: correct as long as the two times are less than
 * half the counter range (about 248 days at HZ=100) apart.
 */
#define time_after(a, b)	(typecheck(unsigned long, a) && typecheck(unsigned long, b) && \
				 ((long)((b) - (a)) < 0))
#define time_before(a, b)	time_after(b, a)
#define time_after_eq(a, b)	(typecheck(unsigned long, a) && typecheck(unsigned long, b) && \
				 ((long)((a) - (b)) >= 0))
#define time_before_eq(a, b)	time_after_eq(b, a)
/* a in [b, c] */
#define time_in_range(a, b, c)	(time_after_eq(a, b) && time_before_eq(a, c))
/* a in [b, c) */
#define time_in_range_open(a, b, c) (time_after_eq(a, b) && time_before(a, c))

#define time_after64(a, b)	(typecheck(u64, a) && typecheck(u64, b) && ((s64)((b) - (a)) < 0))
#define time_before64(a, b)	time_after64(b, a)
#define time_after_eq64(a, b)	(typecheck(u64, a) && typecheck(u64, b) && ((s64)((a) - (b)) >= 0))
#define time_before_eq64(a, b)	time_after_eq64(b, a)
#define time_in_range64(a, b, c) (time_after_eq64(a, b) && time_before_eq64(a, c))

/*
 * Conversions (kernel/time/jiffies.c). msecs/usecs_to_jiffies round up, so
 * a wait never ends early, and saturate at MAX_JIFFY_OFFSET.
 */
typedef long __kernel_clock_t;
unsigned int jiffies_to_msecs(unsigned long j);
unsigned int jiffies_to_usecs(unsigned long j);
unsigned long msecs_to_jiffies(unsigned int m);
unsigned long usecs_to_jiffies(unsigned int u);
/* Jiffies in USER_HZ ticks, as in the kernel-design notes (Linux's kernel/time.c). */
__kernel_clock_t jiffies_to_clock_t(long x);
u64 jiffies_64_to_clock_t(u64 x);

/* Is @a still in the future / already past, relative to now? */
#define time_is_after_jiffies(a)	time_before(jiffies, a)
#define time_is_before_jiffies(a)	time_after(jiffies, a)
#define time_is_after_eq_jiffies(a)	time_before_eq(jiffies, a)
#define time_is_before_eq_jiffies(a)	time_after_eq(jiffies, a)

#endif
