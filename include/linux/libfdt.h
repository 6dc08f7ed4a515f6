/*
 * Read-only flattened device tree (DTB) access with libfdt's names and
 * return conventions: offsets into the structure block, negative
 * -FDT_ERR_* codes on failure.
 *
 * Less than libfdt: no writing, no phandles, no aliases; only what the
 * boot hand-off needs. Every function checks each offset and length
 * against the blob's blocks, so a corrupt or truncated blob yields an
 * error, never an access outside the buffer. fdt_check_header() must have
 * accepted the blob (with the size of the readable buffer) first.
 */
#ifndef _LINUX_LIBFDT_H
#define _LINUX_LIBFDT_H

#include <linux/types.h>

#define FDT_MAGIC       0xd00dfeed
#define FDT_BEGIN_NODE  0x1
#define FDT_END_NODE    0x2
#define FDT_PROP        0x3
#define FDT_NOP         0x4
#define FDT_END         0x9

/*
 * Layout versions understood: v17 only (it adds the structure block's size,
 * which bounds checking needs; dtc and U-Boot have written v17 since 2007).
 */
#define FDT_FIRST_SUPPORTED_VERSION 0x11
#define FDT_LAST_SUPPORTED_VERSION  0x11

#define FDT_V17_HEADER_SIZE 40

#define FDT_ERR_NOTFOUND     1	/* no such node or property */
#define FDT_ERR_BADOFFSET    4	/* offset is not a node / out of range */
#define FDT_ERR_BADPATH      5
#define FDT_ERR_TRUNCATED    8	/* a block or item runs past its end */
#define FDT_ERR_BADMAGIC     9
#define FDT_ERR_BADVERSION  10
#define FDT_ERR_BADSTRUCTURE 11	/* bad token or nesting */
#define FDT_ERR_BADLAYOUT   12	/* blocks overlap or are misaligned */
#define FDT_ERR_BADVALUE    15	/* a property value is malformed */

/* Big-endian header fields (the blob's byte order). */
u32 fdt_magic(const void *fdt);
u32 fdt_totalsize(const void *fdt);
u32 fdt_version(const void *fdt);

/*
 * 0 if @fdt is a DTB we can read whose blocks all lie within its first
 * @bufsize bytes (and within totalsize); else -FDT_ERR_*.
 */
int fdt_check_header(const void *fdt, size_t bufsize);
/*
 * fdt_check_header() plus one pass over the whole structure block: tokens
 * known and in bounds, nodes balanced under a single root, every property
 * inside a node with a name in the strings block, FDT_END last.
 */
int fdt_check_full(const void *fdt, size_t bufsize);
const char *fdt_strerror(int err);

/*
 * Next node in document order after @offset (-1: the root). @depth, if
 * given, is adjusted by the nesting change; a node after the subtree
 * being walked gives depth < 0. -FDT_ERR_NOTFOUND at the end.
 */
int fdt_next_node(const void *fdt, int offset, int *depth);
/* Child of @parent named @name; "memory" also matches "memory@40000000". */
int fdt_subnode_offset(const void *fdt, int parent, const char *name);
/* Absolute path such as "/chosen" or "/cpus/cpu@0". */
int fdt_path_offset(const void *fdt, const char *path);
/* Node name (with its unit address); *lenp = strlen. NULL on error. */
const char *fdt_get_name(const void *fdt, int nodeoffset, int *lenp);
/*
 * Value of property @name of the node at @nodeoffset; *lenp = its length,
 * or the negative error when NULL is returned.
 */
const void *fdt_getprop(const void *fdt, int nodeoffset, const char *name, int *lenp);
/* A property that must be a NUL-terminated string; NULL otherwise. */
const char *fdt_getprop_string(const void *fdt, int nodeoffset, const char *name);
/* #address-cells / #size-cells of a node (2 / 1 if absent, as the spec says). */
int fdt_address_cells(const void *fdt, int nodeoffset);
int fdt_size_cells(const void *fdt, int nodeoffset);
/* 0 if @compatible is one of the node's "compatible" strings, 1 if not, <0 on error. */
int fdt_node_check_compatible(const void *fdt, int nodeoffset, const char *compatible);
/* First node after @startoffset (-1: from the start) that is compatible. */
int fdt_node_offset_by_compatible(const void *fdt, int startoffset, const char *compatible);

/* Memory reservation block (/memreserve/ entries). */
int fdt_num_mem_rsv(const void *fdt);
int fdt_get_mem_rsv(const void *fdt, int n, u64 *address, u64 *size);

/* Big-endian cell readers for property values. */
static inline u32 fdt32_ld(const void *p)
{
	const u8 *b = p;
	return (u32)b[0] << 24 | (u32)b[1] << 16 | (u32)b[2] << 8 | b[3];
}

/* A 1- or 2-cell number at @p (@cells = 1 or 2). */
static inline u64 fdt_read_number(const void *p, int cells)
{
	const u8 *b = p;
	u64 v = 0;

	while (cells-- > 0) {
		v = v << 32 | fdt32_ld(b);
		b += 4;
	}
	return v;
}

#endif
