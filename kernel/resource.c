/*
 * The resource trees (include/linux/ioport.h). Children of a resource are
 * kept sorted by start and never overlap, so a claim is one walk down the
 * siblings. A reader-writer lock guards both trees.
 *
 * Also here: System RAM and the kernel's image registered at boot, and the
 * trees' listing for the `iomem` and `ioports` commands (Linux's /proc/iomem
 * and /proc/ioports; kernel/resource_commands.c).
 */
#include <linux/kernel.h>
#include <linux/export.h>
#include <linux/errno.h>
#include <linux/init.h>
#include <linux/ioport.h>
#include <linux/memblock.h>
#include <linux/rwlock.h>
#include <linux/slab.h>
#include <asm/memory.h>
#include <asm/sections.h>

struct resource iomem_resource = {
	.name = "PCI mem",
	.start = 0,
	.end = ~(resource_size_t)0,
	.flags = IORESOURCE_MEM,
};
EXPORT_SYMBOL(iomem_resource);

struct resource ioport_resource = {
	.name = "PCI IO",
	.start = 0,
	.end = 0xffff,
	.flags = IORESOURCE_IO,
};
EXPORT_SYMBOL(ioport_resource);

static DEFINE_RWLOCK(resource_lock);

/* Link @new under @root, or return what it collides with; under the write lock. */
static struct resource *__request_resource(struct resource *root, struct resource *new)
{
	struct resource **p = &root->child, *tmp;

	if (new->end < new->start || new->start < root->start || new->end > root->end)
		return root;
	for (;;) {
		tmp = *p;
		if (!tmp || tmp->start > new->end) {
			new->sibling = tmp;
			new->child = NULL;
			new->parent = root;
			*p = new;
			return NULL;
		}
		if (tmp->end >= new->start)
			return tmp;
		p = &tmp->sibling;
	}
}

struct resource *request_resource_conflict(struct resource *root, struct resource *new)
{
	struct resource *conflict;

	write_lock(&resource_lock);
	conflict = __request_resource(root, new);
	write_unlock(&resource_lock);
	return conflict;
}

int request_resource(struct resource *root, struct resource *new)
{
	return request_resource_conflict(root, new) ? -EBUSY : 0;
}
EXPORT_SYMBOL(request_resource);

int release_resource(struct resource *old)
{
	struct resource **p;
	int ret = -EINVAL;

	write_lock(&resource_lock);
	for (p = old->parent ? &old->parent->child : NULL; p && *p; p = &(*p)->sibling) {
		if (*p == old && !old->child) {
			*p = old->sibling;
			old->parent = NULL;
			ret = 0;
			break;
		}
	}
	write_unlock(&resource_lock);
	return ret;
}
EXPORT_SYMBOL(release_resource);

struct resource *__request_region(struct resource *parent, resource_size_t start,
				  resource_size_t n, const char *name, int flags)
{
	struct resource *res;

	if (!n || start + (n - 1) < start)
		return NULL;
	res = kzalloc(sizeof(*res), GFP_KERNEL);
	if (!res)
		return NULL;
	res->name = name;
	res->start = start;
	res->end = start + (n - 1);

	write_lock(&resource_lock);
	for (;;) {
		struct resource *conflict;

		res->flags = resource_type(parent) | flags | IORESOURCE_BUSY;
		conflict = __request_resource(parent, res);
		if (!conflict)
			break;
		/* Inside a free-standing range (a bus, a parent region) that covers it all: nest. */
		if (conflict != parent && !(conflict->flags & IORESOURCE_BUSY) &&
		    conflict->start <= res->start && conflict->end >= res->end) {
			parent = conflict;
			continue;
		}
		kfree(res);
		res = NULL;
		break;
	}
	write_unlock(&resource_lock);
	return res;
}
EXPORT_SYMBOL(__request_region);

void __release_region(struct resource *parent, resource_size_t start, resource_size_t n)
{
	resource_size_t end = start + (n - 1);
	struct resource **p = &parent->child, *res;

	write_lock(&resource_lock);
	while ((res = *p)) {
		if (res->start <= start && res->end >= end && n) {
			if (!(res->flags & IORESOURCE_BUSY)) {
				p = &res->child;	/* a bus or region: look inside */
				continue;
			}
			if (res->start != start || res->end != end || res->child)
				break;
			*p = res->sibling;
			write_unlock(&resource_lock);
			kfree(res);
			return;
		}
		p = &res->sibling;
	}
	write_unlock(&resource_lock);
	pr_warn("Trying to free nonexistent resource <%016llx-%016llx>\n",
		(unsigned long long)start, (unsigned long long)end);
}
EXPORT_SYMBOL(__release_region);

/* Linux/ARM's view of RAM: each bank, with the kernel's code and data inside. */
static struct resource kernel_code = { .name = "Kernel code", .flags = IORESOURCE_MEM | IORESOURCE_BUSY };
static struct resource kernel_data = { .name = "Kernel data", .flags = IORESOURCE_MEM | IORESOURCE_BUSY };

static int __init request_standard_resources(void)
{
	const struct memblock_region *m;

	kernel_code.start = __pa(_text);
	kernel_code.end = __pa(_etext) - 1;
	kernel_data.start = __pa(_sdata);
	kernel_data.end = __pa(_end) - 1;
	for_each_memblock(memory, m) {
		struct resource *ram = kzalloc(sizeof(*ram), GFP_KERNEL);

		if (!ram)
			return -ENOMEM;
		ram->name = "System RAM";
		ram->start = m->base;
		ram->end = m->base + m->size - 1;
		ram->flags = IORESOURCE_MEM | IORESOURCE_BUSY;
		request_resource(&iomem_resource, ram);
		if (kernel_code.start >= ram->start && kernel_code.end <= ram->end)
			request_resource(ram, &kernel_code);
		if (kernel_data.start >= ram->start && kernel_data.end <= ram->end)
			request_resource(ram, &kernel_data);
	}
	return 0;
}
core_initcall(request_standard_resources);

static void show_tree(const struct resource *root, int depth, int width,
		      int (*print)(const char *fmt, ...))
{
	for (const struct resource *r = root->child; r; r = r->sibling) {
		print("%*s%0*lx-%0*lx : %s\n", depth * 2, "", width, (unsigned long)r->start,
		      width, (unsigned long)r->end, r->name ? r->name : "<BAD>");
		show_tree(r, depth + 1, width, print);
	}
}

void resource_tree_show(struct resource *root, int (*print)(const char *fmt, ...))
{
	read_lock(&resource_lock);
	show_tree(root, 0, root->end < 0x10000 ? 4 : 8, print);
	read_unlock(&resource_lock);
}
