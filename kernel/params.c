/*
 * Kernel command line: Linux-style "key=value" and bare flags, separated
 * by spaces, with "double quotes" around values that contain spaces.
 * Handlers register with early_param()/__setup(); early ones run before
 * memory is set up, the rest later; then the module_param()s of built-in
 * code ("<file>.<param>=value", kernel/module/params.c). A handler returns
 * 0, -ERANGE for a value out of its range or another -errno for one it
 * cannot read; both are reported, as are unknown keys and an unterminated
 * quote.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/init.h>
#include <linux/jump_label.h>
#include <linux/moduleparam.h>
#include <string.h>

#define COMMAND_LINE_SIZE 1024

char boot_command_line[COMMAND_LINE_SIZE];

extern const struct obs_kernel_param __start_kernel_params[], __stop_kernel_params[];

/* Keys: "name=" matches "name=value"; "name" matches "name" and "name=value". */
static const struct obs_kernel_param *find_param(const char *key, size_t keylen, bool has_value)
{
	const struct obs_kernel_param *p;

	for (p = __start_kernel_params; p < __stop_kernel_params; p++) {
		size_t n = strlen(p->str);
		bool wants_value = n && p->str[n - 1] == '=';

		if (wants_value)
			n--;
		if (n == keylen && !strncmp(p->str, key, n) && (has_value || !wants_value))
			return p;
	}
	return NULL;
}

static bool parsing_early;

/* Split @line in place and call @fn(key, keylen, value or NULL) per word. */
static void for_each_word(char *line, void (*fn)(char *key, size_t keylen, char *val))
{
	char *s = line;

	while (*s) {
		char *key, *val = NULL, *out;
		bool quoted = false;

		while (*s == ' ' || *s == '\t' || *s == '\n')
			s++;
		if (!*s)
			break;
		key = out = s;
		for (; *s && (quoted || (*s != ' ' && *s != '\t' && *s != '\n')); s++) {
			if (*s == '"') {
				quoted = !quoted;
				continue;
			}
			if (*s == '=' && !val) {
				*out++ = '\0';
				val = out;
				continue;
			}
			*out++ = *s;
		}
		if (quoted && !parsing_early)
			pr_warn("Kernel command line: unterminated quote: \"%s\" runs to the end of the line\n",
				key);
		if (*s)
			s++;
		*out = '\0';
		fn(key, strlen(key), val);
	}
}

static void apply_param(char *key, size_t keylen, char *val)
{
	const struct obs_kernel_param *p = find_param(key, keylen, val != NULL);

	if (!p) {
		/* Late, a module_param() of built-in code ("file.param=value") may take it. */
		if (!parsing_early && parse_builtin_param(key, val) == -ENOENT)
			pr_warn("Unknown kernel command line parameter \"%s%s%s\", will be ignored\n",
				key, val ? "=" : "", val ? val : "");
		return;
	}
	if (p->early != parsing_early)
		return;
	switch (p->setup_func(val ? val : "")) {
	case 0:
		break;
	case -ERANGE:
		pr_warn("Kernel command line parameter \"%s=%s\" is out of range, ignored\n",
			key, val ? val : "");
		break;
	default:
		pr_warn("Malformed kernel command line parameter \"%s=%s\", ignored\n",
			key, val ? val : "");
	}
}

static void parse_copy(bool early)
{
	static char tmp[COMMAND_LINE_SIZE];

	strncpy(tmp, boot_command_line, sizeof(tmp) - 1);
	parsing_early = early;
	for_each_word(tmp, apply_param);
}

void parse_early_param(void)
{
	parse_copy(true);
}

void parse_late_params(void)
{
	parse_copy(false);
}

int __init static_key_param(const char *val, struct static_key *key)
{
	bool on;

	if (kstrtobool(val, &on))
		return -EINVAL;
	if (on)
		static_key_enable(key);
	else
		static_key_disable(key);
	return 0;
}
