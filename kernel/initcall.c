/*
 * Initcalls (include/linux/init.h): the functions drivers and subsystems
 * register with early_initcall ... late_initcall, run once at boot in level
 * order (the linker puts the levels' sections one after the other), after
 * the command line's __setup handlers and before __init memory is freed.
 * A failing initcall is reported and the boot goes on, as in Linux.
 */
#include <linux/kernel.h>
#include <linux/init.h>

extern initcall_t __initcall_start[], __initcall_end[];

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
