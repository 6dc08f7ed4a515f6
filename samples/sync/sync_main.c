/*
 * Synchronisation, as the kernel design notes show it: kernel threads
 * adding to a counter under a mutex, a completion each signals when done,
 * and a seqlock whose readers retry while a writer changes a pair.
 */
#include <linux/init.h>
#include <linux/module.h>
#include <linux/kernel.h>
#include <linux/completion.h>
#include <linux/kthread.h>
#include "sync.h"

static int threads = 4;
static int loops = 1000;
module_param(threads, int, 0444);
module_param(loops, int, 0444);

static struct completion done;

static int worker(void *arg)
{
	mutex_worker(loops);
	complete(&done);
	return 0;
}

static int __init sync_init(void)
{
	int i, started = 0;
	long total;

	if (threads < 1 || threads > 16)
		return -EINVAL;
	init_completion(&done);
	for (i = 0; i < threads; i++)
		if (!IS_ERR(kthread_run(worker, NULL, "sync_test/%d", i)))
			started++;
	for (i = 0; i < started; i++)
		wait_for_completion(&done);
	total = mutex_total();
	printk(KERN_INFO "sync_test: %d threads x %d increments under a mutex = %ld: %s\n",
	       started, loops, total, total == (long)started * loops ? "OK" : "FAILED");
	printk(KERN_INFO "sync_test: seqlock: %s\n", seqlock_check() ? "OK" : "FAILED");
	return started == threads ? 0 : -ENOMEM;
}

static void __exit sync_exit(void)
{
}

module_init(sync_init);
module_exit(sync_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("mutex, completion, seqlock; a module of three files");
