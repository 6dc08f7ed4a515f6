/*
 * The module commands: insmod, rmmod, lsmod, modinfo, and `modules`, which
 * prints /proc/modules. Formats are those of kmod's tools and Linux 3.x's
 * /proc/modules; arguments checked with the shell's helpers.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/irqflags.h>
#include <linux/kernel_read_file.h>
#include <linux/module.h>
#include <linux/mutex.h>
#include <linux/slab.h>
#include <linux/vmalloc.h>
#include <mica/shell.h>
#include <string.h>
#include "internal.h"

/* insmod's words after the file, back into one "a=1 b=\"x y\"" string. */
static char *join_args(int argc, char **argv)
{
	size_t len = 1;
	char *args, *p;
	int i;

	for (i = 0; i < argc; i++)
		len += strlen(argv[i]) + 3;
	args = kmalloc(len, GFP_KERNEL);
	if (!args)
		return NULL;
	p = args;
	*p = '\0';
	for (i = 0; i < argc; i++) {
		const char *eq = strchr(argv[i], '=');

		if (i)
			*p++ = ' ';
		if (eq && strpbrk(eq, " \t"))
			p += sprintf(p, "%.*s\"%s\"", (int)(eq - argv[i] + 1), argv[i], eq + 1);
		else
			p += sprintf(p, "%s", argv[i]);
	}
	return args;
}

static const char *read_error(long err)
{
	switch (err) {
	case -ENOENT:
		return "no such file (looked in the file list, see ls, then on the host: an absolute path, or under hostdir=)";
	case -EFBIG:
		return "file too large";
	case -ENOMEM:
		return "out of memory";
	default:
		return "read error";
	}
}

/* The file @name into a vmalloc'd buffer; -errno after printing why. */
static long read_module_file(const char *cmd, const char *name, void **buf)
{
	size_t size = 0;
	long ret;

	*buf = NULL;
	ret = kernel_read_file_from_path(name, 0, buf, MODULE_MAX_FILE_SIZE, &size,
					 READING_MODULE);
	if (ret < 0)
		shell_printf("%s: cannot read '%s': %s\n", cmd, name, read_error(ret));
	return ret;
}

static int cmd_insmod(int argc, char **argv)
{
	struct shell_args sa;
	struct module *mod;
	const char *file;
	void *image;
	char *args;
	long len;
	int err, n;

	n = shell_operands_only(&sa, argc, argv, 1, INT_MAX);
	if (n < 0)
		return n;
	file = argv[sa.optind];
	len = read_module_file("insmod", file, &image);
	if (len < 0)
		return len;
	args = join_args(n - 1, argv + sa.optind + 1);
	err = args ? load_module(image, len, args, file, &mod) : -ENOMEM;
	kfree(args);
	vfree(image);
	if (err)
		shell_printf("insmod: ERROR: could not insert module %s\n", file);
	return err;
}
SHELL_COMMAND("insmod", "FILE [param=value ...]",
	      "load a module (from the file list, or the host), with its parameters", cmd_insmod);

static int cmd_rmmod(int argc, char **argv)
{
	char name[MODULE_NAME_LEN];
	struct shell_args sa;
	const char *arg, *base;
	size_t len;
	int n;

	n = shell_operands_only(&sa, argc, argv, 1, 1);
	if (n < 0)
		return n;
	arg = argv[sa.optind];
	/* As kmod's rmmod: a path or file name names the module it holds. */
	base = strrchr(arg, '/');
	base = base ? base + 1 : arg;
	len = strlen(base);
	if (len > 3 && !strcmp(base + len - 3, ".ko"))
		len -= 3;
	if (!len || len >= sizeof(name))
		return shell_usage_error("rmmod", "'%s' is not a module name", arg);
	memcpy(name, base, len);
	name[len] = '\0';
	return delete_module(name);
}
SHELL_COMMAND("rmmod", "NAME", "remove a module: run its exit, report what it left, free it",
	      cmd_rmmod);

/* The state as /proc/modules names it (Failed is Mica's). */
static const char *module_state_name(const struct module *mod)
{
	switch (mod->state) {
	case MODULE_STATE_LIVE:
		return "Live";
	case MODULE_STATE_COMING:
		return "Loading";
	case MODULE_STATE_GOING:
		return "Unloading";
	case MODULE_STATE_FAILED:
		return "Failed";
	default:
		return "Unformed";
	}
}

/* Modules using @mod, "a,b,", and Linux's "[permanent]," for one that cannot go. */
static size_t users(const struct module *mod, char *buf, size_t len)
{
	const struct module_use *use;
	size_t n = 0;

	buf[0] = '\0';
	list_for_each_entry(use, &mod->source_list, source_list)
		n += scnprintf(buf + n, len - n, "%s,", use->source->name);
	if (mod->init && !mod->exit)
		n += scnprintf(buf + n, len - n, "[permanent],");
	return n;
}

static unsigned int module_size(const struct module *mod)
{
	return mod->core_layout.size + mod->init_layout.size;
}

