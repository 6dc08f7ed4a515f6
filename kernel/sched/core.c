/*
 * The scheduler core: per-CPU run queues, schedule(), wake-ups, time
 * slices, load balancing and migration, preemption. See linux/sched.h for
 * the model.
 *
 * Locking, as Linux: each run queue has a lock taken with interrupts off;
 * a task's wake-ups are serialised by its pi_lock; a task's CPU changes
 * only with its run queue locked (both queues, when it moves between two).
 * The lock of the queue a switch happens on is held across __switch_to
 * and released by the next task in finish_task_switch(); until then the
 * previous task's on_cpu stays 1, and a wake-up that wants to move it to
 * another CPU waits for that (its registers are not saved before).
 *
 * preempt_count is per task: schedule() runs with one level (its own
 * preempt_disable) plus the run queue lock, and a task is resumed with the
 * same two levels it switched out with. New tasks therefore start with
 * FORK_PREEMPT_COUNT and idle tasks always keep preemption disabled.
 */
#include <linux/kernel.h>
#include <linux/export.h>
#include <linux/init.h>
#include <linux/errno.h>
#include <linux/sched.h>
#include <linux/smp_lock.h>
#include <linux/jiffies.h>
#include <linux/percpu.h>
#include <linux/smp.h>
#include <linux/sched/clock.h>
#include <linux/hardirq.h>
#include <asm/smp.h>
#include "sched.h"

#define FORK_PREEMPT_COUNT (2 * PREEMPT_DISABLE_OFFSET)
#define TIMESLICE_TICKS (SCHED_TIMESLICE_MS * HZ / 1000 ? SCHED_TIMESLICE_MS * HZ / 1000 : 1)
/*
 * How often a CPU looks for imbalance from its tick, in ticks: an idle CPU
 * often, a busy one less. When the tasks it could pull are all pinned
 * elsewhere it backs off (doubling, up to BALANCE_MAX_BACKOFF times), as
 * Linux does, instead of taking other CPUs' run queue locks every tick.
 */
#define BALANCE_INTERVAL_IDLE 2
#define BALANCE_INTERVAL_BUSY 8
#define BALANCE_MAX_BACKOFF 5
/* Linux's load-average constants: 5 s period, 1/5/15-minute decay in FSHIFT fixed point. */
#define LOAD_FREQ (5 * HZ + 1)
#define EXP_1  1884
#define EXP_5  2014
#define EXP_15 2037

struct rq {
	spinlock_t lock;
	unsigned int nr_running;	/* runnable tasks here, the running one included; not idle */
	int nr_uninterruptible;		/* may go negative per CPU (tasks wake elsewhere); the sum is right */
	struct list_head queue;		/* runnable tasks waiting for this CPU, in order */
	struct task_struct *curr, *idle;
	u64 nr_switches;
	unsigned long next_balance;	/* jiffies */
	unsigned int balance_backoff;	/* the interval is shifted left by this */
	int cpu;
};

static DEFINE_PER_CPU(struct rq, runqueues);
#define cpu_rq(cpu)	per_cpu_ptr(&runqueues, (cpu))
#define task_rq(p)	cpu_rq(task_cpu(p))

bool scheduler_running;
unsigned long schedule_bug_reports;
static unsigned long avenrun[3];
static unsigned long calc_load_update;

struct task_struct *__switch_to(struct task_struct *prev, struct task_struct *next);
void schedule_tail(struct task_struct *prev);

static void set_task_cpu(struct task_struct *p, unsigned int cpu)
{
	WRITE_ONCE(p->cpu, cpu);
}

static bool cpu_is_idle(int cpu)
{
	struct rq *rq = cpu_rq(cpu);

	return READ_ONCE(rq->curr) == rq->idle && !READ_ONCE(rq->nr_running);
}

/* rq locked. Add @p at the back of @rq's queue. */
static void activate_task(struct rq *rq, struct task_struct *p)
{
	p->on_rq = 1;
	rq->nr_running++;
	list_add_tail(&p->run_list, &rq->queue);
}

/* rq locked, @p running here and going to sleep (or leaving this CPU). */
static void deactivate_task(struct rq *rq, struct task_struct *p)
{
	p->on_rq = 0;
	rq->nr_running--;
}

