/*
 * Read-only flattened device tree parser (see include/linux/libfdt.h).
 *
 * The blob is untrusted: a boot loader may hand over a corrupt or
 * truncated one, or r2 may point at random memory. fdt_check_header()
 * proves that the header's blocks lie inside the readable buffer; after
 * that every token, name, property and string is bounds-checked against
 * its block before it is read. Offsets only ever grow while walking, so
 * every loop ends.
 */
#include <linux/libfdt.h>
#include <string.h>

/* Header field offsets (all big-endian u32). */
#define HDR_MAGIC             0
#define HDR_TOTALSIZE         4
#define HDR_OFF_DT_STRUCT     8
#define HDR_OFF_DT_STRINGS    12
#define HDR_OFF_MEM_RSVMAP    16
#define HDR_VERSION           20
#define HDR_LAST_COMP_VERSION 24
#define HDR_SIZE_DT_STRINGS   32
#define HDR_SIZE_DT_STRUCT    36

#define TAG_SIZE     4
#define PROP_HDR     8	/* len, nameoff after the tag */
#define RSV_ENTRY    16

static u32 hdr(const void *fdt, unsigned int field)
{
	return fdt32_ld((const u8 *)fdt + field);
}

u32 fdt_magic(const void *fdt)     { return hdr(fdt, HDR_MAGIC); }
u32 fdt_totalsize(const void *fdt) { return hdr(fdt, HDR_TOTALSIZE); }
u32 fdt_version(const void *fdt)   { return hdr(fdt, HDR_VERSION); }

static u32 struct_off(const void *fdt)   { return hdr(fdt, HDR_OFF_DT_STRUCT); }
static u32 struct_size(const void *fdt)  { return hdr(fdt, HDR_SIZE_DT_STRUCT); }
static u32 strings_off(const void *fdt)  { return hdr(fdt, HDR_OFF_DT_STRINGS); }
static u32 strings_size(const void *fdt) { return hdr(fdt, HDR_SIZE_DT_STRINGS); }

/* [off, off + len) inside [0, limit), without overflow. */
static bool range_ok(u32 off, u32 len, u32 limit)
{
	return off <= limit && len <= limit - off;
}

int fdt_check_header(const void *fdt, size_t bufsize)
{
	u32 total, limit;

	if (bufsize < FDT_V17_HEADER_SIZE)
		return -FDT_ERR_TRUNCATED;
	if (fdt_magic(fdt) != FDT_MAGIC)
		return -FDT_ERR_BADMAGIC;
	if (fdt_version(fdt) < FDT_FIRST_SUPPORTED_VERSION ||
	    hdr(fdt, HDR_LAST_COMP_VERSION) > FDT_LAST_SUPPORTED_VERSION)
		return -FDT_ERR_BADVERSION;
	total = fdt_totalsize(fdt);
	if (total < FDT_V17_HEADER_SIZE || total > 0x7fffffff)
		return -FDT_ERR_BADLAYOUT;
	if (total > bufsize)
		return -FDT_ERR_TRUNCATED;
	limit = total;
	if (struct_off(fdt) < FDT_V17_HEADER_SIZE || struct_off(fdt) % 4 ||
	    struct_size(fdt) % 4 || !range_ok(struct_off(fdt), struct_size(fdt), limit))
		return -FDT_ERR_BADLAYOUT;
	if (strings_off(fdt) < FDT_V17_HEADER_SIZE ||
	    !range_ok(strings_off(fdt), strings_size(fdt), limit))
		return -FDT_ERR_BADLAYOUT;
	if (hdr(fdt, HDR_OFF_MEM_RSVMAP) < FDT_V17_HEADER_SIZE ||
	    hdr(fdt, HDR_OFF_MEM_RSVMAP) % 8 || hdr(fdt, HDR_OFF_MEM_RSVMAP) > limit)
		return -FDT_ERR_BADLAYOUT;
	return 0;
}

