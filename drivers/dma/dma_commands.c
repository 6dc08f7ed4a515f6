/*
 * The DMA engine's console command: `dmatest`, Linux's dmatest run with
 * its module parameters given as key=value words (drivers/dma/dmatest.c).
 * The DMA-vs-memcpy benchmark's command is `dmabench` (dmabench.c).
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <mica/shell.h>
#include "dmatest.h"

static int cmd_dmatest(int argc, char **argv)
{
	struct dmatest_params p;
	struct dmatest_totals t;
	int ret;

	dmatest_default_params(&p);
	ret = shell_apply_settings(argv[0], argc - 1, argv + 1, dmatest_param, &p);
	if (ret)
		return ret;
	ret = dmatest_run(&p, &t);
	if (ret == -EINVAL)
		shell_print_usage(argv[0]);	/* dmatest_run said which parameter */
	if (ret)
		return ret;
	return t.failures ? -EIO : 0;
}
SHELL_COMMAND("dmatest", "[test_buf_size=256..4194304] [threads_per_chan=1..8] [iterations=N]\n"
	      "       [max_channels=N] [channel=dmaXchanY] [device=NAME] [timeout=MS]\n"
	      "       [alignment=LOG2] [norandom=1] [seed=N] [fault=1] [stall=1] [r0p0=1]",
	      "test the DMA engines: memcpy on every channel, as Linux's dmatest", cmd_dmatest);
