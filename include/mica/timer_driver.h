/*
 * Tick and clock drivers. Each board.timer_type ("a9-twd", "exynos-mct",
 * "arm-arch-timer") is one file that registers its operations with
 * TIMER_DRIVER(); time_init() (kernel/time/timekeeping.c) picks the board's. A driver
 * gives the kernel two things: a per-CPU periodic interrupt on
 * board.timer_irq (the tick) and a free-running 64-bit counter that reads
 * the same on every CPU (local_clock, the delays).
 */
#ifndef _MICA_TIMER_DRIVER_H
#define _MICA_TIMER_DRIVER_H

#include <linux/types.h>
#include <linux/compiler.h>

struct timer_rates {
	unsigned long tick_hz;		/* input clock of the per-CPU tick timer */
	unsigned long counter_hz;	/* rate of read_counter() */
};

struct timer_ops {
	const char *name;		/* matches board.timer_type */
	/* Boot CPU, once: map the registers, start the counter, fill @rates. 0 or -errno. */
	int (*init)(struct timer_rates *rates);
	/*
	 * Optional: @cpu's tick interrupt. A PPI (< 32) is one banked line for
	 * every CPU; an SPI is that CPU's own line (the Exynos4210's MCT local
	 * timers), routed to it alone. NULL: board.timer_irq, a PPI.
	 */
	unsigned int (*tick_irq)(unsigned int cpu);
	/* This CPU: a periodic interrupt every @period ticks of tick_hz. */
	void (*start_tick)(unsigned long period);
	/* This CPU's tick interrupt came: clear it at the timer. */
	void (*ack_tick)(void);
	/* The free-running counter (any CPU). */
	u64 (*read_counter)(void);
};

#define TIMER_DRIVER(ops) \
	static const struct timer_ops *const __timer_drv_##ops __used \
	__section("timer_drivers") __aligned(4) = &(ops)

/* The running timer and its rates; valid after time_init(). */
extern const struct timer_ops *tick_timer;
extern struct timer_rates timer_rates;

/*
 * For drivers whose clock rate is not known (board.timer_rate_hz == 0):
 * count @read_counter against the board's reference counter
 * (board.refclk_base / board.refclk_hz) for 50 ms. Returns Hz, or 0 when
 * the board has no reference.
 */
unsigned long timer_measure_rate(u64 (*read_counter)(void));

/* @cpu's tick interrupt: the banked PPI, or that CPU's own SPI. After time_init(). */
unsigned int tick_irq(unsigned int cpu);

/*
 * How far the hardware counter is past the jiffy boundary jiffies has not
 * counted yet: 0 while the tick is on time, more while its interrupt is
 * late (the host delayed it, or interrupts were off). A sleep of n jiffies
 * started now is that much shorter than n periods in real time; tests
 * that check sleeps against the clock add it.
 */
u64 jiffies_lag_ns(void);

/* Boot CPU: pick the driver, start the counter and this CPU's tick. */
void time_init(void);
/* Every other CPU, on itself, once: start its tick. */
void percpu_timer_setup(void);

#endif
