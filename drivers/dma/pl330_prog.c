/*
 * PL330 microcode for one transfer segment (drivers/dma/pl330.h).
 *
 * Memory to memory, any length and alignment. Beats are as wide as the
 * bus allows for this source/destination pair: the largest power of two
 * (up to the bus width) that divides src - dst, because one beat reads and
 * writes the same number of bytes only when both ends are equally
 * misaligned. The segment is then cut in up to four parts, each with its
 * own DMAMOV CCR:
 *   head      single bytes until both ends are beat-aligned (< one beat);
 *   bursts    full bursts of beats, repeated by loops;
 *   remainder one shorter burst of the beats left over;
 *   tail      single bytes after the last whole beat.
 * A burst moves at most cfg->burst_bytes (the channel's share of the
 * MFIFO: the data has to fit in it between the DMALD and the DMAST) and at
 * most 16 beats (the CCR's 4-bit burst length).
 *
 * Loops: DMALP counts to 256 and DMALPEND jumps back 255 bytes at most, so
 * a count above 511 becomes an outer loop (lc1, up to 256) around an inner
 * one (lc0, 256), repeated as often as needed, plus a plain loop for the
 * rest. On r0p0 (no lock-up-free MFIFO) a DMARMB follows each DMALD and a
 * DMAWMB each DMAST, as its errata require.
 *
 * Slave transfers move dev_width-byte beats between memory and a fixed
 * device register, each burst (or single beat) after the peripheral asks
 * for it: DMAFLUSHP first (forget stale requests), then DMAWFP / DMALD /
 * DMASTP (to the device) or DMAWFP / DMALDP / DMAST (from it).
 */
#include "pl330.h"
#include <string.h>

struct body {
	u8 insn[8];
	unsigned int n;
};

void pl330_emit(struct pl330_prog *p, const u8 *insn, unsigned int n)
{
	if (p->buf && p->len + n <= p->size)
		memcpy(p->buf + p->len, insn, n);
	p->len += n;
}

static void emit2(struct pl330_prog *p, u8 a, u8 b)
{
	u8 insn[2] = { a, b };

	pl330_emit(p, insn, 2);
}

static void emit_mov(struct pl330_prog *p, unsigned int rd, u32 val)
{
	u8 insn[6] = { DMAMOV, (u8)rd, (u8)val, (u8)(val >> 8), (u8)(val >> 16), (u8)(val >> 24) };

	pl330_emit(p, insn, 6);
}

void pl330_emit_wfe(struct pl330_prog *p, unsigned int event)
{
	emit2(p, DMAWFE, (u8)(event << 3));
}

/* DMALPEND back to @start, the first instruction of the loop body. */
static void emit_lpend(struct pl330_prog *p, unsigned int lc, unsigned int start)
{
	emit2(p, (u8)(DMALPEND | lc << 2), (u8)(p->len - start));
}

/* @count runs of @b (bodies are a few bytes: every jump fits in 8 bits). */
static void emit_times(struct pl330_prog *p, const struct body *b, u32 count)
{
	unsigned int start0, start1;

	while (count) {
		if (count >= 2 * 256) {
			u32 outer = count / 256 < 256 ? count / 256 : 256;

			emit2(p, DMALP | 1 << 1, (u8)(outer - 1));
			start1 = p->len;
			emit2(p, DMALP, 255);
			start0 = p->len;
			pl330_emit(p, b->insn, b->n);
			emit_lpend(p, 0, start0);
			emit_lpend(p, 1, start1);
			count -= outer * 256;
		} else if (count > 1) {
			u32 n = count < 256 ? count : 256;

			emit2(p, DMALP, (u8)(n - 1));
			start0 = p->len;
			pl330_emit(p, b->insn, b->n);
			emit_lpend(p, 0, start0);
			count -= n;
		} else {
			pl330_emit(p, b->insn, b->n);
			count = 0;
		}
	}
}

static unsigned int log2_of(unsigned int bytes)
{
	return bytes >= 8 ? 3 : bytes >= 4 ? 2 : bytes >= 2 ? 1 : 0;
}

static u32 ccr_prot(const struct pl330_prog_cfg *cfg)
{
	u32 prot = CCR_PROT_PRIV | (cfg->nonsecure ? CCR_PROT_NS : 0);

	return CCR_SRC_PROT(prot) | CCR_DST_PROT(prot);
}

