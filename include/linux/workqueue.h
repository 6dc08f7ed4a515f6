/*
 * Workqueues (Linux's <linux/workqueue.h>): a function run later, in a
 * kernel thread, where it may sleep. queue_work() puts a work item on a
 * workqueue (schedule_work(): on system_wq); a worker thread takes it off
 * and calls its function. A work item is queued at most once at a time
 * (queueing it again while pending changes nothing and returns false),
 * never runs on two CPUs at once, and may queue itself again from its
 * function. Delayed work is queued when its timer expires.
 *
 *   create_workqueue(name)               a worker per CPU ("name/N"); work runs
 *                                        on the CPU that queued it (queue_work_on
 *                                        picks one)
 *   create_singlethread_workqueue(name)  one worker: items run one at a time, in
 *                                        order (as alloc_ordered_workqueue)
 *   system_wq (kworker/N), system_long_wq, system_unbound_wq
 *
 *   flush_work()         wait until the last queueing of the item has run
 *   cancel_work_sync()   take it off its queue, or wait until it has run; it is
 *                        idle afterwards and may be freed
 *   flush_workqueue()    wait for everything queued so far
 *   destroy_workqueue()  run what is queued, then stop the workers
 *
 * Where Mica differs from Linux 3.14: each worker pool is one thread, so
 * items queued on one CPU of a workqueue run strictly one after another
 * (Linux starts another worker when one sleeps): an item that waits for a
 * later item of the same pool waits forever. max_active and the WQ_* flags
 * other than WQ_UNBOUND are accepted and ignored; no workqueue attributes,
 * no freezing. Misuse Linux leaves to lockdep is reported here: flushing or
 * cancelling an item from its own function, or flushing a workqueue from
 * one of its own workers, returns at once with a warning.
 */
#ifndef _LINUX_WORKQUEUE_H
#define _LINUX_WORKQUEUE_H

#include <linux/types.h>
#include <linux/bitops.h>
#include <linux/list.h>
#include <linux/timer.h>

struct work_struct;
struct worker_pool;
struct workqueue_struct;

typedef void (*work_func_t)(struct work_struct *work);

enum {
	WORK_STRUCT_PENDING_BIT = 0,	/* queued, or its timer armed */
};

struct work_struct {
	unsigned long data;		/* WORK_STRUCT_* bits */
	struct list_head entry;		/* in its pool's worklist while queued */
	work_func_t func;
	struct worker_pool *pool;	/* where it was last queued */
};

struct delayed_work {
	struct work_struct work;
	struct timer_list timer;	/* set up on first use (DECLARE_DELAYED_WORK) */
	struct workqueue_struct *wq;	/* where the timer queues it */
	int cpu;
};

#define WORK_CPU_UNBOUND (-1)		/* "this CPU" for queue_work_on */

#define __WORK_INITIALIZER(n, f) {						\
	.data = 0, .entry = { &(n).entry, &(n).entry }, .func = (f), .pool = NULL }
#define DECLARE_WORK(n, f) struct work_struct n = __WORK_INITIALIZER(n, f)
#define DECLARE_DELAYED_WORK(n, f) \
	struct delayed_work n = { .work = __WORK_INITIALIZER((n).work, (f)) }

#define INIT_WORK(_work, _func) do {						\
	(_work)->data = 0;							\
	INIT_LIST_HEAD(&(_work)->entry);					\
	(_work)->func = (_func);						\
	(_work)->pool = NULL;							\
} while (0)

void __init_delayed_work(struct delayed_work *dwork, work_func_t func);
#define INIT_DELAYED_WORK(_dwork, _func) __init_delayed_work((_dwork), (_func))

#define work_pending(work)	test_bit(WORK_STRUCT_PENDING_BIT, &(work)->data)
#define delayed_work_pending(w)	work_pending(&(w)->work)

static inline struct delayed_work *to_delayed_work(struct work_struct *work)
{
	return (struct delayed_work *)((char *)work - __builtin_offsetof(struct delayed_work, work));
}

/* alloc_workqueue flags (Linux's values). */
#define WQ_UNBOUND	(1 << 1)	/* one pool for the workqueue, not one per CPU */
#define WQ_FREEZABLE	(1 << 2)
#define WQ_MEM_RECLAIM	(1 << 3)
#define WQ_HIGHPRI	(1 << 4)
#define WQ_CPU_INTENSIVE (1 << 5)
#define __WQ_ORDERED	(1 << 17)	/* one item at a time, in order */

