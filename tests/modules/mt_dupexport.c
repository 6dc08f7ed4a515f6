/* Exports a name the kernel already exports: the loader must refuse it. */
#include <linux/export.h>
#include <linux/module.h>

void msleep(unsigned int msecs);
void msleep(unsigned int msecs)
{
}
EXPORT_SYMBOL(msleep);
MODULE_LICENSE("GPL");
