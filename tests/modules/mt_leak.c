/*
 * Leaves one of everything behind on purpose; the self-test checks that
 * rmmod reports each and that nothing calls into the module afterwards.
 */
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/gfp.h>
#include <linux/vmalloc.h>
#include <linux/io.h>
#include <linux/percpu.h>
#include <linux/timer.h>
#include <linux/jiffies.h>
#include <linux/interrupt.h>
#include <linux/errno.h>
#include <linux/workqueue.h>
#include <linux/delay.h>

static struct timer_list mt_leak_timer;
static struct kmem_cache *mt_leak_cache;
static struct workqueue_struct *mt_leak_wq;
static struct work_struct mt_leak_chain;	/* queues itself again from its function */
static struct delayed_work mt_leak_later;
static struct tasklet_struct mt_leak_tasklet;	/* scheduled while disabled: stays on its list */
/* The line the self-test passes (irq=), one nothing else uses. */
static int irq = -1;
module_param(irq, int, 0444);
/* Where the self-test wants the leaked pointers, to free them after the report. */
static unsigned long out;
module_param(out, ulong, 0444);

static void mt_leak_timeout(unsigned long data)
{
	panic("mt_leak: the timer of a removed module ran");
}

static void mt_leak_chain_fn(struct work_struct *work)
{
	msleep(1);
	queue_work(mt_leak_wq, work);
}

static void mt_leak_later_fn(struct work_struct *work)
{
	panic("mt_leak: the delayed work of a removed module ran");
}

static void mt_leak_tasklet_fn(unsigned long data)
{
	panic("mt_leak: the tasklet of a removed module ran");
}

static irqreturn_t mt_leak_irq(int irq, void *dev_id)
{
	return IRQ_NONE;
}

static int __init mt_leak_init(void)
{
	void *leaked[6];
	unsigned int i;

	leaked[0] = kmalloc(100, GFP_KERNEL);
	leaked[1] = mt_leak_cache = kmem_cache_create("mt_leak_cache", 40, 0, 0, NULL);
	leaked[2] = mt_leak_cache ? kmem_cache_alloc(mt_leak_cache, GFP_KERNEL) : NULL;
	leaked[3] = alloc_pages(GFP_KERNEL, 1);
	leaked[4] = vmalloc(3 * PAGE_SIZE);
	leaked[5] = (void __force *)alloc_percpu(long);
	for (i = 0; out && i < ARRAY_SIZE(leaked); i++)
		((void **)out)[i] = leaked[i];
	setup_timer(&mt_leak_timer, mt_leak_timeout, 0);
	mod_timer(&mt_leak_timer, jiffies + 10 * HZ);
	mt_leak_wq = create_workqueue("mt_leak_wq");
	if (!mt_leak_wq)
		return -ENOMEM;
	INIT_WORK(&mt_leak_chain, mt_leak_chain_fn);
	queue_work(mt_leak_wq, &mt_leak_chain);
	INIT_DELAYED_WORK(&mt_leak_later, mt_leak_later_fn);
	schedule_delayed_work(&mt_leak_later, 10 * HZ);
	tasklet_init(&mt_leak_tasklet, mt_leak_tasklet_fn, 0);
	tasklet_disable(&mt_leak_tasklet);
	tasklet_schedule(&mt_leak_tasklet);
	if (irq >= 0 && request_irq(irq, mt_leak_irq, 0, "mt_leak", &mt_leak_timer))
		return -EBUSY;
	return 0;
}
module_init(mt_leak_init);

static void __exit mt_leak_exit(void)
{
}
module_exit(mt_leak_exit);
MODULE_LICENSE("GPL");
