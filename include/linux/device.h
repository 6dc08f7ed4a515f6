/*
 * A device as the DMA API and dev_printk see it (Linux's struct device).
 *
 * Less than Linux: no driver model (no bus, kobject, reference counting,
 * probing or sysfs): a driver embeds or defines its struct device and fills
 * in the name and, for DMA, the masks. dev_printk prefixes messages with
 * "<driver> <name>: " as Linux does, e.g. "dma-pl330 12680000.pdma: ".
 */
#ifndef _LINUX_DEVICE_H
#define _LINUX_DEVICE_H

#include <linux/types.h>
#include <linux/printk.h>

struct device {
	const char *init_name;		/* "12680000.pdma" */
	const char *driver_name;	/* "dma-pl330"; NULL: the name alone */
	u64 *dma_mask;			/* streaming mappings; NULL: not DMA-capable */
	u64 coherent_dma_mask;		/* dma_alloc_coherent */
	void *driver_data;
};

/* Both take NULL, which the DMA API allows for "no device" (Linux 3.x/ARM). */
static inline const char *dev_name(const struct device *dev)
{
	if (!dev)
		return "(NULL device *)";
	return dev->init_name ? dev->init_name : "(null)";
}

static inline const char *dev_driver_string(const struct device *dev)
{
	return dev && dev->driver_name ? dev->driver_name : "";
}

static inline void *dev_get_drvdata(const struct device *dev) { return dev->driver_data; }
static inline void dev_set_drvdata(struct device *dev, void *data) { dev->driver_data = data; }

#define dev_printk(level, dev, fmt, ...)						\
	printk(level "%s%s%s: " fmt, dev_driver_string(dev),				\
	       dev_driver_string(dev)[0] ? " " : "", dev_name(dev), ##__VA_ARGS__)
#define dev_emerg(dev, fmt, ...)  dev_printk(KERN_EMERG, dev, fmt, ##__VA_ARGS__)
#define dev_crit(dev, fmt, ...)   dev_printk(KERN_CRIT, dev, fmt, ##__VA_ARGS__)
#define dev_err(dev, fmt, ...)    dev_printk(KERN_ERR, dev, fmt, ##__VA_ARGS__)
#define dev_warn(dev, fmt, ...)   dev_printk(KERN_WARNING, dev, fmt, ##__VA_ARGS__)
#define dev_notice(dev, fmt, ...) dev_printk(KERN_NOTICE, dev, fmt, ##__VA_ARGS__)
#define dev_info(dev, fmt, ...)   dev_printk(KERN_INFO, dev, fmt, ##__VA_ARGS__)
#define dev_dbg(dev, fmt, ...)    dev_printk(KERN_DEBUG, dev, fmt, ##__VA_ARGS__)

#endif
