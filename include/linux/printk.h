/* printk with Linux log levels; output goes to the log buffer and console. */
#ifndef _LINUX_PRINTK_H
#define _LINUX_PRINTK_H

#include <stdarg.h>
#include <linux/types.h>

#define KERN_SOH     "\001"
#define KERN_SOH_ASCII '\001'
#define KERN_EMERG   KERN_SOH "0"
#define KERN_ALERT   KERN_SOH "1"
#define KERN_CRIT    KERN_SOH "2"
#define KERN_ERR     KERN_SOH "3"
#define KERN_WARNING KERN_SOH "4"
#define KERN_NOTICE  KERN_SOH "5"
#define KERN_INFO    KERN_SOH "6"
#define KERN_DEBUG   KERN_SOH "7"
#define KERN_DEFAULT ""
#define KERN_CONT    KERN_SOH "c"

/* Numeric levels, for code that computes with them. */
#define LOGLEVEL_EMERG   0
#define LOGLEVEL_ALERT   1
#define LOGLEVEL_CRIT    2
#define LOGLEVEL_ERR     3
#define LOGLEVEL_WARNING 4
#define LOGLEVEL_NOTICE  5
#define LOGLEVEL_INFO    6
#define LOGLEVEL_DEBUG   7

/*
 * A message reaches the console when its level is below console_loglevel
 * (set by "quiet", "loglevel=N", "debug" or `dmesg -n`); a message without
 * a level gets default_message_loglevel.
 */
#define CONSOLE_LOGLEVEL_SILENT     0
#define CONSOLE_LOGLEVEL_MIN        1
#define CONSOLE_LOGLEVEL_QUIET      4
#define CONSOLE_LOGLEVEL_DEFAULT    7
#define CONSOLE_LOGLEVEL_DEBUG     10
#define CONSOLE_LOGLEVEL_MOTORMOUTH 15
#define MESSAGE_LOGLEVEL_DEFAULT    4
extern int console_loglevel;
extern int default_message_loglevel;

/*
 * Mica: while console_quiet is set (a self-test run at the default console
 * level, lib/kunit/executor.c), messages go to the log ring only, whatever
 * their level; console_verbose() (an unexpected oops, a panic) ends it.
 */
extern bool console_quiet;

/* Show everything from now on (oops, panic). */
static inline void console_verbose(void)
{
	console_quiet = false;
	if (console_loglevel)
		console_loglevel = CONSOLE_LOGLEVEL_MOTORMOUTH;
}

/*
 * Nonzero while an oops or panic is being reported: printk then breaks
 * its lock rather than wait for a CPU that may never release it.
 */
extern int oops_in_progress;

/*
 * Every message goes into a 512 KiB ring (oldest records overwritten; read
 * with `dmesg`) and, if its level passes, to the console, each line after
 * a "[    1.234567] " timestamp from local_clock(). KERN_CONT continues the
 * line the same CPU left open (Linux matches the task; Mica has none).
 * Returns the length of the text, without the level prefix.
 */
int printk(const char *fmt, ...) __printf(1, 2);
int vprintk(const char *fmt, va_list args);

#ifndef pr_fmt
#define pr_fmt(fmt) fmt
#endif
#define pr_emerg(fmt, ...)  printk(KERN_EMERG pr_fmt(fmt), ##__VA_ARGS__)
#define pr_alert(fmt, ...)  printk(KERN_ALERT pr_fmt(fmt), ##__VA_ARGS__)
#define pr_crit(fmt, ...)   printk(KERN_CRIT pr_fmt(fmt), ##__VA_ARGS__)
#define pr_err(fmt, ...)    printk(KERN_ERR pr_fmt(fmt), ##__VA_ARGS__)
#define pr_warn(fmt, ...)   printk(KERN_WARNING pr_fmt(fmt), ##__VA_ARGS__)
#define pr_notice(fmt, ...) printk(KERN_NOTICE pr_fmt(fmt), ##__VA_ARGS__)
#define pr_info(fmt, ...)   printk(KERN_INFO pr_fmt(fmt), ##__VA_ARGS__)
#define pr_debug(fmt, ...)  printk(KERN_DEBUG pr_fmt(fmt), ##__VA_ARGS__)
#define pr_cont(fmt, ...)   printk(KERN_CONT fmt, ##__VA_ARGS__)

/*
 * Hex dump in Linux's format, one printk per row:
 *   <prefix_str><address or offset>: 00 01 02 ... 0f  ................
 * rowsize is 16 or 32 (anything else means 16); groupsize 1, 2, 4 or 8
 * bytes, shown as native-endian numbers (1 if it does not divide @len).
 * DUMP_PREFIX_ADDRESS prints the raw address, as %px (Linux hashes it).
 */
enum {
	DUMP_PREFIX_NONE,
	DUMP_PREFIX_ADDRESS,
	DUMP_PREFIX_OFFSET,
};
void print_hex_dump(const char *level, const char *prefix_str, int prefix_type,
		    int rowsize, int groupsize, const void *buf, size_t len, bool ascii);
/* KERN_DEBUG, 16 bytes a row, single bytes, with the ASCII column. */
void print_hex_dump_bytes(const char *prefix_str, int prefix_type, const void *buf, size_t len);

#endif
