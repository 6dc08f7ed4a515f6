/*
 * Host tests of the PL330 program builder (drivers/dma/pl330_prog.c): each
 * generated program runs on a small PL330 channel interpreter written from
 * the TRM's rules, stricter than the hardware where the builder promises
 * more: every beat must be aligned to its size, a burst must fit the
 * channel's MFIFO share and the CCR's 16 beats, a DMAST must find its
 * data in the FIFO, the FIFO must be empty at DMAEND, the program must fit
 * its buffer and end. Memory copies are checked byte for byte (and that
 * nothing around the destination changed) over every small length and
 * alignment and thousands of random large ones; slave programs are run
 * against a model peripheral register.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "../../../drivers/dma/pl330.h"

#define MEM_SIZE   (2u << 20)		/* the model's memory, bus address 0 */
#define DEV_REG    (MEM_SIZE - 64)	/* a peripheral data register */
#define PROG_SIZE  1024
#define MAX_STEPS  (64u << 20)

struct model {
	u8 *mem;
	u32 sar, dar, ccr, lc[2];
	u8 fifo[256];
	unsigned int fifo_len;
	bool burst_req;			/* DMAWFP B (true) or S */
	unsigned int events;
	/* The peripheral register: what was stored there, what loads return. */
	u8 dev_out[1 << 16];
	unsigned int dev_out_len, dev_in_next;
	unsigned int burst_bytes;
	u32 wrote_lo, wrote_hi;		/* memory bytes written: [lo, hi) */
	char fault[128];
};

static u8 pattern(u32 addr)
{
	return (u8)(addr * 131 + 17);
}

static bool fault(struct model *m, const char *why)
{
	if (!m->fault[0])
		snprintf(m->fault, sizeof(m->fault), "%s", why);
	return false;
}

static bool is_dev(u32 a)
{
	return a >= DEV_REG && a < DEV_REG + 8;
}

/* One DMALD or DMAST of the CCR's burst (or of one beat): false on a fault. */
static bool xfer(struct model *m, bool load, bool single)
{
	unsigned int shift = load ? 1 : 15, size_l2 = (m->ccr >> shift) & 7;
	unsigned int beats = single ? 1 : ((m->ccr >> (load ? 4 : 18)) & 0xf) + 1;
	bool inc = m->ccr & (load ? CCR_SRC_INC : CCR_DST_INC);
	u32 *addr = load ? &m->sar : &m->dar, size = 1u << size_l2, i, b;

	if (beats * size > m->burst_bytes && beats > 1)
		return fault(m, "burst larger than the channel's MFIFO share");
	if (*addr & (size - 1))
		return fault(m, "unaligned beat");
	for (b = 0; b < beats; b++) {
		if (!is_dev(*addr) && *addr + size > DEV_REG)
			return fault(m, "address beyond memory");
		if (load) {
			if (m->fifo_len + size > sizeof(m->fifo))
				return fault(m, "MFIFO overflow");
			for (i = 0; i < size; i++)
				m->fifo[m->fifo_len++] = is_dev(*addr) ? (u8)(m->dev_in_next++ * 7 + 1)
								       : m->mem[*addr + i];
		} else {
			if (m->fifo_len < size)
				return fault(m, "store data unavailable (FIFO empty)");
			for (i = 0; i < size; i++) {
				if (is_dev(*addr)) {
					m->dev_out[m->dev_out_len++] = m->fifo[i];
					continue;
				}
				m->mem[*addr + i] = m->fifo[i];
				if (*addr + i < m->wrote_lo)
					m->wrote_lo = *addr + i;
				if (*addr + i + 1 > m->wrote_hi)
					m->wrote_hi = *addr + i + 1;
			}
			memmove(m->fifo, m->fifo + size, m->fifo_len - size);
			m->fifo_len -= size;
		}
		if (inc)
			*addr += size;
	}
	return true;
}

