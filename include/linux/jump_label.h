/*
 * Static keys (jump labels), Linux's interface and semantics: a branch on
 * a rarely changing flag that costs one instruction, a NOP or a B that is
 * rewritten in place when the key changes.
 *
 *	DEFINE_STATIC_KEY_FALSE(debug_key);
 *
 *	if (static_branch_unlikely(&debug_key))
 *		expensive_check();		(out of line; a NOP while off)
 *
 *	static_branch_enable(&debug_key);	(may sleep: stops the other CPUs)
 *
 * DEFINE_STATIC_KEY_TRUE/FALSE give the key's initial value; the site is
 * laid out for the branch hint (static_branch_likely: the true side falls
 * through; static_branch_unlikely: the false side does), and either hint
 * works with either kind of key. static_branch_inc/dec count users: the
 * key is on while the count is positive. static_branch_enable/disable set
 * it to 1 or 0 (for keys not counted). Changing a key takes a mutex and
 * stops the other CPUs while the sites are rewritten, so it must be done
 * from a context that may sleep; it works at any point of boot, even
 * before jump_label_init() (which then applies the change). Linux 3.x's
 * names (struct static_key, STATIC_KEY_INIT_TRUE/FALSE, static_key_true/
 * false, static_key_slow_inc/dec) work too.
 *
 * Where Mica does less: no CPU hotplug lock, so the _cpuslocked variants
 * are the plain ones; no rate-limited (deferred) keys; no modules' sites.
 * Without CONFIG_JUMP_LABEL (the host builds of mm/) keys are plain flags:
 * the same interface, a load and a test at each site.
 */
#ifndef _LINUX_JUMP_LABEL_H
#define _LINUX_JUMP_LABEL_H

#include <linux/types.h>
#include <linux/compiler.h>
#include <linux/atomic.h>

#ifdef CONFIG_JUMP_LABEL		/* the kernel's Makefile sets it */
#include <asm/jump_label.h>
#endif

/*
 * enabled: the number of users (>0 on, 0 off; -1 while the sites are being
 * switched on). entries: the key's sites in the sorted __jump_table.
 */
struct static_key {
	atomic_t enabled;
#ifdef CONFIG_JUMP_LABEL
	struct jump_entry *entries;
#endif
};

struct static_key_true { struct static_key key; };
struct static_key_false { struct static_key key; };

#define STATIC_KEY_INIT_TRUE	{ .enabled = ATOMIC_INIT(1) }
#define STATIC_KEY_INIT_FALSE	{ .enabled = ATOMIC_INIT(0) }
#define STATIC_KEY_INIT		STATIC_KEY_INIT_FALSE
#define STATIC_KEY_TRUE_INIT	(struct static_key_true) { .key = STATIC_KEY_INIT_TRUE }
#define STATIC_KEY_FALSE_INIT	(struct static_key_false) { .key = STATIC_KEY_INIT_FALSE }

#define DEFINE_STATIC_KEY_TRUE(name)	struct static_key_true name = STATIC_KEY_TRUE_INIT
#define DEFINE_STATIC_KEY_FALSE(name)	struct static_key_false name = STATIC_KEY_FALSE_INIT
#define DECLARE_STATIC_KEY_TRUE(name)	extern struct static_key_true name
#define DECLARE_STATIC_KEY_FALSE(name)	extern struct static_key_false name

static inline int static_key_count(struct static_key *key)
{
	int n = atomic_read(&key->enabled);

	return n >= 0 ? n : 1;
}

#define __static_key_is_true(x)  __builtin_types_compatible_p(__typeof__(*(x)), struct static_key_true)
#define __static_key_is_false(x) __builtin_types_compatible_p(__typeof__(*(x)), struct static_key_false)
#define __static_key_is_plain(x) __builtin_types_compatible_p(__typeof__(*(x)), struct static_key)
/* Using something else as a key fails to build (the call survives only then). */
extern bool ____wrong_branch_error(void) __attribute__((error("not a static key of the right type")));

