/*
 * Workqueues (include/linux/workqueue.h). A workqueue has one worker pool
 * per possible CPU (or one, for WQ_UNBOUND); a pool is a list of queued
 * items and the one kernel thread that runs them in order. One lock,
 * wq_lock (taken with interrupts off: items are queued from interrupt
 * handlers and timers), guards every list and every pool's current item.
 *
 * The PENDING bit of an item is its ownership: whoever sets it may queue
 * the item (queue_work) or keep it off every queue (cancel_work_sync); the
 * worker clears it just before calling the function, so the function may
 * queue its item again. Flushing an item inserts a barrier item right
 * behind it (or at the head, if it is running) and waits for the barrier,
 * so a flush waits for the last queueing only, as Linux's does.
 */
#include <linux/kernel.h>
#include <linux/export.h>
#include <linux/completion.h>
#include <linux/errno.h>
#include <linux/init.h>
#include <linux/jiffies.h>
#include <linux/kthread.h>
#include <linux/list.h>
#include <linux/mutex.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/smp.h>
#include <linux/spinlock.h>
#include <linux/string.h>
#include <linux/wait.h>
#include <linux/workqueue.h>
#include <linux/delay.h>
#include <mica/module_track.h>

struct worker_pool {
	struct workqueue_struct *wq;
	int cpu;			/* bound CPU, or WORK_CPU_UNBOUND */
	struct list_head worklist;
	struct work_struct *current_work;	/* being run, or NULL */
	work_func_t current_func;		/* its function (the item may be freed by it) */
	struct task_struct *task;
	wait_queue_head_t more_work;
};

struct workqueue_struct {
	char name[24];
	unsigned int flags;
	bool destroying;
	struct list_head list;		/* on workqueues */
	unsigned int nr_pools;
	struct worker_pool pools[];	/* per CPU, or one */
};

struct wq_barrier {
	struct work_struct work;
	struct completion done;
};

static DEFINE_SPINLOCK(wq_lock);
static LIST_HEAD(workqueues);

/*
 * While cancel_work_matching() runs: what it cancels, and the items it has
 * taken, which __queue_work() joins instead of queueing them.
 */
static struct {
	bool (*match)(work_func_t func, const struct work_struct *work, void *data);
	void *data;
	struct list_head taken;
} wq_cancel = { .taken = LIST_HEAD_INIT(wq_cancel.taken) };

struct workqueue_struct *system_wq;
EXPORT_SYMBOL(system_wq);
struct workqueue_struct *system_long_wq;
EXPORT_SYMBOL_GPL(system_long_wq);
struct workqueue_struct *system_unbound_wq;
EXPORT_SYMBOL_GPL(system_unbound_wq);

static int worker_thread(void *data);

/* The pool whose worker is the calling task, or NULL. */
static struct worker_pool *current_pool(void)
{
	return current->threadfn == worker_thread ? current->data : NULL;
}

struct work_struct *current_work(void)
{
	struct worker_pool *pool = current_pool();

	return pool ? READ_ONCE(pool->current_work) : NULL;
}
EXPORT_SYMBOL(current_work);

static int worker_thread(void *data)
{
	struct worker_pool *pool = data;

	for (;;) {
		struct work_struct *work;
		work_func_t func;
		int count;

		spin_lock_irq(&wq_lock);
		while (list_empty(&pool->worklist)) {
			spin_unlock_irq(&wq_lock);
			if (kthread_should_stop())
				return 0;
			wait_event_interruptible(pool->more_work, !list_empty(&pool->worklist) ||
						 kthread_should_stop());
			flush_signals(current);
			spin_lock_irq(&wq_lock);
		}
		work = list_first_entry(&pool->worklist, struct work_struct, entry);
		list_del_init(&work->entry);
		pool->current_work = work;
		func = work->func;
		pool->current_func = func;
		clear_bit(WORK_STRUCT_PENDING_BIT, &work->data);
		spin_unlock_irq(&wq_lock);

		count = preempt_count();
		func(work);		/* may free @work: only its address is used below */
		if (preempt_count() != count || irqs_disabled()) {
			pr_err("BUG: workqueue leaked lock or atomic: %s/0x%08x/%d\n",
			       current->comm, preempt_count(), current->pid);
			pr_err("    last function: %pS\n", func);
			dump_stack();
			preempt_count_set(count);
			local_irq_enable();
		}

		spin_lock_irq(&wq_lock);
		pool->current_work = NULL;
		pool->current_func = NULL;
		spin_unlock_irq(&wq_lock);
		cond_resched();
	}
}

