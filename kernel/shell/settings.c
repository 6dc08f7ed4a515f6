/*
 * key=value arguments of console commands (failslab, fail_page_alloc):
 * split and checked here, applied by the subsystem. Apart from the shell
 * proper so that the host builds of those subsystems can link it.
 */
#include <linux/errno.h>
#include <string.h>
#include <mica/shell.h>

int shell_apply_settings(const char *cmd, int argc, char **argv,
			 int (*set)(const char *key, const char *val))
{
	int i;

	for (i = 1; i < argc; i++) {
		char key[32], *eq = strchr(argv[i], '=');
		size_t n = eq ? (size_t)(eq - argv[i]) : 0;
		int err;

		if (!eq || n == 0 || n >= sizeof(key)) {
			shell_printf("%s: expected key=value, got '%s'\n", cmd, argv[i]);
			return -EINVAL;
		}
		memcpy(key, argv[i], n);
		key[n] = '\0';
		err = set(key, eq + 1);
		if (err == -ENOENT) {
			shell_printf("%s: unknown setting '%s'\n", cmd, key);
			return -EINVAL;
		}
		if (err) {
			shell_printf("%s: bad value in '%s'\n", cmd, argv[i]);
			return err;
		}
	}
	return 0;
}
