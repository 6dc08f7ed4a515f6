/*
 * Fault injection attributes (Linux's lib/fault-inject.c, reduced): a
 * candidate fails with `probability` percent, only every interval-th one,
 * at most `times` times (-1: no limit). Used by fail_page_alloc and
 * failslab. Mica has no debugfs: settings come from the command line
 * (setup_fault_attr) and console commands (fault_attr_set).
 */
#ifndef _LINUX_FAULT_INJECT_H
#define _LINUX_FAULT_INJECT_H

#include <linux/types.h>

struct fault_attr {
	const char *name;		/* in the "FAULT_INJECTION" report */
	unsigned long probability;	/* percent */
	unsigned long interval;		/* only every interval-th candidate */
	int times;			/* failures left; -1 for no limit */
	int verbose;			/* 0 quiet, 1 a line, 2 a line and a backtrace */
	unsigned long count;		/* candidates seen */
	unsigned long injected;		/* failures forced */
};

#define FAULT_ATTR_INITIALIZER(nm) \
	{ .name = nm, .interval = 1, .times = -1, .verbose = 1 }

/* Decide one candidate; reports a forced failure as Linux does. */
bool should_fail(struct fault_attr *attr);
/* Parse "interval,probability,space,times" (Linux's boot syntax). */
int setup_fault_attr(struct fault_attr *attr, const char *str);
/*
 * One "key=value" common to every attribute (probability, interval, times,
 * verbose): 0, -ENOENT for another key, -EINVAL or -ERANGE for the value.
 */
int fault_attr_set(struct fault_attr *attr, const char *key, const char *val);
/* Copy @src's settings (not its counters) into @dst, as one change. */
void fault_attr_configure(struct fault_attr *dst, const struct fault_attr *src);
/* Do @a and @b have the same settings (counters aside)? */
bool fault_attr_same_settings(const struct fault_attr *a, const struct fault_attr *b);
/* Y/y/1 or N/n/0, as Linux's debugfs booleans. */
int fault_parse_bool(const char *s, bool *out);
/* A decimal or 0x number in [lo, hi]: 0, -EINVAL or -ERANGE. */
int fault_parse_long(const char *s, long lo, long hi, long *out);

#endif
