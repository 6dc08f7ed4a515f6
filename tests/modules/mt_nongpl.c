/* A non-GPL module using a GPL-only export: the loader must refuse it. */
#include <linux/module.h>
#include <linux/percpu.h>
#include <linux/errno.h>

static int __init mt_nongpl_init(void)
{
	int __percpu *p = alloc_percpu(int);	/* EXPORT_SYMBOL_GPL(__alloc_percpu) */

	free_percpu(p);
	return 0;
}
module_init(mt_nongpl_init);
MODULE_LICENSE("Proprietary");
