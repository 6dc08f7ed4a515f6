/*
 * Module parameters (Linux's moduleparam.h): module_param(name, type,
 * perm), module_param_named, module_param_array(_named), module_param_string,
 * MODULE_PARM_DESC. Types: byte, short, ushort, int, uint, long, ulong,
 * bool, invbool, charp; arrays of any of them, "a,b,c".
 *
 * A module's parameters are set by insmod's arguments ("count=3 name=x");
 * built into the kernel, the same declarations are set from the command
 * line as "<file>.<param>=value", <file> being KBUILD_MODNAME (the source
 * file's name without .c, or MODULE_PARAM_PREFIX if the file defines it).
 * A value that does not parse, or an unknown parameter, is refused with
 * Linux's message. Less than Linux: no sysfs (perm is checked, not used),
 * no module_param_cb ops beyond the standard ones' shape.
 */
#ifndef _LINUX_MODULEPARAM_H
#define _LINUX_MODULEPARAM_H

#include <linux/types.h>
#include <linux/compiler.h>

#ifdef MODULE
#define MODULE_PARAM_PREFIX /* empty */
#else
#ifndef MODULE_PARAM_PREFIX
#define MODULE_PARAM_PREFIX KBUILD_MODNAME "."
#endif
#endif

#define ___PASTE(a, b) a##b
#define __PASTE(a, b) ___PASTE(a, b)
#define __UNIQUE_ID(prefix) __PASTE(__PASTE(__UNIQUE_ID_, prefix), __COUNTER__)

#ifdef MODULE
#define __MODULE_PARM_INFO(tag, name, info)					\
	static const char __UNIQUE_ID(name)[] __used __section(".modinfo")	\
	__aligned(1) = #tag "=" info
#else
#define __MODULE_PARM_INFO(tag, name, info) struct __UNIQUE_ID(name) { int unused; }
#endif

#define MODULE_PARM_DESC(_parm, desc) __MODULE_PARM_INFO(parm, _parm, #_parm ":" desc)
#define __MODULE_PARM_TYPE(name, _type) __MODULE_PARM_INFO(parmtype, name##type, #name ":" _type)

struct kernel_param;

struct kernel_param_ops {
	/* Parse @val (NULL for a bare "name") into @kp's variable; 0 or -errno. */
	int (*set)(const char *val, const struct kernel_param *kp);
	/* Print the value and a newline into @buffer (a page); the length. */
	int (*get)(char *buffer, const struct kernel_param *kp);
	void (*free)(void *arg);
};

struct kparam_string {
	unsigned int maxlen;
	char *string;
};

struct kparam_array {
	unsigned int max;
	unsigned int elemsize;
	unsigned int *num;
	const struct kernel_param_ops *ops;
	void *elem;
};

struct kernel_param {
	const char *name;
	const struct kernel_param_ops *ops;
	u16 perm;
	s16 level;
	union {
		void *arg;
		const struct kparam_string *str;
		const struct kparam_array *arr;
	};
};

/* Permissions are octal, and no one but the owner may write (Linux's rule). */
#define VERIFY_OCTAL_PERMISSIONS(perm)						\
	(BUILD_BUG_ON_ZERO((perm) < 0 || (perm) > 0777 || ((perm) & 2)) + (perm))
#define BUILD_BUG_ON_ZERO(e) ((int)(sizeof(struct { int : (-!!(e)); })))