/* rq locked. Ask rq->curr to give up its CPU; another CPU is told by IPI. */
static void resched_curr(struct rq *rq)
{
	struct task_struct *curr = rq->curr;

	if (test_tsk_need_resched(curr))
		return;
	set_tsk_need_resched(curr);
	smp_mb();	/* the flag is visible before the IPI arrives */
	if (rq->cpu != smp_processor_id())
		smp_send_reschedule(rq->cpu);
}

/* Add the time since curr last got (or was charged for) the CPU. */
static void update_curr(struct rq *rq)
{
	struct task_struct *curr = rq->curr;
	u64 now = local_clock();

	curr->sum_exec_runtime += now - curr->exec_start;
	curr->exec_start = now;
}

/* The run queue @p is on, locked; @p may move while we wait, so look again. */
static struct rq *task_rq_lock(struct task_struct *p, unsigned long *flags)
{
	struct rq *rq;

	for (;;) {
		local_irq_save(*flags);
		rq = task_rq(p);
		spin_lock(&rq->lock);
		if (rq == task_rq(p))
			return rq;
		spin_unlock(&rq->lock);
		local_irq_restore(*flags);
	}
}

static void task_rq_unlock(struct rq *rq, unsigned long flags)
{
	spin_unlock(&rq->lock);
	local_irq_restore(flags);
}

/*
 * this_rq locked: also lock @busiest, dropping this_rq's lock first when
 * the order demands it (so this_rq may have changed meanwhile).
 */
static void double_lock_balance(struct rq *this_rq, struct rq *busiest)
{
	if (spin_trylock(&busiest->lock))
		return;
	if (busiest->cpu < this_rq->cpu) {
		spin_unlock(&this_rq->lock);
		spin_lock(&busiest->lock);
		spin_lock(&this_rq->lock);
	} else {
		spin_lock(&busiest->lock);
	}
}

/* The CPU @p should run on: where it was if that is idle, else an idle one, else the least busy. */
static int select_task_rq(struct task_struct *p)
{
	cpumask_t allowed = { p->cpus_allowed.bits & READ_ONCE(cpu_online_map.bits) };
	int prev = task_cpu(p), best = -1, cpu;
	unsigned int best_load = ~0U;

	if (cpumask_empty(&allowed)) {
		pr_info("process %d (%s) no longer affine to cpu%d\n", p->pid, p->comm, prev);
		allowed = cpu_online_map;
		p->cpus_allowed = allowed;
	}
	if (cpumask_test_cpu(prev, &allowed) && cpu_is_idle(prev))
		return prev;
	for (cpu = 0; cpu < NR_CPUS; cpu++) {
		unsigned int load;

		if (!cpumask_test_cpu(cpu, &allowed))
			continue;
		if (cpu_is_idle(cpu))
			return cpu;
		load = READ_ONCE(cpu_rq(cpu)->nr_running);
		if (load < best_load || (load == best_load && cpu == prev)) {
			best_load = load;
			best = cpu;
		}
	}
	return best;
}

/* p->pi_lock held, @p on no queue and on no CPU: make it runnable on @cpu. */
static void ttwu_queue(struct task_struct *p, int cpu)
{
	struct rq *rq = cpu_rq(cpu);

	spin_lock(&rq->lock);
	set_task_cpu(p, cpu);
	if (p->sched_contributes_to_load) {
		rq->nr_uninterruptible--;
		p->sched_contributes_to_load = 0;
	}
	WRITE_ONCE(p->state, TASK_RUNNING);
	activate_task(rq, p);
	if (rq->curr == rq->idle)
		resched_curr(rq);
	spin_unlock(&rq->lock);
}