/* Under wq_lock: the pool of @wq running @work, or NULL. */
static struct worker_pool *pool_running(struct workqueue_struct *wq, struct work_struct *work)
{
	for (unsigned int i = 0; i < wq->nr_pools; i++)
		if (wq->pools[i].current_work == work)
			return &wq->pools[i];
	return NULL;
}

/* The caller owns @work's PENDING bit. false if it cannot be queued (bit cleared). */
static bool __queue_work(int cpu, struct workqueue_struct *wq, struct work_struct *work)
{
	struct worker_pool *pool, *running;
	unsigned long flags;

	spin_lock_irqsave(&wq_lock, flags);
	if (unlikely(wq->destroying && (!current_pool() || current_pool()->wq != wq))) {
		clear_bit(WORK_STRUCT_PENDING_BIT, &work->data);
		spin_unlock_irqrestore(&wq_lock, flags);
		WARN(1, "workqueue %s is being destroyed: %pS not queued\n", wq->name, work->func);
		return false;
	}
	if (unlikely(wq_cancel.match) && wq_cancel.match(work->func, work, wq_cancel.data)) {
		work->pool = NULL;
		list_add_tail(&work->entry, &wq_cancel.taken);
		spin_unlock_irqrestore(&wq_lock, flags);
		return true;
	}
	if (wq->nr_pools == 1) {
		pool = &wq->pools[0];
	} else {
		if (cpu == WORK_CPU_UNBOUND || cpu < 0 || (unsigned int)cpu >= wq->nr_pools ||
		    !cpu_online(cpu))
			cpu = raw_smp_processor_id();
		pool = &wq->pools[cpu];
	}
	/* Still running somewhere in this workqueue: run it there again, never twice at once. */
	running = pool_running(wq, work);
	if (running)
		pool = running;
	work->pool = pool;
	list_add_tail(&work->entry, &pool->worklist);
	spin_unlock_irqrestore(&wq_lock, flags);
	wake_up(&pool->more_work);
	return true;
}

static bool check_work(struct workqueue_struct *wq, struct work_struct *work)
{
	if (WARN(!wq, "queue_work: no workqueue (called before the workqueues are up?)\n"))
		return false;
	if (WARN(!work->func, "queue_work: work item %p has no function (INIT_WORK?)\n", work))
		return false;
	return true;
}

bool queue_work_on(int cpu, struct workqueue_struct *wq, struct work_struct *work)
{
	if (!check_work(wq, work))
		return false;
	if (test_and_set_bit(WORK_STRUCT_PENDING_BIT, &work->data))
		return false;
	return __queue_work(cpu, wq, work);
}
EXPORT_SYMBOL(queue_work_on);

static void delayed_work_timer_fn(unsigned long data)
{
	struct delayed_work *dwork = (struct delayed_work *)data;

	__queue_work(dwork->cpu, dwork->wq, &dwork->work);
}

static void init_dwork_timer(struct delayed_work *dwork)
{
	setup_timer(&dwork->timer, delayed_work_timer_fn, (unsigned long)dwork);
}

