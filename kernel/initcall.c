/*
 * Initcalls (include/linux/init.h): the functions drivers and subsystems
 * register with early_initcall ... late_initcall, run once at boot in level
 * order (the linker puts the levels' sections one after the other), after
 * the command line's __setup handlers and before __init memory is freed.
 * A failing initcall is reported and the boot goes on, as in Linux.
 *
 * Constructors (.init_array) are the compiler's: in a KASAN kernel each
 * instrumented file has one that registers its global variables' red zones.
 */
#include <linux/kernel.h>
#include <linux/init.h>

extern initcall_t __initcall_start[], __initcall_end[];
extern void (*const __ctors_start[])(void), (*const __ctors_end[])(void);

void __init do_ctors(void)
{
	void (*const *ctor)(void);

	for (ctor = __ctors_start; ctor < __ctors_end; ctor++)
		(*ctor)();
}

void __init do_initcalls(void)
{
	initcall_t *fn;
	int ret;

	for (fn = __initcall_start; fn < __initcall_end; fn++) {
		ret = (*fn)();
		if (ret)
			pr_warn("initcall %ps returned %d\n", (void *)*fn, ret);
	}
}
