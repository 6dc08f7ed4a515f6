/*
 * Softirqs and tasklets (include/linux/interrupt.h), as Linux runs them:
 * a per-CPU bitmask of raised softirqs, run at the end of a hard interrupt
 * (irq_exit) with interrupts enabled and SOFTIRQ_OFFSET in preempt_count,
 * at most MAX_SOFTIRQ_RESTART rounds at a time; what is left, and what a
 * task raised, runs in that CPU's ksoftirqd/N thread. local_bh_disable()
 * holds them off on this CPU; local_bh_enable() runs what came meanwhile.
 *
 * The handler runs on the interrupted task's stack, as on Linux/ARM 3.x.
 */
#include <linux/kernel.h>
#include <linux/export.h>
#include <linux/delay.h>
#include <linux/init.h>
#include <linux/interrupt.h>
#include <linux/kthread.h>
#include <linux/percpu.h>
#include <linux/sched.h>
#include <linux/smp.h>
#include <linux/string.h>

#define MAX_SOFTIRQ_RESTART 10

const char *const softirq_to_name[NR_SOFTIRQS] = {
	"HI", "TIMER", "NET_TX", "NET_RX", "BLOCK", "BLOCK_IOPOLL",
	"TASKLET", "SCHED", "HRTIMER", "RCU",
};

static struct softirq_action softirq_vec[NR_SOFTIRQS];
static DEFINE_PER_CPU(unsigned long, softirq_pending);
static DEFINE_PER_CPU(unsigned int[NR_SOFTIRQS], softirq_runs);
static DEFINE_PER_CPU(struct task_struct *, ksoftirqd);

unsigned int local_softirq_pending(void)
{
	return __this_cpu_read(softirq_pending);
}

unsigned int kstat_softirqs_cpu(unsigned int nr, unsigned int cpu)
{
	return nr < NR_SOFTIRQS ? per_cpu(softirq_runs, cpu)[nr] : 0;
}

void open_softirq(int nr, void (*action)(struct softirq_action *))
{
	softirq_vec[nr].action = action;
}

static void wakeup_softirqd(void)
{
	struct task_struct *tsk = __this_cpu_read(ksoftirqd);

	if (tsk && tsk->state != TASK_RUNNING)
		wake_up_process(tsk);
}

void raise_softirq_irqoff(unsigned int nr)
{
	__this_cpu_write(softirq_pending, __this_cpu_read(softirq_pending) | 1UL << nr);
	/* From a task nothing else would run it soon: irq_exit does for handlers. */
	if (!in_interrupt())
		wakeup_softirqd();
}

void raise_softirq(unsigned int nr)
{
	unsigned long flags;

	local_irq_save(flags);
	raise_softirq_irqoff(nr);
	local_irq_restore(flags);
}

/* Interrupts off, not in interrupt context: run what is pending on this CPU. */
static void __do_softirq(void)
{
	unsigned int restart = MAX_SOFTIRQ_RESTART;
	unsigned long pending;

	preempt_count_add(SOFTIRQ_OFFSET);
	while ((pending = __this_cpu_read(softirq_pending))) {
		__this_cpu_write(softirq_pending, 0);
		local_irq_enable();
		for (unsigned int nr = 0; pending; nr++, pending >>= 1) {
			if (!(pending & 1) || !softirq_vec[nr].action)
				continue;
			(*this_cpu_ptr(&softirq_runs))[nr]++;
			softirq_vec[nr].action(&softirq_vec[nr]);
		}
		local_irq_disable();
		if (!--restart) {
			if (__this_cpu_read(softirq_pending))
				wakeup_softirqd();	/* they keep coming: let tasks run too */
			break;
		}
	}
	preempt_count_sub(SOFTIRQ_OFFSET);
}

void do_softirq(void)
{
	unsigned long flags;

	if (in_interrupt())
		return;
	local_irq_save(flags);
	if (__this_cpu_read(softirq_pending))
		__do_softirq();
	local_irq_restore(flags);
}

void irq_exit(void)
{
	preempt_count_sub(HARDIRQ_OFFSET);
	if (!in_interrupt() && __this_cpu_read(softirq_pending))
		__do_softirq();
}

void local_bh_enable(void)
{
	WARN_ON_ONCE(in_irq() || irqs_disabled());
	preempt_count_sub(SOFTIRQ_DISABLE_OFFSET);
	if (!in_interrupt() && local_softirq_pending())
		do_softirq();
}
EXPORT_SYMBOL(local_bh_enable);

/* --- tasklets --------------------------------------------------------------- */

