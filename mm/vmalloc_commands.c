/*
 * The vmalloc console command: `vmallocinfo`, the areas of the vmalloc
 * window as /proc/vmallocinfo shows them (mm/vmallocinfo.c).
 */
#include <linux/kernel.h>
#include <linux/vmalloc.h>
#include <mica/shell.h>
#include "vmalloc_internal.h"

static int cmd_vmallocinfo(int argc, char **argv)
{
	int err = shell_no_args(argc, argv);

	if (!err)
		vmallocinfo_show(shell_printf);
	return err;
}
SHELL_COMMAND("vmallocinfo", "", "areas of the vmalloc window, as /proc/vmallocinfo",
	      cmd_vmallocinfo);
