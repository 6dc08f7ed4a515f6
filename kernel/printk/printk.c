/*
 * printk: the kernel log. Each message is formatted, its KERN_* level
 * taken off the front, and its lines stored as records in a ring of
 * 2^CONFIG_LOG_BUF_SHIFT bytes, 512 KiB (the oldest records make room for
 * new ones; a whole boot's self-test output fits), and written to the
 * console when their level is below console_loglevel and the console is
 * not quiet, each after a timestamp.
 *
 * One spinlock (taken with interrupts off) covers formatting, the ring and
 * the console, so lines from different CPUs never mix on the console and
 * printk works with interrupts off and in interrupt handlers. The console
 * is polled, so the lock is held while it writes; Linux instead hands the
 * console to one CPU and lets the others go on. Reporting an oops must not
 * wait forever on a CPU that died holding the lock: a printk re-entered on
 * the CPU that holds it (a fault inside printk) breaks the lock at once,
 * and while oops_in_progress it is broken after a second's wait.
 *
 * Mica does less than Linux: one console, no syslog() interface, and
 * messages printed before the console exists reach only the ring.
 */
#include <linux/kernel.h>
#include <linux/export.h>
#include <linux/errno.h>
#include <linux/init.h>
#include <linux/printk.h>
#include <linux/sched/clock.h>
#include <linux/smp.h>
#include <linux/spinlock.h>
#include <linux/time64.h>
#include <asm/barrier.h>
#include <mica/console.h>
#include <mica/printk_log.h>
#include <string.h>
#include "internal.h"

#ifndef CONFIG_LOG_BUF_SHIFT
#define CONFIG_LOG_BUF_SHIFT 19
#endif
#define LOG_BUF_LEN      (1 << CONFIG_LOG_BUF_SHIFT)
#define LOG_LINE_MAX     1024		/* longest line; longer ones are split */
#define LOCK_BREAK_SPINS 10000000UL	/* if the clock does not run either */

int console_loglevel = CONSOLE_LOGLEVEL_DEFAULT;
int default_message_loglevel = MESSAGE_LOGLEVEL_DEFAULT;
bool console_quiet;
int oops_in_progress;
EXPORT_SYMBOL(oops_in_progress);

/*
 * A record in the ring: this header, then the line's text without its
 * newline, padded to 8 bytes. A header with len 0, or too little room for
 * a header before the end of the buffer, means "continue at the start".
 */
struct printk_log {
	u64 seq;		/* lets a reader check its place is still valid */
	u64 ts_nsec;
	u16 len;		/* header + text + padding */
	u16 text_len;
	u8 level;
	u8 unused[3];
};
#define LOG_ALIGN 8
_Static_assert(sizeof(struct printk_log) % LOG_ALIGN == 0, "records stay aligned");

static char log_buf[LOG_BUF_LEN] __aligned(LOG_ALIGN);
static u32 log_first_idx, log_next_idx;		/* oldest record, next free byte */
static u64 log_first_seq, log_next_seq;		/* their sequence numbers */
static u64 clear_seq;				/* first record `dmesg` shows */

/* The line being built: printk without a newline leaves it open for KERN_CONT. */
static struct {
	char text[LOG_LINE_MAX];
	size_t len;
	u64 ts_nsec;
	u8 level;
	int cpu;
	bool open;
	bool to_console;	/* its level passed console_loglevel */
} cont;

static bool console_mid_line;	/* the console's last character was not '\n' */
static char textbuf[LOG_LINE_MAX];

static DEFINE_SPINLOCK(logbuf_lock);
static int logbuf_cpu = -1;		/* CPU holding logbuf_lock, for re-entry */
static unsigned int logbuf_generation;	/* changes when the lock is broken */

/* Re-initialise the lock under a CPU that can no longer release it, and take it. */
static void logbuf_lock_break(void)
{
	WRITE_ONCE(logbuf_generation, logbuf_generation + 1);
	spin_lock_init(&logbuf_lock);
	spin_lock(&logbuf_lock);
}

/* While an oops is reported, wait for the lock at most a second. */
static void logbuf_lock_oops(void)
{
	u64 start = local_clock();
	unsigned long spins = 0;

	while (!spin_trylock(&logbuf_lock)) {
		u64 now = local_clock();

		if (now - start > NSEC_PER_SEC || (now == start && ++spins > LOCK_BREAK_SPINS)) {
			logbuf_lock_break();
			return;
		}
		cpu_relax();
	}
}

