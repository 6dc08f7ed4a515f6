/*
 * The initramfs: where the initrd is (the boot loader's ATAGS or DTB, or
 * initrd=<start>,<size> on the command line), keeping memblock's hands off
 * it, and at boot unpacking it into the in-memory file list and giving its
 * pages to the page allocator.
 *
 * The archive is checked whole before any file is added, and a failure
 * while adding (no memory) takes back what was added: a bad initrd leaves
 * no files, only a message. Its memory is freed either way.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/init.h>
#include <linux/initrd.h>
#include <linux/memblock.h>
#include <linux/mm.h>
#include <linux/stat.h>
#include <linux/vmalloc.h>
#include <asm/memory.h>
#include <asm/sections.h>
#include <mica/cpio.h>
#include <mica/ramfs.h>
#include <string.h>

phys_addr_t phys_initrd_start;
unsigned long phys_initrd_size;

int __init reserve_initrd_mem(phys_addr_t start, unsigned long size, const char *from)
{
	phys_addr_t end = start + size;
	phys_addr_t kernel_end = __pa(_end);

	if (!size || end < start || !memblock_is_memory(start) || !memblock_is_memory(end - 1)) {
		pr_err("initrd 0x%08lx+0x%lx (%s) is not in RAM: ignored\n",
		       (unsigned long)start, size, from);
		return -EINVAL;
	}
	/* The kernel, its boot page table and the hand-off below it. */
	if (start < kernel_end && end > phys_offset) {
		pr_err("initrd 0x%08lx+0x%lx (%s) overlaps the kernel at 0x%08lx-0x%08lx: ignored\n",
		       (unsigned long)start, size, from, phys_offset, (unsigned long)kernel_end - 1);
		return -EINVAL;
	}
	if (phys_initrd_size)
		memblock_free(phys_initrd_start, phys_initrd_size);
	memblock_reserve_named(start, size, "initrd");
	phys_initrd_start = start;
	phys_initrd_size = size;
	pr_info("initrd at 0x%08lx (%lu bytes, %s)\n", (unsigned long)start, size, from);
	return 0;
}

/* initrd=<start>,<size>: Linux/ARM's parameter, e.g. initrd=0x48000000,2M. */
static int __init early_initrd(char *arg)
{
	char *end;
	unsigned long start = memparse(arg, &end), size;

	if (*end != ',')
		return -EINVAL;
	size = memparse(end + 1, &end);
	if (*end || !size)
		return -EINVAL;
	reserve_initrd_mem(start, size, "initrd=");
	return 0;
}
early_param("initrd", early_initrd);

struct unpack {
	unsigned int files;	/* added to the list */
	unsigned int skipped;
	size_t bytes;
	const char *failed;	/* the entry that could not be added */
	size_t failed_offset;
	int error;
};

static const char *file_type(unsigned int mode)
{
	switch (mode & S_IFMT) {
	case S_IFLNK:	return "symbolic link";
	case S_IFCHR:	return "character device";
	case S_IFBLK:	return "block device";
	case S_IFIFO:	return "FIFO";
	case S_IFSOCK:	return "socket";
	default:	return "unknown file type";
	}
}

static int add_entry(const struct cpio_entry *e, void *arg)
{
	struct unpack *u = arg;
	int ret;

	if (S_ISDIR(e->mode) || !strcmp(e->name, ".") || !strcmp(e->name, "./"))
		return 0;	/* names carry their directories */
	if (!S_ISREG(e->mode)) {
		pr_warn("initramfs: skipping '%s': %s\n", e->name, file_type(e->mode));
		u->skipped++;
		return 0;
	}
	if (e->nlink > 1 && !e->size)
		pr_warn("initramfs: '%s' is a hard link without data (nlink %u): stored empty\n",
			e->name, e->nlink);
	ret = ramfs_add(e->name, e->data, e->size, e->mode, "initramfs");
	if (ret == -EINVAL || ret == -ENAMETOOLONG) {
		pr_warn("initramfs: skipping '%s': %s\n", e->name,
			ret == -EINVAL ? "not a valid file name" : "name too long");
		u->skipped++;
		return 0;
	}
	if (ret) {
		u->failed = e->name;
		u->failed_offset = e->offset;
		u->error = ret;
		return ret;
	}
	u->files++;
	u->bytes += e->size;
	return 0;
}

