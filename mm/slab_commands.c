/*
 * The slab console commands. Output goes to the console only
 * (shell_printf), as reading a /proc file does not fill the log.
 *
 *   slabinfo                  the caches as /proc/slabinfo
 *   slabinfo -v [glob]        validate caches (as Linux's tools/mm/slabinfo -v)
 *   slabinfo -s [glob]        shrink caches (as slabinfo -s)
 *   failslab [key=value...]   fault injection settings (mm/failslab.c)
 */
#include <linux/kernel.h>
#include <linux/slab.h>
#include <linux/glob.h>
#include <linux/errno.h>
#include <mica/shell.h>
#include <string.h>
#include "slab.h"

/* kernel/shell/shell.c: command output, console only. */
int shell_printf(const char *fmt, ...) __printf(1, 2);

/* Validate (@validate) or shrink every cache whose name matches @pattern. */
static int for_matching_caches(bool validate, const char *pattern)
{
	struct kmem_cache *s;
	int matched = 0, problems = 0;

	spin_lock(&slab_caches_lock);
	list_for_each_entry(s, &slab_caches, list) {
		if (!glob_match(pattern, s->name))
			continue;
		matched++;
		if (validate) {
			int n = kmem_cache_validate(s);

			problems += n;
			shell_printf("%s: %s\n", s->name, n ? "problems reported in the log" : "ok");
		} else {
			kmem_cache_shrink(s);
		}
	}
	spin_unlock(&slab_caches_lock);
	if (!matched) {
		shell_printf("slabinfo: no cache matches \"%s\"\n", pattern);
		return -ENOENT;
	}
	return problems ? -EINVAL : 0;
}

static int cmd_slabinfo(int argc, char **argv)
{
	if (argc == 1) {
		slabinfo_show(shell_printf);
		return 0;
	}
	if (argc <= 3 && (!strcmp(argv[1], "-v") || !strcmp(argv[1], "-s")))
		return for_matching_caches(argv[1][1] == 'v', argc == 3 ? argv[2] : "*");
	shell_printf("usage: slabinfo [-v|-s [cache glob]]\n");
	return -EINVAL;
}
SHELL_COMMAND("slabinfo", "slab caches as /proc/slabinfo; -v validate, -s shrink [cache glob]",
	      cmd_slabinfo);

static int cmd_failslab(int argc, char **argv)
{
	int err = shell_apply_settings("failslab", argc, argv, failslab_set);

	if (err)
		return err;
	failslab_update();
	failslab_show(shell_printf);
	return 0;
}
SHELL_COMMAND("failslab", "fail slab allocations: failslab [probability=P interval=N times=T "
	      "ignore-gfp-wait=Y|N cache-filter=Y|N verbose=0-2]", cmd_failslab);
