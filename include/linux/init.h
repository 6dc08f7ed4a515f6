/*
 * Boot-time sections and hooks (Linux names): __init code and data are freed
 * after boot; initcalls run in level order from do_initcalls(); command-line
 * handlers are registered with early_param()/__setup().
 *
 * In a module (-DMODULE) the same markers put its init code and data in
 * .init.* sections, which the loader frees and unmaps once the module's
 * init has returned; __exit code is kept for rmmod. Built into the kernel,
 * __exit code is discarded at link time (it can never run).
 */
#ifndef _LINUX_INIT_H
#define _LINUX_INIT_H

#include <linux/compiler.h>

#define __init      __section(".init.text") noinline
#define __initdata  __section(".init.data")
#define __initconst __section(".init.rodata")
#define __exit      __section(".exit.text")
#define __exitdata  __section(".exit.data")

typedef int (*initcall_t)(void);
typedef void (*exitcall_t)(void);
typedef void (*ctor_fn_t)(void);	/* a compiler-generated or __attribute__((constructor)) function */

#define __define_initcall(fn, level) \
	static initcall_t __initcall_##fn##level __used \
	__section(".initcall" #level ".init") = fn

/* Run every initcall, level by level (kernel/initcall.c); start_kernel calls it once. */
void do_initcalls(void);
/* Run the compiler's constructors (once, early in boot). */
void do_ctors(void);

#define early_initcall(fn)    __define_initcall(fn, 0)
#define core_initcall(fn)     __define_initcall(fn, 1)
#define postcore_initcall(fn) __define_initcall(fn, 2)
#define arch_initcall(fn)     __define_initcall(fn, 3)
#define subsys_initcall(fn)   __define_initcall(fn, 4)
#define fs_initcall(fn)       __define_initcall(fn, 5)
#define device_initcall(fn)   __define_initcall(fn, 6)
#define late_initcall(fn)     __define_initcall(fn, 7)
#define __initcall(fn)        device_initcall(fn)

/*
 * A command-line handler. "name=" keys take the value after '='; a bare
 * "name" flag gets "". early handlers run before memory is set up.
 */
struct obs_kernel_param {
	const char *str;
	int (*setup_func)(char *val);
	int early;
};

#define __setup_param(str, unique, fn, early) \
	static const struct obs_kernel_param __setup_##unique __used \
	__section("kernel_params") __aligned(4) = { str, fn, early }

#define __setup(str, fn)      __setup_param(str, fn, fn, 0)
#define early_param(str, fn)  __setup_param(str, fn, fn, 1)

#define COMMAND_LINE_SIZE 1024
extern char boot_command_line[COMMAND_LINE_SIZE];
void parse_early_param(void);
void parse_late_params(void);

/*
 * For a __setup() handler whose value switches a static key (kernel/params.c):
 * "1", "on", "y"... enable @key, "0", "off", "n"... disable it; 0, or
 * -EINVAL (the command-line parser then reports the parameter malformed).
 */
struct static_key;
int static_key_param(const char *val, struct static_key *key);

#endif
