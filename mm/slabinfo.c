/*
 * slabinfo: the caches in /proc/slabinfo's version 2.1 format, newest
 * cache first, with Linux SLAB's meaning of the columns: objects waiting
 * in CPU arrays count as active, tunables are each cache's array limit and
 * batch count (shared arrays do not exist: sharedfactor and sharedavail
 * are 0). `slabinfo -v [glob]` validates caches and `slabinfo -s [glob]`
 * shrinks them, as Linux's tools/mm/slabinfo does.
 */
#include <linux/kernel.h>
#include <linux/slab.h>
#include <linux/glob.h>
#include <linux/errno.h>
#include <mica/shell.h>
#include <string.h>
#include "slab.h"

void get_slabinfo(struct kmem_cache *s, struct slabinfo *info)
{
	unsigned long free = 0;
	unsigned int cpu;
	int nid;

	memset(info, 0, sizeof(*info));
	for (nid = 0; nid < MAX_NUMNODES; nid++) {
		struct kmem_cache_node *n = &s->node[nid];
		unsigned long flags;

		spin_lock_irqsave(&n->list_lock, flags);
		info->num_slabs += n->nr_slabs;
		info->active_slabs += n->nr_slabs - n->nr_free_slabs;
		info->num_objs += n->total_objects;
		free += n->free_objects;
		spin_unlock_irqrestore(&n->list_lock, flags);
	}
	info->active_objs = info->num_objs - free;
	for (cpu = 0; cpu < NR_CPUS; cpu++) {
		struct array_cache *ac = s->cpu_array[cpu];

		if (!ac)
			continue;
		info->cpu_objs += ac_avail(ac);
		info->limit = ac->limit;
		info->batchcount = ac->batchcount;
	}
}

static void slabinfo_show(void)
{
	struct kmem_cache *s;

	printk("slabinfo - version: 2.1\n");
	printk("# name            <active_objs> <num_objs> <objsize> <objperslab> <pagesperslab>"
	       " : tunables <limit> <batchcount> <sharedfactor>"
	       " : slabdata <active_slabs> <num_slabs> <sharedavail>\n");
	spin_lock(&slab_caches_lock);
	list_for_each_entry(s, &slab_caches, list) {
		struct slabinfo info;

		get_slabinfo(s, &info);
		printk("%-17s %6lu %6lu %6u %4u %4d : tunables %4u %4u %4u : slabdata %6lu %6lu %6u\n",
		       s->name, info.active_objs, info.num_objs, s->size, s->objects,
		       1 << s->order, info.limit, info.batchcount, 0U, info.active_slabs,
		       info.num_slabs, 0U);
	}
	spin_unlock(&slab_caches_lock);
}

/* -v or -s on every cache whose name matches @pattern. */
static int for_matching_caches(const char *opt, const char *pattern)
{
	struct kmem_cache *s;
	int matched = 0, problems = 0;

	spin_lock(&slab_caches_lock);
	list_for_each_entry(s, &slab_caches, list) {
		if (!glob_match(pattern, s->name))
			continue;
		matched++;
		if (opt[1] == 'v') {
			int n = kmem_cache_validate(s);

			problems += n;
			printk("%s: %s\n", s->name, n ? "problems reported above" : "ok");
		} else {
			kmem_cache_shrink(s);
		}
	}
	spin_unlock(&slab_caches_lock);
	if (!matched) {
		printk("slabinfo: no cache matches \"%s\"\n", pattern);
		return -ENOENT;
	}
	return problems ? -EINVAL : 0;
}

static int cmd_slabinfo(int argc, char **argv)
{
	if (argc == 1) {
		slabinfo_show();
		return 0;
	}
	if (argc <= 3 && (!strcmp(argv[1], "-v") || !strcmp(argv[1], "-s")))
		return for_matching_caches(argv[1], argc == 3 ? argv[2] : "*");
	printk("usage: slabinfo [-v|-s [cache glob]]\n");
	return -EINVAL;
}
SHELL_COMMAND("slabinfo", "slab caches as /proc/slabinfo; -v validate, -s shrink [cache glob]",
	      cmd_slabinfo);
