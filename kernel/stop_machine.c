/*
 * stop_machine() (linux/stop_machine.h). The caller sends each other online
 * CPU a function call that parks it, interrupts off, until released; once
 * all have arrived it runs @fn with its own interrupts off, then releases
 * them and waits until all have left, so that the next stop cannot catch a
 * CPU still in this one.
 */
#include <linux/kernel.h>
#include <linux/atomic.h>
#include <linux/irqflags.h>
#include <linux/mutex.h>
#include <linux/sched/clock.h>
#include <linux/stop_machine.h>
#include <linux/time64.h>

#define STUCK_WARN_NS NSEC_PER_SEC

static DEFINE_MUTEX(stop_machine_mutex);
static atomic_t stopped_cpus;		/* CPUs spinning in stop_this_cpu() */
static int released;

/* In the IPI handler: interrupts are off. */
static void stop_this_cpu(void *unused)
{
	atomic_inc(&stopped_cpus);
	while (!READ_ONCE(released))
		cpu_relax();
	isb();		/* @fn may have rewritten code this CPU runs next */
	smp_mb();	/* done with this stop before it counts as gone */
	atomic_dec(&stopped_cpus);
}

/* Until stopped_cpus is @n; complains once if that takes more than a second. */
static void wait_for_stopped(int n, const char *what)
{
	u64 start = local_clock();
	bool warned = false;
	int now;

	while ((now = atomic_read(&stopped_cpus)) != n) {
		if (!warned && local_clock() - start > STUCK_WARN_NS) {
			pr_warn("stop_machine: %d CPU(s) still %s after a second\n",
				n ? n - now : now, what);
			warned = true;
		}
		cpu_relax();
	}
	smp_mb();
}

int stop_machine(cpu_stop_fn_t fn, void *data, const struct cpumask *cpus)
{
	unsigned long others, flags;
	int this_cpu, cpu, ret;

	WARN_ON_ONCE(cpus);
	mutex_lock(&stop_machine_mutex);
	this_cpu = get_cpu();
	others = READ_ONCE(cpu_online_map.bits) & ~(1UL << this_cpu);
	WRITE_ONCE(released, 0);
	for (cpu = 0; cpu < NR_CPUS; cpu++)
		if (others & (1UL << cpu))
			smp_call_function_single(cpu, stop_this_cpu, NULL, 0);
	wait_for_stopped(__builtin_popcountl(others), "not stopped");

	local_irq_save(flags);
	ret = fn(data);
	local_irq_restore(flags);

	smp_mb();	/* @fn's writes before the release */
	WRITE_ONCE(released, 1);
	wait_for_stopped(0, "not released");
	put_cpu();
	mutex_unlock(&stop_machine_mutex);
	return ret;
}
