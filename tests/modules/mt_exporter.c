/* Exports for mt_importer: a variable, a function, a GPL-only function, a per-CPU variable. */
#include <linux/module.h>
#include <linux/percpu.h>
#include <linux/interrupt.h>

int mt_exported_value = 42;
EXPORT_SYMBOL(mt_exported_value);

int mt_exported_fn(int x)
{
	return 2 * x + mt_exported_value;
}
EXPORT_SYMBOL(mt_exported_fn);

int mt_gpl_fn(void)
{
	return 7;
}
EXPORT_SYMBOL_GPL(mt_gpl_fn);

/* An interrupt handler others may register: they then hold this module. */
irqreturn_t mt_irq_handler(int irq, void *dev_id)
{
	return IRQ_NONE;
}
EXPORT_SYMBOL(mt_irq_handler);

DEFINE_PER_CPU(int, mt_pcpu_counter) = 5;
EXPORT_PER_CPU_SYMBOL(mt_pcpu_counter);

MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("exports for the loader's self-test");
