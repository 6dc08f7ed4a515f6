/*
 * slabinfo: the caches in /proc/slabinfo's version 2.1 format, newest
 * cache first, with Linux SLAB's meaning of the columns: objects waiting
 * in CPU arrays count as active, tunables are each cache's array limit and
 * batch count (shared arrays do not exist: sharedfactor and sharedavail
 * are 0). The console command is in mm/slab_commands.c.
 */
#include <linux/kernel.h>
#include <linux/slab.h>
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

void slabinfo_show(mm_printf_t print)
{
	struct kmem_cache *s;

	print("slabinfo - version: 2.1\n");
	print("# name            <active_objs> <num_objs> <objsize> <objperslab> <pagesperslab>"
	      " : tunables <limit> <batchcount> <sharedfactor>"
	      " : slabdata <active_slabs> <num_slabs> <sharedavail>\n");
	spin_lock(&slab_caches_lock);
	list_for_each_entry(s, &slab_caches, list) {
		struct slabinfo info;

		get_slabinfo(s, &info);
		print("%-17s %6lu %6lu %6u %4u %4d : tunables %4u %4u %4u : slabdata %6lu %6lu %6u\n",
		      s->name, info.active_objs, info.num_objs, s->size, s->objects,
		      1 << s->order, info.limit, info.batchcount, 0U, info.active_slabs,
		      info.num_slabs, 0U);
	}
	spin_unlock(&slab_caches_lock);
}