/* CCR for beats of @beat bytes, @burst beats a burst; memory ends increment. */
static u32 ccr(const struct pl330_prog_cfg *cfg, unsigned int beat, unsigned int burst)
{
	u32 v = CCR_SRC_SIZE(log2_of(beat)) | CCR_SRC_BURST(burst) |
		CCR_DST_SIZE(log2_of(beat)) | CCR_DST_BURST(burst) | ccr_prot(cfg);

	if (cfg->kind != PL330_DEV_TO_MEM)
		v |= CCR_SRC_INC;
	if (cfg->kind != PL330_MEM_TO_DEV)
		v |= CCR_DST_INC;
	return v;
}

/* @count runs of @b, each moving @burst beats of @beat bytes. */
static void mem_part(struct pl330_prog *p, const struct pl330_prog_cfg *cfg,
		     const struct body *b, unsigned int beat, unsigned int burst, u32 count)
{
	emit_mov(p, MOV_CCR, ccr(cfg, beat, burst));
	emit_times(p, b, count);
}

static void gen_memcpy(struct pl330_prog *p, const struct pl330_prog_cfg *cfg,
		       u32 src, u32 dst, u32 len)
{
	struct body b = { .n = 0 };
	unsigned int beat = cfg->bus_bytes, per_burst;
	u32 head, rest;

	b.insn[b.n++] = DMALD;
	if (cfg->barriers)
		b.insn[b.n++] = DMARMB;
	b.insn[b.n++] = DMAST;
	if (cfg->barriers)
		b.insn[b.n++] = DMAWMB;

	while (beat > 1 && ((src ^ dst) & (beat - 1)))
		beat >>= 1;
	head = (beat - (src & (beat - 1))) & (beat - 1);
	if (head > len)
		head = len;
	rest = len - head;
	per_burst = cfg->burst_bytes / beat;
	if (per_burst > PL330_MAX_BURST)
		per_burst = PL330_MAX_BURST;
	if (!per_burst)
		per_burst = 1;

	if (head)
		mem_part(p, cfg, &b, 1, head, 1);
	if (rest >= beat * per_burst)
		mem_part(p, cfg, &b, beat, per_burst, rest / (beat * per_burst));
	rest %= beat * per_burst;
	if (rest / beat)
		mem_part(p, cfg, &b, beat, rest / beat, 1);
	if (rest % beat)
		mem_part(p, cfg, &b, 1, rest % beat, 1);
}

static void slave_body(struct body *b, const struct pl330_prog_cfg *cfg, bool burst)
{
	u8 peri = (u8)(cfg->peri << 3);

	b->n = 0;
	b->insn[b->n++] = burst ? DMAWFPB : DMAWFPS;
	b->insn[b->n++] = peri;
	if (cfg->kind == PL330_MEM_TO_DEV) {
		b->insn[b->n++] = DMALD;
		b->insn[b->n++] = burst ? DMASTPB : DMASTPS;
		b->insn[b->n++] = peri;
	} else {
		b->insn[b->n++] = burst ? DMALDPB : DMALDPS;
		b->insn[b->n++] = peri;
		b->insn[b->n++] = DMAST;
	}
}

static bool gen_slave(struct pl330_prog *p, const struct pl330_prog_cfg *cfg,
		      u32 src, u32 dst, u32 len)
{
	unsigned int w = cfg->dev_width, burst = cfg->dev_burst;
	u32 mem = cfg->kind == PL330_MEM_TO_DEV ? src : dst, beats;
	struct body b;

	if (!w || (w & (w - 1)) || w > cfg->bus_bytes || len % w || mem % w ||
	    !burst || burst > PL330_MAX_BURST || cfg->peri >= PL330_MAX_PERI)
		return false;
	emit_mov(p, MOV_SAR, src);
	emit_mov(p, MOV_DAR, dst);
	emit2(p, DMAFLUSHP, (u8)(cfg->peri << 3));
	beats = len / w;
	if (burst > 1 && beats >= burst) {
		slave_body(&b, cfg, true);
		mem_part(p, cfg, &b, w, burst, beats / burst);
		beats %= burst;
	}
	if (beats) {
		slave_body(&b, cfg, false);
		mem_part(p, cfg, &b, w, 1, beats);
	}
	return true;
}

bool pl330_gen_segment(struct pl330_prog *p, const struct pl330_prog_cfg *cfg,
		       u32 src, u32 dst, u32 len)
{
	if (!len)
		return false;
	if (cfg->kind != PL330_MEM_TO_MEM)
		return gen_slave(p, cfg, src, dst, len);
	emit_mov(p, MOV_SAR, src);
	emit_mov(p, MOV_DAR, dst);
	gen_memcpy(p, cfg, src, dst, len);
	return true;
}

void pl330_gen_end(struct pl330_prog *p, unsigned int event)
{
	emit2(p, DMASEV, (u8)(event << 3));
	pl330_emit(p, (const u8[]){ DMAEND }, 1);
}