/* Run a program; true if it reached DMAEND cleanly. */
static bool run(struct model *m, const u8 *prog, unsigned int len)
{
	unsigned int pc = 0, steps = 0;

	while (steps++ < MAX_STEPS) {
		u8 op;

		if (pc >= len)
			return fault(m, "ran off the end of the program");
		op = prog[pc];
		if (op == DMAEND) {
			if (m->fifo_len)
				return fault(m, "data left in the MFIFO at DMAEND");
			return true;
		} else if (op == DMAMOV) {
			u32 v = prog[pc + 2] | prog[pc + 3] << 8 | prog[pc + 4] << 16 |
				(u32)prog[pc + 5] << 24;

			if (prog[pc + 1] == MOV_SAR)
				m->sar = v;
			else if (prog[pc + 1] == MOV_DAR)
				m->dar = v;
			else if (prog[pc + 1] == MOV_CCR)
				m->ccr = v;
			else
				return fault(m, "DMAMOV to a bad register");
			pc += 6;
		} else if (op == DMALD || op == DMAST) {
			if (!xfer(m, op == DMALD, false))
				return false;
			pc++;
		} else if (op == DMARMB || op == DMAWMB || op == DMANOP) {
			pc++;
		} else if ((op & ~2) == DMALP) {
			m->lc[(op >> 1) & 1] = prog[pc + 1];
			pc += 2;
		} else if ((op & ~4) == DMALPEND) {
			unsigned int lc = (op >> 2) & 1;

			if (m->lc[lc]) {
				m->lc[lc]--;
				if (prog[pc + 1] == 0 || prog[pc + 1] > pc)
					return fault(m, "bad DMALPEND jump");
				pc -= prog[pc + 1];
			} else {
				pc += 2;
			}
		} else if (op == DMAWFPS || op == DMAWFPB) {
			m->burst_req = op == DMAWFPB;
			pc += 2;
		} else if (op == DMALDPS || op == DMALDPB || op == DMASTPS || op == DMASTPB) {
			bool single = op == DMALDPS || op == DMASTPS;

			/* The conditional forms run only for the request type DMAWFP saw. */
			if (single != m->burst_req &&
			    !xfer(m, op == DMALDPS || op == DMALDPB, single))
				return false;
			pc += 2;
		} else if (op == DMAFLUSHP) {
			pc += 2;
		} else if (op == DMASEV) {
			m->events |= 1u << (prog[pc + 1] >> 3);
			pc += 2;
		} else {
			return fault(m, "undefined instruction");
		}
	}
	return fault(m, "does not end");
}

static u8 *memory;	/* MEM_SIZE bytes of pattern(), shared by every run */

/* A channel at reset over the shared memory (which holds the pattern). */
static struct model *model_new(unsigned int burst_bytes)
{
	struct model *m = calloc(1, sizeof(*m));
	u32 i;

	if (!memory) {
		memory = malloc(MEM_SIZE);
		for (i = 0; i < MEM_SIZE; i++)
			memory[i] = pattern(i);
	}
	m->mem = memory;
	m->burst_bytes = burst_bytes;
	m->wrote_lo = ~0u;
	return m;
}

/* Put the pattern back where the run wrote. */
static void model_free(struct model *m)
{
	u32 i;

	for (i = m->wrote_lo; i < m->wrote_hi; i++)
		m->mem[i] = pattern(i);
	free(m);
}

static const struct pl330_prog_cfg pdma = { .bus_bytes = 4, .burst_bytes = 16 };
static const struct pl330_prog_cfg mdma = { .bus_bytes = 8, .burst_bytes = 64 };