static unsigned long logbuf_lock_irqsave(unsigned int *generation)
{
	unsigned long flags;
	int cpu;

	local_irq_save(flags);
	cpu = raw_smp_processor_id();
	if (READ_ONCE(logbuf_cpu) == cpu)
		logbuf_lock_break();	/* we faulted inside printk: an oops */
	else if (READ_ONCE(oops_in_progress))
		logbuf_lock_oops();
	else
		spin_lock(&logbuf_lock);
	logbuf_cpu = cpu;
	*generation = READ_ONCE(logbuf_generation);
	return flags;
}

/* Release the lock unless someone broke it meanwhile (then it is not ours). */
static void logbuf_unlock_irqrestore(unsigned long flags, unsigned int generation)
{
	if (READ_ONCE(logbuf_generation) == generation) {
		logbuf_cpu = -1;
		spin_unlock(&logbuf_lock);
	}
	local_irq_restore(flags);
}

/* ---- the ring ---- */

/* The record at @idx, following a wrap mark to the start of the buffer. */
static struct printk_log *log_at(u32 *idx)
{
	struct printk_log *msg;

	if (*idx + sizeof(*msg) > LOG_BUF_LEN || ((struct printk_log *)(log_buf + *idx))->len == 0)
		*idx = 0;
	msg = (struct printk_log *)(log_buf + *idx);
	return msg;
}

static u32 log_next(u32 idx)
{
	struct printk_log *msg = log_at(&idx);

	return idx + msg->len;
}

static void log_drop_oldest(void)
{
	log_first_idx = log_next(log_first_idx);
	log_first_seq++;
	if (log_first_seq != log_next_seq)
		log_at(&log_first_idx);		/* skip a wrap mark */
}

/* Where a record of @size bytes goes, once enough old records are dropped. */
static u32 log_make_room(u32 size)
{
	for (;;) {
		bool empty = log_first_seq == log_next_seq;
		bool at_end = log_next_idx + size <= LOG_BUF_LEN;

		if (empty)
			return at_end ? log_next_idx : 0;
		if (log_first_idx < log_next_idx) {
			/* Live records in one piece: free space after them, then before. */
			if (at_end)
				return log_next_idx;
			if (size <= log_first_idx)
				return 0;
		} else if (log_next_idx + size <= log_first_idx) {
			return log_next_idx;	/* the gap between the wrapped parts */
		}
		log_drop_oldest();
	}
}

static void log_store(u8 level, u64 ts_nsec, const char *text, u16 text_len)
{
	u32 size = ALIGN(sizeof(struct printk_log) + text_len, LOG_ALIGN);
	u32 idx = log_make_room(size);
	struct printk_log *msg;

	/* Mark the wrap, if there is room for a header before the end. */
	if (idx != log_next_idx && log_next_idx + sizeof(*msg) <= LOG_BUF_LEN)
		((struct printk_log *)(log_buf + log_next_idx))->len = 0;
	if (log_first_seq == log_next_seq)
		log_first_idx = idx;
	msg = (struct printk_log *)(log_buf + idx);
	msg->seq = log_next_seq;
	msg->ts_nsec = ts_nsec;
	msg->len = size;
	msg->text_len = text_len;
	msg->level = level;
	memcpy(msg + 1, text, text_len);
	log_next_idx = idx + size;
	log_next_seq++;
}

/* ---- lines, continuation and the console ---- */

/* "[    1.234567] ": seconds and microseconds, as Linux prints them. */
static size_t print_time(char *buf, size_t size, u64 ts_nsec)
{
	unsigned long long secs = ts_nsec / NSEC_PER_SEC;
	unsigned long usecs = (unsigned long)(ts_nsec % NSEC_PER_SEC) / 1000;

	return scnprintf(buf, size, "[%5llu.%06lu] ", secs, usecs);
}

static void console_text(const char *s, size_t n)
{
	if (!n)
		return;
	console_write(s, n);
	console_mid_line = s[n - 1] != '\n';
}

/* Begin a console line: finish any other line left open, then the timestamp. */
static void console_line_start(u64 ts_nsec)
{
	char prefix[32];

	if (console_mid_line)
		console_text("\n", 1);
	console_text(prefix, print_time(prefix, sizeof(prefix), ts_nsec));
}

/* Store the open line (if any) as a record. */
static void cont_flush(void)
{
	if (!cont.open)
		return;
	log_store(cont.level, cont.ts_nsec, cont.text, cont.len);
	cont.open = false;
}