struct tasklet_head {
	struct tasklet_struct *head;
	struct tasklet_struct **tail;
};

static DEFINE_PER_CPU(struct tasklet_head, tasklet_vec);
static DEFINE_PER_CPU(struct tasklet_head, tasklet_hi_vec);
/* A list taken off for running: odd while its tasklets run (tasklets_kill_matching). */
static DEFINE_PER_CPU(unsigned long, tasklet_run_seq);

void tasklet_init(struct tasklet_struct *t, void (*func)(unsigned long), unsigned long data)
{
	t->next = NULL;
	t->state = 0;
	atomic_set(&t->count, 0);
	t->func = func;
	t->data = data;
}
EXPORT_SYMBOL(tasklet_init);

/* Interrupts off. */
static void tasklet_queue(struct tasklet_head *list, struct tasklet_struct *t, unsigned int nr)
{
	if (!list->tail)
		list->tail = &list->head;
	t->next = NULL;
	*list->tail = t;
	list->tail = &t->next;
	raise_softirq_irqoff(nr);
}

static void schedule_on(struct tasklet_head *list, struct tasklet_struct *t, unsigned int nr)
{
	unsigned long flags;

	if (!t->func) {
		/* Never initialised: running it would jump to 0. */
		clear_bit(TASKLET_STATE_SCHED, &t->state);
		WARN(1, "tasklet %p scheduled without a function (tasklet_init?)\n", t);
		return;
	}
	local_irq_save(flags);
	tasklet_queue(this_cpu_ptr(list), t, nr);
	local_irq_restore(flags);
}

void __tasklet_schedule(struct tasklet_struct *t)
{
	schedule_on(&tasklet_vec, t, TASKLET_SOFTIRQ);
}
EXPORT_SYMBOL(__tasklet_schedule);

void __tasklet_hi_schedule(struct tasklet_struct *t)
{
	schedule_on(&tasklet_hi_vec, t, HI_SOFTIRQ);
}
EXPORT_SYMBOL(__tasklet_hi_schedule);

static void tasklet_run_list(struct tasklet_head *list, unsigned int nr)
{
	struct tasklet_struct *t;

	local_irq_disable();
	t = list->head;
	list->head = NULL;
	list->tail = &list->head;
	__this_cpu_write(tasklet_run_seq, __this_cpu_read(tasklet_run_seq) + 1);
	local_irq_enable();

	while (t) {
		struct tasklet_struct *next = t->next;

		/* Running on another CPU, or disabled: put it back for later. */
		if (test_and_set_bit(TASKLET_STATE_RUN, &t->state)) {
			local_irq_disable();
			tasklet_queue(list, t, nr);
			local_irq_enable();
		} else if (atomic_read(&t->count)) {
			clear_bit(TASKLET_STATE_RUN, &t->state);
			local_irq_disable();
			tasklet_queue(list, t, nr);
			local_irq_enable();
		} else {
			/* Cleared first, so the function may schedule it again. */
			if (!test_and_clear_bit(TASKLET_STATE_SCHED, &t->state))
				WARN(1, "tasklet %pS on a list but not scheduled\n", t->func);
			t->func(t->data);
			clear_bit(TASKLET_STATE_RUN, &t->state);
		}
		t = next;
	}
	smp_wmb();
	__this_cpu_write(tasklet_run_seq, __this_cpu_read(tasklet_run_seq) + 1);
}

static void tasklet_action(struct softirq_action *a)
{
	tasklet_run_list(this_cpu_ptr(&tasklet_vec), TASKLET_SOFTIRQ);
}

static void tasklet_hi_action(struct softirq_action *a)
{
	tasklet_run_list(this_cpu_ptr(&tasklet_hi_vec), HI_SOFTIRQ);
}

void tasklet_kill(struct tasklet_struct *t)
{
	if (in_interrupt()) {
		pr_err("Attempt to kill tasklet from interrupt\n");
		dump_stack();
		return;
	}
	while (test_and_set_bit(TASKLET_STATE_SCHED, &t->state)) {
		/* Scheduled: wait for it to run, unless it never can. */
		if (atomic_read(&t->count)) {
			pr_err("tasklet_kill: %pS is disabled and scheduled: enable it first\n",
			       t->func);
			dump_stack();
			return;
		}
		do {
			yield();
		} while (test_bit(TASKLET_STATE_SCHED, &t->state));
	}
	/* Now ours: nobody can schedule it; wait out a run in progress. */
	tasklet_unlock_wait(t);
	clear_bit(TASKLET_STATE_SCHED, &t->state);
}
EXPORT_SYMBOL(tasklet_kill);

