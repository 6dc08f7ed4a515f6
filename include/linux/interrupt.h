/*
 * Interrupt handler registration (Linux's driver API).
 *
 * Mica's interrupt numbers are the GIC's own IDs, with no IRQ domain in
 * between: 0-15 are SGIs (the kernel's IPIs, not requestable), 16-31 are
 * PPIs (one banked copy per CPU: request_percpu_irq), 32 and up are SPIs
 * (shared peripheral lines: request_irq).
 *
 * Deferred work runs as tasklets (below) or in a workqueue (linux/workqueue.h).
 *
 * Less than Linux: no threaded handlers; handlers
 * always run with interrupts disabled on the CPU that took the interrupt;
 * irqactions come from a fixed pool (IRQ_ACTION_POOL) rather than kmalloc;
 * the GIC only has level-high and rising-edge SPIs, so IRQF_TRIGGER_LOW and
 * _FALLING are refused.
 */
#ifndef _LINUX_INTERRUPT_H
#define _LINUX_INTERRUPT_H

#include <linux/types.h>
#include <linux/atomic.h>
#include <linux/bitops.h>
#include <linux/bottom_half.h>
#include <linux/smp.h>
#include <linux/hardirq.h>

typedef enum irqreturn {
	IRQ_NONE = 0,		/* not from this device */
	IRQ_HANDLED = 1,
} irqreturn_t;

typedef irqreturn_t (*irq_handler_t)(int irq, void *dev_id);

/* request_irq flags (Linux's values). */
#define IRQF_TRIGGER_NONE    0x00000000	/* keep the line's current type */
#define IRQF_TRIGGER_RISING  0x00000001
#define IRQF_TRIGGER_FALLING 0x00000002
#define IRQF_TRIGGER_HIGH    0x00000004
#define IRQF_TRIGGER_LOW     0x00000008
#define IRQF_TRIGGER_MASK    0x0000000f
#define IRQF_SHARED          0x00000080	/* several handlers on one line */
#define IRQF_PERCPU          0x00000400	/* set by request_percpu_irq */

struct irqaction {
	irq_handler_t handler;
	void *dev_id;
	void *percpu_dev_id;		/* per-CPU lines: a DEFINE_PER_CPU variable */
	const char *name;
	unsigned long flags;
	struct irqaction *next;
	struct module *owner;		/* the module of @handler, held while registered */
};

#define IRQ_ACTION_POOL 64

/*
 * Install @handler on SPI @irq and unmask it. Several handlers may share a
 * line only if every one passes IRQF_SHARED (and a non-NULL @dev_id) with
 * the same trigger type. Returns 0, -EINVAL (bad number, SGI/PPI, bad
 * flags), -EBUSY (line taken) or -ENOMEM (action pool empty).
 */
int request_irq(unsigned int irq, irq_handler_t handler, unsigned long flags,
		const char *name, void *dev_id);
/*
 * Remove the handler registered with @dev_id and wait until it no longer
 * runs on any CPU; the line is masked when its last handler goes. Returns
 * the name given to request_irq, or NULL (and a warning) if no such
 * handler exists. Not from interrupt context.
 */
const void *free_irq(unsigned int irq, void *dev_id);

/*
 * PPIs: one handler for all CPUs, called with this CPU's copy of
 * @percpu_dev_id, the address of a DEFINE_PER_CPU variable (Mica's per-CPU
 * variables have no __percpu address space, so it is a plain pointer).
 * Each CPU enables its own copy (enable_percpu_irq, on that CPU);
 * free_percpu_irq requires every CPU to have disabled it first.
 */
int request_percpu_irq(unsigned int irq, irq_handler_t handler, const char *devname,
		       void *percpu_dev_id);
void free_percpu_irq(unsigned int irq, void *percpu_dev_id);
void enable_percpu_irq(unsigned int irq, unsigned int type);
void disable_percpu_irq(unsigned int irq);

/*
 * Nesting: n disable_irq() calls need n enable_irq() calls. disable_irq
 * also waits for a running handler to finish (so never call it from that
 * handler: use disable_irq_nosync). An edge that arrives while disabled is
 * replayed by enable_irq.
 */
/*
 * Mica (for kernel/module/track.c): free every handler @match accepts, each
 * reported first (not per-CPU lines). The number freed.
 */
unsigned int free_irqs_matching(bool (*match)(const struct irqaction *a, void *data),
				void (*report)(unsigned int irq, const struct irqaction *a, void *data),
				void *data);

void disable_irq(unsigned int irq);
void disable_irq_nosync(unsigned int irq);
void enable_irq(unsigned int irq);
/* Wait until no CPU runs a handler of @irq. */
void synchronize_irq(unsigned int irq);

/* Route SPI @irq to the first online CPU of @mask. */
int irq_set_affinity(unsigned int irq, const struct cpumask *mask);
/* The same, for a CPU that is not online yet (a CPU's own timer line, set up as it starts). */
int irq_force_affinity(unsigned int irq, const struct cpumask *mask);

/* Interrupt controller state of one line, set or read from software. */
enum irqchip_irq_state {
	IRQCHIP_STATE_PENDING,	/* raising it triggers the interrupt */
	IRQCHIP_STATE_ACTIVE,
	IRQCHIP_STATE_MASKED,
};
int irq_set_irqchip_state(unsigned int irq, enum irqchip_irq_state which, bool val);
int irq_get_irqchip_state(unsigned int irq, enum irqchip_irq_state which, bool *state);