/* Any of the three kinds of key; .key comes first in the two typed ones. */
#define static_key_enabled(x) ({						\
	if (!__static_key_is_plain(x) && !__static_key_is_true(x) &&		\
	    !__static_key_is_false(x))						\
		____wrong_branch_error();					\
	static_key_count((struct static_key *)(x)) > 0;				\
})

#ifdef CONFIG_JUMP_LABEL

/*
 * The site starts as what the key's initial value wants: a NOP where it
 * falls through, a B where it branches. An unlikely site branches while
 * the key is on, a likely (inverted) one while it is off.
 */
#define static_branch_unlikely(x) ({						\
	bool __branch;								\
	if (__static_key_is_true(x))						\
		__branch = arch_static_branch_jump(&(x)->key, false);		\
	else if (__static_key_is_false(x))					\
		__branch = arch_static_branch(&(x)->key, false);		\
	else									\
		__branch = ____wrong_branch_error();				\
	unlikely(__branch);							\
})

#define static_branch_likely(x) ({						\
	bool __branch;								\
	if (__static_key_is_true(x))						\
		__branch = !arch_static_branch(&(x)->key, true);		\
	else if (__static_key_is_false(x))					\
		__branch = !arch_static_branch_jump(&(x)->key, true);		\
	else									\
		__branch = ____wrong_branch_error();				\
	likely(__branch);							\
})

/* Linux 3.x: the key must have been initialised as the name says (STATIC_KEY_INIT_*). */
static __always_inline bool static_key_false(struct static_key *key)
{
	return unlikely(arch_static_branch(key, false));
}

static __always_inline bool static_key_true(struct static_key *key)
{
	return likely(!arch_static_branch(key, true));
}

void static_key_enable(struct static_key *key);
void static_key_disable(struct static_key *key);
/*
 * Mica's: switch a plain (not counted) key on or off with the other CPUs
 * running, for a key whose sites may still take the old way for a moment
 * (the code behind them checks again; KFENCE's sampling gate, switched
 * twenty times a second). No stop_machine.
 */
void static_key_set_unstopped(struct static_key *key, bool on);
void static_key_slow_inc(struct static_key *key);
void static_key_slow_dec(struct static_key *key);

/*
 * Sort the sites by key and make every site agree with its key. The boot
 * CPU calls it once, right after the early parameters; keys changed
 * earlier (early_param handlers) take effect here.
 */
void jump_label_init(void);
/* .init is about to be freed: its sites are never patched again. */
void jump_label_invalidate_initmem(void);

#else /* plain flags */

#define static_branch_unlikely(x)	unlikely(static_key_enabled(&(x)->key))
#define static_branch_likely(x)		likely(static_key_enabled(&(x)->key))
#define static_key_false(key)		unlikely(static_key_enabled(key))
#define static_key_true(key)		likely(static_key_enabled(key))

static inline void static_key_enable(struct static_key *key)
{
	atomic_set(&key->enabled, 1);
}

static inline void static_key_disable(struct static_key *key)
{
	atomic_set(&key->enabled, 0);
}

static inline void static_key_set_unstopped(struct static_key *key, bool on)
{
	atomic_set(&key->enabled, on);
}

static inline void static_key_slow_inc(struct static_key *key)
{
	atomic_inc(&key->enabled);
}

static inline void static_key_slow_dec(struct static_key *key)
{
	atomic_dec(&key->enabled);
}

static inline void jump_label_init(void) { }
static inline void jump_label_invalidate_initmem(void) { }

#endif

#define static_branch_enable(x)		static_key_enable(&(x)->key)
#define static_branch_disable(x)	static_key_disable(&(x)->key)
#define static_branch_inc(x)		static_key_slow_inc(&(x)->key)
#define static_branch_dec(x)		static_key_slow_dec(&(x)->key)
#define static_branch_enable_cpuslocked(x)	static_branch_enable(x)
#define static_branch_disable_cpuslocked(x)	static_branch_disable(x)
#define static_key_enable_cpuslocked(k)		static_key_enable(k)
#define static_key_disable_cpuslocked(k)	static_key_disable(k)

#endif