/* Build and run a copy; check what was written (all of dst, nothing else) and how. */
static void check_copy(const struct pl330_prog_cfg *cfg, u32 src, u32 dst, u32 len)
{
	struct model *m = model_new(cfg->burst_bytes);
	u8 prog[PROG_SIZE];
	struct pl330_prog p;
	u32 i;

	pl330_prog_init(&p, prog, sizeof(prog));
	assert_true(pl330_gen_segment(&p, cfg, src, dst, len));
	pl330_gen_end(&p, 5);
	if (!pl330_prog_ok(&p))
		fail_msg("program of %u bytes does not fit (src %#x dst %#x len %u)", p.len, src, dst, len);
	if (!run(m, prog, p.len))
		fail_msg("%s (src %#x dst %#x len %u)", m->fault, src, dst, len);
	assert_int_equal(m->events, 1u << 5);
	if (m->wrote_lo != dst || m->wrote_hi != dst + len)
		fail_msg("wrote [%#x, %#x), want [%#x, %#x)", m->wrote_lo, m->wrote_hi, dst, dst + len);
	for (i = 0; i < len; i++)
		if (m->mem[dst + i] != pattern(src + i))
			fail_msg("byte %u is %#x, want %#x (src %#x dst %#x len %u)", i,
				 m->mem[dst + i], pattern(src + i), src, dst, len);
	model_free(m);
}

static void copy_every_small_alignment(void **state)
{
	u32 so, d, len;

	for (so = 0; so < 8; so++)
		for (d = 0; d < 8; d++)
			for (len = 1; len <= 200; len += (len < 40 ? 1 : 13)) {
				check_copy(&pdma, 0x1000 + so, 0x9000 + d, len);
				check_copy(&mdma, 0x1000 + so, 0x9000 + d, len);
			}
}

static void copy_with_r0p0_barriers(void **state)
{
	struct pl330_prog_cfg cfg = pdma;
	u8 prog[PROG_SIZE];
	struct pl330_prog p;
	unsigned int i, rmb = 0;

	cfg.barriers = true;
	check_copy(&cfg, 0x100, 0x40000, 70001);
	pl330_prog_init(&p, prog, sizeof(prog));
	pl330_gen_segment(&p, &cfg, 0x100, 0x40000, 64);
	for (i = 0; i < p.len; i++)
		rmb += prog[i] == DMARMB;
	assert_true(rmb > 0);
}

static void copy_large_and_random(void **state)
{
	unsigned int i;

	srand(330);
	check_copy(&pdma, 0, 0x100000, 0x100000 - 64);	/* ~1 MiB, nested loops */
	check_copy(&mdma, 3, 0x100005, 0xfff00);
	for (i = 0; i < 300; i++) {
		u32 len = 1 + (u32)rand() % (i < 200 ? 5000 : 300000);
		u32 src = (u32)rand() % (0x100000 - len);
		u32 dst = 0x100000 + (u32)rand() % (0x100000 - 64 - len);

		check_copy(i & 1 ? &mdma : &pdma, src, dst, len);
	}
}

/* The largest copies the driver accepts still fit the program buffer. */
static void program_size_is_bounded(void **state)
{
	struct pl330_prog_cfg cfg = pdma;
	struct pl330_prog p;

	cfg.barriers = true;
	pl330_prog_init(&p, NULL, PROG_SIZE);
	assert_true(pl330_gen_segment(&p, &cfg, 1, 2, 32u << 20));
	pl330_gen_end(&p, 0);
	assert_true(pl330_prog_ok(&p));
	assert_in_range(p.len, 1, PROG_SIZE / 2);	/* 32 MiB in 16-byte bursts: 2^21 of them */
}

static void slave_to_device(void **state)
{
	static const unsigned int widths[] = { 1, 2, 4 }, bursts[] = { 1, 4, 16 };
	unsigned int wi, bi, len;

	for (wi = 0; wi < 3; wi++)
		for (bi = 0; bi < 3; bi++)
			for (len = widths[wi]; len < 3000; len = len * 3 + widths[wi]) {
				struct pl330_prog_cfg cfg = pdma;
				struct model *m = model_new(cfg.burst_bytes);
				u8 prog[PROG_SIZE];
				struct pl330_prog p;

				cfg.kind = PL330_MEM_TO_DEV;
				cfg.peri = 16;
				cfg.dev_width = widths[wi];
				cfg.dev_burst = bursts[bi] * widths[wi] <= 16 ? bursts[bi] : 1;
				len -= len % widths[wi];
				pl330_prog_init(&p, prog, sizeof(prog));
				assert_true(pl330_gen_segment(&p, &cfg, 0x2000, DEV_REG, len));
				pl330_gen_end(&p, 1);
				assert_true(pl330_prog_ok(&p));
				if (!run(m, prog, p.len))
					fail_msg("%s (width %u burst %u len %u)", m->fault, cfg.dev_width,
						 cfg.dev_burst, len);
				assert_int_equal(m->dev_out_len, len);
				assert_memory_equal(m->dev_out, m->mem + 0x2000, len);
				model_free(m);
			}
}

