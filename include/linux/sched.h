/*
 * Tasks and the scheduler.
 *
 * Every thread of control is a struct task_struct: one idle task per CPU
 * (PID 0, "swapper/N", running the idle loop on a static stack) and the
 * kernel threads created with kthread_create() (linux/kthread.h), each on
 * an 8 KiB vmalloc'd stack with an unmapped guard page below it. `current`
 * is the running task (asm/current.h).
 *
 * Scheduling: each CPU has a run queue (FIFO, round robin) and runs its
 * first task for a time slice of SCHED_TIMESLICE_MS; the tick takes it off
 * the CPU when the slice is used up and others wait. There are no
 * priorities or nice levels (less than Linux: one class, no CFS). Tasks
 * move between CPUs when they wake up (to an idle allowed CPU if there is
 * one), when a CPU runs out of work (it pulls from the busiest queue) and
 * periodically from the tick (load balancing), and when their allowed CPUs
 * change (set_cpus_allowed_ptr). The kernel is preemptive: a task is
 * switched out on the way back from an interrupt, or when
 * preempt_enable() brings preempt_count to 0, if a reschedule is pending.
 *
 * Task states as Linux: TASK_RUNNING (queued or on a CPU),
 * TASK_INTERRUPTIBLE (asleep; a signal ends the wait), TASK_UNINTERRUPTIBLE
 * (asleep until woken), TASK_KILLABLE (only SIGKILL ends it), TASK_DEAD.
 * The usual pattern is
 *	set_current_state(TASK_UNINTERRUPTIBLE);
 *	if (!condition)
 *		schedule();
 *	__set_current_state(TASK_RUNNING);
 * with the waker making the condition true before wake_up_process().
 */
#ifndef _LINUX_SCHED_H
#define _LINUX_SCHED_H

#include <linux/types.h>
#include <linux/kernel.h>
#include <linux/atomic.h>
#include <linux/list.h>
#include <linux/cpumask.h>
#include <linux/spinlock.h>
#include <linux/completion.h>
#include <linux/signal.h>
#include <asm/current.h>
#include <asm/thread_info.h>
#include <asm/bitops.h>

typedef int pid_t;

#define TASK_RUNNING		0x0000
#define TASK_INTERRUPTIBLE	0x0001
#define TASK_UNINTERRUPTIBLE	0x0002
#define TASK_DEAD		0x0080
#define TASK_WAKEKILL		0x0100
#define TASK_NOLOAD		0x0400	/* asleep but not counted in the load average */
#define TASK_NEW		0x0800	/* created, never woken yet */
#define TASK_KILLABLE		(TASK_WAKEKILL | TASK_UNINTERRUPTIBLE)
#define TASK_IDLE		(TASK_UNINTERRUPTIBLE | TASK_NOLOAD)
#define TASK_NORMAL		(TASK_INTERRUPTIBLE | TASK_UNINTERRUPTIBLE)

/* task_struct.flags (Linux's values). */
#define PF_IDLE		0x00000002	/* an idle task */
#define PF_EXITING	0x00000004	/* in do_exit() */
#define PF_KTHREAD	0x00200000	/* a kernel thread (all of them, here) */

#define TASK_COMM_LEN	16
#define MAX_HELD_MUTEXES 8		/* per task, tracked for mutex debugging */
#define SCHED_TIMESLICE_MS 100		/* Linux 2.6's default time slice */
#define MAX_SCHEDULE_TIMEOUT ((long)(~0UL >> 1))

struct mutex;
struct fault_expectation;

struct task_struct {
	struct thread_info thread_info;	/* first: see asm/thread_info.h */
	void *stack;			/* lowest address of its THREAD_SIZE stack (TSK_STACK) */
	volatile long state;		/* TASK_*; a sleeping state is set only by the task itself */
	unsigned int flags;		/* PF_* */
	atomic_t usage;			/* get_task_struct/put_task_struct */