/* /proc/modules: "name size refcount users, state address (taints)". */
static int cmd_modules(int argc, char **argv)
{
	char who[128], flags[TAINT_FLAGS_COUNT + 4];
	struct module *mod;
	int err = shell_no_args(argc, argv);

	if (err)
		return err;
	mutex_lock(&module_mutex);
	list_for_each_entry(mod, &modules, list) {
		size_t n = users(mod, who, sizeof(who));

		module_flags(mod, flags, false);
		shell_printf("%s %u %d %s %s 0x%08lx%s%s\n", mod->name, module_size(mod),
			     module_refcount(mod), n ? who : "-", module_state_name(mod),
			     (unsigned long)mod->core_layout.base, flags[0] ? " " : "", flags);
	}
	mutex_unlock(&module_mutex);
	return 0;
}
SHELL_COMMAND("modules", "", "loaded modules, as /proc/modules", cmd_modules);

static int cmd_lsmod(int argc, char **argv)
{
	char who[128];
	struct module *mod;
	int err = shell_no_args(argc, argv);

	if (err)
		return err;
	shell_printf("%-19s %8s  %s\n", "Module", "Size", "Used by");
	mutex_lock(&module_mutex);
	list_for_each_entry(mod, &modules, list) {
		size_t n = users(mod, who, sizeof(who));

		if (n)
			who[n - 1] = '\0';	/* kmod drops the last comma */
		shell_printf("%-19s %8u  %d%s%s%s\n", mod->name, module_size(mod),
			     module_refcount(mod), n ? " " : "", who,
			     mod->state == MODULE_STATE_FAILED ? " [init failed]" : "");
	}
	mutex_unlock(&module_mutex);
	return 0;
}
SHELL_COMMAND("lsmod", "", "loaded modules, their sizes and users", cmd_lsmod);

/* kmod's modinfo: "tag:" padded to 16 columns; parm and parmtype merged. */
static void show_modinfo(const char *filename, const char *info, size_t size)
{
	const char *p, *end = info + size, *q;

	shell_printf("%-16s%s\n", "filename:", filename);
	for (p = info; p < end; p += strlen(p) + 1) {
		const char *eq = strchr(p, '=');
		char tag[32];

		if (!*p || !eq || eq - p >= (long)sizeof(tag) - 1 || !strncmp(p, "parmtype=", 9))
			continue;
		snprintf(tag, sizeof(tag), "%.*s:", (int)(eq - p), p);
		if (strcmp(tag, "parm:")) {
			shell_printf("%-16s%s\n", tag, eq + 1);
			continue;
		}
		/* "parm=name:desc" gets " (type)" from "parmtype=name:type". */
		for (q = info; q < end; q += strlen(q) + 1) {
			const char *colon = strchr(eq + 1, ':');
			size_t n = colon ? (size_t)(colon - eq) : 0;

			if (n && !strncmp(q, "parmtype=", 9) && !strncmp(q + 9, eq + 1, n))
				break;
		}
		shell_printf("%-16s%s%s%s%s\n", tag, eq + 1, q < end ? " (" : "",
			     q < end ? strchr(q + 9, ':') + 1 : "", q < end ? ")" : "");
	}
}

/* A bare module name ("hello"), not a file's name or path ("hello.ko", a name with a slash). */
static bool is_module_name(const char *arg)
{
	size_t len = strlen(arg);

	return !strchr(arg, '/') && !(len > 3 && !strcmp(arg + len - 3, ".ko"));
}

/* The .modinfo of the module file @name, shown; -errno after saying why not. */
static int modinfo_of_file(const char *name)
{
	struct load_info info = { .name = name };
	size_t size = 0;
	void *image = NULL;
	long len;
	int err;

	len = kernel_read_file_from_path(name, 0, &image, MODULE_MAX_FILE_SIZE, &size,
					 READING_MODULE);
	if (len < 0) {
		if (!is_module_name(name)) {
			shell_printf("modinfo: cannot read '%s': %s\n", name, read_error(len));
			return len;
		}
		/* kmod's words for a name it cannot find */
		shell_printf("modinfo: ERROR: Module %s not found (not loaded, and no file of "
			     "that name).\n", name);
		return -ENOENT;
	}
	info.hdr = image;
	info.len = len;
	err = elf_check(&info);
	if (!err)
		err = find_sections(&info);
	if (err) {
		shell_printf("modinfo: ERROR: could not get modinfo from '%s': not a valid "
			     "module (the message above says why)\n", name);
	} else if (!info.index.info) {
		shell_printf("modinfo: ERROR: could not get modinfo from '%s': it has no "
			     ".modinfo section\n", name);
		err = -ENOEXEC;
	} else {
		const Elf32_Shdr *s = &info.sechdrs[info.index.info];

		show_modinfo(name, (char *)image + s->sh_offset, s->sh_size);
	}
	vfree(image);
	return err;
}

/* modinfo of a loaded module by name, else of a file. */
static int cmd_modinfo(int argc, char **argv)
{
	struct shell_args sa;
	struct module *mod;
	const char *arg;
	int n;

	n = shell_operands_only(&sa, argc, argv, 1, 1);
	if (n < 0)
		return n;
	arg = argv[sa.optind];
	mutex_lock(&module_mutex);
	mod = find_module(arg);
	if (mod)
		show_modinfo(mod->filename, mod->modinfo, mod->modinfo_size);
	mutex_unlock(&module_mutex);
	return mod ? 0 : modinfo_of_file(arg);
}
SHELL_COMMAND("modinfo", "FILE|NAME", "a module's .modinfo tags: of a file, or of a loaded module",
	      cmd_modinfo);
