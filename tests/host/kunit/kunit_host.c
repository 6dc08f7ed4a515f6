/*
 * The KUnit runner on the host.
 *   kunit_host [GLOB ...]          kunit_run_suites(), as the `test` command
 *   kunit_host --boot [WORD ...]   apply WORDs as the kernel command line
 *                                  (through the __setup handlers), then
 *                                  kunit_run_all_tests() as at boot
 * Exit status: what the run returned (failed suites + unknown names).
 */
#include <stdio.h>
#include <string.h>
#include <linux/init.h>
#include <mica/kunit.h>
#include "sim.h"

extern const struct obs_kernel_param __start_kernel_params[], __stop_kernel_params[];

/* kernel/params.c's convention, minimally: 0 from a handler means accepted. */
static void apply_param(char *word)
{
	for (const struct obs_kernel_param *p = __start_kernel_params; p < __stop_kernel_params; p++) {
		size_t n = strlen(p->str);

		if (p->str[n - 1] == '=' ? !strncmp(word, p->str, n) : !strcmp(word, p->str)) {
			if (p->setup_func(p->str[n - 1] == '=' ? word + n : ""))
				printf("Malformed kernel command line parameter \"%s\", ignored\n", word);
			return;
		}
	}
	printf("unknown parameter %s\n", word);
}

int main(int argc, char **argv)
{
	setvbuf(stdout, NULL, _IOLBF, 0);
	sim_log_echo(SIM_ECHO_STDOUT);
	if (argc > 1 && !strcmp(argv[1], "--boot")) {
		for (int i = 2; i < argc; i++)
			apply_param(argv[i]);
		return kunit_run_all_tests();
	}
	return kunit_run_suites(argc - 1, argv + 1, true);
}