void __init_delayed_work(struct delayed_work *dwork, work_func_t func)
{
	INIT_WORK(&dwork->work, func);
	init_dwork_timer(dwork);
	dwork->wq = NULL;
	dwork->cpu = WORK_CPU_UNBOUND;
}
EXPORT_SYMBOL(__init_delayed_work);

/* DECLARE_DELAYED_WORK leaves the timer to be set up on first use. */
static void dwork_prepare(struct delayed_work *dwork)
{
	unsigned long flags;

	if (likely(READ_ONCE(dwork->timer.base)))
		return;
	spin_lock_irqsave(&wq_lock, flags);
	if (!dwork->timer.base)
		init_dwork_timer(dwork);
	spin_unlock_irqrestore(&wq_lock, flags);
}

/* The caller owns PENDING. */
static bool __queue_delayed_work(int cpu, struct workqueue_struct *wq, struct delayed_work *dwork,
				 unsigned long delay)
{
	if (!delay)
		return __queue_work(cpu, wq, &dwork->work);
	dwork->wq = wq;
	dwork->cpu = cpu;
	mod_timer(&dwork->timer, jiffies + delay);
	return true;
}

bool queue_delayed_work_on(int cpu, struct workqueue_struct *wq, struct delayed_work *dwork,
			   unsigned long delay)
{
	if (!check_work(wq, &dwork->work))
		return false;
	dwork_prepare(dwork);
	if (test_and_set_bit(WORK_STRUCT_PENDING_BIT, &dwork->work.data))
		return false;
	return __queue_delayed_work(cpu, wq, dwork, delay);
}
EXPORT_SYMBOL(queue_delayed_work_on);

/*
 * Take PENDING for the caller: 1 if the item was pending (its timer is
 * stopped or it is off its list), 0 if it was idle, -EAGAIN if it is on
 * its way onto a list (a timer firing, a queue_work half-way): try again.
 */
static int try_to_grab_pending(struct work_struct *work, bool is_dwork)
{
	unsigned long flags;

	if (is_dwork && del_timer(&to_delayed_work(work)->timer))
		return 1;
	if (!test_and_set_bit(WORK_STRUCT_PENDING_BIT, &work->data))
		return 0;
	spin_lock_irqsave(&wq_lock, flags);
	if (!list_empty(&work->entry)) {
		list_del_init(&work->entry);
		spin_unlock_irqrestore(&wq_lock, flags);
		return 1;
	}
	spin_unlock_irqrestore(&wq_lock, flags);
	return -EAGAIN;
}

static int grab_pending(struct work_struct *work, bool is_dwork)
{
	int ret;

	while ((ret = try_to_grab_pending(work, is_dwork)) == -EAGAIN)
		cpu_relax();
	return ret;
}

bool mod_delayed_work_on(int cpu, struct workqueue_struct *wq, struct delayed_work *dwork,
			 unsigned long delay)
{
	int ret;

	if (!check_work(wq, &dwork->work))
		return false;
	dwork_prepare(dwork);
	ret = grab_pending(&dwork->work, true);
	__queue_delayed_work(cpu, wq, dwork, delay);
	return ret;
}
EXPORT_SYMBOL_GPL(mod_delayed_work_on);

static void wq_barrier_fn(struct work_struct *work)
{
	complete(&container_of(work, struct wq_barrier, work)->done);
}

static void init_barrier(struct wq_barrier *barr, struct worker_pool *pool)
{
	INIT_WORK(&barr->work, wq_barrier_fn);
	set_bit(WORK_STRUCT_PENDING_BIT, &barr->work.data);
	barr->work.pool = pool;
	init_completion(&barr->done);
}

/*
 * Queue a barrier that runs once @work's last queueing has run. false if
 * @work is neither queued nor running. Under wq_lock.
 */
