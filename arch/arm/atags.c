/*
 * The boot hand-off from an ATAGS list (the pre-DTB ARM boot protocol, as
 * the FS4412's U-Boot passes at 0x40000100): a sequence of tags, each a
 * header {size in words including the header, tag} and its data, starting
 * with ATAG_CORE and ending with ATAG_NONE. Mica uses ATAG_MEM (RAM banks),
 * ATAG_CMDLINE and ATAG_INITRD2 and skips the rest. A list that does not
 * start right, runs past the readable buffer or has a malformed tag is
 * rejected as a whole.
 */
#include <linux/errno.h>
#include <asm/handoff.h>
#include <string.h>

#define TAG_HDR_WORDS   2
#define ATAG_CORE_WORDS_SHORT 2	/* ATAG_CORE may omit its data */
#define ATAG_CORE_WORDS 5
#define ATAG_MEM_WORDS  4
#define ATAG_INITRD2_WORDS 4
#define MAX_TAGS        1024

/* The list is in the CPU's byte order; it may sit anywhere 4-aligned. */
static u32 word(const u8 *p)
{
	u32 v;

	memcpy(&v, p, sizeof(v));
	return v;
}

bool atags_look_valid(const void *blob, size_t avail)
{
	u32 size;

	if (avail < 2 * sizeof(u32) || word((const u8 *)blob + 4) != ATAG_CORE)
		return false;
	size = word(blob);
	return size == ATAG_CORE_WORDS || size == ATAG_CORE_WORDS_SHORT;
}

static int parse_tag(u32 tag, u32 words, const u8 *data, struct handoff_info *info, const char **why)
{
	size_t bytes = (size_t)(words - TAG_HDR_WORDS) * 4;

	switch (tag) {
	case ATAG_MEM:
		if (words != ATAG_MEM_WORDS) {
			*why = "ATAG_MEM has the wrong size";
			return -EINVAL;
		}
		if (!word(data))
			return 0;
		if (info->nr_mem == HANDOFF_MAX_BANKS) {
			*why = "too many ATAG_MEM banks";
			return -EINVAL;
		}
		/* u32 size, then u32 start */
		info->mem[info->nr_mem].size = word(data);
		info->mem[info->nr_mem].start = word(data + 4);
		if (info->mem[info->nr_mem].start + info->mem[info->nr_mem].size > (1ULL << 32)) {
			*why = "ATAG_MEM bank runs past 4 GiB";
			return -EINVAL;
		}
		info->nr_mem++;
		return 0;
	case ATAG_CMDLINE: {
		const u8 *nul = memchr(data, '\0', bytes);
		size_t len;

		if (!nul) {
			*why = "ATAG_CMDLINE is not terminated";
			return -EINVAL;
		}
		len = (size_t)(nul - data);
		if (!len)
			return 0;
		info->has_cmdline = true;
		info->cmdline_truncated = len >= sizeof(info->cmdline);
		if (info->cmdline_truncated)
			len = sizeof(info->cmdline) - 1;
		memcpy(info->cmdline, data, len);
		info->cmdline[len] = '\0';
		return 0;
	}
	case ATAG_INITRD2:
		if (words != ATAG_INITRD2_WORDS || !word(data + 4) ||
		    (u64)word(data) + word(data + 4) > (1ULL << 32)) {
			*why = "bad ATAG_INITRD2";
			return -EINVAL;
		}
		info->has_initrd = true;
		info->initrd.start = word(data);
		info->initrd.size = word(data + 4);
		return 0;
	case ATAG_CORE:
		*why = "ATAG_CORE after the start of the list";
		return -EINVAL;
	default:
		return 0;	/* a tag Mica does not use */
	}
}

int handoff_parse_atags(const void *blob, size_t avail, struct handoff_info *info, const char **why)
{
	const u8 *p = blob;
	size_t off = 0;
	unsigned int n;

	memset(info, 0, sizeof(*info));
	if (!atags_look_valid(blob, avail)) {
		*why = "does not start with ATAG_CORE";
		return -EINVAL;
	}
	off = (size_t)word(p) * 4;
	for (n = 0; n < MAX_TAGS; n++) {
		u32 words, tag;
		int err;

		if (off > avail || avail - off < TAG_HDR_WORDS * 4) {
			*why = "truncated: no ATAG_NONE before the end";
			return -EINVAL;
		}
		words = word(p + off);
		tag = word(p + off + 4);
		if (tag == ATAG_NONE) {
			info->blob_size = (u32)(off + TAG_HDR_WORDS * 4);
			return 0;
		}
		if (words < TAG_HDR_WORDS) {
			*why = "a tag is smaller than its header";
			return -EINVAL;
		}
		if (words > (avail - off) / 4) {
			*why = "truncated: a tag runs past the end";
			return -EINVAL;
		}
		err = parse_tag(tag, words, p + off + TAG_HDR_WORDS * 4, info, why);
		if (err)
			return err;
		off += (size_t)words * 4;
	}
	*why = "too many tags";
	return -EINVAL;
}
