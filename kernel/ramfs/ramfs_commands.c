/*
 * Console commands of the in-memory file list:
 *
 *   ls [-l] [glob...]   names, one a line; -l adds permissions, size, the
 *                       CRC-32 of the contents (as zlib, gzip and U-Boot's
 *                       crc32 compute it) and where the file came from
 *   rm glob...          remove files
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
	bool long_format = argc > 1 && !strcmp(argv[1], "-l");
	int first_glob = long_format ? 2 : 1, nr_globs = argc - first_glob;
	unsigned int shown = 0;
	size_t bytes = 0;
	char mode[11];

	if (nr_globs > 0 && argv[first_glob][0] == '-') {
		shell_printf("usage: ls [-l] [glob...]\n");
		return -EINVAL;
	}
	ramfs_for_each_file(f) {
		if (!matches_any(f->name, nr_globs, argv + first_glob))
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
SHELL_COMMAND("ls", "files in memory (initramfs, loady): ls [-l] [glob...]; -l: mode, size, "
	      "CRC-32, source", cmd_ls);

static int cmd_rm(int argc, char **argv)
{
	int ret = 0;

	if (argc < 2) {
		shell_printf("usage: rm glob...\n");
		return -EINVAL;
	}
	for (int i = 1; i < argc; i++) {
		if (!ramfs_remove_glob(argv[i])) {
			shell_printf("rm: cannot remove '%s': No such file\n", argv[i]);
			ret = -ENOENT;
		}
	}
	return ret;
}
SHELL_COMMAND("rm", "remove files from memory: rm glob...", cmd_rm);