static bool insert_flush_barrier(struct work_struct *work, struct wq_barrier *barr)
{
	struct worker_pool *pool = work->pool;

	if (!pool)
		return false;
	if (!list_empty(&work->entry)) {
		init_barrier(barr, pool);
		list_add(&barr->work.entry, &work->entry);	/* right behind it */
		return true;
	}
	if (pool->current_work == work) {
		init_barrier(barr, pool);
		list_add(&barr->work.entry, &pool->worklist);	/* next, after this run */
		return true;
	}
	return false;
}

static bool flushing_itself(struct work_struct *work, const char *what)
{
	struct worker_pool *pool = current_pool();

	if (pool && pool->current_work == work) {
		WARN(1, "workqueue: %s of %pS from its own function would wait forever\n", what,
		     work->func);
		return true;
	}
	return false;
}

static bool wait_for_work(struct work_struct *work)
{
	struct wq_barrier barr;
	bool queued;

	spin_lock_irq(&wq_lock);
	queued = insert_flush_barrier(work, &barr);
	spin_unlock_irq(&wq_lock);
	if (!queued)
		return false;
	wake_up(&barr.work.pool->more_work);
	wait_for_completion(&barr.done);
	return true;
}

bool flush_work(struct work_struct *work)
{
	might_sleep();
	if (flushing_itself(work, "flush_work"))
		return false;
	return wait_for_work(work);
}
EXPORT_SYMBOL_GPL(flush_work);

bool flush_delayed_work(struct delayed_work *dwork)
{
	dwork_prepare(dwork);
	if (del_timer_sync(&dwork->timer))
		__queue_work(dwork->cpu, dwork->wq, &dwork->work);
	return flush_work(&dwork->work);
}
EXPORT_SYMBOL(flush_delayed_work);

static bool __cancel_work_sync(struct work_struct *work, bool is_dwork)
{
	int ret;

	might_sleep();
	if (flushing_itself(work, "cancel_work_sync"))
		return false;
	ret = grab_pending(work, is_dwork);
	/* We own PENDING: nobody can queue it now. Wait out a run in progress. */
	wait_for_work(work);
	clear_bit(WORK_STRUCT_PENDING_BIT, &work->data);
	return ret;
}

bool cancel_work_sync(struct work_struct *work)
{
	return __cancel_work_sync(work, false);
}
EXPORT_SYMBOL_GPL(cancel_work_sync);

bool cancel_delayed_work_sync(struct delayed_work *dwork)
{
	dwork_prepare(dwork);
	return __cancel_work_sync(&dwork->work, true);
}
EXPORT_SYMBOL(cancel_delayed_work_sync);

bool cancel_delayed_work(struct delayed_work *dwork)
{
	int ret;

	dwork_prepare(dwork);
	ret = grab_pending(&dwork->work, true);
	clear_bit(WORK_STRUCT_PENDING_BIT, &dwork->work.data);
	return ret;
}
EXPORT_SYMBOL(cancel_delayed_work);

void flush_workqueue(struct workqueue_struct *wq)
{
	struct wq_barrier barr[NR_CPUS];
	unsigned int i;

	might_sleep();
	if (current_pool() && current_pool()->wq == wq) {
		WARN(1, "workqueue %s: flush_workqueue from its own worker would wait forever\n",
		     wq->name);
		return;
	}
	spin_lock_irq(&wq_lock);
	for (i = 0; i < wq->nr_pools; i++) {
		if (!wq->pools[i].task)
			continue;	/* a CPU that does not exist */
		init_barrier(&barr[i], &wq->pools[i]);
		list_add_tail(&barr[i].work.entry, &wq->pools[i].worklist);
	}
	spin_unlock_irq(&wq_lock);
	for (i = 0; i < wq->nr_pools; i++) {
		if (!wq->pools[i].task)
			continue;
		wake_up(&wq->pools[i].more_work);
		wait_for_completion(&barr[i].done);
	}
}
EXPORT_SYMBOL_GPL(flush_workqueue);

