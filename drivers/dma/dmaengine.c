/*
 * The dmaengine core (include/linux/dmaengine.h): the list of registered
 * controllers, channel allocation by capability or by slave name, and
 * dma_sync_wait. A channel is claimed (client_count 1) under the list lock
 * before anything else happens to it, so two CPUs asking at once never get
 * the same channel.
 */
#include <linux/kernel.h>
#include <linux/export.h>
#include <linux/init.h>
#include <linux/spinlock.h>
#include <linux/sched/clock.h>
#include <linux/dmaengine.h>
#include <linux/module.h>
#include <mica/module_track.h>
#include <string.h>

#define DMA_SYNC_WAIT_NS (5000ULL * 1000 * 1000)

static LIST_HEAD(dma_device_list);
static DEFINE_SPINLOCK(dma_list_lock);
static int next_dev_id;

static bool device_satisfies_mask(const struct dma_device *device, const dma_cap_mask_t *want)
{
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(want->bits); i++)
		if ((device->cap_mask.bits[i] & want->bits[i]) != want->bits[i])
			return false;
	return true;
}

int dma_async_device_register(struct dma_device *device)
{
	struct dma_chan *chan;
	unsigned long flags;
	int n = 0;

	if (!device || !device->device_tx_status || !device->device_issue_pending ||
	    (dma_has_cap(DMA_MEMCPY, device->cap_mask) && !device->device_prep_dma_memcpy) ||
	    (dma_has_cap(DMA_SLAVE, device->cap_mask) && !device->device_prep_slave_sg) ||
	    (dma_has_cap(DMA_CYCLIC, device->cap_mask) && !device->device_prep_dma_cyclic))
		return -EIO;
	dma_cap_set(DMA_PRIVATE, device->cap_mask);

	spin_lock_irqsave(&dma_list_lock, flags);
	device->dev_id = next_dev_id++;
	list_for_each_entry(chan, &device->channels, device_node) {
		chan->device = device;
		chan->chan_id = n++;
		chan->client_count = 0;
		snprintf(chan->name, sizeof(chan->name), "dma%dchan%d", device->dev_id, chan->chan_id);
	}
	device->chancnt = n;
	list_add_tail(&device->global_node, &dma_device_list);
	spin_unlock_irqrestore(&dma_list_lock, flags);
	return 0;
}
EXPORT_SYMBOL_GPL(dma_async_device_register);

void dma_async_device_unregister(struct dma_device *device)
{
	struct dma_chan *chan;
	unsigned long flags;

	spin_lock_irqsave(&dma_list_lock, flags);
	list_for_each_entry(chan, &device->channels, device_node)
		WARN(chan->client_count, "%s called while %s is in use\n", __func__, chan->name);
	list_del(&device->global_node);
	spin_unlock_irqrestore(&dma_list_lock, flags);
}
EXPORT_SYMBOL_GPL(dma_async_device_unregister);

unsigned int dma_async_device_count(void)
{
	struct dma_device *device;
	unsigned long flags;
	unsigned int n = 0;

	spin_lock_irqsave(&dma_list_lock, flags);
	list_for_each_entry(device, &dma_device_list, global_node)
		n++;
	spin_unlock_irqrestore(&dma_list_lock, flags);
	return n;
}

/*
 * Linux's dma_chan_to_owner(): a controller driver in a module stays while
 * a client holds one of its channels. The module is the one whose code
 * runs the controller; NULL when none (built in, or the client itself).
 */
static struct module *hold_owner(struct dma_device *device, unsigned long caller)
{
	return module_get_owner((unsigned long)device->device_issue_pending, caller);
}

static void unclaim(struct dma_chan *chan)
{
	unsigned long flags;

	spin_lock_irqsave(&dma_list_lock, flags);
	chan->client_count = 0;
	spin_unlock_irqrestore(&dma_list_lock, flags);
}

/*
 * The first free channel of @only (or of any controller with @mask) that
 * @fn accepts, claimed and with its resources allocated, holding the
 * controller's module (unless that is the requester, at @caller).
 */