const char *fdt_strerror(int err)
{
	switch (-err) {
	case 0:                    return "no error";
	case FDT_ERR_NOTFOUND:     return "not found";
	case FDT_ERR_BADOFFSET:    return "bad offset";
	case FDT_ERR_BADPATH:      return "bad path";
	case FDT_ERR_TRUNCATED:    return "truncated";
	case FDT_ERR_BADMAGIC:     return "bad magic";
	case FDT_ERR_BADVERSION:   return "unsupported version";
	case FDT_ERR_BADSTRUCTURE: return "bad structure";
	case FDT_ERR_BADLAYOUT:    return "bad layout";
	case FDT_ERR_BADVALUE:     return "bad property value";
	default:                   return "unknown error";
	}
}

/* Pointer to @len bytes at structure-block offset @off, or NULL. */
static const u8 *struct_ptr(const void *fdt, u32 off, u32 len)
{
	if (!range_ok(off, len, struct_size(fdt)))
		return NULL;
	return (const u8 *)fdt + struct_off(fdt) + off;
}

/* Length of the NUL-terminated string at @s within @avail bytes, or -1. */
static int bounded_strlen(const u8 *s, u32 avail)
{
	const u8 *nul = memchr(s, '\0', avail);

	return nul ? (int)(nul - s) : -1;
}

static u32 align4(u32 x)
{
	return (x + 3) & ~3U;
}

/*
 * The token at @offset; *next = the offset after it (its name or value
 * included). Negative -FDT_ERR_* for a token that does not fit or is
 * unknown.
 */
static int next_tag(const void *fdt, int offset, int *next)
{
	const u8 *p;
	u32 off, tag;
	int n;

	if (offset < 0 || offset % 4)
		return -FDT_ERR_BADOFFSET;
	off = (u32)offset;
	p = struct_ptr(fdt, off, TAG_SIZE);
	if (!p)
		return -FDT_ERR_TRUNCATED;
	tag = fdt32_ld(p);
	off += TAG_SIZE;
	switch (tag) {
	case FDT_BEGIN_NODE:
		p = struct_ptr(fdt, off, 0);
		n = p ? bounded_strlen(p, struct_size(fdt) - off) : -1;
		if (n < 0)
			return -FDT_ERR_TRUNCATED;
		off = align4(off + (u32)n + 1);
		break;
	case FDT_PROP: {
		u32 len;

		p = struct_ptr(fdt, off, PROP_HDR);
		if (!p)
			return -FDT_ERR_TRUNCATED;
		len = fdt32_ld(p);
		off += PROP_HDR;
		if (!struct_ptr(fdt, off, len))
			return -FDT_ERR_TRUNCATED;
		off = align4(off + len);
		break;
	}
	case FDT_END_NODE:
	case FDT_NOP:
	case FDT_END:
		break;
	default:
		return -FDT_ERR_BADSTRUCTURE;
	}
	if (off > struct_size(fdt) || off > (u32)0x7fffffff)
		return -FDT_ERR_TRUNCATED;
	*next = (int)off;
	return (int)tag;
}

/* Name of a property from the strings block, or NULL if it does not fit. */
static const char *prop_name(const void *fdt, u32 nameoff)
{
	const u8 *s;

	if (nameoff >= strings_size(fdt))
		return NULL;
	s = (const u8 *)fdt + strings_off(fdt) + nameoff;
	if (bounded_strlen(s, strings_size(fdt) - nameoff) < 0)
		return NULL;
	return (const char *)s;
}

int fdt_check_full(const void *fdt, size_t bufsize)
{
	int offset = 0, next, tag, depth = 0, err = fdt_check_header(fdt, bufsize);
	bool seen_root = false;

	if (err)
		return err;
	for (;; offset = next) {
		tag = next_tag(fdt, offset, &next);
		if (tag < 0)
			return tag;
		switch (tag) {
		case FDT_BEGIN_NODE:
			if (!depth && seen_root)
				return -FDT_ERR_BADSTRUCTURE;	/* a second root */
			depth++;
			seen_root = true;
			break;
		case FDT_END_NODE:
			if (!depth)
				return -FDT_ERR_BADSTRUCTURE;
			depth--;
			break;
		case FDT_PROP:
			if (!depth || !prop_name(fdt, fdt32_ld(struct_ptr(fdt, (u32)offset + 8, 4))))
				return -FDT_ERR_BADSTRUCTURE;
			break;
		case FDT_END:
			if (depth)
				return -FDT_ERR_TRUNCATED;
			return seen_root ? 0 : -FDT_ERR_BADSTRUCTURE;
		default:
			break;
		}
	}
}

