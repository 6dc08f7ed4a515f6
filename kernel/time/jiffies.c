/*
 * Jiffies conversions (Linux's kernel/time/timekeeping.c in the kernel-design notes).
 * With HZ dividing 1000 (Mica's HZ is 100) the millisecond forms are exact
 * multiplications and round-up divisions, saturating at MAX_JIFFY_OFFSET
 * (computed in 64 bits: Linux's 32-bit check relies on an overflow); the
 * USER_HZ form follows the notes' three cases.
 */
#include <linux/kernel.h>
#include <linux/export.h>
#include <linux/jiffies.h>

_Static_assert(MSEC_PER_SEC % HZ == 0, "HZ must divide 1000");

unsigned int jiffies_to_msecs(unsigned long j)
{
	return (MSEC_PER_SEC / HZ) * j;
}
EXPORT_SYMBOL(jiffies_to_msecs);

unsigned int jiffies_to_usecs(unsigned long j)
{
	return (USEC_PER_SEC / HZ) * j;
}
EXPORT_SYMBOL(jiffies_to_usecs);

/* In 64 bits, so that rounding up near ~0U cannot wrap. */
static unsigned long round_up_ticks(unsigned int n, unsigned int per_tick)
{
	u64 j = ((u64)n + per_tick - 1) / per_tick;

	return j > MAX_JIFFY_OFFSET ? MAX_JIFFY_OFFSET : (unsigned long)j;
}

unsigned long msecs_to_jiffies(unsigned int m)
{
	return round_up_ticks(m, MSEC_PER_SEC / HZ);
}
EXPORT_SYMBOL(msecs_to_jiffies);

unsigned long usecs_to_jiffies(unsigned int u)
{
	return round_up_ticks(u, USEC_PER_SEC / HZ);
}
EXPORT_SYMBOL(usecs_to_jiffies);

__kernel_clock_t jiffies_to_clock_t(long x)
{
#if (TICK_NSEC % (NSEC_PER_SEC / USER_HZ)) == 0
# if HZ < USER_HZ
	return x * (USER_HZ / HZ);
# else
	return x / (HZ / USER_HZ);
# endif
#else
	return (__kernel_clock_t)(((u64)x * TICK_NSEC) / (NSEC_PER_SEC / USER_HZ));
#endif
}
EXPORT_SYMBOL(jiffies_to_clock_t);

u64 jiffies_64_to_clock_t(u64 x)
{
#if (TICK_NSEC % (NSEC_PER_SEC / USER_HZ)) == 0
# if HZ < USER_HZ
	return x * (USER_HZ / HZ);
# else
	return x / (HZ / USER_HZ);
# endif
#else
	return x * TICK_NSEC / (NSEC_PER_SEC / USER_HZ);
#endif
}
EXPORT_SYMBOL(jiffies_64_to_clock_t);
