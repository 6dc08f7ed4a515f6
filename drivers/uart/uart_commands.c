/*
 * The console UART's command: `uartdma`, the arguments sent to the
 * console by DMA (drivers/uart/samsung_dma.c; Samsung UARTs only).
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <mica/s3c-uart-dma.h>
#include <mica/shell.h>

static int cmd_uartdma(int argc, char **argv)
{
	struct shell_args args;
	char line[128];
	size_t len = 0;
	long ret;
	int i, n;

	n = shell_operands_only(&args, argc, argv, 1, SHELL_ARGS_MANY);
	if (n < 0)
		return n;
	for (i = args.optind; i < argc; i++)
		len += scnprintf(line + len, sizeof(line) - len, "%s%s", i > args.optind ? " " : "",
				 argv[i]);
	if (len >= sizeof(line) - 2)
		return shell_usage_error(argv[0], "text too long (at most %zu characters)",
					 sizeof(line) - 3);
	line[len++] = '\n';
	ret = s3c_uart_dma_write(line, len);
	if (ret < 0)
		shell_printf("uartdma: %s\n", ret == -ENODEV ? "no DMA channel for this console UART"
							      : "transfer failed");
	return ret < 0 ? (int)ret : 0;
}
SHELL_COMMAND("uartdma", "TEXT...", "send the text to the console UART by DMA (Samsung UARTs)",
	      cmd_uartdma);