	/* Scheduler. */
	int on_cpu;			/* on a CPU, or still switching away from one */
	int on_rq;			/* runnable: on a run queue or running */
	unsigned int cpu;		/* the CPU whose run queue it belongs to */
	int migrate_pending;		/* leaving this CPU for an allowed one */
	int sched_contributes_to_load;	/* asleep in the load average (uninterruptible) */
	struct list_head run_list;	/* in its run queue while waiting for a CPU */
	unsigned int time_slice;	/* ticks left */
	cpumask_t cpus_allowed;
	spinlock_t pi_lock;		/* serialises wake-ups of this task (Linux's name) */

	int lock_depth;			/* big kernel lock nesting; -1: not held */
	pid_t pid;
	char comm[TASK_COMM_LEN];
	struct list_head tasks;		/* every live task, under tasklist_lock */
	int exit_code;
	unsigned long pending_signals;	/* bit n: signal n pending */

	/* Accounting, in local_clock() nanoseconds. */
	u64 start_time;
	u64 sum_exec_runtime;
	u64 exec_start;			/* when it last got a CPU */
	unsigned long nvcsw, nivcsw;	/* voluntary and involuntary context switches */

	/* Kernel threads (kernel/sched/kthread.c). */
	int (*threadfn)(void *data);
	void *data;
	int should_stop;		/* kthread_stop() asked */
	struct completion exited;	/* completed when it has exited */

	/* Mutexes held, for CONFIG_DEBUG_MUTEXES-style checks (kernel/locking/mutex.c). */
	struct mutex *held_mutexes[MAX_HELD_MUTEXES];
	unsigned int mutex_depth;

	struct fault_expectation *fault_expectation;	/* arch/arm/fault_expect.c */
#ifdef CONFIG_KASAN
	int kasan_depth;		/* KASAN reports dropped while > 0 (kasan_disable_current) */
#endif
};

extern struct task_struct init_task;	/* CPU 0's idle task, on init_stack */
extern spinlock_t tasklist_lock;
extern struct list_head task_list;	/* every live task (tasks), under tasklist_lock */
#define for_each_process(p) list_for_each_entry(p, &task_list, tasks)

static inline struct thread_info *task_thread_info(struct task_struct *p)
{
	return &p->thread_info;
}
static inline unsigned int task_cpu(const struct task_struct *p)
{
	return READ_ONCE(p->cpu);
}
static inline bool is_idle_task(const struct task_struct *p)
{
	return p->flags & PF_IDLE;
}
static inline void get_task_struct(struct task_struct *p)
{
	atomic_inc(&p->usage);
}
/* Drop a reference; the last one frees the task and its stack. */
void put_task_struct(struct task_struct *p);

/* State changes of the running task; set_current_state orders against the condition test. */
#define __set_current_state(s) do { current->state = (s); } while (0)
#define set_current_state(s) do { WRITE_ONCE(current->state, (s)); smp_mb(); } while (0)

/* Reschedule requests (TIF_NEED_RESCHED). */
static inline void set_tsk_need_resched(struct task_struct *p)
{
	set_bit(TIF_NEED_RESCHED, &p->thread_info.flags);
}
static inline void clear_tsk_need_resched(struct task_struct *p)
{
	clear_bit(TIF_NEED_RESCHED, &p->thread_info.flags);
}
static inline bool test_tsk_need_resched(struct task_struct *p)
{
	return READ_ONCE(p->thread_info.flags) & _TIF_NEED_RESCHED;
}
static inline bool need_resched(void)
{
	return test_tsk_need_resched(current);
}

/* Signals (kernel/sched/signal.c) as the waits see them. */
static inline bool signal_pending(struct task_struct *p)
{
	return READ_ONCE(p->thread_info.flags) & _TIF_SIGPENDING;
}
static inline bool fatal_signal_pending(struct task_struct *p)
{
	return signal_pending(p) && sigismember_pending(p, SIGKILL);
}
/* Would a signal end a sleep in @state? */
static inline bool signal_pending_state(long state, struct task_struct *p)
{
	if (!(state & (TASK_INTERRUPTIBLE | TASK_WAKEKILL)) || !signal_pending(p))
		return false;
	return (state & TASK_INTERRUPTIBLE) || fatal_signal_pending(p);
}

