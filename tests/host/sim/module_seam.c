/*
 * The module loader's side of mm/, simulated: no module code runs on the
 * host, so the tracking hooks (include/mica/module_track.h) never record,
 * and kernel/params.c finds no built-in module parameters.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/moduleparam.h>
#include <mica/module_track.h>

DEFINE_STATIC_KEY_FALSE(module_track_key);
int module_track_held[MT_NR_KINDS];

bool module_track_alloc(enum module_track_kind kind, const void *obj, unsigned long size,
			unsigned long caller, const void *extra)
{
	return false;
}

bool module_track_free(enum module_track_kind kind, const void *obj)
{
	return false;
}

int parse_builtin_param(char *param, char *val)
{
	return -ENOENT;
}
