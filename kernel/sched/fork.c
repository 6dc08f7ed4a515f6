/*
 * Task creation and the end of a task's memory: the task_struct, its stack
 * (THREAD_SIZE from vmalloc, THREAD_SIZE-aligned, zeroed: the page below it
 * is never mapped, so an overflow faults instead of corrupting a
 * neighbour), its PID and its place in the task list.
 *
 * task_structs come from their own slab cache, "task_struct", as in Linux
 * (fork_init() creates it once kmalloc works).
 */
#include <linux/kernel.h>
#include <linux/export.h>
#include <linux/errno.h>
#include <linux/err.h>
#include <linux/gfp.h>
#include <linux/mm.h>
#include <linux/init.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/vmalloc.h>
#include <linux/sched/clock.h>
#include <string.h>
#include "sched.h"

static atomic_t last_pid = ATOMIC_INIT(0);
static struct kmem_cache *task_struct_cachep;

void __init fork_init(void)
{
	unsigned long flags;
	int cpu;

	task_struct_cachep = kmem_cache_create("task_struct", sizeof(struct task_struct),
					       __alignof__(struct task_struct), SLAB_PANIC, NULL);
	/* The possible CPUs are known now: their idle tasks join the task list (ps). */
	spin_lock_irqsave(&tasklist_lock, flags);
	for_each_possible_cpu(cpu)
		if (cpu)
			list_add_tail(&idle_task(cpu)->tasks, &task_list);
	spin_unlock_irqrestore(&tasklist_lock, flags);
}

/* meminfo's KernelStack: a thread stack's pages, counted in their zones. */
static void account_kernel_stack(void *stack, int account)
{
	unsigned long off;

	for (off = 0; off < THREAD_SIZE; off += PAGE_SIZE)
		mod_zone_page_state(page_zone(vmalloc_to_page(stack + off)), NR_KERNEL_STACK,
				    account);
}

static struct task_struct *alloc_task_struct(void)
{
	return kmem_cache_alloc(task_struct_cachep, GFP_KERNEL | __GFP_ZERO);
}

static void free_task_struct(struct task_struct *p)
{
	kmem_cache_free(task_struct_cachep, p);
}

static void *alloc_thread_stack(void)
{
	void *stack = __vmalloc_node_range(THREAD_SIZE, THREAD_SIZE, VMALLOC_START, VMALLOC_END,
					   GFP_KERNEL | __GFP_HIGHMEM | __GFP_ZERO, PROT_KERNEL,
					   NUMA_NO_NODE, __builtin_return_address(0));

	if (stack)
		account_kernel_stack(stack, 1);
	return stack;
}

void put_task_struct(struct task_struct *p)
{
	if (!atomic_dec_and_test(&p->usage))
		return;
	WARN_ON(!(p->state & TASK_DEAD) || is_idle_task(p));
	account_kernel_stack(p->stack, -1);
	vfree(p->stack);
	free_task_struct(p);
}
EXPORT_SYMBOL_GPL(put_task_struct);

struct task_struct *create_kernel_thread(void (*fn)(void *), void *arg, const char *name)
{
	struct task_struct *p = alloc_task_struct();
	unsigned long flags;

	if (!p)
		return ERR_PTR(-ENOMEM);
	p->stack = alloc_thread_stack();
	if (!p->stack) {
		free_task_struct(p);
		return ERR_PTR(-ENOMEM);
	}
	sched_fork(p);
	copy_thread(p, fn, arg);
	p->flags = PF_KTHREAD;
	atomic_set(&p->usage, 1);	/* dropped when it has died and switched out */
	p->lock_depth = -1;
	p->start_time = local_clock();
	init_completion(&p->exited);
	strncpy(p->comm, name, sizeof(p->comm) - 1);
	p->pid = atomic_inc_return(&last_pid);
	spin_lock_irqsave(&tasklist_lock, flags);
	list_add_tail(&p->tasks, &task_list);
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return p;
}

void set_task_comm(struct task_struct *p, const char *name)
{
	char comm[TASK_COMM_LEN];
	unsigned long flags;

	strncpy(comm, name, sizeof(comm) - 1);
	comm[sizeof(comm) - 1] = '\0';
	spin_lock_irqsave(&p->pi_lock, flags);
	memcpy(p->comm, comm, sizeof(comm));
	spin_unlock_irqrestore(&p->pi_lock, flags);
}

char *get_task_comm(char *buf, struct task_struct *p)
{
	unsigned long flags;

	spin_lock_irqsave(&p->pi_lock, flags);
	memcpy(buf, p->comm, TASK_COMM_LEN);
	spin_unlock_irqrestore(&p->pi_lock, flags);
	return buf;
}

unsigned long stack_used_bytes(const struct task_struct *p)
{
	const unsigned long *word = p->stack, *end = word + THREAD_SIZE / sizeof(*word);

	while (word < end && !READ_ONCE(*word))
		word++;
	return (unsigned long)(end - word) * sizeof(*word);
}
