/*
 * Cross-CPU function calls: smp_call_function_single(), smp_call_function(),
 * on_each_cpu(). The caller queues a call_single_data (csd) on the target's
 * queue and sends it an IPI_CALL_FUNC; the target runs the queue from its
 * IPI handler.
 *
 * A csd is locked (CSD_FLAG_LOCK) from queueing until the target is done
 * with it. Waiting callers use one on their stack, unlocked only after the
 * function returned; the others use this CPU's own csds, unlocked before the
 * function runs so that the next call can reuse them at once (it waits for
 * that unlock if the target has not got that far yet).
 */
#include <linux/kernel.h>
#include <linux/export.h>
#include <linux/errno.h>
#include <linux/irqflags.h>
#include <linux/percpu.h>
#include <linux/smp.h>
#include <linux/spinlock.h>
#include <asm/smp.h>

#define CSD_FLAG_LOCK 0x01
#define CSD_FLAG_SYNC 0x02	/* the caller waits: unlock after running */

typedef struct __call_single_data {
	struct __call_single_data *next;
	smp_call_func_t func;
	void *info;
	unsigned int flags;
} call_single_data_t;

struct call_queue {
	spinlock_t lock;
	call_single_data_t *first, *last;
};

static DEFINE_PER_CPU(struct call_queue, call_queue);
/* smp_call_function_single without wait: one csd per sending CPU. */
static DEFINE_PER_CPU(call_single_data_t, csd_single);
/* smp_call_function: one csd per sending CPU per target CPU. */
static DEFINE_PER_CPU(call_single_data_t[NR_CPUS], csd_many);

static void csd_lock_wait(call_single_data_t *csd)
{
	while (READ_ONCE(csd->flags) & CSD_FLAG_LOCK)
		cpu_relax();
	smp_mb();	/* nothing of the next use happens before the unlock */
}

static void csd_lock(call_single_data_t *csd, smp_call_func_t func, void *info, bool wait)
{
	csd_lock_wait(csd);
	csd->func = func;
	csd->info = info;
	csd->flags = CSD_FLAG_LOCK | (wait ? CSD_FLAG_SYNC : 0);
}

static void csd_unlock(call_single_data_t *csd)
{
	smp_mb();	/* the function's effects are visible before the unlock */
	WRITE_ONCE(csd->flags, 0);
}

static void queue_on(int cpu, call_single_data_t *csd)
{
	struct call_queue *q = per_cpu_ptr(&call_queue, cpu);
	unsigned long flags;

	csd->next = NULL;
	spin_lock_irqsave(&q->lock, flags);
	if (q->last)
		q->last->next = csd;
	else
		q->first = csd;
	q->last = csd;
	spin_unlock_irqrestore(&q->lock, flags);
}

void generic_smp_call_function_interrupt(void)
{
	struct call_queue *q = this_cpu_ptr(&call_queue);
	call_single_data_t *csd, *next;

	spin_lock(&q->lock);
	csd = q->first;
	q->first = q->last = NULL;
	spin_unlock(&q->lock);

	for (; csd; csd = next) {
		smp_call_func_t func = csd->func;
		void *info = csd->info;

		next = csd->next;	/* @csd may be reused once unlocked */
		if (csd->flags & CSD_FLAG_SYNC) {
			func(info);
			csd_unlock(csd);
		} else {
			csd_unlock(csd);
			func(info);
		}
	}
}

int smp_call_function_single(int cpu, smp_call_func_t func, void *info, int wait)
{
	call_single_data_t on_stack, *csd;
	unsigned long flags;
	int this_cpu = get_cpu();

	WARN_ON_ONCE(irqs_disabled());
	if (cpu == this_cpu) {
		local_irq_save(flags);
		func(info);
		local_irq_restore(flags);
		put_cpu();
		return 0;
	}
	if ((unsigned int)cpu >= NR_CPUS || !cpu_online(cpu)) {
		put_cpu();
		return -ENXIO;
	}
	if (wait) {
		on_stack.flags = 0;
		csd = &on_stack;
	} else {
		csd = this_cpu_ptr(&csd_single);
	}
	csd_lock(csd, func, info, wait);
	queue_on(cpu, csd);
	arch_send_call_function_single_ipi(cpu);
	if (wait)
		csd_lock_wait(csd);
	put_cpu();
	return 0;
}
EXPORT_SYMBOL(smp_call_function_single);

void smp_call_function(smp_call_func_t func, void *info, int wait)
{
	int this_cpu = get_cpu();
	call_single_data_t *csds = *this_cpu_ptr(&csd_many);
	cpumask_t targets = { READ_ONCE(cpu_online_map.bits) & ~(1UL << this_cpu) };
	unsigned int cpu;

	WARN_ON_ONCE(irqs_disabled());
	for (cpu = 0; cpu < NR_CPUS; cpu++) {
		if (targets.bits & (1UL << cpu)) {
			csd_lock(&csds[cpu], func, info, wait);
			queue_on(cpu, &csds[cpu]);
		}
	}
	if (targets.bits)
		arch_send_call_function_ipi_mask(&targets);
	if (wait)
		for (cpu = 0; cpu < NR_CPUS; cpu++)
			if (targets.bits & (1UL << cpu))
				csd_lock_wait(&csds[cpu]);
	put_cpu();
}
EXPORT_SYMBOL(smp_call_function);

void on_each_cpu(smp_call_func_t func, void *info, int wait)
{
	unsigned long flags;

	preempt_disable();
	smp_call_function(func, info, wait);
	local_irq_save(flags);
	func(info);
	local_irq_restore(flags);
	preempt_enable();
}
EXPORT_SYMBOL(on_each_cpu);
