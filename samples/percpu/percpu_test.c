/*
 * Per-CPU variables, the memory chapter's process_counts pattern: each CPU
 * counts in its own copy without locking, the total is the sum over CPUs.
 * Also a dynamic per-CPU counter from alloc_percpu.
 */
#include <linux/init.h>
#include <linux/module.h>
#include <linux/kernel.h>
#include <linux/percpu.h>
#include <linux/smp.h>

static DEFINE_PER_CPU(unsigned long, process_counts) = 0;
static unsigned long __percpu *dyn_counts;

static unsigned long nr_processes(void)
{
	unsigned long total = 0;
	int cpu;

	for_each_possible_cpu(cpu)
		total += per_cpu(process_counts, cpu);
	return total;
}

/* Counts on whichever CPU runs it. */
static void count_here(void *unused)
{
	__this_cpu_inc(process_counts);
	this_cpu_inc(*dyn_counts);
}

static int __init percpu_test_init(void)
{
	unsigned long dyn_total = 0;
	int cpu, i;

	dyn_counts = alloc_percpu(unsigned long);
	if (!dyn_counts)
		return -ENOMEM;
	for (i = 0; i < 10; i++)
		on_each_cpu(count_here, NULL, 1);
	for_each_possible_cpu(cpu)
		dyn_total += *per_cpu_ptr(dyn_counts, cpu);
	get_cpu_var(process_counts)++;
	put_cpu_var(process_counts);
	printk(KERN_INFO "percpu_test: %d CPUs online, process_counts total %lu (expected %d), alloc_percpu total %lu: %s\n",
	       num_online_cpus(), nr_processes(), 10 * num_online_cpus() + 1, dyn_total,
	       nr_processes() == 10 * num_online_cpus() + 1 &&
	       dyn_total == 10 * num_online_cpus() ? "OK" : "FAILED");
	return 0;
}

static void __exit percpu_test_exit(void)
{
	free_percpu(dyn_counts);
}

module_init(percpu_test_init);
module_exit(percpu_test_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("DEFINE_PER_CPU, per_cpu, get_cpu_var and alloc_percpu");