/* --- tasklets_kill_matching (kernel/module/track.c) -------------------------- */

#define KILL_BATCH 16

struct kill_ctx {
	bool (*match)(const struct tasklet_struct *t, void *data);
	void *data;
	spinlock_t lock;
	unsigned int n;
	bool more;			/* the batch was full: go round again */
	struct tasklet_struct *taken[KILL_BATCH];
	unsigned long seen[NR_CPUS];	/* each CPU's tasklet_run_seq as its lists were searched */
};

/* Interrupts off, on the list's CPU. */
static void kill_in_list(struct tasklet_head *list, struct kill_ctx *ctx)
{
	struct tasklet_struct **pp = &list->head, *t;

	while ((t = *pp)) {
		bool take;

		spin_lock(&ctx->lock);
		take = ctx->match(t, ctx->data);
		if (take && ctx->n == KILL_BATCH) {
			ctx->more = true;
			take = false;
		}
		if (take)
			ctx->taken[ctx->n++] = t;
		spin_unlock(&ctx->lock);
		if (!take) {
			pp = &t->next;
			continue;
		}
		*pp = t->next;
		t->next = NULL;
		clear_bit(TASKLET_STATE_SCHED, &t->state);
	}
	list->tail = pp;
}

/*
 * Interrupts off, on each CPU. A list this CPU had taken off to run (odd
 * tasklet_run_seq) is out of reach: noted, to be waited for.
 */
static void kill_on_cpu(void *data)
{
	struct kill_ctx *ctx = data;

	ctx->seen[smp_processor_id()] = __this_cpu_read(tasklet_run_seq);
	kill_in_list(this_cpu_ptr(&tasklet_vec), ctx);
	kill_in_list(this_cpu_ptr(&tasklet_hi_vec), ctx);
}

/*
 * Until every list that was being run as kill_on_cpu() searched has been
 * run (sleeping: the run may be ksoftirqd's, preempted on this very CPU).
 * True if one was: what it put back or scheduled needs another search.
 */
static bool wait_for_tasklet_runs(const struct kill_ctx *ctx)
{
	unsigned int cpu;
	bool waited = false;

	for_each_online_cpu(cpu) {
		if (!(ctx->seen[cpu] & 1))
			continue;
		waited = true;
		while (READ_ONCE(per_cpu(tasklet_run_seq, cpu)) == ctx->seen[cpu])
			msleep(1);
	}
	smp_rmb();
	return waited;
}

unsigned int tasklets_kill_matching(bool (*match)(const struct tasklet_struct *t, void *data),
				    void (*report)(const struct tasklet_struct *t, void *data),
				    void *data)
{
	struct kill_ctx ctx = { .match = match, .data = data };
	unsigned int total = 0;
	bool ran;

	spin_lock_init(&ctx.lock);
	do {
		ctx.n = 0;
		ctx.more = false;
		memset(ctx.seen, 0, sizeof(ctx.seen));
		on_each_cpu(kill_on_cpu, &ctx, 1);
		/* A list being run had been taken off before: let it finish. */
		ran = wait_for_tasklet_runs(&ctx);
		for (unsigned int i = 0; i < ctx.n; i++)
			report(ctx.taken[i], data);
		total += ctx.n;
	} while (ctx.more || ctx.n || ran);	/* a run may have scheduled more */
	return total;
}

/* --- ksoftirqd ------------------------------------------------------------- */

static int run_ksoftirqd(void *unused)
{
	for (;;) {
		set_current_state(TASK_INTERRUPTIBLE);
		if (!local_softirq_pending())
			schedule();
		__set_current_state(TASK_RUNNING);
		local_irq_disable();
		if (local_softirq_pending())
			__do_softirq();
		local_irq_enable();
		cond_resched();
	}
	return 0;
}

static int __init spawn_ksoftirqd(void)
{
	unsigned int cpu;

	open_softirq(TASKLET_SOFTIRQ, tasklet_action);
	open_softirq(HI_SOFTIRQ, tasklet_hi_action);
	for_each_possible_cpu(cpu) {
		struct task_struct *tsk = kthread_create(run_ksoftirqd, NULL, "ksoftirqd/%u", cpu);

		if (IS_ERR(tsk)) {
			pr_err("softirq: no ksoftirqd/%u (%ld): tasklets raised by tasks wait for an interrupt\n",
			       cpu, PTR_ERR(tsk));
			continue;
		}
		kthread_bind(tsk, cpu);
		per_cpu(ksoftirqd, cpu) = tsk;
		wake_up_process(tsk);
	}
	return 0;
}
early_initcall(spawn_ksoftirqd);
