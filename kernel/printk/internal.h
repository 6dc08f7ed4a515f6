/* Between the log (printk.c) and its console command (printk_commands.c). */
#ifndef _KERNEL_PRINTK_INTERNAL_H
#define _KERNEL_PRINTK_INTERNAL_H

#include <linux/types.h>

/*
 * Print the records from the clear point on, with their timestamps, on the
 * console; with @clear, move the clear point past them (dmesg, dmesg -c).
 */
void log_print_all(bool clear);
/* Everything logged so far is cleared (dmesg -C). */
void log_clear(void);

#endif