int try_to_wake_up(struct task_struct *p, unsigned int state, int wake_flags)
{
	unsigned long flags;
	int success = 0;

	spin_lock_irqsave(&p->pi_lock, flags);
	smp_mb();	/* the waker's condition store is ordered before reading p->state */
	if (!(READ_ONCE(p->state) & state))
		goto out;
	success = 1;
	if (READ_ONCE(p->on_rq)) {
		/* Still on its queue (it has not got as far as schedule()): just keep it running. */
		unsigned long rqflags;
		struct rq *rq = task_rq_lock(p, &rqflags);
		bool queued = p->on_rq;

		if (queued)
			WRITE_ONCE(p->state, TASK_RUNNING);
		task_rq_unlock(rq, rqflags);
		if (queued)
			goto out;
	}
	/* Off its queue: its registers are saved once it is off the CPU. */
	while (READ_ONCE(p->on_cpu))
		cpu_relax();
	smp_rmb();
	ttwu_queue(p, select_task_rq(p));
out:
	spin_unlock_irqrestore(&p->pi_lock, flags);
	return success;
}

int wake_up_state(struct task_struct *p, unsigned int state)
{
	return try_to_wake_up(p, state, 0);
}
EXPORT_SYMBOL(wake_up_state);

int wake_up_process(struct task_struct *p)
{
	return try_to_wake_up(p, TASK_NORMAL, 0);
}
EXPORT_SYMBOL(wake_up_process);

void wake_up_new_task(struct task_struct *p)
{
	unsigned long flags;

	spin_lock_irqsave(&p->pi_lock, flags);
	ttwu_queue(p, select_task_rq(p));
	spin_unlock_irqrestore(&p->pi_lock, flags);
}

/*
 * Pull runnable tasks (never the running one) from the busiest CPU until
 * the two are within one task of each other. this_rq locked, interrupts
 * off; the lock may be dropped meanwhile. Returns the number moved, or -1
 * when no CPU had tasks to spare (nothing was locked).
 */
static int load_balance(struct rq *this_rq)
{
	int this_cpu = this_rq->cpu, cpu, moved = 0, to_move;
	struct rq *busiest = NULL;
	unsigned int max_load = 0;
	struct list_head *pos, *prev;

	for_each_online_cpu(cpu) {
		unsigned int load = READ_ONCE(cpu_rq(cpu)->nr_running);

		if (cpu != this_cpu && load > max_load) {
			max_load = load;
			busiest = cpu_rq(cpu);
		}
	}
	if (!busiest || max_load < this_rq->nr_running + 2)
		return -1;
	double_lock_balance(this_rq, busiest);
	if (busiest->nr_running < this_rq->nr_running + 2)
		goto out;
	to_move = (busiest->nr_running - this_rq->nr_running) / 2;
	/* From the back: those would wait longest where they are. */
	for (pos = busiest->queue.prev; pos != &busiest->queue && moved < to_move; pos = prev) {
		struct task_struct *p = list_entry(pos, struct task_struct, run_list);

		prev = pos->prev;
		if (!cpumask_test_cpu(this_cpu, &p->cpus_allowed))
			continue;
		/* Queued tasks are off their CPU: busiest->lock was held until their switch ended. */
		list_del(&p->run_list);
		busiest->nr_running--;
		set_task_cpu(p, this_cpu);
		this_rq->nr_running++;
		list_add_tail(&p->run_list, &this_rq->queue);
		moved++;
	}
out:
	spin_unlock(&busiest->lock);
	return moved;
}

/* this_rq locked: balance unless backing off, and adjust the backoff. */
static int balance_if_due(struct rq *this_rq, bool idle, bool newly_idle)
{
	unsigned int interval = idle ? BALANCE_INTERVAL_IDLE : BALANCE_INTERVAL_BUSY;
	int moved;

	if (newly_idle ? this_rq->balance_backoff && time_before(jiffies, this_rq->next_balance)
		       : time_before(jiffies, this_rq->next_balance))
		return 0;
	moved = load_balance(this_rq);
	if (moved)
		this_rq->balance_backoff = 0;
	else if (this_rq->balance_backoff < BALANCE_MAX_BACKOFF)
		this_rq->balance_backoff++;	/* everything it could take is pinned */
	this_rq->next_balance = jiffies + (interval << this_rq->balance_backoff);
	return moved > 0 ? moved : 0;
}

/* Someone asked to preempt a running task in atomic context: Linux's report. */
static void schedule_debug(struct task_struct *prev)
{
	if (likely(preempt_count() == PREEMPT_DISABLE_OFFSET))
		return;
	__atomic_add_fetch(&schedule_bug_reports, 1, __ATOMIC_RELAXED);
	printk(KERN_ERR "BUG: scheduling while atomic: %s/%d/0x%08x\n", prev->comm, prev->pid,
	       (unsigned int)preempt_count());
	dump_stack();
}

