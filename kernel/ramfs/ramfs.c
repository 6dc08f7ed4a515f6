/*
 * The in-memory file list (include/mica/ramfs.h). A spinlock guards the
 * list; each file counts its references, so a reader keeps its file even
 * while it is replaced or removed. The last ramfs_put() frees it — never
 * under the lock, since vfree() flushes TLBs on every CPU.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/glob.h>
#include <linux/slab.h>
#include <linux/spinlock.h>
#include <linux/stat.h>
#include <linux/vmalloc.h>
#include <mica/ramfs.h>
#include <string.h>

static LIST_HEAD(ramfs_files);		/* in strcmp() order of name */
static DEFINE_SPINLOCK(ramfs_lock);	/* the list and its counters */
static unsigned int ramfs_nr_files;
static size_t ramfs_bytes;

const char *ramfs_skip_prefix(const char *name)
{
	for (;;) {
		if (name[0] == '/')
			name++;
		else if (name[0] == '.' && name[1] == '/')
			name += 2;
		else
			return name;
	}
}

int ramfs_check_name(const char *name)
{
	size_t len = strlen(name);

	if (!len || name[len - 1] == '/')
		return -EINVAL;
	if (len > RAMFS_NAME_MAX)
		return -ENAMETOOLONG;
	for (const char *p = name; *p; p++)
		if ((unsigned char)*p < 0x20 || *p == 0x7f)
			return -EINVAL;
	return 0;
}

static void ramfs_free(struct ramfs_file *f)
{
	vfree(f->data);
	kfree(f);
}

void ramfs_put(const struct ramfs_file *file)
{
	struct ramfs_file *f = (struct ramfs_file *)file;

	if (f && atomic_dec_and_test(&f->refs))
		ramfs_free(f);
}

/* The file called @name (already without its prefix), or NULL; under the lock. */
static struct ramfs_file *ramfs_find_locked(const char *name)
{
	struct ramfs_file *f;

	list_for_each_entry(f, &ramfs_files, list) {
		int cmp = strcmp(f->name, name);

		if (!cmp)
			return f;
		if (cmp > 0)
			break;
	}
	return NULL;
}

const struct ramfs_file *ramfs_lookup(const char *name)
{
	struct ramfs_file *f;

	name = ramfs_skip_prefix(name);
	if (ramfs_check_name(name))
		return NULL;
	spin_lock(&ramfs_lock);
	f = ramfs_find_locked(name);
	if (f)
		atomic_inc(&f->refs);
	spin_unlock(&ramfs_lock);
	return f;
}

/* Unlink @f; the caller drops the list's reference after unlocking. */
static void ramfs_unlink_locked(struct ramfs_file *f)
{
	list_del(&f->list);
	ramfs_nr_files--;
	ramfs_bytes -= f->size;
}

int ramfs_add_vmalloc(const char *name, void *buf, size_t size, umode_t mode,
		      const char *source)
{
	struct ramfs_file *f, *pos, *old;
	size_t len;
	int ret;

	name = ramfs_skip_prefix(name);
	ret = ramfs_check_name(name);
	if (ret) {
		vfree(buf);
		return ret;
	}
	len = strlen(name);
	f = kmalloc(sizeof(*f) + len + 1, GFP_KERNEL);
	if (!f) {
		vfree(buf);
		return -ENOMEM;
	}
	memcpy(f + 1, name, len + 1);
	f->name = (const char *)(f + 1);
	f->data = size ? buf : NULL;
	if (!size)
		vfree(buf);
	f->size = size;
	f->mode = (mode & S_IALLUGO) ? (mode & S_IALLUGO) : 0644;
	f->source = source;
	atomic_set(&f->refs, 1);

	spin_lock(&ramfs_lock);
	old = ramfs_find_locked(f->name);
	if (old)
		ramfs_unlink_locked(old);
	list_for_each_entry(pos, &ramfs_files, list)
		if (strcmp(pos->name, f->name) > 0)
			break;
	list_add_tail(&f->list, &pos->list);	/* before the first greater name */
	ramfs_nr_files++;
	ramfs_bytes += size;
	spin_unlock(&ramfs_lock);
	ramfs_put(old);
	return 0;
}

int ramfs_add(const char *name, const void *data, size_t size, umode_t mode,
	      const char *source)
{
	void *buf = NULL;

	if (size) {
		buf = vmalloc(size);
		if (!buf)
			return -ENOMEM;
		memcpy(buf, data, size);
	}
	return ramfs_add_vmalloc(name, buf, size, mode, source);
}

int ramfs_remove(const char *name)
{
	struct ramfs_file *f;

	name = ramfs_skip_prefix(name);
	spin_lock(&ramfs_lock);
	f = ramfs_find_locked(name);
	if (f)
		ramfs_unlink_locked(f);
	spin_unlock(&ramfs_lock);
	if (!f)
		return -ENOENT;
	ramfs_put(f);
	return 0;
}

unsigned int ramfs_remove_glob(const char *glob)
{
	const struct ramfs_file *f;
	unsigned int removed = 0;

	glob = ramfs_skip_prefix(glob);
	ramfs_for_each_file(f)
		if (glob_match(glob, f->name) && !ramfs_remove(f->name))
			removed++;
	return removed;
}

/*
 * By name rather than by link: @prev may have left the list since it was
 * returned, so the next file is the first whose name sorts after it.
 */
const struct ramfs_file *ramfs_next(const struct ramfs_file *prev)
{
	struct ramfs_file *f, *next = NULL;

	spin_lock(&ramfs_lock);
	list_for_each_entry(f, &ramfs_files, list) {
		if (!prev || strcmp(f->name, prev->name) > 0) {
			next = f;
			atomic_inc(&next->refs);
			break;
		}
	}
	spin_unlock(&ramfs_lock);
	ramfs_put(prev);
	return next;
}

void ramfs_usage(unsigned int *files, size_t *bytes)
{
	spin_lock(&ramfs_lock);
	*files = ramfs_nr_files;
	*bytes = ramfs_bytes;
	spin_unlock(&ramfs_lock);
}
