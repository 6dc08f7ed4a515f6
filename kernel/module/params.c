/*
 * Module parameters (linux/moduleparam.h): the standard types' set/get
 * operations, arrays and strings, parse_args() for insmod's arguments and
 * the command line's "<file>.<param>=value" for built-in code.
 *
 * charp values are copies the kernel owns: each parameter keeps its own,
 * freed when the value changes again or the module goes.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/init.h>
#include <linux/list.h>
#include <linux/module.h>
#include <linux/mutex.h>
#include <linux/slab.h>
#include <asm/memory.h>
#include <limits.h>
#include <string.h>
#include "internal.h"

static int set_signed(const char *val, long min, long max, long *res)
{
	long v;
	int err;

	if (!val)
		return -EINVAL;
	err = kstrtol(val, 0, &v);
	if (err)
		return err;
	if (v < min || v > max)
		return -ERANGE;
	*res = v;
	return 0;
}

static int set_unsigned(const char *val, unsigned long max, unsigned long *res)
{
	unsigned long v;
	int err;

	if (!val || val[0] == '-')
		return -EINVAL;
	err = kstrtoul(val, 0, &v);
	if (err)
		return err;
	if (v > max)
		return -ERANGE;
	*res = v;
	return 0;
}

/*
 * param_set_/param_get_/param_ops_<name> for a number of @type, parsed
 * into a @parsed_type v by the expression @parse (of val and &v).
 */
