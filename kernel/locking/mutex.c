/*
 * Mutexes (include/linux/mutex.h): the kernel-design notes' mutex_lock, an
 * atomic fast path for the uncontended 1->0 and 0->1 transitions and a
 * FIFO slow path that sleeps, plus the CONFIG_DEBUG_MUTEXES checks, on
 * while debug_locks is 1.
 *
 * For the "freed while held" and "exited while held" checks each task
 * records the mutexes it holds (up to MAX_HELD_MUTEXES; Linux's lockdep
 * keeps a similar held_locks[] per task), while debug_locks is on. It is
 * set on the command line only (debug_locks=0), through a static key: off,
 * lock and unlock are one atomic each behind a NOP, no owner is recorded,
 * and might_sleep() runs only in the slow path, where the task may really
 * sleep.
 */
#include <linux/kernel.h>
#include <linux/export.h>
#include <linux/init.h>
#include <linux/errno.h>
#include <linux/mutex.h>
#include <linux/sched.h>
#include <linux/hardirq.h>
#include <linux/jump_label.h>

struct mutex_waiter {
	struct list_head list;
	struct task_struct *task;
};

int debug_locks = 1;
DEFINE_STATIC_KEY_TRUE(debug_locks_key);
atomic_t debug_locks_reports = ATOMIC_INIT(0);
/* Mutexes held system-wide: the freed-memory check walks the tasks only when nonzero. */
atomic_t nr_held_mutexes = ATOMIC_INIT(0);

/*
 * Early, before jump_label_init() sets the key's sites: the mutexes taken
 * meanwhile (jump_label_mutex, here) lock and unlock through the same code.
 * A site switched while a mutex is held would leave the held-mutex
 * accounting wrong.
 */
static int __init debug_locks_setup(char *str)
{
	int err = static_key_param(str, &debug_locks_key.key);

	if (!err)
		debug_locks = static_key_enabled(&debug_locks_key);
	return err;
}
early_param("debug_locks=", debug_locks_setup);

/* ---- debugging ---- */

static void held_add(struct task_struct *task, struct mutex *lock)
{
	if (task->mutex_depth < MAX_HELD_MUTEXES)
		task->held_mutexes[task->mutex_depth] = lock;
	task->mutex_depth++;
	atomic_inc(&nr_held_mutexes);
}

/* Take @lock off @task's list; @unrecorded_ok: it may be one of those beyond MAX_HELD_MUTEXES. */
static void held_remove(struct task_struct *task, struct mutex *lock, bool unrecorded_ok)
{
	unsigned int i, n = min_t(unsigned int, task->mutex_depth, MAX_HELD_MUTEXES);

	for (i = 0; i < n; i++) {
		if (task->held_mutexes[i] != lock)
			continue;
		for (; i + 1 < n; i++)
			task->held_mutexes[i] = task->held_mutexes[i + 1];
		task->mutex_depth--;
		atomic_dec(&nr_held_mutexes);
		return;
	}
	if (unrecorded_ok && task->mutex_depth > MAX_HELD_MUTEXES) {
		task->mutex_depth--;
		atomic_dec(&nr_held_mutexes);
	}
}

static bool debug_mutex_lock_check(struct mutex *lock)
{
	if (DEBUG_LOCKS_WARN_ON(lock->magic != lock))
		return false;
	if (unlikely(READ_ONCE(debug_locks) && lock->owner == current)) {
		atomic_inc(&debug_locks_reports);
		pr_warn("============================================\n");
		pr_warn("WARNING: possible recursive locking detected\n");
		pr_warn("--------------------------------------------\n");
		pr_warn("%s/%d is trying to acquire lock:\n", current->comm, current->pid);
		pr_warn(" %p (%s)\n", lock, lock->name);
		pr_warn("but task is already holding lock:\n");
		pr_warn(" %p (%s)\n", lock, lock->name);
		pr_warn("\n *** DEADLOCK ***\n\n");
		dump_stack();
		return false;
	}
	return true;
}

static void print_held_mutexes(struct task_struct *task)
{
	unsigned int i, n = min_t(unsigned int, task->mutex_depth, MAX_HELD_MUTEXES);

	pr_warn("%u lock%s held by %s/%d:\n", task->mutex_depth,
		task->mutex_depth == 1 ? "" : "s", task->comm, task->pid);
	/* Addresses only: the memory of a held mutex may have been freed already. */
	for (i = 0; i < n; i++)
		pr_warn(" #%u: %p\n", i, task->held_mutexes[i]);
}

