/* Fault injection attributes shared by fail_page_alloc and failslab. */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/fault-inject.h>
#include <linux/prandom.h>
#include <linux/spinlock.h>
#include <string.h>

static DEFINE_SPINLOCK(fault_lock);
static struct rnd_state fault_rnd;
static bool fault_rnd_seeded;

/* The same sequence every boot, so a failing run can be repeated. fault_lock held. */
static u32 fault_random(void)
{
	if (!fault_rnd_seeded) {
		prandom_seed_state(&fault_rnd, 0);
		fault_rnd_seeded = true;
	}
	return prandom_u32_state(&fault_rnd);
}

bool should_fail(struct fault_attr *attr)
{
	unsigned long flags;
	bool fail = false;

	spin_lock_irqsave(&fault_lock, flags);
	if (attr->times == 0)
		goto out;
	attr->count++;
	if (attr->interval > 1 && attr->count % attr->interval)
		goto out;
	if (attr->probability <= fault_random() % 100)
		goto out;
	if (attr->times > 0)
		attr->times--;
	attr->injected++;
	fail = true;
out:
	spin_unlock_irqrestore(&fault_lock, flags);
	if (fail && attr->verbose > 0) {
		pr_notice("FAULT_INJECTION: forcing a failure.\n"
			  "name %s, interval %lu, probability %lu, space 0, times %d\n",
			  attr->name, attr->interval, attr->probability, attr->times);
		if (attr->verbose > 1)
			dump_stack();
	}
	return fail;
}

int setup_fault_attr(struct fault_attr *attr, const char *str)
{
	char buf[64], *p = buf;
	int v[4], i;

	strncpy(buf, str, sizeof(buf) - 1);
	buf[sizeof(buf) - 1] = '\0';
	for (i = 0; i < 4; i++) {
		int r = get_option(&p, &v[i]);

		if (r == 0 || (i < 3 && r != 2) || (i == 3 && (r != 1 || *p)))
			return -EINVAL;
	}
	if (v[0] < 1 || v[1] < 0 || v[1] > 100 || v[3] < -1)
		return -ERANGE;
	attr->interval = (unsigned long)v[0];
	attr->probability = (unsigned long)v[1];
	attr->times = v[3];
	attr->count = attr->injected = 0;
	return 0;
}

int fault_parse_bool(const char *s, bool *out)
{
	if (!strcmp(s, "Y") || !strcmp(s, "y") || !strcmp(s, "1")) {
		*out = true;
		return 0;
	}
	if (!strcmp(s, "N") || !strcmp(s, "n") || !strcmp(s, "0")) {
		*out = false;
		return 0;
	}
	return -EINVAL;
}

int fault_parse_long(const char *s, long lo, long hi, long *out)
{
	bool neg = *s == '-';
	char *end;
	unsigned long long v = simple_strtoull(s + neg, &end, 0);

	if (end == s + neg || *end || v > 0x7fffffffULL)
		return -EINVAL;
	*out = neg ? -(long)v : (long)v;
	return (*out < lo || *out > hi) ? -ERANGE : 0;
}

int fault_attr_set(struct fault_attr *attr, const char *key, const char *val)
{
	long v;
	int err;

	if (!strcmp(key, "probability")) {
		err = fault_parse_long(val, 0, 100, &v);
		if (!err)
			WRITE_ONCE(attr->probability, (unsigned long)v);
	} else if (!strcmp(key, "interval")) {
		err = fault_parse_long(val, 1, 0x7fffffff, &v);
		if (!err)
			attr->interval = (unsigned long)v;
	} else if (!strcmp(key, "times")) {
		err = fault_parse_long(val, -1, 0x7fffffff, &v);
		if (!err)
			WRITE_ONCE(attr->times, (int)v);
	} else if (!strcmp(key, "verbose")) {
		err = fault_parse_long(val, 0, 2, &v);
		if (!err)
			attr->verbose = (int)v;
	} else {
		return -ENOENT;
	}
	return err;
}

void fault_attr_configure(struct fault_attr *dst, const struct fault_attr *src)
{
	unsigned long flags;

	spin_lock_irqsave(&fault_lock, flags);
	dst->interval = src->interval;
	dst->verbose = src->verbose;
	WRITE_ONCE(dst->times, src->times);
	WRITE_ONCE(dst->probability, src->probability);
	spin_unlock_irqrestore(&fault_lock, flags);
}

bool fault_attr_same_settings(const struct fault_attr *a, const struct fault_attr *b)
{
	return a->probability == b->probability && a->interval == b->interval &&
	       a->times == b->times && a->verbose == b->verbose;
}
