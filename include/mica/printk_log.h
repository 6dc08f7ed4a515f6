/*
 * Reading back the kernel log (kernel/printk/printk.c), for self-tests
 * that check what the kernel reported: note printk_log_next_seq()
 * before, then read the records written since, one line each, as `dmesg`
 * shows them without the timestamp.
 */
#ifndef _MICA_PRINTK_LOG_H
#define _MICA_PRINTK_LOG_H

#include <linux/types.h>

/* The sequence number the next record will get. */
u64 printk_log_next_seq(void);
/*
 * The text of record @seq into @buf (NUL-terminated, cut to @size - 1
 * bytes). False if it is not written yet or the ring has dropped it.
 */
bool printk_log_read(u64 seq, char *buf, size_t size);

#endif
