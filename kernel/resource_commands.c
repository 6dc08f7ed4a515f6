/*
 * The resource trees' console commands: `iomem` and `ioports`, in the
 * layout of Linux's /proc/iomem and /proc/ioports.
 */
#include <linux/kernel.h>
#include <linux/ioport.h>
#include <mica/shell.h>

static int cmd_iomem(int argc, char **argv)
{
	int err = shell_no_args(argc, argv);

	if (!err)
		resource_tree_show(&iomem_resource, shell_printf);
	return err;
}
SHELL_COMMAND("iomem", "", "physical address map: RAM, the kernel, claimed device ranges "
	      "(/proc/iomem)", cmd_iomem);

static int cmd_ioports(int argc, char **argv)
{
	int err = shell_no_args(argc, argv);

	if (!err)
		resource_tree_show(&ioport_resource, shell_printf);
	return err;
}
SHELL_COMMAND("ioports", "", "claimed I/O port ranges (/proc/ioports; none on ARM)", cmd_ioports);