void debug_check_no_locks_freed(const void *from, unsigned long len)
{
	unsigned long start = (unsigned long)from, flags;
	struct task_struct *p;

	if (!READ_ONCE(debug_locks) || !atomic_read(&nr_held_mutexes) || !len)
		return;
	spin_lock_irqsave(&tasklist_lock, flags);
	for_each_process(p) {
		unsigned int i, n = min_t(unsigned int, READ_ONCE(p->mutex_depth), MAX_HELD_MUTEXES);

		for (i = 0; i < n; i++) {
			unsigned long lock = (unsigned long)READ_ONCE(p->held_mutexes[i]);

			if (lock + sizeof(struct mutex) <= start || lock >= start + len)
				continue;
			atomic_inc(&debug_locks_reports);
			pr_warn("=========================\n");
			pr_warn("WARNING: held lock freed!\n");
			pr_warn("-------------------------\n");
			pr_warn("%s/%d is freeing memory %p-%p, with a lock still held there!\n",
				current->comm, current->pid, from, (void *)(start + len - 1));
			pr_warn(" %p (%s), held by %s/%d\n", (void *)lock,
				((struct mutex *)lock)->name, p->comm, p->pid);
			spin_unlock_irqrestore(&tasklist_lock, flags);
			dump_stack();
			return;
		}
	}
	spin_unlock_irqrestore(&tasklist_lock, flags);
}

void debug_check_no_locks_held(struct task_struct *task)
{
	if (!READ_ONCE(debug_locks) || !task->mutex_depth)
		return;
	atomic_inc(&debug_locks_reports);
	pr_warn("=====================================\n");
	pr_warn("WARNING: %s/%d still has locks held!\n", task->comm, task->pid);
	pr_warn("-------------------------------------\n");
	print_held_mutexes(task);
	dump_stack();
}

/*
 * @lock is being re-initialised: whoever held it does not any more (the
 * report came from debug_check_no_locks_freed). Keeps the held lists true.
 */
static void forget_held_everywhere(struct mutex *lock)
{
	struct task_struct *p;
	unsigned long flags;

	if (!atomic_read(&nr_held_mutexes))
		return;
	spin_lock_irqsave(&tasklist_lock, flags);
	for_each_process(p)
		held_remove(p, lock, false);
	spin_unlock_irqrestore(&tasklist_lock, flags);
}

static void mutex_set_owner(struct mutex *lock)
{
	lock->owner = current;
	if (READ_ONCE(debug_locks))
		held_add(current, lock);
}

/* Before unlocking: returns true when the caller broke a rule (already reported). */
static bool mutex_clear_owner(struct mutex *lock)
{
	struct task_struct *owner = lock->owner;
	bool bad = false;

	if (DEBUG_LOCKS_WARN_ON(lock->magic != lock))
		bad = true;
	if (DEBUG_LOCKS_WARN_ON(in_interrupt()))
		bad = true;
	if (DEBUG_LOCKS_WARN_ON(owner != current))
		bad = true;
	if (owner && READ_ONCE(debug_locks))
		held_remove(owner, lock, true);
	lock->owner = NULL;
	return bad;
}

/* ---- the notes' fast and slow paths ---- */

static void __mutex_lock_slowpath(atomic_t *count);
static void __mutex_unlock_slowpath(atomic_t *count);

/*
 * 1 -> 0 takes it, one atomic with acquire order; anything else means
 * contention: false, and the caller takes the slow path.
 */
static __always_inline bool __mutex_fastpath_lock(atomic_t *count)
{
	if (unlikely(atomic_sub_return_relaxed(1, count) < 0))
		return false;
	smp_mb();
	return true;
}

/*
 * 0 -> 1 releases it, one atomic with release order; false when the
 * result is not 1: waiters to wake (negative), or an unlock of an unlocked
 * mutex, which the slow path puts back to 1.
 */
static __always_inline bool __mutex_fastpath_unlock(atomic_t *count)
{
	smp_mb();
	return likely(atomic_add_return_relaxed(1, count) == 1);
}

static int __mutex_lock_common(struct mutex *lock, long state)
{
	struct task_struct *task = current;
	struct mutex_waiter waiter;
	unsigned long flags;

	spin_lock_irqsave(&lock->wait_lock, flags);
	list_add_tail(&waiter.list, &lock->wait_list);
	waiter.task = task;
	for (;;) {
		/*
		 * Mark the lock contended (-1) whatever it was: whoever
		 * unlocks will take the slow path and wake us. If it was
		 * unlocked (1), it is ours.
		 */
		if (atomic_xchg(&lock->count, -1) == 1)
			break;
		if (signal_pending_state(state, task)) {
			list_del(&waiter.list);
			spin_unlock_irqrestore(&lock->wait_lock, flags);
			return -EINTR;
		}
		__set_current_state(state);
		spin_unlock_irqrestore(&lock->wait_lock, flags);
		schedule();
		spin_lock_irqsave(&lock->wait_lock, flags);
	}
	list_del(&waiter.list);
	/* Nobody else waiting: plain "locked", so our unlock takes the fast path. */
	if (list_empty(&lock->wait_list))
		atomic_set(&lock->count, 0);
	spin_unlock_irqrestore(&lock->wait_lock, flags);
	return 0;
}

/* Where the caller really may sleep: might_sleep() here even with lock debugging off. */
static noinline void __mutex_lock_slowpath(atomic_t *count)
{
	struct mutex *lock = container_of(count, struct mutex, count);

	might_sleep();
	__mutex_lock_common(lock, TASK_UNINTERRUPTIBLE);
}