struct workqueue_struct *alloc_workqueue(const char *fmt, unsigned int flags, int max_active, ...)
	__printf(1, 4);
#define alloc_ordered_workqueue(fmt, flags, ...) \
	alloc_workqueue(fmt, WQ_UNBOUND | __WQ_ORDERED | (flags), 1, ##__VA_ARGS__)
#define create_workqueue(name)			alloc_workqueue("%s", WQ_MEM_RECLAIM, 1, (name))
#define create_freezable_workqueue(name) \
	alloc_workqueue("%s", WQ_FREEZABLE | WQ_UNBOUND | WQ_MEM_RECLAIM, 1, (name))
#define create_singlethread_workqueue(name)	alloc_ordered_workqueue("%s", WQ_MEM_RECLAIM, (name))
void destroy_workqueue(struct workqueue_struct *wq);

extern struct workqueue_struct *system_wq;
extern struct workqueue_struct *system_long_wq;
extern struct workqueue_struct *system_unbound_wq;

bool queue_work_on(int cpu, struct workqueue_struct *wq, struct work_struct *work);
bool queue_delayed_work_on(int cpu, struct workqueue_struct *wq, struct delayed_work *dwork,
			   unsigned long delay);
bool mod_delayed_work_on(int cpu, struct workqueue_struct *wq, struct delayed_work *dwork,
			 unsigned long delay);

static inline bool queue_work(struct workqueue_struct *wq, struct work_struct *work)
{
	return queue_work_on(WORK_CPU_UNBOUND, wq, work);
}

static inline bool queue_delayed_work(struct workqueue_struct *wq, struct delayed_work *dwork,
				      unsigned long delay)
{
	return queue_delayed_work_on(WORK_CPU_UNBOUND, wq, dwork, delay);
}

static inline bool mod_delayed_work(struct workqueue_struct *wq, struct delayed_work *dwork,
				    unsigned long delay)
{
	return mod_delayed_work_on(WORK_CPU_UNBOUND, wq, dwork, delay);
}

static inline bool schedule_work_on(int cpu, struct work_struct *work)
{
	return queue_work_on(cpu, system_wq, work);
}

static inline bool schedule_work(struct work_struct *work)
{
	return queue_work(system_wq, work);
}

static inline bool schedule_delayed_work_on(int cpu, struct delayed_work *dwork,
					    unsigned long delay)
{
	return queue_delayed_work_on(cpu, system_wq, dwork, delay);
}

static inline bool schedule_delayed_work(struct delayed_work *dwork, unsigned long delay)
{
	return queue_delayed_work(system_wq, dwork, delay);
}

bool flush_work(struct work_struct *work);
bool flush_delayed_work(struct delayed_work *dwork);
void flush_workqueue(struct workqueue_struct *wq);
#define flush_scheduled_work() flush_workqueue(system_wq)

bool cancel_work_sync(struct work_struct *work);
bool cancel_delayed_work(struct delayed_work *dwork);	/* does not wait for a run */
bool cancel_delayed_work_sync(struct delayed_work *dwork);

/* The work item the calling worker is running, or NULL outside a worker. */
struct work_struct *current_work(void);

/*
 * Mica (for kernel/module/track.c): cancel every work item @match accepts,
 * on every workqueue: queued, delayed (its timer pending), and queued again
 * by a run of one while this waits for the runs to end (up to a second).
 * @match may get a running item's @work already freed: compare, do not
 * dereference. @report gets each item as it is cancelled (WORK_CANCELLED,
 * WORK_CANCELLED_DELAYED), or as it still runs after the second
 * (WORK_STILL_RUNNING). Process context. The number reported.
 */
enum work_cancel_how { WORK_CANCELLED, WORK_CANCELLED_DELAYED, WORK_STILL_RUNNING };
unsigned int cancel_work_matching(bool (*match)(work_func_t func, const struct work_struct *work,
						void *data),
				  void (*report)(work_func_t func, const struct work_struct *work,
						 enum work_cancel_how how, void *data),
				  void *data);

#endif
