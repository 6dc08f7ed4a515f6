/*
 * Resources (Linux's <linux/ioport.h>): who uses which range of physical
 * addresses (iomem_resource) or I/O ports (ioport_resource), as a tree of
 * non-overlapping ranges. A driver claims its registers with
 * request_mem_region() before ioremap() and gives them back with
 * release_mem_region(); a range someone holds, or RAM, is refused (NULL).
 * The `iomem` and `ioports` commands print the trees as /proc/iomem and
 * /proc/ioports do.
 *
 * At boot the tree gets "System RAM" for each RAM bank with "Kernel code"
 * and "Kernel data" inside it, as Linux/ARM shows them; drivers in the tree
 * claim their registers (the console UART, the PL330s).
 *
 * Where Mica differs from Linux 3.14: no insert_resource, allocate_resource,
 * adjust_resource, devm_* or IORESOURCE_MUXED; ARM has no port I/O, so
 * ioport_resource only keeps the bookkeeping (nothing maps ports).
 */
#ifndef _LINUX_IOPORT_H
#define _LINUX_IOPORT_H

#include <linux/types.h>

typedef phys_addr_t resource_size_t;

struct resource {
	resource_size_t start;
	resource_size_t end;		/* inclusive */
	const char *name;
	unsigned long flags;
	struct resource *parent, *sibling, *child;
};

/* Linux's flag values. */
#define IORESOURCE_TYPE_BITS 0x00001f00
#define IORESOURCE_IO        0x00000100
#define IORESOURCE_MEM       0x00000200
#define IORESOURCE_REG       0x00000300
#define IORESOURCE_IRQ       0x00000400
#define IORESOURCE_DMA       0x00000800
#define IORESOURCE_BUS       0x00001000
#define IORESOURCE_PREFETCH  0x00002000
#define IORESOURCE_READONLY  0x00004000
#define IORESOURCE_CACHEABLE 0x00008000
#define IORESOURCE_BUSY      0x80000000	/* held by a driver (or RAM): no one nests inside */

#define DEFINE_RES_NAMED(_start, _size, _name, _flags)					\
	{ .start = (_start), .end = (_start) + (_size) - 1, .name = (_name), .flags = (_flags) }
#define DEFINE_RES_MEM_NAMED(_start, _size, _name) \
	DEFINE_RES_NAMED((_start), (_size), (_name), IORESOURCE_MEM)
#define DEFINE_RES_MEM(_start, _size) DEFINE_RES_MEM_NAMED((_start), (_size), NULL)
#define DEFINE_RES_IO(_start, _size)  DEFINE_RES_NAMED((_start), (_size), NULL, IORESOURCE_IO)

extern struct resource iomem_resource;	/* all 4 GiB of physical addresses */
extern struct resource ioport_resource;	/* ports 0-0xffff */

static inline resource_size_t resource_size(const struct resource *res)
{
	return res->end - res->start + 1;
}

static inline unsigned long resource_type(const struct resource *res)
{
	return res->flags & IORESOURCE_TYPE_BITS;
}

/*
 * Put @new (filled in by the caller, who keeps owning it) under @root:
 * NULL on success, else the resource it conflicts with (@root itself if
 * @new does not fit inside it, or ends before it starts).
 */
struct resource *request_resource_conflict(struct resource *root, struct resource *new);
/* The same: 0 or -EBUSY. */
int request_resource(struct resource *root, struct resource *new);
/* Take @old out of its tree (it must have no children): 0 or -EINVAL. */
int release_resource(struct resource *old);

/*
 * Claim [@start, @start + @n) under @parent for @name (a string that
 * outlives the claim), nested inside a range that is not busy (a bus, a
 * region) if one covers it. The claim is marked busy. Returns it, or NULL
 * if any part is held, is RAM, lies outside @parent, @n is 0 or the range
 * wraps, or there is no memory. Process context.
 */
struct resource *__request_region(struct resource *parent, resource_size_t start,
				  resource_size_t n, const char *name, int flags);
/* Give back exactly a claimed range; anything else is reported and ignored. */
void __release_region(struct resource *parent, resource_size_t start, resource_size_t n);

#define request_region(start, n, name)     __request_region(&ioport_resource, (start), (n), (name), 0)
#define request_mem_region(start, n, name) __request_region(&iomem_resource, (start), (n), (name), 0)
#define release_region(start, n)           __release_region(&ioport_resource, (start), (n))
#define release_mem_region(start, n)       __release_region(&iomem_resource, (start), (n))

/* Mica: @root's tree through @print, one "start-end : name" a line, as /proc/iomem. */
void resource_tree_show(struct resource *root, int (*print)(const char *fmt, ...) __printf(1, 2));

#endif