#define __module_param_call(prefix, name, ops, arg, perm, level)		\
	static const char __param_str_##name[] = prefix #name;			\
	static const struct kernel_param __param_##name __used		\
	__section("__param") __aligned(sizeof(void *)) =			\
		{ __param_str_##name, ops, VERIFY_OCTAL_PERMISSIONS(perm), level, { arg } }

#define module_param_cb(name, ops, arg, perm) \
	__module_param_call(MODULE_PARAM_PREFIX, name, ops, arg, perm, -1)

/* Type checks: the variable must have the parameter type's C type. */
#define __param_check(name, p, type) \
	static inline type __always_unused *__check_##name(void) { return (p); }
#define param_check_byte(name, p)	__param_check(name, p, unsigned char)
#define param_check_short(name, p)	__param_check(name, p, short)
#define param_check_ushort(name, p)	__param_check(name, p, unsigned short)
#define param_check_int(name, p)	__param_check(name, p, int)
#define param_check_uint(name, p)	__param_check(name, p, unsigned int)
#define param_check_long(name, p)	__param_check(name, p, long)
#define param_check_ulong(name, p)	__param_check(name, p, unsigned long)
#define param_check_bool(name, p)	__param_check(name, p, bool)
#define param_check_invbool(name, p)	__param_check(name, p, bool)
#define param_check_charp(name, p)	__param_check(name, p, char *)

extern const struct kernel_param_ops param_ops_byte, param_ops_short, param_ops_ushort,
	param_ops_int, param_ops_uint, param_ops_long, param_ops_ulong, param_ops_bool,
	param_ops_invbool, param_ops_charp, param_ops_string;
extern const struct kernel_param_ops param_array_ops;

int param_set_byte(const char *val, const struct kernel_param *kp);
int param_set_short(const char *val, const struct kernel_param *kp);
int param_set_ushort(const char *val, const struct kernel_param *kp);
int param_set_int(const char *val, const struct kernel_param *kp);
int param_set_uint(const char *val, const struct kernel_param *kp);
int param_set_long(const char *val, const struct kernel_param *kp);
int param_set_ulong(const char *val, const struct kernel_param *kp);
int param_set_bool(const char *val, const struct kernel_param *kp);
int param_set_invbool(const char *val, const struct kernel_param *kp);
int param_set_charp(const char *val, const struct kernel_param *kp);
int param_set_copystring(const char *val, const struct kernel_param *kp);

/*
 * The type is pasted or quoted where it is first seen: passed on to another
 * macro, "bool" would already be <stdbool.h>'s _Bool.
 */
#define __module_param_typed(name, value, check, ops, typestr, perm)		\
	check(name, &(value));							\
	module_param_cb(name, &ops, &value, perm);				\
	__MODULE_PARM_TYPE(name, typestr)

#define module_param_named(name, value, type, perm) \
	__module_param_typed(name, value, param_check_##type, param_ops_##type, #type, perm)

#define module_param(name, type, perm) \
	__module_param_typed(name, name, param_check_##type, param_ops_##type, #type, perm)

#define module_param_string(name, string, len, perm)				\
	static const struct kparam_string __param_string_##name = { len, string }; \
	__module_param_call(MODULE_PARAM_PREFIX, name, &param_ops_string,	\
			    .str = &__param_string_##name, perm, -1);		\
	__MODULE_PARM_TYPE(name, "string")

#define __module_param_array_typed(name, array, check, eops, typestr, nump, perm) \
	check(name, &(array)[0]);						\
	static const struct kparam_array __param_arr_##name =			\
		{ .max = sizeof(array) / sizeof((array)[0]), .num = nump,	\
		  .ops = &eops, .elemsize = sizeof((array)[0]), .elem = array };	\
	__module_param_call(MODULE_PARAM_PREFIX, name, &param_array_ops,	\
			    .arr = &__param_arr_##name, perm, -1);		\
	__MODULE_PARM_TYPE(name, "array of " typestr)

#define module_param_array_named(name, array, type, nump, perm)		\
	__module_param_array_typed(name, array, param_check_##type, param_ops_##type, \
				   #type, nump, perm)

#define module_param_array(name, type, nump, perm)				\
	__module_param_array_typed(name, name, param_check_##type, param_ops_##type, \
				   #type, nump, perm)

/*
 * Apply "name=value name2 ..." in @args (changed in place: charp values
 * point into it) to @params; @doing names the owner in messages. Unknown
 * names go to @unknown (NULL: refused). 0 or the first error.
 */
int parse_args(const char *doing, char *args, const struct kernel_param *params,
	       unsigned int num, int (*unknown)(char *param, char *val, const char *doing));

/* Command line: "<prefix>.<name>=value" for built-in code; 0, -ENOENT if no such parameter. */
int parse_builtin_param(char *param, char *val);

#endif