int fdt_next_node(const void *fdt, int offset, int *depth)
{
	int next = 0, tag;

	if (offset >= 0) {
		tag = next_tag(fdt, offset, &next);
		if (tag < 0)
			return tag;
		if (tag != FDT_BEGIN_NODE)
			return -FDT_ERR_BADOFFSET;
	}
	do {
		offset = next;
		tag = next_tag(fdt, offset, &next);
		if (tag < 0)
			return tag;
		switch (tag) {
		case FDT_BEGIN_NODE:
			if (depth)
				(*depth)++;
			break;
		case FDT_END_NODE:
			if (depth && --(*depth) < 0)
				return next;
			break;
		case FDT_END:
			/* Ending inside an open node means the tree was cut short. */
			if (depth && *depth > 0)
				return -FDT_ERR_TRUNCATED;
			return -FDT_ERR_NOTFOUND;
		default:
			break;
		}
	} while (tag != FDT_BEGIN_NODE);
	return offset;
}

const char *fdt_get_name(const void *fdt, int nodeoffset, int *lenp)
{
	int next, tag = next_tag(fdt, nodeoffset, &next);
	const char *name;

	if (tag != FDT_BEGIN_NODE) {
		if (lenp)
			*lenp = tag < 0 ? tag : -FDT_ERR_BADOFFSET;
		return NULL;
	}
	name = (const char *)struct_ptr(fdt, (u32)nodeoffset + TAG_SIZE, 0);
	if (lenp)
		*lenp = (int)strlen(name);	/* terminated: next_tag checked */
	return name;
}

/* "memory" matches "memory" and "memory@…"; a name with '@' must match whole. */
static bool name_matches(const char *node, const char *want, size_t wantlen)
{
	if (strncmp(node, want, wantlen))
		return false;
	if (node[wantlen] == '\0')
		return true;
	return node[wantlen] == '@' && !memchr(want, '@', wantlen);
}

static int subnode_offset_namelen(const void *fdt, int parent, const char *name, size_t namelen)
{
	int depth = 0, offset = parent;

	for (;;) {
		offset = fdt_next_node(fdt, offset, &depth);
		if (offset < 0 || depth < 1)
			return offset < 0 ? offset : -FDT_ERR_NOTFOUND;
		if (depth == 1) {
			const char *n = fdt_get_name(fdt, offset, NULL);

			if (n && name_matches(n, name, namelen))
				return offset;
		}
	}
}

int fdt_subnode_offset(const void *fdt, int parent, const char *name)
{
	return subnode_offset_namelen(fdt, parent, name, strlen(name));
}

/* The root node: the first node, after any leading NOPs. */
static int root_offset(const void *fdt)
{
	return fdt_next_node(fdt, -1, NULL);
}

int fdt_path_offset(const void *fdt, const char *path)
{
	int offset;

	if (*path != '/')
		return -FDT_ERR_BADPATH;
	offset = root_offset(fdt);
	while (offset >= 0 && *path) {
		const char *end;

		while (*path == '/')
			path++;
		if (!*path)
			break;
		end = strchr(path, '/');
		if (!end)
			end = path + strlen(path);
		offset = subnode_offset_namelen(fdt, offset, path, (size_t)(end - path));
		path = end;
	}
	return offset;
}


