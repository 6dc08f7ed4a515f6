/* What a module holds: filled in by the next commits. */
#include <linux/kernel.h>
#include <linux/module.h>
#include "internal.h"

int module_track_init(struct module *mod)
{
	return 0;
}

void module_track_report(struct module *mod, const char *why)
{
}

bool module_track_release(struct module *mod, const char *why)
{
	return false;
}