/*
 * Softirqs: work raised (often by an interrupt handler) and run once the
 * hard interrupt is over - at irq_exit, with interrupts enabled, on the
 * CPU that raised it, never preempted and never in parallel with itself on
 * that CPU - or, when raised from a task or when they keep coming, by that
 * CPU's ksoftirqd/N thread. Linux's numbers; Mica runs HI and TASKLET (the
 * tasklets) and leaves the others to their Linux subsystems' absence
 * (timers run in the tick itself). `softirqs` shows the counts as
 * /proc/softirqs.
 */
enum {
	HI_SOFTIRQ = 0,
	TIMER_SOFTIRQ,
	NET_TX_SOFTIRQ,
	NET_RX_SOFTIRQ,
	BLOCK_SOFTIRQ,
	BLOCK_IOPOLL_SOFTIRQ,
	TASKLET_SOFTIRQ,
	SCHED_SOFTIRQ,
	HRTIMER_SOFTIRQ,
	RCU_SOFTIRQ,
	NR_SOFTIRQS
};

struct softirq_action {
	void (*action)(struct softirq_action *);
};

void open_softirq(int nr, void (*action)(struct softirq_action *));
void raise_softirq(unsigned int nr);
void raise_softirq_irqoff(unsigned int nr);	/* interrupts already off */
/* Run what is pending on this CPU now, if not in interrupt context. */
void do_softirq(void);
/* Softirqs of this CPU raised and not yet run. */
unsigned int local_softirq_pending(void);
/* Raised and run counts per CPU (`softirqs`). */
unsigned int kstat_softirqs_cpu(unsigned int nr, unsigned int cpu);
/* Their names, as /proc/softirqs shows them. */
extern const char *const softirq_to_name[NR_SOFTIRQS];

#define in_softirq()		(softirq_count() != 0)	/* serving one, or bh disabled */
#define in_serving_softirq()	(softirq_count() & SOFTIRQ_OFFSET)

/*
 * Tasklets: a function run in softirq context, after the interrupt that
 * scheduled it. A tasklet is scheduled at most once at a time (scheduling
 * it again before it runs changes nothing), runs on the CPU that scheduled
 * it, never on two CPUs at once, and never sleeps. tasklet_hi_schedule()
 * puts it on the HI list, run before the others.
 */
struct tasklet_struct {
	struct tasklet_struct *next;
	unsigned long state;		/* TASKLET_STATE_* bits */
	atomic_t count;			/* > 0: disabled */
	void (*func)(unsigned long);
	unsigned long data;
};

enum {
	TASKLET_STATE_SCHED,		/* on a list, waiting to run */
	TASKLET_STATE_RUN,		/* running (on one CPU) */
};

#define DECLARE_TASKLET(name, func, data) 	struct tasklet_struct name = { NULL, 0, ATOMIC_INIT(0), func, data }
#define DECLARE_TASKLET_DISABLED(name, func, data) 	struct tasklet_struct name = { NULL, 0, ATOMIC_INIT(1), func, data }

void tasklet_init(struct tasklet_struct *t, void (*func)(unsigned long), unsigned long data);
void __tasklet_schedule(struct tasklet_struct *t);
void __tasklet_hi_schedule(struct tasklet_struct *t);

static inline void tasklet_schedule(struct tasklet_struct *t)
{
	if (!test_and_set_bit(TASKLET_STATE_SCHED, &t->state))
		__tasklet_schedule(t);
}

static inline void tasklet_hi_schedule(struct tasklet_struct *t)
{
	if (!test_and_set_bit(TASKLET_STATE_SCHED, &t->state))
		__tasklet_hi_schedule(t);
}

/* Wait until @t is not running on any CPU. */
static inline void tasklet_unlock_wait(struct tasklet_struct *t)
{
	while (test_bit(TASKLET_STATE_RUN, &t->state))
		cpu_relax();
}

/* Disabled, a scheduled tasklet stays scheduled but does not run. They nest. */
static inline void tasklet_disable_nosync(struct tasklet_struct *t)
{
	atomic_inc(&t->count);
	smp_mb();
}

/* ... and this one also waits for a run in progress to finish. */
static inline void tasklet_disable(struct tasklet_struct *t)
{
	tasklet_disable_nosync(t);
	tasklet_unlock_wait(t);
	smp_mb();
}

static inline void tasklet_enable(struct tasklet_struct *t)
{
	smp_mb();
	atomic_dec(&t->count);
}

/*
 * Wait until @t is neither scheduled nor running, and leave it so; one
 * that reschedules itself without end keeps it waiting (as on Linux: stop
 * it with a flag first). May sleep: not from interrupt context (reported,
 * and nothing is done). A tasklet that is disabled and scheduled can never
 * run: reported instead of waiting forever (Linux hangs).
 */
void tasklet_kill(struct tasklet_struct *t);

/*
 * Mica (for kernel/module/track.c): take every scheduled tasklet @match
 * accepts off its CPU's list (not run, no longer scheduled), then wait for
 * the lists being run on other CPUs to finish, and @report each taken; again
 * while any was taken or run (a tasklet that ran may have scheduled
 * another). Process context. The number taken off.
 */
unsigned int tasklets_kill_matching(bool (*match)(const struct tasklet_struct *t, void *data),
				    void (*report)(const struct tasklet_struct *t, void *data),
				    void *data);

#endif