/* Give up the CPU; returns when the task is chosen again (after a wake-up if it sleeps). */
void schedule(void);
/* Sleep (in the state set before) for at most @timeout jiffies; returns the jiffies left. */
long schedule_timeout(long timeout);
long schedule_timeout_interruptible(long timeout);
long schedule_timeout_killable(long timeout);
long schedule_timeout_uninterruptible(long timeout);
/* Let others run if a reschedule is pending; returns 1 if it switched. */
int _cond_resched(void);
#define cond_resched() ({ __might_sleep(__FILE__, __LINE__); _cond_resched(); })
/* Go to the back of this CPU's run queue. */
void yield(void);
/* From the interrupt exit path (arch/arm/entry.S), interrupts off. */
void preempt_schedule_irq(void);

/* Wake @p if its state is in @state; returns 1 if it was woken. */
int try_to_wake_up(struct task_struct *p, unsigned int state, int wake_flags);
int wake_up_state(struct task_struct *p, unsigned int state);
int wake_up_process(struct task_struct *p);
/* A task just created (TASK_NEW) gets its first run queue. */
void wake_up_new_task(struct task_struct *p);

/*
 * Restrict @p to @mask (online CPUs only). A task that is on a CPU it may
 * no longer use leaves it at its next switch. Returns 0 or -EINVAL.
 */
int set_cpus_allowed_ptr(struct task_struct *p, const struct cpumask *mask);

/* The task's name, copied; the name of a running task may change (set_task_comm). */
/* PID 1: the init task, which becomes the console shell. */
static inline bool is_global_init(const struct task_struct *p)
{
	return p->pid == 1;
}
void set_task_comm(struct task_struct *p, const char *name);
char *get_task_comm(char *buf, struct task_struct *p);

/* Exit the running task with @code (kthreads: through kthread_exit). */
void do_exit(long code) __noreturn;
/* After an oops in task context: report, release what can be, exit with @signr. */
void make_task_dead(int signr) __noreturn;

/*
 * The arch's part of a new task (arch/arm/process.c): its first context,
 * in which ret_from_fork finishes the switch and calls @fn(@arg).
 */
void copy_thread(struct task_struct *p, void (*fn)(void *), void *arg);

/* Boot: the run queues and idle tasks (boot CPU, early). */
void sched_init(void);
/* Boot, once kmalloc works: the task_struct cache. */
void fork_init(void);
/* The idle task of @cpu (before the CPU starts, for its stack). */
struct task_struct *idle_task(int cpu);
/* Become this CPU's idle loop (boot CPU at the end of boot, secondaries when online). */
void cpu_startup_entry(void) __noreturn;
/* From the tick (each CPU): time slices, balancing, load average. */
void scheduler_tick(void);

/* Per-CPU figures for `ps`, /proc-like reports and tests. */
unsigned int nr_running_cpu(int cpu);
u64 nr_context_switches(void);
/* Load average (Linux's fixed point, FSHIFT 11) of the last 1, 5 and 15 minutes. */
#define FSHIFT 11
#define FIXED_1 (1 << FSHIFT)
#define LOAD_INT(x) ((x) >> FSHIFT)
#define LOAD_FRAC(x) LOAD_INT(((x) & (FIXED_1 - 1)) * 100)
void get_avenrun(unsigned long *loads, unsigned long offset, int shift);
/* Bytes of @p's stack ever used (the stack starts zeroed: Linux's DEBUG_STACK_USAGE). */
unsigned long stack_used_bytes(const struct task_struct *p);

/* Reports printed by might_sleep() and "scheduling while atomic" (tests compare counts). */
extern unsigned long might_sleep_reports;
extern unsigned long schedule_bug_reports;

/* True once the scheduler runs (before: one flow of control per CPU, nothing sleeps). */
extern bool scheduler_running;

#endif
