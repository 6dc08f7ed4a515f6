/*
 * newc cpio reader (include/mica/cpio.h). Every length read from a header
 * is checked against what is left of the buffer before it is used, with
 * subtractions rather than additions so that no sum can wrap.
 */
#include <linux/errno.h>
#include <linux/kernel.h>
#include <mica/cpio.h>
#include <string.h>

/* The thirteen 8-digit hex fields after the 6-byte magic, in header order. */
enum cpio_field {
	F_INO, F_MODE, F_UID, F_GID, F_NLINK, F_MTIME, F_FILESIZE,
	F_DEVMAJOR, F_DEVMINOR, F_RDEVMAJOR, F_RDEVMINOR, F_NAMESIZE, F_CHECK,
	NR_FIELDS
};

static const char *const bad_field[NR_FIELDS] = {
	"bad ino field (not 8 hex digits)", "bad mode field (not 8 hex digits)",
	"bad uid field (not 8 hex digits)", "bad gid field (not 8 hex digits)",
	"bad nlink field (not 8 hex digits)", "bad mtime field (not 8 hex digits)",
	"bad filesize field (not 8 hex digits)", "bad devmajor field (not 8 hex digits)",
	"bad devminor field (not 8 hex digits)", "bad rdevmajor field (not 8 hex digits)",
	"bad rdevminor field (not 8 hex digits)", "bad namesize field (not 8 hex digits)",
	"bad check field (not 8 hex digits)",
};

static int hex_digit(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/* The fields of the header at @h; the index of a bad one, or -1 if all are hex. */
static int parse_fields(const char *h, u32 fields[NR_FIELDS])
{
	for (int f = 0; f < NR_FIELDS; f++) {
		u32 v = 0;

		for (int i = 0; i < 8; i++) {
			int d = hex_digit(h[6 + 8 * f + i]);

			if (d < 0)
				return f;
			v = v << 4 | (u32)d;
		}
		fields[f] = v;
	}
	return -1;
}

static int fail(struct cpio_error *err, const char *reason, size_t offset, const char *name)
{
	err->reason = reason;
	err->offset = offset;
	err->name = name;
	return -EINVAL;
}

/* Do the @left bytes at @h start with a newc magic, or as much of one as there is? */
static bool is_magic(const char *h, size_t left)
{
	if (left < 6)
		return !memcmp(h, "070701", left);
	return !memcmp(h, "070701", 6) || !memcmp(h, "070702", 6);
}

/* Why the bytes at @p (@left of them) are not a newc header's magic. */
static const char *bad_magic(const unsigned char *p, size_t left)
{
	if (left >= 2 && p[0] == 0x1f && p[1] == 0x8b)
		return "gzip-compressed archive: not supported, pack it uncompressed";
	if (left >= 6 && !memcmp(p, "070707", 6))
		return "old portable (odc) cpio format: use newc (cpio -H newc)";
	if (left >= 2 && ((p[0] == 0xc7 && p[1] == 0x71) || (p[0] == 0x71 && p[1] == 0xc7)))
		return "old binary cpio format: use newc (cpio -H newc)";
	return "bad magic: not a newc cpio archive";
}

static u32 byte_sum(const unsigned char *p, size_t n)
{
	u32 sum = 0;

	while (n--)
		sum += *p++;
	return sum;
}

int cpio_parse(const void *buf, size_t len,
	       int (*fn)(const struct cpio_entry *entry, void *arg), void *arg,
	       struct cpio_error *err)
{
	const unsigned char *base = buf;
	size_t pos = 0;
	int entries = 0;
	bool in_archive = false, any_trailer = false;

	for (;;) {
		struct cpio_entry e;
		u32 fields[NR_FIELDS];
		const char *h;
		size_t name_end, data_end;
		int bad;

		if (!in_archive) {
			/* Between archives: zero padding, then the end or another archive. */
			while (pos < len && base[pos] == 0)
				pos++;
			if (pos == len) {
				if (any_trailer)
					return entries;
				return fail(err, len ? "no archive, only zero bytes" : "empty archive",
					    pos, NULL);
			}
			if (any_trailer && (len - pos < 6 || memcmp(base + pos, "07070", 5)))
				return fail(err, "junk after the archive", pos, NULL);
			in_archive = true;
		}
		if (pos == len)		/* the last entry ended the buffer */
			return fail(err, "no TRAILER!!! entry at the end (cut short?)", pos, NULL);
		if (pos % 4)
			return fail(err, "header not aligned to 4 bytes", pos, NULL);
		h = (const char *)base + pos;
		if (!is_magic(h, len - pos))
			return fail(err, bad_magic(base + pos, len - pos), pos, NULL);
		if (len - pos < CPIO_HEADER_SIZE)
			return fail(err, "truncated header", pos, NULL);
		bad = parse_fields(h, fields);
		if (bad >= 0)
			return fail(err, bad_field[bad], pos + 6 + 8 * bad, NULL);
		if (fields[F_NAMESIZE] == 0 || fields[F_NAMESIZE] > CPIO_NAME_MAX)
			return fail(err, "bad name size", pos, NULL);
		if (len - pos - CPIO_HEADER_SIZE < fields[F_NAMESIZE])
			return fail(err, "truncated name", pos, NULL);
		e.name = h + CPIO_HEADER_SIZE;
		if (e.name[fields[F_NAMESIZE] - 1] != '\0' ||
		    memchr(e.name, '\0', fields[F_NAMESIZE] - 1))
			return fail(err, "name not NUL-terminated at its size", pos, NULL);
		name_end = pos + CPIO_HEADER_SIZE + fields[F_NAMESIZE];
		name_end = ALIGN(name_end, 4);
		if (name_end > len || len - name_end < fields[F_FILESIZE])
			return fail(err, "truncated data", pos, e.name);
		data_end = name_end + fields[F_FILESIZE];

		if (!strcmp(e.name, "TRAILER!!!")) {
			any_trailer = true;
			in_archive = false;
			pos = min(ALIGN(data_end, 4), len);
			continue;
		}
		e.mode = fields[F_MODE];
		e.nlink = fields[F_NLINK];
		e.ino = fields[F_INO];
		e.mtime = fields[F_MTIME];
		e.data = base + name_end;
		e.size = fields[F_FILESIZE];
		e.offset = pos;
		if (h[5] == '2' && byte_sum(e.data, e.size) != fields[F_CHECK])
			return fail(err, "checksum mismatch (070702)", pos, e.name);
		if (fn) {
			int ret = fn(&e, arg);

			if (ret < 0)
				return ret;
		}
		entries++;
		pos = min(ALIGN(data_end, 4), len);
	}
}
