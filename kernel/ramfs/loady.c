/*
 * loady(): receive files over the console by YMODEM (as U-Boot's loady)
 * into the in-memory file list, for the `loady` command (ramfs_commands.c).
 * The protocol is lib/ymodem.c; this is its console and its sink. A file
 * is added to the list only once its last block has arrived and checked
 * out, so a broken or cancelled transfer leaves nothing of that file;
 * files completed earlier in the batch stay.
 *
 * While it runs the console carries the protocol, so everything it has to
 * say is printed after the transfer ends.
 */
#include <linux/kernel.h>
#include <linux/crc32.h>
#include <linux/errno.h>
#include <linux/stat.h>
#include <linux/vmalloc.h>
#include <mica/console.h>
#include <mica/ramfs.h>
#include <mica/shell.h>
#include <mica/ymodem.h>
#include <linux/string.h>

#define LOADY_FILE_MAX   (64UL << 20)	/* bigger than any module; a typo'd size is refused */
#define LOADY_FIRST_BUF  (64UL << 10)	/* size unknown: start here, then double */
#define LOADY_REPORTED   16		/* files listed one by one afterwards */

struct loady {
	/* the file being received */
	char name[YMODEM_NAME_MAX];
	u8 *buf;
	size_t len, capacity;
	umode_t mode;
	/* what to say afterwards */
	unsigned int done;
	char done_name[LOADY_REPORTED][48];
	size_t done_len[LOADY_REPORTED];
	u32 done_crc[LOADY_REPORTED];
};

static int loady_getc(void *ctx, unsigned int timeout_ms)
{
	return console_getc_timeout(timeout_ms);
}

static void loady_putc(void *ctx, u8 c)
{
	char b = (char)c;	/* protocol bytes are never '\n', which would gain a '\r' */

	console_write(&b, 1);
}

static int loady_open(void *ctx, const char *name, long long size, unsigned int mode)
{
	struct loady *l = ctx;
	int ret = ramfs_check_name(ramfs_skip_prefix(name));

	if (ret)
		return ret;
	if (size > (long long)LOADY_FILE_MAX)
		return -EFBIG;
	strscpy(l->name, name, sizeof(l->name));
	l->len = 0;
	l->capacity = size >= 0 ? (size_t)size : LOADY_FIRST_BUF;
	l->mode = mode;
	l->buf = l->capacity ? vmalloc(l->capacity) : NULL;
	return l->capacity && !l->buf ? -ENOMEM : 0;
}

/* Size unknown and the buffer full: move to one twice as big. */
static int loady_grow(struct loady *l, size_t need)
{
	size_t capacity = max(l->capacity * 2, need);
	u8 *buf;

	if (need > LOADY_FILE_MAX)
		return -EFBIG;
	capacity = min_t(size_t, capacity, LOADY_FILE_MAX);
	buf = vmalloc(capacity);
	if (!buf)
		return -ENOMEM;
	memcpy(buf, l->buf, l->len);
	vfree(l->buf);
	l->buf = buf;
	l->capacity = capacity;
	return 0;
}

static int loady_write(void *ctx, const void *data, size_t len)
{
	struct loady *l = ctx;
	int ret;

	if (len > l->capacity - l->len) {
		ret = loady_grow(l, l->len + len);
		if (ret)
			return ret;
	}
	memcpy(l->buf + l->len, data, len);
	l->len += len;
	return 0;
}

static int loady_close(void *ctx, bool complete)
{
	struct loady *l = ctx;
	u8 *buf = l->buf;
	u32 crc;
	int ret;

	l->buf = NULL;
	if (!complete) {
		vfree(buf);
		return 0;
	}
	crc = crc32(~0U, buf, l->len) ^ ~0U;
	ret = ramfs_add_vmalloc(l->name, buf, l->len, l->mode, "ymodem");
	if (ret)
		return ret;
	if (l->done < LOADY_REPORTED) {
		strscpy(l->done_name[l->done], ramfs_skip_prefix(l->name), sizeof(l->done_name[0]));
		l->done_len[l->done] = l->len;
		l->done_crc[l->done] = crc;
	}
	l->done++;
	return 0;
}

static const struct ymodem_ops loady_ops = {
	.getc = loady_getc, .putc = loady_putc,
	.open = loady_open, .write = loady_write, .close = loady_close,
};

int loady(void)
{
	struct ymodem_result res;
	struct loady *l;
	int ret;

	l = vzalloc(sizeof(*l));
	if (!l)
		return -ENOMEM;
	/* No capital C in it: a sender started early would take one for the handshake. */
	shell_printf("## Ready for binary (ymodem) download to the file list (ls), "
		     "ctrl-c gives up\n");
	ret = ymodem_receive(&loady_ops, l, NULL, &res);
	shell_printf("\n");	/* after the protocol's bytes, on a line of its own */
	for (unsigned int i = 0; i < min_t(unsigned int, l->done, LOADY_REPORTED); i++)
		shell_printf("## %s: %zu bytes, crc32 %08x\n", l->done_name[i], l->done_len[i],
			     l->done_crc[i]);
	if (l->done > LOADY_REPORTED)
		shell_printf("## ... and %u more (ls -l)\n", l->done - LOADY_REPORTED);
	shell_printf("## Total: %u file%s, %llu bytes, %u block%s sent again\n", res.files,
		     res.files == 1 ? "" : "s", res.bytes, res.retries, res.retries == 1 ? "" : "s");
	if (ret)
		shell_printf("loady: %s%s\n", res.error, res.files ?
			     "; the files listed above arrived whole" : "; nothing was kept");
	vfree(l);
	return ret;
}
