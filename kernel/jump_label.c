/*
 * Static keys (linux/jump_label.h): the __jump_table the linker gathers,
 * sorted at boot so that each key's sites sit together and the key points
 * at the first, and the updates that rewrite a key's sites, all in one
 * stop_machine(), when its count crosses zero.
 *
 * Counts change under jump_label_mutex, except an increment of a key that
 * is already on, which is a cmpxchg. While a key's sites are being
 * switched on its count reads -1: others see it on (static_key_count) but
 * take the mutex, so nobody returns from static_branch_inc() before the
 * sites branch.
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/irqflags.h>
#include <linux/jump_label.h>
#include <linux/mutex.h>
#include <linux/stop_machine.h>
#include <asm/sections.h>

extern struct jump_entry __start___jump_table[], __stop___jump_table[];

static DEFINE_MUTEX(jump_label_mutex);
static bool jump_label_ready;

static struct static_key *entry_key(const struct jump_entry *e)
{
	return (struct static_key *)(e->key & ~1UL);
}

static bool entry_inverted(const struct jump_entry *e)
{
	return e->key & 1;
}

/* What the site should be now: a branch when the key is on, or off for an inverted one. */
static bool entry_branches(const struct jump_entry *e)
{
	return static_key_enabled(entry_key(e)) != entry_inverted(e);
}

static bool in_text(unsigned long addr)
{
	return (addr >= (unsigned long)_stext && addr < (unsigned long)_etext) ||
	       (addr >= (unsigned long)_sinittext && addr < (unsigned long)_einittext);
}

/* By key, then by site. */
static bool entry_before(const struct jump_entry *a, const struct jump_entry *b)
{
	if (entry_key(a) != entry_key(b))
		return entry_key(a) < entry_key(b);
	return a->code < b->code;
}

/* Insertion sort: a few hundred entries, once, in place. */
static void __init sort_entries(struct jump_entry *start, struct jump_entry *stop)
{
	struct jump_entry *i, *j;

	for (i = start + 1; i < stop; i++) {
		struct jump_entry e = *i;

		for (j = i; j > start && entry_before(&e, j - 1); j--)
			*j = *(j - 1);
		*j = e;
	}
}

/* Every site of @key; the other CPUs are stopped, or not up yet. */
static int update_sites(void *data)
{
	struct static_key *key = data;
	struct jump_entry *e;

	for (e = key->entries; e < __stop___jump_table && entry_key(e) == key; e++)
		if (e->code)
			arch_jump_label_transform(e, entry_branches(e));
	return 0;
}

/* Caller holds jump_label_mutex. Before jump_label_init() only the count changes. */
static void jump_label_update(struct static_key *key)
{
	if (jump_label_ready && key->entries)
		stop_machine(update_sites, key, NULL);
}

/*
 * Alone on the boot CPU, so without jump_label_mutex: the sites of a key
 * that the mutex code itself tests must not change between a mutex_lock()
 * and its mutex_unlock().
 */
void __init jump_label_init(void)
{
	struct static_key *key = NULL;
	struct jump_entry *e;

	sort_entries(__start___jump_table, __stop___jump_table);
	for (e = __start___jump_table; e < __stop___jump_table; e++) {
		if (WARN(!in_text(e->code), "jump_label: site %08lx is not kernel text\n", e->code)) {
			e->code = 0;
			continue;
		}
		if (entry_key(e) != key) {
			key = entry_key(e);
			key->entries = e;
		}
		arch_jump_label_transform(e, entry_branches(e));
	}
	jump_label_ready = true;
}

void jump_label_invalidate_initmem(void)
{
	struct jump_entry *e;

	mutex_lock(&jump_label_mutex);
	for (e = __start___jump_table; e < __stop___jump_table; e++)
		if (e->code >= (unsigned long)_sinittext && e->code < (unsigned long)_einittext)
			e->code = 0;
	mutex_unlock(&jump_label_mutex);
}

void static_key_enable(struct static_key *key)
{
	mutex_lock(&jump_label_mutex);
	if (atomic_read(&key->enabled) > 0) {
		WARN_ON_ONCE(atomic_read(&key->enabled) != 1);	/* a counted key */
	} else {
		atomic_set(&key->enabled, 1);
		jump_label_update(key);
	}
	mutex_unlock(&jump_label_mutex);
}

/*
 * ARMv7 lets a CPU execute a B or a NOP that another CPU is rewriting
 * (concurrent modification and execution of instructions): each sees the
 * new one once __patch_text's I-cache invalidation, broadcast to every CPU,
 * is done. Interrupts off only keep this CPU on the text alias it mapped.
 */
void static_key_set_unstopped(struct static_key *key, bool on)
{
	unsigned long flags;

	mutex_lock(&jump_label_mutex);
	WARN_ON_ONCE(atomic_read(&key->enabled) > 1);	/* a counted key */
	atomic_set(&key->enabled, on);
	if (jump_label_ready && key->entries) {
		local_irq_save(flags);
		update_sites(key);
		local_irq_restore(flags);
	}
	mutex_unlock(&jump_label_mutex);
}

void static_key_disable(struct static_key *key)
{
	int v;

	mutex_lock(&jump_label_mutex);
	v = atomic_cmpxchg(&key->enabled, 1, 0);
	if (v == 1)
		jump_label_update(key);
	else
		WARN_ON_ONCE(v != 0);	/* a counted key */
	mutex_unlock(&jump_label_mutex);
}

/* Add one to a positive count; false if it is 0 (or -1: being switched on). */
static bool inc_if_on(struct static_key *key)
{
	int v = atomic_read(&key->enabled);

	while (v > 0)
		if (atomic_try_cmpxchg(&key->enabled, &v, v + 1))
			return true;
	return false;
}

void static_key_slow_inc(struct static_key *key)
{
	if (inc_if_on(key))
		return;
	mutex_lock(&jump_label_mutex);
	if (atomic_read(&key->enabled) == 0) {
		atomic_set(&key->enabled, -1);
		jump_label_update(key);
		smp_mb();	/* the sites branch before anyone sees the count */
		atomic_set(&key->enabled, 1);
	} else {
		atomic_inc(&key->enabled);
	}
	mutex_unlock(&jump_label_mutex);
}

void static_key_slow_dec(struct static_key *key)
{
	int v;

	mutex_lock(&jump_label_mutex);
	v = atomic_read(&key->enabled);
	do {
		if (WARN(v <= 0, "jump_label: static_key_slow_dec of a key at %d\n", v))
			goto out;
	} while (!atomic_try_cmpxchg(&key->enabled, &v, v - 1));
	if (v == 1)
		jump_label_update(key);
out:
	mutex_unlock(&jump_label_mutex);
}
