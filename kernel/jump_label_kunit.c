/*
 * KUnit suite "jump_label": static keys' sites are one instruction that
 * never reads the key, they are rewritten in both directions for both
 * kinds of key and both hints, every CPU executes the new instruction, and
 * counted keys switch at zero.
 */
#include <linux/kernel.h>
#include <linux/jump_label.h>
#include <linux/irqflags.h>
#include <linux/kallsyms.h>
#include <linux/smp.h>
#include <linux/stop_machine.h>
#include <mica/kunit.h>
#include <string.h>

static DEFINE_STATIC_KEY_FALSE(test_key_false);
static DEFINE_STATIC_KEY_TRUE(test_key_true);
static DEFINE_STATIC_KEY_FALSE(test_key_counted);

/* One probe per kind of key and hint; each returns whether it took the key's "on" side. */
static noinline int probe_false_unlikely(void)
{
	return static_branch_unlikely(&test_key_false) ? 1 : 0;
}

static noinline int probe_false_likely(void)
{
	return static_branch_likely(&test_key_false) ? 1 : 0;
}

static noinline int probe_true_unlikely(void)
{
	return static_branch_unlikely(&test_key_true) ? 1 : 0;
}

static noinline int probe_true_likely(void)
{
	return static_branch_likely(&test_key_true) ? 1 : 0;
}

static noinline int probe_counted(void)
{
	return static_branch_unlikely(&test_key_counted) ? 1 : 0;
}

/* The control: a plain flag test, which must load the key. */
static noinline int probe_plain_flag(void)
{
	return static_key_enabled(&test_key_false) ? 1 : 0;
}

/* The key's sites (kernel/jump_label.c sorted them together). */
static unsigned int key_sites(struct static_key *key, struct jump_entry **first)
{
	struct jump_entry *e = key->entries;
	unsigned int n = 0;

	*first = e;
	while (e && (struct static_key *)(e[n].key & ~1UL) == key)
		n++;
	return n;
}

/* The site of @key inside the function at @fn, or NULL. */
static struct jump_entry *site_in(struct static_key *key, int (*fn)(void))
{
	unsigned long size, offset, start = (unsigned long)fn;
	struct jump_entry *e;
	unsigned int i, n = key_sites(key, &e);

	if (!kallsyms_lookup(start, &size, &offset) || offset)
		return NULL;
	for (i = 0; i < n; i++)
		if (e[i].code >= start && e[i].code < start + size)
			return &e[i];
	return NULL;
}

/* MOVW/MOVT Rd, #imm16 (ARM encoding A2): the 16-bit immediate. */
static bool movw_movt(u32 insn, u32 opcode, u16 *imm)
{
	if ((insn & 0x0ff00000) != opcode)
		return false;
	*imm = ((insn >> 4) & 0xf000) | (insn & 0x0fff);
	return true;
}

/*
 * Whether the function at @fn refers to @addr: a literal-pool word equal
 * to it, or a MOVW of its low half and a MOVT of its high half.
 */
static bool function_refers_to(int (*fn)(void), const void *addr)
{
	unsigned long size, offset, a = (unsigned long)addr;
	const u32 *insn = (const u32 *)fn;
	bool low = false, high = false;
	unsigned int i;
	u16 imm;

	if (!kallsyms_lookup((unsigned long)fn, &size, &offset))
		return true;
	for (i = 0; i < size / 4; i++) {
		if (insn[i] == a)
			return true;
		if (movw_movt(insn[i], 0x03000000, &imm) && imm == (a & 0xffff))
			low = true;
		if (movw_movt(insn[i], 0x03400000, &imm) && imm == (a >> 16))
			high = true;
	}
	return low && high;
}

static u32 site_insn(const struct jump_entry *e)
{
	return READ_ONCE(*(const u32 *)e->code);
}

static bool site_is_branch(const struct jump_entry *e)
{
	return site_insn(e) == arm_gen_branch(e->code, e->target);
}

/* The site is one instruction, a NOP or a B, and nothing else in the probe reads the key. */
static void jump_label_site_is_one_instruction(struct kunit *test)
{
	struct jump_entry *e = site_in(&test_key_false.key, probe_false_unlikely);
	unsigned long size, offset;

	KUNIT_ASSERT_NOT_NULL(test, e);
	KUNIT_EXPECT_EQ(test, site_insn(e), ARM_INSN_NOP);
	KUNIT_EXPECT_TRUE(test, e->code % JUMP_LABEL_INSN_SIZE == 0);
	KUNIT_ASSERT_NOT_NULL(test, kallsyms_lookup(e->target, &size, &offset));
	KUNIT_EXPECT_EQ(test, e->target - offset, (unsigned long)probe_false_unlikely);
	KUNIT_EXPECT_FALSE(test, function_refers_to(probe_false_unlikely, &test_key_false));
	KUNIT_EXPECT_FALSE(test, function_refers_to(probe_true_likely, &test_key_true));
	/* The check can fail: a plain flag test loads the key. */
	KUNIT_EXPECT_TRUE(test, function_refers_to(probe_plain_flag, &test_key_false));
}

