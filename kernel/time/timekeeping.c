/*
 * Timekeeping: the periodic tick (jiffies), the nanosecond clock behind
 * local_clock(), and the choice of timer driver (include/mica/timer_driver.h).
 *
 * Every CPU takes its own tick on its private timer; only the boot CPU's
 * advances jiffies_64 (Linux's tick_do_timer_cpu), by the number of whole
 * periods the free-running counter says have passed, as Linux's
 * tick_do_update_jiffies64() does: a tick interrupt that came late (QEMU
 * merges timer expiries when the host runs the vCPU late) loses no time.
 * jiffies_64 is two words on this 32-bit CPU, so the tick writes it under
 * the jiffies_lock seqlock and get_jiffies_64() reads it through that,
 * retrying when the tick updated it in between, as Linux does on 32-bit.
 * Each tick then runs the CPU's timers and the scheduler
 * (update_process_times).
 */
#include <linux/kernel.h>
#include <linux/export.h>
#include <linux/init.h>
#include <linux/errno.h>
#include <linux/io.h>
#include <linux/irq.h>
#include <linux/interrupt.h>
#include <linux/jiffies.h>
#include <linux/percpu.h>
#include <linux/smp.h>
#include <linux/sched/clock.h>
#include <linux/delay.h>
#include <linux/seqlock.h>
#include <linux/time64.h>
#include <linux/timer.h>
#include <string.h>
#include <mica/board.h>
#include <mica/timer_driver.h>

#define TICK_CPU       0	/* the CPU whose tick advances jiffies */
#define MEASURE_MS     50
#define REF_SAMPLES    16

u64 jiffies_64 __aligned(8) = INITIAL_JIFFIES;
/* jiffies is jiffies_64's low word (little-endian): one object, two names. */
__asm__(".globl jiffies\n\t.type jiffies, %object\n\t.set jiffies, jiffies_64");
EXPORT_SYMBOL(jiffies_64);
EXPORT_SYMBOL(jiffies);
static DEFINE_SEQLOCK(jiffies_lock);

const struct timer_ops *tick_timer;
struct timer_rates timer_rates;
static unsigned long tick_period;	/* tick_hz cycles per jiffy */
static unsigned long counter_per_jiffy;	/* counter cycles per jiffy */
static u64 last_jiffy_counter;		/* counter value at the last whole jiffy */
/*
 * The tick's per-CPU cookie. Linux passes each CPU's clock_event_device;
 * Mica's tick keeps no per-CPU state, so it only names the handler for
 * free_percpu_irq().
 */
static DEFINE_PER_CPU(u8, tick_cookie);

/* Counter cycles to ns: ns = cycles * clock_mult >> clock_shift. */
static u64 clock_epoch;
static u32 clock_mult, clock_shift;

extern const struct timer_ops *const __start_timer_drivers[], *const __stop_timer_drivers[];

u64 get_jiffies_64(void)
{
	unsigned int seq;
	u64 j;

	do {
		seq = read_seqbegin(&jiffies_lock);
		j = jiffies_64;
	} while (read_seqretry(&jiffies_lock, seq));
	return j;
}
EXPORT_SYMBOL(get_jiffies_64);

static void do_timer(void)
{
	u64 elapsed = tick_timer->read_counter() - last_jiffy_counter;
	unsigned long ticks = 0;

	/* Usually one; more when interrupts were lost. A loop: no 64-bit division. */
	while (elapsed >= counter_per_jiffy) {
		elapsed -= counter_per_jiffy;
		ticks++;
	}
	write_seqlock(&jiffies_lock);
	jiffies_64 += ticks;
	last_jiffy_counter += (u64)ticks * counter_per_jiffy;
	write_sequnlock(&jiffies_lock);
}

static irqreturn_t tick_interrupt(int irq, void *dev_id)
{
	tick_timer->ack_tick();
	if (smp_processor_id() == TICK_CPU)
		do_timer();
	update_process_times();
	return IRQ_HANDLED;
}

/* Split so that a 64-bit cycle count times a 32-bit mult never overflows. */
static u64 cycles_to_ns(u64 cycles)
{
	u64 hi = cycles >> 32, lo = cycles & 0xffffffffULL;

	return ((hi * clock_mult) << (32 - clock_shift)) + ((lo * clock_mult) >> clock_shift);
}

u64 sched_clock(void)
{
	const struct timer_ops *t = READ_ONCE(tick_timer);

	return t ? cycles_to_ns(t->read_counter() - clock_epoch) : 0;
}

u64 jiffies_lag_ns(void)
{
	unsigned int seq;
	u64 elapsed;

	do {
		seq = read_seqbegin(&jiffies_lock);
		elapsed = tick_timer->read_counter() - last_jiffy_counter;
	} while (read_seqretry(&jiffies_lock, seq));
	return elapsed > counter_per_jiffy ? cycles_to_ns(elapsed - counter_per_jiffy) : 0;
}

u64 local_clock(void)
{
	return sched_clock();
}
EXPORT_SYMBOL_GPL(local_clock);

/* The largest shift (best precision) whose mult still fits 32 bits. */
static void __init clock_set_rate(unsigned long hz)
{
	u32 shift;
	u64 mult = 0;

	for (shift = 32; shift > 0; shift--) {
		mult = (((u64)NSEC_PER_SEC << shift) + hz / 2) / hz;
		if (mult <= 0xffffffffULL)
			break;
	}
	clock_mult = mult;
	clock_shift = shift;
}

/*
 * One (reference, counter) pair taken as close together as we can: the
 * counter read between two reference reads, best of REF_SAMPLES tries, so
 * an interrupt or (under QEMU) the host descheduling us between the reads
 * does not skew it.
 */