const void *fdt_getprop(const void *fdt, int nodeoffset, const char *name, int *lenp)
{
	int offset, next, tag = next_tag(fdt, nodeoffset, &next);
	int err = -FDT_ERR_NOTFOUND;

	if (tag != FDT_BEGIN_NODE) {
		err = tag < 0 ? tag : -FDT_ERR_BADOFFSET;
		goto fail;
	}
	/* A node's properties come before its first child or its end. */
	for (;;) {
		const u8 *p;
		const char *pname;

		offset = next;
		tag = next_tag(fdt, offset, &next);
		if (tag < 0) {
			err = tag;
			goto fail;
		}
		if (tag == FDT_NOP)
			continue;
		if (tag != FDT_PROP)
			goto fail;
		p = struct_ptr(fdt, (u32)offset + TAG_SIZE, PROP_HDR);
		pname = prop_name(fdt, fdt32_ld(p + 4));
		if (!pname) {
			err = -FDT_ERR_BADSTRUCTURE;
			goto fail;
		}
		if (!strcmp(pname, name)) {
			if (lenp)
				*lenp = (int)fdt32_ld(p);
			return p + PROP_HDR;
		}
	}
fail:
	if (lenp)
		*lenp = err;
	return NULL;
}

const char *fdt_getprop_string(const void *fdt, int nodeoffset, const char *name)
{
	int len;
	const char *s = fdt_getprop(fdt, nodeoffset, name, &len);

	if (!s || len < 1 || s[len - 1] != '\0')
		return NULL;
	return s;
}

static int cells_prop(const void *fdt, int nodeoffset, const char *name, int dflt)
{
	int len;
	const void *p = fdt_getprop(fdt, nodeoffset, name, &len);
	u32 v;

	if (!p)
		return len == -FDT_ERR_NOTFOUND ? dflt : len;
	if (len != 4)
		return -FDT_ERR_BADVALUE;
	v = fdt32_ld(p);
	if (v > 4)	/* more than 128-bit numbers is nonsense */
		return -FDT_ERR_BADVALUE;
	return (int)v;
}

int fdt_address_cells(const void *fdt, int nodeoffset)
{
	return cells_prop(fdt, nodeoffset, "#address-cells", 2);
}

int fdt_size_cells(const void *fdt, int nodeoffset)
{
	return cells_prop(fdt, nodeoffset, "#size-cells", 1);
}

int fdt_node_check_compatible(const void *fdt, int nodeoffset, const char *compatible)
{
	int len;
	const char *p = fdt_getprop(fdt, nodeoffset, "compatible", &len);
	size_t want = strlen(compatible) + 1;

	if (!p)
		return len == -FDT_ERR_NOTFOUND ? 1 : len;
	/* A list of NUL-terminated strings; a last one without NUL is ignored. */
	while (len > 0) {
		const char *nul = memchr(p, '\0', (size_t)len);
		size_t l;

		if (!nul)
			break;
		l = (size_t)(nul - p) + 1;
		if (l == want && !memcmp(p, compatible, want))
			return 0;
		p += l;
		len -= (int)l;
	}
	return 1;
}

int fdt_node_offset_by_compatible(const void *fdt, int startoffset, const char *compatible)
{
	int offset = startoffset;

	for (;;) {
		int r;

		offset = fdt_next_node(fdt, offset, NULL);
		if (offset < 0)
			return offset;
		r = fdt_node_check_compatible(fdt, offset, compatible);
		if (r <= 0)
			return r < 0 ? r : offset;
	}
}

/* Entries lie between the map's start and the structure block. */
static u32 rsv_limit(const void *fdt)
{
	u32 start = hdr(fdt, HDR_OFF_MEM_RSVMAP);
	u32 end = struct_off(fdt) > start ? struct_off(fdt) : fdt_totalsize(fdt);

	return (end - start) / RSV_ENTRY;
}

int fdt_get_mem_rsv(const void *fdt, int n, u64 *address, u64 *size)
{
	const u8 *e;

	if (n < 0 || (u32)n >= rsv_limit(fdt))
		return -FDT_ERR_BADOFFSET;
	e = (const u8 *)fdt + hdr(fdt, HDR_OFF_MEM_RSVMAP) + (u32)n * RSV_ENTRY;
	*address = fdt_read_number(e, 2);
	*size = fdt_read_number(e + 8, 2);
	return 0;
}

int fdt_num_mem_rsv(const void *fdt)
{
	u32 i, limit = rsv_limit(fdt);

	for (i = 0; i < limit; i++) {
		u64 a, s;

		fdt_get_mem_rsv(fdt, (int)i, &a, &s);
		if (!s)
			return (int)i;
	}
	return -FDT_ERR_TRUNCATED;	/* no terminating entry */
}