static struct dma_chan *find_channel(struct dma_device *only, const dma_cap_mask_t *mask,
				     dma_filter_fn fn, void *fn_param, unsigned long caller)
{
	struct dma_device *device;
	struct dma_chan *chan;
	unsigned long flags;

	spin_lock_irqsave(&dma_list_lock, flags);
	list_for_each_entry(device, &dma_device_list, global_node) {
		if (only && device != only)
			continue;
		if (!only && (!mask || !device_satisfies_mask(device, mask)))
			continue;
		list_for_each_entry(chan, &device->channels, device_node) {
			if (chan->client_count)
				continue;
			chan->client_count = 1;		/* ours: no other CPU takes it now */
			spin_unlock_irqrestore(&dma_list_lock, flags);
			chan->owner_ref = hold_owner(device, caller);
			if (!IS_ERR(chan->owner_ref) && (!fn || fn(chan, fn_param)) &&
			    (!device->device_alloc_chan_resources ||
			     device->device_alloc_chan_resources(chan) >= 0))
				return chan;
			if (!IS_ERR(chan->owner_ref))
				module_put(chan->owner_ref);
			chan->owner_ref = NULL;
			spin_lock_irqsave(&dma_list_lock, flags);
			chan->client_count = 0;
		}
	}
	spin_unlock_irqrestore(&dma_list_lock, flags);
	return NULL;
}

/* A module's channel is recorded for the report on rmmod (mica/module_track.h). */
static struct dma_chan *track_chan(struct dma_chan *chan, unsigned long caller)
{
	if (module_track_caller(caller) && !IS_ERR_OR_NULL(chan))
		module_track_alloc(MT_DMA_CHAN, chan, 0, caller, NULL);
	return chan;
}

struct dma_chan *__dma_request_channel(const dma_cap_mask_t *mask, dma_filter_fn fn,
				       void *fn_param)
{
	return track_chan(find_channel(NULL, mask, fn, fn_param, _RET_IP_), _RET_IP_);
}
EXPORT_SYMBOL_GPL(__dma_request_channel);

struct dma_chan *dma_request_chan(struct device *dev, const char *name)
{
	struct dma_device *device, *found = NULL;
	const struct dma_slave_map *map = NULL;
	unsigned long flags;
	struct dma_chan *chan;
	int i;

	spin_lock_irqsave(&dma_list_lock, flags);
	list_for_each_entry(device, &dma_device_list, global_node) {
		for (i = 0; i < device->filter.mapcnt && !found; i++) {
			map = &device->filter.map[i];
			if (!strcmp(map->devname, dev_name(dev)) && !strcmp(map->slave, name))
				found = device;
		}
		if (found)
			break;
	}
	spin_unlock_irqrestore(&dma_list_lock, flags);
	if (!found)
		return ERR_PTR(-ENODEV);
	chan = find_channel(found, NULL, found->filter.fn, map->param, _RET_IP_);
	return chan ? track_chan(chan, _RET_IP_) : ERR_PTR(-EBUSY);
}
EXPORT_SYMBOL_GPL(dma_request_chan);

void dma_release_channel(struct dma_chan *chan)
{
	if (WARN(!chan->client_count, "chan reference count %d != 1\n", chan->client_count))
		return;
	if (module_track_held_any(MT_DMA_CHAN))
		module_track_free(MT_DMA_CHAN, chan);
	if (chan->device->device_free_chan_resources)
		chan->device->device_free_chan_resources(chan);
	module_put(chan->owner_ref);
	chan->owner_ref = NULL;
	unclaim(chan);
}
EXPORT_SYMBOL_GPL(dma_release_channel);

enum dma_status dma_sync_wait(struct dma_chan *chan, dma_cookie_t cookie)
{
	u64 deadline = local_clock() + DMA_SYNC_WAIT_NS;
	enum dma_status status;

	dma_async_issue_pending(chan);
	for (;;) {
		status = dma_async_is_tx_complete(chan, cookie, NULL, NULL);
		if (status != DMA_IN_PROGRESS)
			return status;
		if (local_clock() >= deadline) {
			dev_err(chan->device->dev, "%s: timeout!\n", __func__);
			return DMA_ERROR;
		}
		cpu_relax();
	}
}
EXPORT_SYMBOL(dma_sync_wait);

/* After every controller driver had its chance: say so if none registered. */
static int __init dmaengine_report(void)
{
	if (!dma_async_device_count())
		pr_info("dmaengine: no DMA controller found\n");
	return 0;
}
late_initcall(dmaengine_report);
