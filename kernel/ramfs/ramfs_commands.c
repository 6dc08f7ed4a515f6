/*
 * Console commands of the in-memory file list:
 *
 *   ls [-l] [glob...]   names, one a line; -l adds permissions, size, the
 *                       CRC-32 of the contents (as zlib, gzip and U-Boot's
 *                       crc32 compute it) and where the file came from
 *   rm glob...          remove files
 *   loady               receive files by YMODEM (loady.c)
 */
#include <linux/kernel.h>
#include <linux/crc32.h>
#include <linux/errno.h>
#include <linux/glob.h>
#include <linux/stat.h>
#include <mica/ramfs.h>
#include <mica/shell.h>
#include <string.h>

static bool matches_any(const char *name, int nr_globs, char **globs)
{
	if (!nr_globs)
		return true;
	for (int i = 0; i < nr_globs; i++)
		if (glob_match(ramfs_skip_prefix(globs[i]), name))
			return true;
	return false;
}

static void mode_string(umode_t mode, char *s)
{
	static const char rwx[] = "rwxrwxrwx";

	s[0] = '-';
	for (int i = 0; i < 9; i++)
		s[i + 1] = mode & (0400 >> i) ? rwx[i] : '-';
	s[10] = '\0';
}

static int cmd_ls(int argc, char **argv)
{
	const struct ramfs_file *f;
	struct shell_args args;
	bool long_format = false;
	int opt, nr_globs;
	char **globs;
	unsigned int shown = 0;
	size_t bytes = 0;
	char mode[11];

	shell_args_init(&args, argc, argv);
	while ((opt = shell_getopt(&args, "l")) > 0)
		long_format = true;
	if (opt < 0)
		return opt;
	nr_globs = shell_operands(&args, 0, SHELL_ARGS_MANY);
	globs = argv + args.optind;
	ramfs_for_each_file(f) {
		if (!matches_any(f->name, nr_globs, globs))
			continue;
		shown++;
		bytes += f->size;
		if (!long_format) {
			shell_printf("%s\n", f->name);
			continue;
		}
		mode_string(f->mode, mode);
		shell_printf("%s %10zu %08x %-9s %s\n", mode, f->size,
			     crc32(~0U, f->data, f->size) ^ ~0U, f->source, f->name);
	}
	if (long_format)
		shell_printf("total %u file%s, %zu bytes\n", shown, shown == 1 ? "" : "s", bytes);
	if (nr_globs && !shown) {
		shell_printf("ls: no file matches\n");
		return -ENOENT;
	}
	return 0;
}
SHELL_COMMAND("ls", "[-l] [GLOB...]",
	      "files in memory (initramfs, loady); -l: mode, size, CRC-32, source", cmd_ls);

static int cmd_rm(int argc, char **argv)
{
	struct shell_args args;
	int ret = 0, n = shell_operands_only(&args, argc, argv, 1, SHELL_ARGS_MANY);

	if (n < 0)
		return n;
	for (int i = args.optind; i < argc; i++) {
		if (!ramfs_remove_glob(argv[i])) {
			shell_printf("rm: cannot remove '%s': No such file\n", argv[i]);
			ret = -ENOENT;
		}
	}
	return ret;
}
SHELL_COMMAND("rm", "GLOB...", "remove files from memory", cmd_rm);

static int cmd_loady(int argc, char **argv)
{
	int err = shell_no_args(argc, argv);

	return err ? err : loady();
}
SHELL_COMMAND("loady", "", "receive files by YMODEM into the file list (U-Boot's loady; "
	      "send with sb FILE... or a terminal's YMODEM upload)", cmd_loady);
