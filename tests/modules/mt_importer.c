/* Uses mt_exporter's symbols: loading it makes mt_exporter impossible to remove. */
#include <linux/module.h>
#include <linux/percpu.h>
#include <linux/errno.h>

extern int mt_exported_value;
int mt_exported_fn(int x);
int mt_gpl_fn(void);
DECLARE_PER_CPU(int, mt_pcpu_counter);

/* What the self-test reads back: values seen through the imported symbols. */
int mt_import_result;
int mt_import_pcpu;

static int __init mt_importer_init(void)
{
	mt_import_result = mt_exported_fn(1) + mt_gpl_fn();	/* 2 + 42 + 7 */
	mt_import_pcpu = this_cpu_read(mt_pcpu_counter);
	return mt_import_result == 51 ? 0 : -EINVAL;
}
module_init(mt_importer_init);

static void __exit mt_importer_exit(void)
{
}
module_exit(mt_importer_exit);
MODULE_LICENSE("GPL");