static void finish_task_switch(struct task_struct *prev)
{
	struct rq *rq = cpu_rq(smp_processor_id());
	long prev_state = READ_ONCE(prev->state);
	bool migrate = prev->migrate_pending;

	/* From here on @prev may run elsewhere, or be freed if it is dead. */
	smp_mb();
	WRITE_ONCE(prev->on_cpu, 0);
	spin_unlock(&rq->lock);
	local_irq_enable();
	if (migrate) {
		unsigned long flags;

		prev->migrate_pending = 0;
		spin_lock_irqsave(&prev->pi_lock, flags);
		ttwu_queue(prev, select_task_rq(prev));
		spin_unlock_irqrestore(&prev->pi_lock, flags);
	}
	if (prev_state == TASK_DEAD)
		put_task_struct(prev);	/* the reference it held while alive */
}

void schedule_tail(struct task_struct *prev)
{
	finish_task_switch(prev);
	preempt_enable();
}

/*
 * Pick the next task and switch to it. Called with preempt_count exactly
 * PREEMPT_DISABLE_OFFSET. @preempt: the task is being preempted and stays
 * runnable whatever its state says.
 */
static void __schedule(bool preempt)
{
	int cpu = smp_processor_id();
	struct rq *rq = cpu_rq(cpu);
	struct task_struct *prev = rq->curr, *next;
	long prev_state;

	schedule_debug(prev);
	local_irq_disable();
	spin_lock(&rq->lock);
	update_curr(rq);

	prev_state = prev->state;
	if (!preempt && prev_state) {
		if (signal_pending_state(prev_state, prev)) {
			WRITE_ONCE(prev->state, TASK_RUNNING);
		} else {
			deactivate_task(rq, prev);
			if ((prev_state & TASK_UNINTERRUPTIBLE) && !(prev_state & TASK_NOLOAD)) {
				prev->sched_contributes_to_load = 1;
				rq->nr_uninterruptible++;
			}
		}
	}
	if (prev->on_rq && prev != rq->idle) {
		if (cpumask_test_cpu(cpu, &prev->cpus_allowed)) {
			list_add_tail(&prev->run_list, &rq->queue);
		} else {
			/* Not allowed here any more: requeued on an allowed CPU once switched out. */
			deactivate_task(rq, prev);
			prev->migrate_pending = 1;
		}
	}
	if (list_empty(&rq->queue) && cpu_online(cpu))
		balance_if_due(rq, true, true);	/* about to idle: find work elsewhere */
	if (!list_empty(&rq->queue)) {
		next = list_first_entry(&rq->queue, struct task_struct, run_list);
		list_del_init(&next->run_list);
	} else {
		next = rq->idle;
	}
	clear_tsk_need_resched(prev);

	if (likely(prev != next)) {
		rq->nr_switches++;
		if (!preempt && prev_state)
			prev->nvcsw++;
		else
			prev->nivcsw++;
		next->exec_start = prev->exec_start;
		WRITE_ONCE(rq->curr, next);
		next->on_cpu = 1;
		next->thread_info.cpu = cpu;	/* smp_processor_id() from here on */
		prev = __switch_to(prev, next);
		/* Now in the task that was switched to, perhaps on another CPU than before. */
		finish_task_switch(prev);
	} else {
		spin_unlock(&rq->lock);
		local_irq_enable();
	}
}

void schedule(void)
{
	struct task_struct *tsk = current;

	release_kernel_lock(tsk);
	do {
		preempt_disable();
		__schedule(false);
		preempt_enable_no_resched();
	} while (need_resched());
	reacquire_kernel_lock(tsk);
}
EXPORT_SYMBOL(schedule);

/* The end of a task that exited: never returns. Preemption disabled. */
void do_task_dead(void)
{
	WRITE_ONCE(current->state, TASK_DEAD);
	__schedule(false);
	BUG();
}

void preempt_schedule(void)
{
	if (preempt_count() || irqs_disabled())
		return;
	do {
		preempt_disable();
		__schedule(true);
		preempt_enable_no_resched();
	} while (need_resched());
}
EXPORT_SYMBOL(preempt_schedule);