/* Take back what add_entry() added before it failed at @arg's offset. */
static int remove_entry(const struct cpio_entry *e, void *arg)
{
	const struct unpack *u = arg;

	if (e->offset >= u->failed_offset)
		return -ECANCELED;
	if (S_ISREG(e->mode))
		ramfs_remove(e->name);
	return 0;
}

int initramfs_unpack(const void *buf, size_t len)
{
	struct unpack u = {};
	struct cpio_error err;
	int ret;

	ret = cpio_parse(buf, len, NULL, NULL, &err);
	if (ret < 0) {
		pr_err("Initramfs unpacking failed: %s (at offset %zu%s%s%s): no files added\n",
		       err.reason, err.offset, err.name ? ", entry '" : "",
		       err.name ? err.name : "", err.name ? "'" : "");
		return ret;
	}
	ret = cpio_parse(buf, len, add_entry, &u, &err);
	if (ret < 0) {
		pr_err("Initramfs unpacking failed: '%s': error %d: no files added\n",
		       u.failed, u.error);
		cpio_parse(buf, len, remove_entry, &u, &err);
		return ret;
	}
	pr_info("initramfs: %u file%s, %zu bytes in the file list (ls)%s\n", u.files,
		u.files == 1 ? "" : "s", u.bytes, u.skipped ? "; some entries skipped" : "");
	return u.files;
}

/* Map the initrd's pages contiguously: it may lie in highmem, beyond the linear map. */
static void *map_initrd(unsigned long first_pfn, unsigned int nr_pages)
{
	struct page **pages = vmalloc(nr_pages * sizeof(*pages));
	void *addr;

	if (!pages)
		return NULL;
	for (unsigned int i = 0; i < nr_pages; i++)
		pages[i] = pfn_to_page(first_pfn + i);
	addr = vmap(pages, nr_pages, 0, PROT_KERNEL_RO);
	vfree(pages);
	return addr;
}

/* Whole pages go back to the page allocator; partial ones at the ends stay reserved. */
static void free_initrd_mem(phys_addr_t start, unsigned long size)
{
	unsigned long pfn, first = PFN_UP(start), end = PFN_DOWN(start + size);
	unsigned long freed = 0;

	for (pfn = first; pfn < end && pfn_valid(pfn); pfn++, freed++)
		free_reserved_page(pfn_to_page(pfn));
	if (freed)
		memblock_free(PFN_PHYS(first), PFN_PHYS(freed));
	pr_info("Freeing initrd memory: %luK\n", freed << (PAGE_SHIFT - 10));
}

static int __init populate_rootfs(void)
{
	unsigned long first_pfn = PHYS_PFN(phys_initrd_start);
	unsigned long last_pfn = PHYS_PFN(phys_initrd_start + phys_initrd_size - 1);
	unsigned int nr_pages = last_pfn - first_pfn + 1;
	void *map;

	if (!phys_initrd_size)
		return 0;
	if (!pfn_valid(first_pfn) || !pfn_valid(last_pfn)) {
		pr_err("initrd 0x%08lx+0x%lx lies beyond the memory in use (mem=?): ignored\n",
		       (unsigned long)phys_initrd_start, phys_initrd_size);
		return 0;
	}
	map = map_initrd(first_pfn, nr_pages);
	if (map) {
		pr_info("Trying to unpack rootfs image as initramfs...\n");
		initramfs_unpack(map + offset_in_page(phys_initrd_start), phys_initrd_size);
		vunmap(map);
	} else {
		pr_err("Initramfs unpacking failed: no memory to map %u pages\n", nr_pages);
	}
	free_initrd_mem(phys_initrd_start, phys_initrd_size);
	phys_initrd_size = 0;
	return 0;
}
fs_initcall(populate_rootfs);
