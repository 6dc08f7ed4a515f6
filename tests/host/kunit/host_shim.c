/*
 * Just enough kernel for the KUnit runner on the host: printk to stdout
 * (level prefix dropped; the console is never quiet here), the scnprintf
 * family, panic.
 */
#include <stdio.h>
#include <stdlib.h>
#include <linux/kernel.h>

int console_loglevel = CONSOLE_LOGLEVEL_DEFAULT;
bool console_quiet;

void add_taint(unsigned int flag, enum lockdep_ok lockdep_ok)
{
}

int vprintk(const char *fmt, va_list args)
{
	if (fmt[0] == KERN_SOH[0] && fmt[1])
		fmt += 2;
	return vprintf(fmt, args);
}

int printk(const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vprintk(fmt, ap);
	va_end(ap);
	return n;
}

int vscnprintf(char *buf, size_t size, const char *fmt, va_list args)
{
	int n = vsnprintf(buf, size, fmt, args);

	if (size == 0 || n < 0)
		return 0;
	return (size_t)n < size ? n : (int)size - 1;
}

void panic(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	fputs("Kernel panic - not syncing: ", stdout);
	vprintf(fmt, ap);
	va_end(ap);
	putchar('\n');
	exit(99);
}
