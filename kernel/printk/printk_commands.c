/*
 * The log's console command: `dmesg`, as util-linux's for the options Mica
 * has: print the log, -c print and clear, -C clear, -n set the console
 * level.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/printk.h>
#include <string.h>
#include <mica/shell.h>
#include "internal.h"

static const char *const level_names[] = {
	"emerg", "alert", "crit", "err", "warn", "notice", "info", "debug",
};

/* A console level as util-linux's dmesg -n takes it: 1..8 or a level name. */
static int parse_console_level(const char *arg)
{
	long level;

	for (size_t i = 0; i < ARRAY_SIZE(level_names); i++)
		if (!strcmp(arg, level_names[i]))
			return i + 1;
	if (kstrtol(arg, 10, &level) || level < CONSOLE_LOGLEVEL_MIN || level > 8)
		return -EINVAL;
	return level;
}

static int cmd_dmesg(int argc, char **argv)
{
	bool show = true, clear = false;
	struct shell_args args;
	int level = 0, opt;

	shell_args_init(&args, argc, argv);
	while ((opt = shell_getopt(&args, "cCn:")) > 0) {
		switch (opt) {
		case 'c':
			clear = true;
			break;
		case 'C':
			clear = true;
			show = false;
			break;
		case 'n':
			level = parse_console_level(args.optarg);
			if (level < 0)
				return shell_usage_error(argv[0], "unknown level '%s' (use 1-8 or emerg, "
							 "alert, crit, err, warn, notice, info, debug)",
							 args.optarg);
			break;
		}
	}
	if (opt < 0)
		return opt;
	if (shell_operands(&args, 0, 0) < 0)
		return -EINVAL;
	if (level) {
		if (clear)
			return shell_usage_error(argv[0], "-n does not go with -c or -C");
		WRITE_ONCE(console_loglevel, level);
		return 0;
	}
	if (show)
		log_print_all(clear);
	else
		log_clear();
	return 0;
}
SHELL_COMMAND("dmesg", "[-c | -C | -n LEVEL]",
	      "print the kernel log (-c print and clear, -C clear, -n set the console level: "
	      "1-8 or emerg..debug)", cmd_dmesg);