struct probe_case {
	struct static_key *key;
	int (*probe)(void);
	bool initially_on;
	bool inverted;		/* static_branch_likely: branches while the key is off */
};

static int probe_on_cpu_result;

static void run_probe_here(void *fn)
{
	probe_on_cpu_result = ((int (*)(void))fn)();
}

/* @fn's result on every online CPU equals @want. */
static void expect_on_every_cpu(struct kunit *test, int (*fn)(void), int want)
{
	unsigned int cpu;

	for_each_online_cpu(cpu) {
		probe_on_cpu_result = -1;
		KUNIT_ASSERT_EQ(test, smp_call_function_single(cpu, run_probe_here, fn, 1), 0);
		KUNIT_EXPECT_TRUE_MSG(test, probe_on_cpu_result == want, "CPU%u: %d, expected %d",
				      cpu, probe_on_cpu_result, want);
	}
}

static void set_key(struct static_key *key, bool on)
{
	if (on)
		static_key_enable(key);
	else
		static_key_disable(key);
}

/* Both directions, several times, for each kind of key and hint; seen by every CPU. */
static void jump_label_patches_both_ways(struct kunit *test)
{
	const struct probe_case cases[] = {
		{ &test_key_false.key, probe_false_unlikely, false, false },
		{ &test_key_false.key, probe_false_likely, false, true },
		{ &test_key_true.key, probe_true_unlikely, true, false },
		{ &test_key_true.key, probe_true_likely, true, true },
	};
	unsigned int i, round;

	for (i = 0; i < ARRAY_SIZE(cases); i++) {
		const struct probe_case *c = &cases[i];
		struct jump_entry *e = site_in(c->key, c->probe);

		KUNIT_ASSERT_NOT_NULL(test, e);
		KUNIT_EXPECT_EQ(test, static_key_enabled(c->key), c->initially_on);
		KUNIT_EXPECT_EQ(test, c->probe(), c->initially_on);
		for (round = 0; round < 6; round++) {
			bool on = (round & 1) ? c->initially_on : !c->initially_on;

			set_key(c->key, on);
			KUNIT_EXPECT_EQ(test, static_key_enabled(c->key), on);
			KUNIT_EXPECT_TRUE_MSG(test, site_is_branch(e) == (on != c->inverted),
					      "case %u round %u: site %08x", i, round,
					      (unsigned int)site_insn(e));
			if (!site_is_branch(e))
				KUNIT_EXPECT_EQ(test, site_insn(e), ARM_INSN_NOP);
			expect_on_every_cpu(test, c->probe, on);
		}
		set_key(c->key, c->initially_on);
		KUNIT_EXPECT_EQ(test, c->probe(), c->initially_on);
	}
}

/* A counted key is on from the first increment to the last decrement. */
static void jump_label_counts(struct kunit *test)
{
	struct jump_entry *e = site_in(&test_key_counted.key, probe_counted);

	KUNIT_ASSERT_NOT_NULL(test, e);
	KUNIT_ASSERT_EQ(test, static_key_count(&test_key_counted.key), 0);
	static_branch_inc(&test_key_counted);
	static_branch_inc(&test_key_counted);
	KUNIT_EXPECT_EQ(test, static_key_count(&test_key_counted.key), 2);
	KUNIT_EXPECT_TRUE(test, site_is_branch(e));
	static_branch_dec(&test_key_counted);
	KUNIT_EXPECT_EQ(test, probe_counted(), 1);
	static_branch_dec(&test_key_counted);
	KUNIT_EXPECT_EQ(test, static_key_count(&test_key_counted.key), 0);
	KUNIT_EXPECT_EQ(test, site_insn(e), ARM_INSN_NOP);
	expect_on_every_cpu(test, probe_counted, 0);
}

static int stopped_fn(void *data)
{
	*(bool *)data = irqs_disabled();
	return 42;
}

/* stop_machine runs the function once, interrupts off, and returns its value. */
static void jump_label_stop_machine(struct kunit *test)
{
	bool irqs_off = false;

	KUNIT_EXPECT_EQ(test, stop_machine(stopped_fn, &irqs_off, NULL), 42);
	KUNIT_EXPECT_TRUE(test, irqs_off);
	KUNIT_EXPECT_FALSE(test, irqs_disabled());
}

static struct kunit_case jump_label_cases[] = {
	KUNIT_CASE(jump_label_site_is_one_instruction),
	KUNIT_CASE(jump_label_patches_both_ways),
	KUNIT_CASE(jump_label_counts),
	KUNIT_CASE(jump_label_stop_machine),
	{}
};

static struct kunit_suite jump_label_suite = {
	.name = "jump_label",
	.test_cases = jump_label_cases,
};
kunit_test_suite(jump_label_suite);