static noinline int __mutex_lock_interruptible_slowpath(atomic_t *count)
{
	struct mutex *lock = container_of(count, struct mutex, count);

	might_sleep();
	return __mutex_lock_common(lock, TASK_INTERRUPTIBLE);
}

static noinline int __mutex_lock_killable_slowpath(atomic_t *count)
{
	struct mutex *lock = container_of(count, struct mutex, count);

	might_sleep();
	return __mutex_lock_common(lock, TASK_KILLABLE);
}

static noinline void __mutex_unlock_slowpath(atomic_t *count)
{
	struct mutex *lock = container_of(count, struct mutex, count);
	unsigned long flags;

	spin_lock_irqsave(&lock->wait_lock, flags);
	atomic_set(&lock->count, 1);
	if (!list_empty(&lock->wait_list)) {
		struct mutex_waiter *waiter =
			list_first_entry(&lock->wait_list, struct mutex_waiter, list);

		wake_up_process(waiter->task);
	}
	spin_unlock_irqrestore(&lock->wait_lock, flags);
}

/* ---- the API ---- */

void __mutex_init(struct mutex *lock, const char *name)
{
	/* Re-initialising a held mutex shows up as freeing a held lock. */
	debug_check_no_locks_freed(lock, sizeof(*lock));
	forget_held_everywhere(lock);
	atomic_set(&lock->count, 1);
	spin_lock_init(&lock->wait_lock);
	INIT_LIST_HEAD(&lock->wait_list);
	lock->owner = NULL;
	lock->name = name;
	lock->magic = lock;
}
EXPORT_SYMBOL(__mutex_init);

void mutex_destroy(struct mutex *lock)
{
	DEBUG_LOCKS_WARN_ON(mutex_is_locked(lock));
	lock->magic = NULL;
}
EXPORT_SYMBOL(mutex_destroy);

/*
 * With lock debugging on, every call checks the rules and records the
 * owner (and might_sleep() runs before even the uncontended lock); off,
 * the fast paths are the atomic alone, behind one static-key NOP.
 */
static noinline void mutex_lock_debug(struct mutex *lock)
{
	might_sleep();
	debug_mutex_lock_check(lock);
	if (!__mutex_fastpath_lock(&lock->count))
		__mutex_lock_slowpath(&lock->count);
	mutex_set_owner(lock);
}
EXPORT_SYMBOL(mutex_lock);

void __frameless mutex_lock(struct mutex *lock)
{
	if (static_branch_unlikely(&debug_locks_key)) {
		mutex_lock_debug(lock);
		return;
	}
	/* The locking fast path is the 1->0 transition from "unlocked" into "locked". */
	if (unlikely(!__mutex_fastpath_lock(&lock->count)))
		__mutex_lock_slowpath(&lock->count);
}

static int mutex_lock_sleeping(struct mutex *lock, int (*slowpath)(atomic_t *))
{
	bool debug = static_branch_unlikely(&debug_locks_key);
	int ret = 0;

	if (debug) {
		might_sleep();
		debug_mutex_lock_check(lock);
	}
	if (!__mutex_fastpath_lock(&lock->count))
		ret = slowpath(&lock->count);
	if (!ret && debug)
		mutex_set_owner(lock);
	return ret;
}

int mutex_lock_interruptible(struct mutex *lock)
{
	return mutex_lock_sleeping(lock, __mutex_lock_interruptible_slowpath);
}
EXPORT_SYMBOL(mutex_lock_interruptible);

int mutex_lock_killable(struct mutex *lock)
{
	return mutex_lock_sleeping(lock, __mutex_lock_killable_slowpath);
}
EXPORT_SYMBOL(mutex_lock_killable);

int mutex_trylock(struct mutex *lock)
{
	bool debug = static_branch_unlikely(&debug_locks_key);

	if (debug) {
		DEBUG_LOCKS_WARN_ON(lock->magic != lock);
		DEBUG_LOCKS_WARN_ON(in_interrupt());
	}
	if (atomic_cmpxchg(&lock->count, 1, 0) != 1)
		return 0;
	if (debug)
		mutex_set_owner(lock);
	return 1;
}
EXPORT_SYMBOL(mutex_trylock);

static noinline void mutex_unlock_debug(struct mutex *lock)
{
	/*
	 * A broken rule (reported) goes through the slow path, which sets
	 * the count to "unlocked" outright: a second unlock cannot push it
	 * above 1 and let two tasks in.
	 */
	if (mutex_clear_owner(lock) || !__mutex_fastpath_unlock(&lock->count))
		__mutex_unlock_slowpath(&lock->count);
}

void __frameless mutex_unlock(struct mutex *lock)
{
	if (static_branch_unlikely(&debug_locks_key)) {
		mutex_unlock_debug(lock);
		return;
	}
	/* The unlocking fast path is the 0->1 transition from "locked" into "unlocked". */
	if (unlikely(!__mutex_fastpath_unlock(&lock->count)))
		__mutex_unlock_slowpath(&lock->count);
}
EXPORT_SYMBOL(mutex_unlock);