static void cont_start(int level, int cpu, u64 ts_nsec)
{
	cont.len = 0;
	cont.level = level;
	cont.cpu = cpu;
	cont.ts_nsec = ts_nsec;
	cont.open = true;
	cont.to_console = level < console_loglevel && !READ_ONCE(console_quiet);
	if (cont.to_console)
		console_line_start(ts_nsec);
}

/* Add @text (one level, any number of lines) to the log and the console. */
static void log_text(const char *text, size_t len, int level, bool is_cont)
{
	int cpu = raw_smp_processor_id();

	if (!(is_cont && cont.open && cont.cpu == cpu)) {
		cont_flush();
		cont_start(level < 0 ? default_message_loglevel : level, cpu, local_clock());
	}
	while (len) {
		const char *nl = memchr(text, '\n', len);
		size_t chunk = nl ? (size_t)(nl - text) : len;

		if (cont.len + chunk > LOG_LINE_MAX) {
			/* Too long for one record: close it and go on in a new one. */
			chunk = LOG_LINE_MAX - cont.len;
			nl = NULL;
		}
		memcpy(cont.text + cont.len, text, chunk);
		cont.len += chunk;
		if (cont.to_console)
			console_text(text, chunk + (nl != NULL));
		text += chunk + (nl != NULL);
		len -= chunk + (nl != NULL);
		if (nl || cont.len == LOG_LINE_MAX) {
			cont_flush();
			if (len)	/* more lines of the same message */
				cont_start(cont.level, cpu, cont.ts_nsec);
		}
	}
}

int vprintk(const char *fmt, va_list args)
{
	unsigned int generation;
	unsigned long flags = logbuf_lock_irqsave(&generation);
	const char *text = textbuf;
	int len = vscnprintf(textbuf, sizeof(textbuf), fmt, args);
	int level = -1;
	bool is_cont = false;

	/* Leading KERN_SOH pairs: a level digit, or 'c' for KERN_CONT. */
	while (text[0] == KERN_SOH_ASCII && text[1]) {
		if (text[1] >= '0' && text[1] <= '7')
			level = text[1] - '0';
		else if (text[1] == 'c')
			is_cont = true;
		else
			break;
		text += 2;
		len -= 2;
	}
	log_text(text, len, level, is_cont);
	logbuf_unlock_irqrestore(flags, generation);
	return len;
}
EXPORT_SYMBOL(vprintk);

int printk(const char *fmt, ...)
{
	va_list args;
	int n;

	va_start(args, fmt);
	n = vprintk(fmt, args);
	va_end(args);
	return n;
}
EXPORT_SYMBOL(printk);

/* ---- hex dumps ---- */

/* @groupsize bytes at @p as a native-endian number (@p may be unaligned). */
static u64 load_group(const u8 *p, int groupsize)
{
	switch (groupsize) {
	case 2: { u16 x; memcpy(&x, p, 2); return x; }
	case 4: { u32 x; memcpy(&x, p, 4); return x; }
	case 8: { u64 x; memcpy(&x, p, 8); return x; }
	default: return *p;
	}
}

/* One row: groups in hex, then the ASCII column at Linux's position. */
static void hex_dump_row(char *line, size_t size, const u8 *p, size_t len,
			 int rowsize, int groupsize, bool ascii)
{
	int ascii_column = rowsize * 2 + rowsize / groupsize + 1;
	size_t n = 0;

	for (size_t i = 0; i < len; i += groupsize)
		n += scnprintf(line + n, size - n, "%s%0*llx", i ? " " : "", groupsize * 2,
			       (unsigned long long)load_group(p + i, groupsize));
	if (ascii) {
		while ((int)n < ascii_column && n + 1 < size)
			line[n++] = ' ';
		for (size_t i = 0; i < len && n + 1 < size; i++)
			line[n++] = p[i] >= 0x20 && p[i] < 0x7f ? p[i] : '.';
	}
	line[n] = '\0';
}