static bool wq_idle(struct workqueue_struct *wq)
{
	bool idle = true;

	spin_lock_irq(&wq_lock);
	for (unsigned int i = 0; i < wq->nr_pools; i++)
		idle &= list_empty(&wq->pools[i].worklist);
	spin_unlock_irq(&wq_lock);
	return idle;
}

static void stop_workers(struct workqueue_struct *wq)
{
	for (unsigned int i = 0; i < wq->nr_pools; i++)
		if (wq->pools[i].task)
			kthread_stop(wq->pools[i].task);
}

struct workqueue_struct *alloc_workqueue(const char *fmt, unsigned int flags, int max_active, ...)
{
	unsigned int nr_pools = flags & WQ_UNBOUND ? 1 : NR_CPUS;
	struct workqueue_struct *wq;
	va_list args;

	wq = kzalloc(sizeof(*wq) + nr_pools * sizeof(wq->pools[0]), GFP_KERNEL);
	if (!wq)
		return NULL;
	va_start(args, max_active);
	vsnprintf(wq->name, sizeof(wq->name), fmt, args);
	va_end(args);
	wq->flags = flags;
	wq->nr_pools = nr_pools;
	INIT_LIST_HEAD(&wq->list);
	for (unsigned int i = 0; i < nr_pools; i++) {
		struct worker_pool *pool = &wq->pools[i];

		pool->wq = wq;
		pool->cpu = nr_pools == 1 ? WORK_CPU_UNBOUND : (int)i;
		INIT_LIST_HEAD(&pool->worklist);
		init_waitqueue_head(&pool->more_work);
		if (pool->cpu != WORK_CPU_UNBOUND && !cpu_possible(i))
			continue;
		pool->task = pool->cpu == WORK_CPU_UNBOUND ?
			kthread_create(worker_thread, pool, "%s", wq->name) :
			kthread_create(worker_thread, pool, "%s/%u", wq->name, i);
		if (IS_ERR(pool->task)) {
			pool->task = NULL;
			stop_workers(wq);
			kfree(wq);
			return NULL;
		}
		if (pool->cpu != WORK_CPU_UNBOUND)
			kthread_bind(pool->task, i);
		wake_up_process(pool->task);
	}
	spin_lock_irq(&wq_lock);
	list_add_tail(&wq->list, &workqueues);
	spin_unlock_irq(&wq_lock);
	if (module_track_caller(_RET_IP_))
		module_track_alloc(MT_WORKQUEUE, wq, 0, _RET_IP_, wq->name);
	return wq;
}
EXPORT_SYMBOL_GPL(alloc_workqueue);

void destroy_workqueue(struct workqueue_struct *wq)
{
	unsigned int tries = 0;

	if (!wq)
		return;
	spin_lock_irq(&wq_lock);
	wq->destroying = true;		/* only its own items may still queue (chains) */
	spin_unlock_irq(&wq_lock);
	do {
		flush_workqueue(wq);
		if (++tries == 10)
			pr_warn("workqueue %s: drain_workqueue() isn't complete after %u tries\n",
				wq->name, tries);
	} while (!wq_idle(wq));
	spin_lock_irq(&wq_lock);
	list_del(&wq->list);
	spin_unlock_irq(&wq_lock);
	stop_workers(wq);
	if (module_track_held_any(MT_WORKQUEUE))
		module_track_free(MT_WORKQUEUE, wq);
	kfree(wq);
}
EXPORT_SYMBOL_GPL(destroy_workqueue);

/* --- cancel_work_matching (kernel/module/track.c) ------------------------- */

struct dwork_cancel {
	void (*report)(work_func_t func, const struct work_struct *work,
		       enum work_cancel_how how, void *data);
	unsigned int n;
};

static bool dwork_timer_matches(const struct timer_list *t, void *data)
{
	const struct delayed_work *dwork = (const struct delayed_work *)t->data;

	(void)data;
	return t->function == delayed_work_timer_fn &&
	       wq_cancel.match(dwork->work.func, &dwork->work, wq_cancel.data);
}