void preempt_schedule_irq(void)
{
	do {
		preempt_disable();
		local_irq_enable();
		__schedule(true);
		local_irq_disable();
		preempt_enable_no_resched();
	} while (need_resched());
}

int _cond_resched(void)
{
	if (preempt_count() || !need_resched())
		return 0;
	preempt_schedule();
	return 1;
}
EXPORT_SYMBOL(_cond_resched);

void yield(void)
{
	set_current_state(TASK_RUNNING);
	schedule();
}
EXPORT_SYMBOL(yield);

int set_cpus_allowed_ptr(struct task_struct *p, const struct cpumask *mask)
{
	cpumask_t allowed = { mask->bits & READ_ONCE(cpu_online_map.bits) };
	unsigned long flags, rqflags;
	struct rq *rq;
	int dest;

	if (cpumask_empty(&allowed) || is_idle_task(p))
		return -EINVAL;
	spin_lock_irqsave(&p->pi_lock, flags);
	rq = task_rq_lock(p, &rqflags);
	p->cpus_allowed = *mask;
	if (cpumask_test_cpu(task_cpu(p), &allowed)) {
		task_rq_unlock(rq, rqflags);
		goto out;
	}
	dest = cpumask_first(&allowed);
	if (rq->curr == p) {
		/* Running: it leaves at its next switch (see __schedule). */
		resched_curr(rq);
		task_rq_unlock(rq, rqflags);
		spin_unlock_irqrestore(&p->pi_lock, flags);
		if (p == current)
			schedule();
		return 0;
	}
	if (!p->on_rq) {
		/* Asleep or not started: it wakes on an allowed CPU. */
		set_task_cpu(p, dest);
		task_rq_unlock(rq, rqflags);
		goto out;
	}
	/* Queued: move it now. */
	list_del(&p->run_list);
	rq->nr_running--;
	p->on_rq = 0;
	spin_unlock(&rq->lock);
	spin_lock(&cpu_rq(dest)->lock);
	set_task_cpu(p, dest);
	activate_task(cpu_rq(dest), p);
	if (cpu_rq(dest)->curr == cpu_rq(dest)->idle)
		resched_curr(cpu_rq(dest));
	task_rq_unlock(cpu_rq(dest), rqflags);
out:
	spin_unlock_irqrestore(&p->pi_lock, flags);
	return 0;
}
EXPORT_SYMBOL_GPL(set_cpus_allowed_ptr);

static unsigned long calc_load(unsigned long load, unsigned long exp, unsigned long active)
{
	unsigned long newload = load * exp + active * (FIXED_1 - exp);

	if (active >= load)
		newload += FIXED_1 - 1;
	return newload / FIXED_1;
}

/* CPU 0, every LOAD_FREQ ticks: Linux's exponentially decaying averages. */
static void calc_global_load(void)
{
	long active = 0;
	int cpu;

	if (time_before(jiffies, calc_load_update))
		return;
	for_each_possible_cpu(cpu)
		active += (long)READ_ONCE(cpu_rq(cpu)->nr_running) +
			  READ_ONCE(cpu_rq(cpu)->nr_uninterruptible);
	if (active < 0)
		active = 0;
	avenrun[0] = calc_load(avenrun[0], EXP_1, (unsigned long)active * FIXED_1);
	avenrun[1] = calc_load(avenrun[1], EXP_5, (unsigned long)active * FIXED_1);
	avenrun[2] = calc_load(avenrun[2], EXP_15, (unsigned long)active * FIXED_1);
	calc_load_update += LOAD_FREQ;
}

void get_avenrun(unsigned long *loads, unsigned long offset, int shift)
{
	int i;

	for (i = 0; i < 3; i++)
		loads[i] = (READ_ONCE(avenrun[i]) + offset) << shift;
}