static void slave_from_device(void **state)
{
	struct pl330_prog_cfg cfg = pdma;
	struct model *m = model_new(cfg.burst_bytes);
	u8 prog[PROG_SIZE];
	struct pl330_prog p;
	unsigned int i, len = 1001;

	cfg.kind = PL330_DEV_TO_MEM;
	cfg.peri = 15;
	cfg.dev_width = 1;
	cfg.dev_burst = 8;
	pl330_prog_init(&p, prog, sizeof(prog));
	assert_true(pl330_gen_segment(&p, &cfg, DEV_REG, 0x3000, len));
	pl330_gen_end(&p, 2);
	assert_true(run(m, prog, p.len));
	for (i = 0; i < len; i++)
		assert_int_equal(m->mem[0x3000 + i], (u8)(i * 7 + 1));
	assert_int_equal(m->wrote_hi, 0x3000 + len);
	model_free(m);
}

static void slave_refuses_what_it_cannot_do(void **state)
{
	struct pl330_prog_cfg cfg = pdma;
	struct pl330_prog p;

	cfg.kind = PL330_MEM_TO_DEV;
	cfg.peri = 3;
	cfg.dev_width = 4;
	cfg.dev_burst = 1;
	pl330_prog_init(&p, NULL, PROG_SIZE);
	assert_false(pl330_gen_segment(&p, &cfg, 0x2000, DEV_REG, 6));	/* not whole beats */
	assert_false(pl330_gen_segment(&p, &cfg, 0x2002, DEV_REG, 8));	/* misaligned memory */
	cfg.dev_width = 8;
	assert_false(pl330_gen_segment(&p, &cfg, 0x2000, DEV_REG, 8));	/* wider than the bus */
	cfg.dev_width = 4;
	cfg.peri = 32;
	assert_false(pl330_gen_segment(&p, &cfg, 0x2000, DEV_REG, 8));
	assert_false(pl330_gen_segment(&p, &pdma, 0, 4, 0));		/* empty */
	assert_int_equal(p.len, 0);
}

/* The interpreter itself must catch what the builder promises to avoid. */
static void model_catches_bad_programs(void **state)
{
	struct model *m = model_new(16);
	/* One byte short in the DMALPEND jump: the hardware's FIFO-empty fault. */
	u8 bad_loop[] = { DMAMOV, MOV_CCR, 0x05, 0x40, 0x01, 0x00,	/* 4-byte beats, inc */
			  DMALP, 3, DMALD, DMAST, DMALPEND, 1, DMAEND };
	u8 unaligned[] = { DMAMOV, MOV_SAR, 2, 0, 0, 0, DMAMOV, MOV_CCR, 0x05, 0x40, 0x01, 0,
			   DMALD, DMAST, DMAEND };

	assert_false(run(m, bad_loop, sizeof(bad_loop)));
	assert_string_equal(m->fault, "store data unavailable (FIFO empty)");
	model_free(m);
	m = model_new(16);
	assert_false(run(m, unaligned, sizeof(unaligned)));
	assert_string_equal(m->fault, "unaligned beat");
	model_free(m);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(model_catches_bad_programs),
		cmocka_unit_test(copy_every_small_alignment),
		cmocka_unit_test(copy_with_r0p0_barriers),
		cmocka_unit_test(copy_large_and_random),
		cmocka_unit_test(program_size_is_bounded),
		cmocka_unit_test(slave_to_device),
		cmocka_unit_test(slave_from_device),
		cmocka_unit_test(slave_refuses_what_it_cannot_do),
	};

	return cmocka_run_group_tests_name("pl330_prog", tests, NULL, NULL);
}
