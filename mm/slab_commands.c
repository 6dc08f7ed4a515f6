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
	struct shell_args args;
	int opt, mode = 0, n;

	shell_args_init(&args, argc, argv);
	while ((opt = shell_getopt(&args, "vs")) > 0) {
		if (mode && mode != opt)
			return shell_usage_error(argv[0], "-v and -s do not go together");
		mode = opt;
	}
	if (opt < 0)
		return opt;
	n = shell_operands(&args, 0, mode ? 1 : 0);
	if (n < 0)
		return n;
	if (!mode) {
		slabinfo_show(shell_printf);
		return 0;
	}
	return for_matching_caches(mode == 'v', n ? argv[args.optind] : "*");
}
SHELL_COMMAND("slabinfo", "[-v | -s [CACHE-GLOB]]",
	      "slab caches as /proc/slabinfo; -v validate, -s shrink them", cmd_slabinfo);

static int cmd_failslab(int argc, char **argv)
{
	struct failslab_attr settings = failslab;
	int err = shell_apply_settings(argv[0], argc - 1, argv + 1, failslab_setting, &settings);

	if (err)
		return err;
	failslab_configure(&settings);
	failslab_show(shell_printf);
	return 0;
}
SHELL_COMMAND("failslab", "[probability=0-100] [interval=N] [times=N|-1] [ignore-gfp-wait=Y|N]\n"
	      "       [cache-filter=Y|N] [verbose=0-2]",
	      "fail slab allocations on purpose: show the settings, or change them (all or none)",
	      cmd_failslab);