void print_hex_dump(const char *level, const char *prefix_str, int prefix_type,
		    int rowsize, int groupsize, const void *buf, size_t len, bool ascii)
{
	const u8 *p = buf;
	char line[32 * 3 + 2 + 32 + 1];

	if (rowsize != 16 && rowsize != 32)
		rowsize = 16;
	if ((groupsize != 2 && groupsize != 4 && groupsize != 8) || len % groupsize)
		groupsize = 1;

	for (size_t i = 0; i < len; i += rowsize) {
		size_t n = len - i < (size_t)rowsize ? len - i : (size_t)rowsize;

		hex_dump_row(line, sizeof(line), p + i, n, rowsize, groupsize, ascii);
		if (prefix_type == DUMP_PREFIX_ADDRESS)
			printk("%s%s%px: %s\n", level, prefix_str, p + i, line);
		else if (prefix_type == DUMP_PREFIX_OFFSET)
			printk("%s%s%.8zx: %s\n", level, prefix_str, i, line);
		else
			printk("%s%s%s\n", level, prefix_str, line);
	}
}
EXPORT_SYMBOL(print_hex_dump);

void print_hex_dump_bytes(const char *prefix_str, int prefix_type, const void *buf, size_t len)
{
	print_hex_dump(KERN_DEBUG, prefix_str, prefix_type, 16, 1, buf, len, true);
}
EXPORT_SYMBOL(print_hex_dump_bytes);

/* ---- command line ---- */

static int __init quiet_kernel(char *val)
{
	console_loglevel = CONSOLE_LOGLEVEL_QUIET;
	return 0;
}
early_param("quiet", quiet_kernel);

static int __init debug_kernel(char *val)
{
	console_loglevel = CONSOLE_LOGLEVEL_DEBUG;
	return 0;
}
early_param("debug", debug_kernel);

static int __init loglevel(char *val)
{
	long level;

	if (kstrtol(val, 0, &level))
		return -EINVAL;
	if (level < 0 || level > CONSOLE_LOGLEVEL_MOTORMOUTH)
		return -ERANGE;
	console_loglevel = level;
	return 0;
}
early_param("loglevel", loglevel);

/* ---- reading the log (the dmesg command, kernel/printk/printk_commands.c) ---- */

/* The record numbered @seq: *idx is where it was last seen, checked first. */
static struct printk_log *log_find(u64 seq, u32 *idx)
{
	u32 i = *idx;
	struct printk_log *msg = log_at(&i);

	if (msg->seq != seq) {
		i = log_first_idx;
		for (u64 s = log_first_seq; s < seq; s++)
			i = log_next(i);
		msg = log_at(&i);
	}
	*idx = i;
	return msg;
}

/* One record per lock hold, so that other CPUs can log meanwhile. */
void log_print_all(bool clear)
{
	u64 seq = 0;
	u32 idx = 0;
	bool started = false;

	for (;;) {
		unsigned int generation;
		unsigned long flags = logbuf_lock_irqsave(&generation);
		struct printk_log *msg;
		char prefix[32];

		if (!started)
			seq = clear_seq;
		started = true;
		if (seq < log_first_seq)	/* the start, or the ring overtook us */
			seq = log_first_seq;
		if (seq >= log_next_seq) {
			if (clear)
				clear_seq = seq;
			logbuf_unlock_irqrestore(flags, generation);
			return;
		}
		msg = log_find(seq, &idx);
		if (console_mid_line)
			console_text("\n", 1);
		console_text(prefix, print_time(prefix, sizeof(prefix), msg->ts_nsec));
		console_write((const char *)(msg + 1), msg->text_len);
		console_text("\n", 1);
		idx += msg->len;
		seq++;
		logbuf_unlock_irqrestore(flags, generation);
	}
}

void log_clear(void)
{
	unsigned int generation;
	unsigned long flags = logbuf_lock_irqsave(&generation);

	clear_seq = log_next_seq;
	logbuf_unlock_irqrestore(flags, generation);
}

/* ---- reading the log back (mica/printk_log.h) ---- */

u64 printk_log_next_seq(void)
{
	unsigned int generation;
	unsigned long flags = logbuf_lock_irqsave(&generation);
	u64 seq = log_next_seq;

	logbuf_unlock_irqrestore(flags, generation);
	return seq;
}

/* Where the next record after the last one read is: reading in order needs no walk. */
static u32 read_idx;

bool printk_log_read(u64 seq, char *buf, size_t size)
{
	unsigned int generation;
	unsigned long flags = logbuf_lock_irqsave(&generation);
	bool found = seq >= log_first_seq && seq < log_next_seq && size;

	if (found) {
		struct printk_log *msg = log_find(seq, &read_idx);
		size_t n = min_t(size_t, msg->text_len, size - 1);

		memcpy(buf, msg + 1, n);
		buf[n] = '\0';
		read_idx += msg->len;
	}
	logbuf_unlock_irqrestore(flags, generation);
	return found;
}