/* Its timer is off: the item is idle again. */
static void dwork_timer_cancelled(const struct timer_list *t, void *data)
{
	struct delayed_work *dwork = (struct delayed_work *)t->data;
	struct dwork_cancel *c = data;

	c->report(dwork->work.func, &dwork->work, WORK_CANCELLED_DELAYED, wq_cancel.data);
	clear_bit(WORK_STRUCT_PENDING_BIT, &dwork->work.data);
	c->n++;
}

/* Under wq_lock: move every queued item that matches onto wq_cancel.taken. */
static void take_matching(void)
{
	struct workqueue_struct *wq;
	struct work_struct *work, *tmp;

	list_for_each_entry(wq, &workqueues, list)
		for (unsigned int i = 0; i < wq->nr_pools; i++)
			list_for_each_entry_safe(work, tmp, &wq->pools[i].worklist, entry)
				if (wq_cancel.match(work->func, work, wq_cancel.data)) {
					work->pool = NULL;
					list_move_tail(&work->entry, &wq_cancel.taken);
				}
}

/* Under wq_lock: a pool running an item that matches, or NULL. */
static struct worker_pool *running_matching(void)
{
	struct workqueue_struct *wq;

	list_for_each_entry(wq, &workqueues, list)
		for (unsigned int i = 0; i < wq->nr_pools; i++) {
			struct worker_pool *pool = &wq->pools[i];

			if (pool->current_func &&
			    wq_cancel.match(pool->current_func, pool->current_work, wq_cancel.data))
				return pool;
		}
	return NULL;
}

unsigned int cancel_work_matching(bool (*match)(work_func_t func, const struct work_struct *work,
						void *data),
				  void (*report)(work_func_t func, const struct work_struct *work,
						 enum work_cancel_how how, void *data),
				  void *data)
{
	static DEFINE_MUTEX(cancel_mutex);
	struct dwork_cancel c = { .report = report };
	unsigned long deadline = jiffies + HZ;
	struct worker_pool *pool;
	struct work_struct *work;
	LIST_HEAD(taken);

	mutex_lock(&cancel_mutex);
	spin_lock_irq(&wq_lock);
	wq_cancel.match = match;
	wq_cancel.data = data;
	take_matching();
	spin_unlock_irq(&wq_lock);
	/* A timer that fires meanwhile queues its item onto wq_cancel.taken. */
	del_timers_matching(dwork_timer_matches, dwork_timer_cancelled, &c);
	/* Runs in progress end; what they queue again is taken as it is queued. */
	for (;;) {
		spin_lock_irq(&wq_lock);
		pool = running_matching();
		if (!pool || time_after(jiffies, deadline))
			break;
		spin_unlock_irq(&wq_lock);
		msleep(1);
	}
	wq_cancel.match = NULL;
	list_splice_init(&wq_cancel.taken, &taken);
	if (pool) {
		report(pool->current_func, pool->current_work, WORK_STILL_RUNNING, data);
		c.n++;
	}
	spin_unlock_irq(&wq_lock);
	mutex_unlock(&cancel_mutex);

	while (!list_empty(&taken)) {
		work = list_first_entry(&taken, struct work_struct, entry);
		list_del_init(&work->entry);
		report(work->func, work, WORK_CANCELLED, data);
		clear_bit(WORK_STRUCT_PENDING_BIT, &work->data);
		c.n++;
	}
	return c.n;
}

static int __init init_workqueues(void)
{
	system_wq = alloc_workqueue("kworker", 0, 0);
	system_long_wq = alloc_workqueue("kworker_long", 0, 0);
	system_unbound_wq = alloc_workqueue("kworker/u", WQ_UNBOUND, 0);
	if (!system_wq || !system_long_wq || !system_unbound_wq)
		pr_err("workqueue: the system workqueues could not be created\n");
	return 0;
}
early_initcall(init_workqueues);