void scheduler_tick(void)
{
	int cpu = smp_processor_id();
	struct rq *rq = cpu_rq(cpu);
	struct task_struct *curr;
	bool idle;

	if (!scheduler_running)
		return;
	spin_lock(&rq->lock);
	update_curr(rq);
	curr = rq->curr;
	idle = curr == rq->idle;
	if (!idle && --curr->time_slice == 0) {
		curr->time_slice = TIMESLICE_TICKS;
		if (!list_empty(&rq->queue))
			resched_curr(rq);
	}
	if (balance_if_due(rq, idle, false) && rq->curr == rq->idle)
		resched_curr(rq);
	spin_unlock(&rq->lock);
	if (cpu == 0)
		calc_global_load();
}

unsigned int nr_running_cpu(int cpu)
{
	return READ_ONCE(cpu_rq(cpu)->nr_running);
}

u64 nr_context_switches(void)
{
	u64 sum = 0;
	int cpu;

	for_each_possible_cpu(cpu)
		sum += READ_ONCE(cpu_rq(cpu)->nr_switches);
	return sum;
}

void sched_fork(struct task_struct *p)
{
	p->state = TASK_NEW;
	task_thread_info(p)->preempt_count = FORK_PREEMPT_COUNT;
	p->time_slice = TIMESLICE_TICKS;
	p->cpus_allowed = cpu_possible_map;
	set_task_cpu(p, smp_processor_id());
	INIT_LIST_HEAD(&p->run_list);
	spin_lock_init(&p->pi_lock);
}

int report_pid(void)
{
	return current->pid;
}

const char *report_comm(char buf[16])
{
	return get_task_comm(buf, current);
}

/* @idle becomes @cpu's idle task (boot CPU, before that CPU runs). */
static void init_idle(struct task_struct *idle, int cpu)
{
	struct rq *rq = cpu_rq(cpu);

	if (idle != &init_task) {
		idle->stack = idle_stack(cpu);
		snprintf(idle->comm, sizeof(idle->comm), "swapper/%d", cpu);
		INIT_LIST_HEAD(&idle->run_list);
		spin_lock_init(&idle->pi_lock);
		init_completion(&idle->exited);
		atomic_set(&idle->usage, 1);
		INIT_LIST_HEAD(&idle->tasks);	/* listed once its CPU is known to exist */
	}
	idle->state = TASK_RUNNING;
	idle->flags |= PF_IDLE | PF_KTHREAD;
	idle->cpus_allowed = cpumask_of_cpu(cpu);
	idle->thread_info.preempt_count = PREEMPT_DISABLE_OFFSET;
	idle->on_cpu = 1;
	idle->lock_depth = -1;
	set_task_cpu(idle, cpu);
	idle->thread_info.cpu = cpu;
	rq->curr = rq->idle = idle;
}

void __init sched_init(void)
{
	int cpu;

	BUILD_BUG_ON(offsetof(struct thread_info, flags) != TI_FLAGS);
	BUILD_BUG_ON(offsetof(struct thread_info, preempt_count) != TI_PREEMPT);
	BUILD_BUG_ON(offsetof(struct thread_info, cpu) != TI_CPU);
	BUILD_BUG_ON(offsetof(struct thread_info, cpu_context) != TI_CPU_SAVE);
	BUILD_BUG_ON(offsetof(struct task_struct, thread_info) != 0);
	BUILD_BUG_ON(offsetof(struct task_struct, stack) != TSK_STACK);

	/* Every CPU there could be: the possible ones are not known yet. */
	for (cpu = 0; cpu < NR_CPUS; cpu++) {
		struct rq *rq = cpu_rq(cpu);

		spin_lock_init(&rq->lock);
		INIT_LIST_HEAD(&rq->queue);
		rq->cpu = cpu;
		rq->nr_running = 0;
		rq->next_balance = jiffies;
		init_idle(idle_task(cpu), cpu);
	}
	init_task.exec_start = local_clock();
	calc_load_update = jiffies + LOAD_FREQ;
	smp_wmb();
	WRITE_ONCE(scheduler_running, true);
}

/* The idle loop: sleep in WFI until there is work, then schedule. */
void cpu_startup_entry(void)
{
	current->exec_start = local_clock();
	for (;;) {
		while (!need_resched()) {
			local_irq_disable();
			/* A wake-up between the test and WFI leaves an IPI pending: WFI returns. */
			if (!need_resched())
				wfi();
			local_irq_enable();
		}
		__schedule(false);
	}
}
