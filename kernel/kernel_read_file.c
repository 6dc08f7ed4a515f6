/*
 * kernel_read_file_from_path() (linux/kernel_read_file.h): whole files from
 * the in-memory file list, else from the host through semihosting, by
 * absolute path or relative to hostdir=.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/init.h>
#include <linux/kernel_read_file.h>
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/vmalloc.h>
#include <asm/semihosting.h>
#include <mica/ramfs.h>
#include <string.h>

static char hostdir[256];

static int __init set_hostdir(char *val)
{
	size_t len = strlen(val);

	if (val[0] != '/' || len >= sizeof(hostdir))
		return -EINVAL;
	memcpy(hostdir, val, len + 1);
	while (len > 1 && hostdir[len - 1] == '/')
		hostdir[--len] = '\0';
	return 0;
}
__setup("hostdir=", set_hostdir);

/* The host path for @name: itself if absolute, else under hostdir; NULL if neither. */
static char *host_path(const char *name)
{
	char *path;

	if (name[0] == '/')
		return kstrdup(name, GFP_KERNEL);
	if (!hostdir[0])
		return NULL;
	path = kmalloc(strlen(hostdir) + strlen(name) + 2, GFP_KERNEL);
	if (path)
		sprintf(path, "%s/%s", hostdir, name);
	return path;
}

/* A copy of ramfs file @f into *@buf (allocated if NULL). */
static long read_ramfs(const struct ramfs_file *f, void **buf, size_t buf_size,
		       size_t *file_size)
{
	void *dest = *buf;

	*file_size = f->size;
	if (f->size > buf_size)
		return -EFBIG;
	if (!dest)
		dest = vmalloc(max(f->size, (size_t)1));
	if (!dest)
		return -ENOMEM;
	if (f->size)
		memcpy(dest, f->data, f->size);
	*buf = dest;
	return f->size;
}

long kernel_read_file_from_path(const char *path, long long offset, void **buf,
				size_t buf_size, size_t *file_size, enum kernel_read_file_id id)
{
	const struct ramfs_file *f;
	void *dest = *buf;
	char *host;
	size_t size = 0;
	long ret;

	if (offset || !path || !path[0])
		return -EINVAL;
	f = ramfs_lookup(path);
	if (f) {
		ret = read_ramfs(f, buf, buf_size, file_size);
		ramfs_put(f);
		return ret;
	}
	host = host_path(path);
	if (!host)
		return path[0] == '/' ? -ENOMEM : -ENOENT;
	ret = semihosting_read_file(host, NULL, 0, &size);
	if (ret < 0)
		goto out;
	*file_size = size;
	ret = -EFBIG;
	if (size > buf_size)
		goto out;
	if (!dest) {
		ret = -ENOMEM;
		dest = vmalloc(max(size, (size_t)1));
		if (!dest)
			goto out;
	}
	ret = semihosting_read_file(host, dest, size, &size);
	if (ret >= 0 && !*buf)
		*buf = dest;
	else if (!*buf)
		vfree(dest);
out:
	kfree(host);
	return ret;
}
EXPORT_SYMBOL_GPL(kernel_read_file_from_path);