static void ref_sample(void __iomem *ref, u64 (*read_counter)(void), u32 *r, u64 *c)
{
	u32 best = ~0U;
	unsigned int i;

	*r = 0;
	*c = 0;
	for (i = 0; i < REF_SAMPLES; i++) {
		u32 before = readl(ref);
		u64 count = read_counter();
		u32 after = readl(ref);

		if (after - before < best) {
			best = after - before;
			*r = before + best / 2;
			*c = count;
		}
	}
}

unsigned long timer_measure_rate(u64 (*read_counter)(void))
{
	u32 r0, r1, ref_ticks = board.refclk_hz / 1000 * MEASURE_MS;
	void __iomem *ref;
	unsigned long flags;
	u64 c0, c1;

	if (!board.refclk_base || !board.refclk_hz)
		return 0;
	ref = ioremap(board.refclk_base, 4);
	if (!ref)
		return 0;
	local_irq_save(flags);
	ref_sample(ref, read_counter, &r0, &c0);
	while (readl(ref) - r0 < ref_ticks)
		cpu_relax();
	ref_sample(ref, read_counter, &r1, &c1);
	local_irq_restore(flags);
	iounmap(ref);
	return (c1 - c0) * board.refclk_hz / (r1 - r0);
}

static const struct timer_ops *__init find_timer_driver(void)
{
	const struct timer_ops *const *drv;

	for (drv = __start_timer_drivers; drv < __stop_timer_drivers; drv++)
		if (board.timer_type && !strcmp((*drv)->name, board.timer_type))
			return *drv;
	return NULL;
}

static unsigned int tick_irq_of(const struct timer_ops *t, unsigned int cpu)
{
	return t->tick_irq ? t->tick_irq(cpu) : board.timer_irq;
}

unsigned int tick_irq(unsigned int cpu)
{
	return tick_irq_of(tick_timer, cpu);
}

/*
 * A banked PPI was requested once by time_init(); a per-CPU SPI is
 * requested here, on its CPU, and routed to it before the CPU is online
 * (hence irq_force_affinity, as Linux's exynos_mct does).
 */
void percpu_timer_setup(void)
{
	unsigned int cpu = smp_processor_id();
	unsigned int irq = tick_irq_of(tick_timer, cpu);
	struct cpumask self = { 1UL << cpu };
	int ret;

	if (irq < 32) {
		enable_percpu_irq(irq, IRQ_TYPE_NONE);
	} else {
		ret = request_irq(irq, tick_interrupt, IRQF_TRIGGER_HIGH, tick_timer->name,
				  per_cpu_ptr(&tick_cookie, cpu));
		if (!ret)
			ret = irq_force_affinity(irq, &self);
		if (ret)
			panic("time: CPU%u: cannot get timer interrupt %u (%d)\n", cpu, irq, ret);
	}
	tick_timer->start_tick(tick_period);
}

/* Linux's sched_clock line, rate rounded to MHz or kHz as Linux does. */
static void __init print_clock_rate(unsigned long hz)
{
	unsigned long r = hz;
	char unit = ' ';

	if (r >= 4000000) {
		r = (r + 500000) / 1000000;
		unit = 'M';
	} else if (r >= 4000) {
		r = (r + 500) / 1000;
		unit = 'k';
	}
	pr_info("sched_clock: 64 bits at %lu%cHz, resolution %luns\n", r, unit,
		(unsigned long)((NSEC_PER_SEC + hz / 2) / hz));
}

/* Linux/ARM's message for a timer-based delay; BogoMIPS = 2 * lpj * HZ / 10^6. */
static void __init calibrate_delay(void)
{
	unsigned long bogo_centi = (unsigned long)((u64)loops_per_jiffy * HZ / 5000);

	pr_info("Calibrating delay loop (skipped), value calculated using timer frequency.. "
		"%lu.%02lu BogoMIPS (lpj=%lu)\n", bogo_centi / 100, bogo_centi % 100, loops_per_jiffy);
}

void __init time_init(void)
{
	const struct timer_ops *drv = find_timer_driver();
	int ret;

	if (!drv)
		panic("time: no driver for timer type \"%s\"\n", board.timer_type);
	ret = drv->init(&timer_rates);
	if (ret)
		panic("time: %s: initialisation failed (%d)\n", drv->name, ret);
	if (timer_rates.tick_hz < HZ || !timer_rates.counter_hz)
		panic("time: %s: impossible rates (tick %lu Hz, counter %lu Hz)\n",
		      drv->name, timer_rates.tick_hz, timer_rates.counter_hz);

	clock_set_rate(timer_rates.counter_hz);
	clock_epoch = drv->read_counter();
	last_jiffy_counter = clock_epoch;
	tick_period = (timer_rates.tick_hz + HZ / 2) / HZ;
	counter_per_jiffy = (timer_rates.counter_hz + HZ / 2) / HZ;
	loops_per_jiffy = counter_per_jiffy;
	smp_wmb();	/* local_clock() and the delays see a complete set-up */
	WRITE_ONCE(tick_timer, drv);

	if (tick_irq_of(drv, 0) < 32) {
		ret = request_percpu_irq(tick_irq_of(drv, 0), tick_interrupt, drv->name, &tick_cookie);
		if (ret)
			panic("time: cannot get timer interrupt %u (%d)\n", tick_irq_of(drv, 0), ret);
	}
	percpu_timer_setup();
	print_clock_rate(timer_rates.counter_hz);
	calibrate_delay();
}