#define STANDARD_PARAM(name, type, parsed_type, parse, fmt)			\
	int param_set_##name(const char *val, const struct kernel_param *kp)	\
	{									\
		parsed_type v;							\
		int err = parse;						\
		if (!err)							\
			*(type *)kp->arg = (type)v;				\
		return err;							\
	}									\
	static int param_get_##name(char *buf, const struct kernel_param *kp)	\
	{									\
		return scnprintf(buf, PAGE_SIZE, fmt "\n", *(type *)kp->arg);	\
	}									\
	const struct kernel_param_ops param_ops_##name = {			\
		.set = param_set_##name, .get = param_get_##name,		\
	};									\
	EXPORT_SYMBOL(param_set_##name);					\
	EXPORT_SYMBOL(param_ops_##name)

#define STANDARD_PARAM_SIGNED(name, type, min, max, fmt) \
	STANDARD_PARAM(name, type, long, set_signed(val, min, max, &v), fmt)
#define STANDARD_PARAM_UNSIGNED(name, type, max, fmt) \
	STANDARD_PARAM(name, type, unsigned long, set_unsigned(val, max, &v), fmt)

STANDARD_PARAM_UNSIGNED(byte, unsigned char, UCHAR_MAX, "%hhu");
STANDARD_PARAM_SIGNED(short, short, SHRT_MIN, SHRT_MAX, "%hd");
STANDARD_PARAM_UNSIGNED(ushort, unsigned short, USHRT_MAX, "%hu");
STANDARD_PARAM_SIGNED(int, int, INT_MIN, INT_MAX, "%d");
STANDARD_PARAM_UNSIGNED(uint, unsigned int, UINT_MAX, "%u");
STANDARD_PARAM_SIGNED(long, long, LONG_MIN, LONG_MAX, "%ld");
STANDARD_PARAM_UNSIGNED(ulong, unsigned long, ULONG_MAX, "%lu");

/* kstrtobool's spellings; a bare name ("insmod m.ko verbose") is true. */
static int parse_bool(const char *val, bool *res)
{
	return kstrtobool(val ? val : "1", res);
}

int param_set_bool(const char *val, const struct kernel_param *kp)
{
	return parse_bool(val, kp->arg);
}
EXPORT_SYMBOL(param_set_bool);

static int param_get_bool(char *buf, const struct kernel_param *kp)
{
	return scnprintf(buf, PAGE_SIZE, "%c\n", *(bool *)kp->arg ? 'Y' : 'N');
}

const struct kernel_param_ops param_ops_bool = { .set = param_set_bool, .get = param_get_bool };
EXPORT_SYMBOL(param_ops_bool);

int param_set_invbool(const char *val, const struct kernel_param *kp)
{
	bool v;
	int err = parse_bool(val, &v);

	if (!err)
		*(bool *)kp->arg = !v;
	return err;
}
EXPORT_SYMBOL(param_set_invbool);

static int param_get_invbool(char *buf, const struct kernel_param *kp)
{
	return scnprintf(buf, PAGE_SIZE, "%c\n", *(bool *)kp->arg ? 'N' : 'Y');
}

const struct kernel_param_ops param_ops_invbool = {
	.set = param_set_invbool, .get = param_get_invbool,
};
EXPORT_SYMBOL(param_ops_invbool);

/*
 * The copies charp parameters own, by the variable they were stored in, so
 * a new value or rmmod can free the old one.
 */
struct charp_copy {
	struct list_head list;
	char **var;
	char *str;
};
static LIST_HEAD(charp_copies);
static DEFINE_MUTEX(charp_lock);

/* Free the copies stored in variables inside [@start, @start + @size). */
static void free_charp_copies(unsigned long start, unsigned long size)
{
	struct charp_copy *c, *tmp;

	list_for_each_entry_safe(c, tmp, &charp_copies, list)
		if ((unsigned long)c->var - start < size) {
			list_del(&c->list);
			kfree(c->str);
			kfree(c);
		}
}

int param_set_charp(const char *val, const struct kernel_param *kp)
{
	struct charp_copy *c;

	if (!val)
		return -EINVAL;
	if (strlen(val) > 1024)
		return -ENOSPC;
	c = kmalloc(sizeof(*c), GFP_KERNEL);
	if (!c)
		return -ENOMEM;
	c->str = kstrdup(val, GFP_KERNEL);
	if (!c->str) {
		kfree(c);
		return -ENOMEM;
	}
	c->var = kp->arg;
	mutex_lock(&charp_lock);
	free_charp_copies((unsigned long)c->var, 1);
	list_add(&c->list, &charp_copies);
	*(char **)kp->arg = c->str;
	mutex_unlock(&charp_lock);
	return 0;
}
EXPORT_SYMBOL(param_set_charp);

static int param_get_charp(char *buf, const struct kernel_param *kp)
{
	const char *s = *(char **)kp->arg;

	return scnprintf(buf, PAGE_SIZE, "%s\n", s ? s : "(null)");
}

/* No .free: module_params_free() frees a module's copies, array elements included. */
const struct kernel_param_ops param_ops_charp = { .set = param_set_charp, .get = param_get_charp };
EXPORT_SYMBOL(param_ops_charp);

int param_set_copystring(const char *val, const struct kernel_param *kp)
{
	const struct kparam_string *kps = kp->str;

	if (!val)
		return -EINVAL;
	if (strlen(val) + 1 > kps->maxlen)
		return -ENOSPC;
	strcpy(kps->string, val);
	return 0;
}
EXPORT_SYMBOL(param_set_copystring);

static int param_get_string(char *buf, const struct kernel_param *kp)
{
	return scnprintf(buf, PAGE_SIZE, "%s\n", kp->str->string);
}

const struct kernel_param_ops param_ops_string = {
	.set = param_set_copystring, .get = param_get_string,
};
EXPORT_SYMBOL(param_ops_string);

/* "1,2,3": each element through the element type's set, the count into *num. */
static int param_array_set(const char *val, const struct kernel_param *kp)
{
	const struct kparam_array *arr = kp->arr;
	char elem[64];
	unsigned int n = 0;
	const char *p = val;

	if (!val)
		return -EINVAL;
	for (;;) {
		size_t len = strcspn(p, ",");
		struct kernel_param ekp = *kp;
		int err;

		if (n == arr->max) {
			pr_err("%s: can only take %u arguments\n", kp->name, arr->max);
			return -EINVAL;
		}
		if (len >= sizeof(elem))
			return -ENOSPC;
		memcpy(elem, p, len);
		elem[len] = '\0';
		ekp.arg = (char *)arr->elem + n * arr->elemsize;
		err = arr->ops->set(elem, &ekp);
		if (err)
			return err;
		n++;
		if (!p[len])
			break;
		p += len + 1;
	}
	if (arr->num)
		*arr->num = n;
	return 0;
}

static int param_array_get(char *buf, const struct kernel_param *kp)
{
	const struct kparam_array *arr = kp->arr;
	unsigned int i, n = arr->num ? *arr->num : arr->max;
	int len = 0;

	for (i = 0; i < n; i++) {
		struct kernel_param ekp = *kp;

		ekp.arg = (char *)arr->elem + i * arr->elemsize;
		if (i)
			buf[len++] = ',';
		len += arr->ops->get(buf + len, &ekp);
		if (len && buf[len - 1] == '\n')
			len--;
	}
	buf[len++] = '\n';
	buf[len] = '\0';
	return len;
}

const struct kernel_param_ops param_array_ops = { .set = param_array_set, .get = param_array_get };
EXPORT_SYMBOL(param_array_ops);

/* Linux's parameq: '-' and '_' are the same in parameter names. */
static bool parameq(const char *a, const char *b)
{
	for (; *a || *b; a++, b++) {
		char x = *a == '-' ? '_' : *a, y = *b == '-' ? '_' : *b;

		if (x != y)
			return false;
	}
	return true;
}

/* Linux's parse_args() messages. */
static int report(const char *doing, const char *param, const char *val, int err)
{
	switch (err) {
	case 0:
		break;
	case -ENOENT:
		pr_err("%s: Unknown parameter `%s'\n", doing, param);
		break;
	case -ENOSPC:
		pr_err("%s: `%s' too large for parameter `%s'\n", doing, val ? val : "", param);
		break;
	default:
		pr_err("%s: `%s' invalid for parameter `%s'\n", doing, val ? val : "", param);
		break;
	}
	return err;
}

static int parse_one(char *param, char *val, const char *doing,
		     const struct kernel_param *params, unsigned int num)
{
	unsigned int i;

	for (i = 0; i < num; i++)
		if (parameq(param, params[i].name))
			return params[i].ops->set(val, &params[i]);
	return -ENOENT;
}

/* The next "name=value" word of *@args (quotes keep spaces), split in place. */
static char *next_arg(char **args, char **val)
{
	char *s = *args, *param, *out;
	bool quoted = false;

	while (*s == ' ' || *s == '\t' || *s == '\n')
		s++;
	if (!*s)
		return NULL;
	param = out = s;
	*val = NULL;
	for (; *s && (quoted || (*s != ' ' && *s != '\t' && *s != '\n')); s++) {
		if (*s == '"') {
			quoted = !quoted;
			continue;
		}
		if (*s == '=' && !*val) {
			*out++ = '\0';
			*val = out;
			continue;
		}
		*out++ = *s;
	}
	if (*s)
		s++;
	*out = '\0';
	*args = s;
	return param;
}

int parse_args(const char *doing, char *args, const struct kernel_param *params,
	       unsigned int num, int (*unknown)(char *param, char *val, const char *doing))
{
	char *param, *val;
	int err;

	while ((param = next_arg(&args, &val))) {
		err = parse_one(param, val, doing, params, num);
		if (err == -ENOENT && unknown)
			err = unknown(param, val, doing);
		if (err)
			return report(doing, param, val, err);
	}
	return 0;
}

extern const struct kernel_param __start___param[], __stop___param[];

int parse_builtin_param(char *param, char *val)
{
	int err = parse_one(param, val, "Booting kernel", __start___param,
			    __stop___param - __start___param);

	if (err && err != -ENOENT)
		report("Booting kernel", param, val, err);
	return err == -ENOENT ? -ENOENT : 0;
}

void module_params_free(struct module *mod)
{
	mutex_lock(&charp_lock);
	free_charp_copies((unsigned long)mod->core_layout.base, mod->core_layout.size);
	mutex_unlock(&charp_lock);
	kfree(mod->args);
	mod->args = NULL;
}
