/* The shrinker registry: see include/linux/shrinker.h. */
#include <linux/errno.h>
#include <linux/export.h>
#include <linux/shrinker.h>
#include <linux/spinlock.h>

static LIST_HEAD(shrinker_list);
static DEFINE_SPINLOCK(shrinker_lock);

int register_shrinker(struct shrinker *shrinker)
{
	if (!shrinker->count_objects || !shrinker->scan_objects)
		return -EINVAL;
	spin_lock(&shrinker_lock);
	list_add_tail(&shrinker->list, &shrinker_list);
	spin_unlock(&shrinker_lock);
	return 0;
}
EXPORT_SYMBOL(register_shrinker);

void unregister_shrinker(struct shrinker *shrinker)
{
	spin_lock(&shrinker_lock);
	list_del(&shrinker->list);
	spin_unlock(&shrinker_lock);
}
EXPORT_SYMBOL(unregister_shrinker);

static unsigned long run_shrinker(struct shrinker *shrinker, struct shrink_control *sc)
{
	unsigned long batch = shrinker->batch > 0 ? (unsigned long)shrinker->batch : 128;
	unsigned long todo = shrinker->count_objects(shrinker, sc), freed = 0;

	if (todo == 0 || todo == SHRINK_EMPTY)
		return 0;
	while (todo) {
		unsigned long ret;

		sc->nr_to_scan = min(batch, todo);
		sc->nr_scanned = sc->nr_to_scan;
		ret = shrinker->scan_objects(shrinker, sc);
		if (ret == SHRINK_STOP)
			break;
		freed += ret;
		todo -= min(todo, max(sc->nr_scanned, 1UL));
	}
	return freed;
}

/*
 * Another CPU already shrinking holds the lock: do not wait for it (its
 * callbacks may need a lock this CPU holds); its work helps us too.
 */
unsigned long shrink_slab(gfp_t gfp_mask, int nid)
{
	struct shrink_control sc = { .gfp_mask = gfp_mask, .nid = nid };
	struct shrinker *shrinker;
	unsigned long freed = 0;

	if (!spin_trylock(&shrinker_lock))
		return 0;
	list_for_each_entry(shrinker, &shrinker_list, list)
		freed += run_shrinker(shrinker, &sc);
	spin_unlock(&shrinker_lock);
	return freed;
}
