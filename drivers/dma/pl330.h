/*
 * PL330 internals shared by the driver (pl330.c), its program builder
 * (pl330_prog.c) and their tests: registers, instruction encodings and the
 * builder's interface. The builder is plain C with no kernel dependencies,
 * so the host tests (tests/host/dma/test_pl330_prog.c) run it as it is.
 */
#ifndef _DRIVERS_DMA_PL330_H
#define _DRIVERS_DMA_PL330_H

#include <linux/types.h>

/* Registers (offsets from the controller's base). */
#define PL330_DSR         0x000		/* manager status; bit 9: manager non-secure */
#define PL330_DPC         0x004
#define PL330_INTEN       0x020		/* 1: event n raises the interrupt */
#define PL330_INT_EVENT_RIS 0x024
#define PL330_INTMIS      0x028		/* interrupts pending (enabled events that fired) */
#define PL330_INTCLR      0x02c
#define PL330_FSRD        0x030		/* bit 0: the manager faulted */
#define PL330_FSRC        0x034		/* bit n: channel n faulted */
#define PL330_FTRD        0x038		/* manager fault type */
#define PL330_FTR(n)      (0x040 + 4 * (n))
#define PL330_CSR(n)      (0x100 + 8 * (n))
#define PL330_CPC(n)      (0x104 + 8 * (n))
#define PL330_SAR(n)      (0x400 + 0x20 * (n))
#define PL330_DAR(n)      (0x404 + 0x20 * (n))
#define PL330_DBGSTATUS   0xd00		/* bit 0: debug interface busy */
#define PL330_DBGCMD      0xd04
#define PL330_DBGINST0    0xd08
#define PL330_DBGINST1    0xd0c
#define PL330_CR0         0xe00
#define PL330_CRD         0xe14
#define PL330_PERIPH_ID   0xfe0		/* four registers, one byte each */
#define PL330_PCELL_ID    0xff0

#define PL330_DSR_DNS     (1 << 9)
#define PL330_CSR_STATE(csr)  ((csr) & 0xf)
#define PL330_CSR_WAKEUP(csr) (((csr) >> 4) & 0x1f)
#define PL330_STATE_STOPPED   0
#define PL330_STATE_FAULT     15

/* Instructions. */
#define DMAEND     0x00
#define DMAKILL    0x01
#define DMALD      0x04		/* | 1: single, | 3: burst (conditional forms) */
#define DMAST      0x08
#define DMARMB     0x12
#define DMAWMB     0x13
#define DMANOP     0x18
#define DMALP      0x20		/* | lc << 1; then iterations - 1 */
#define DMALDPS    0x25
#define DMALDPB    0x27
#define DMALPEND   0x38		/* finite loop: | lc << 2; then the jump back */
#define DMASTPS    0x29
#define DMASTPB    0x2b
#define DMAWFPS    0x30
#define DMAWFPB    0x32
#define DMASEV     0x34		/* then event << 3 */
#define DMAFLUSHP  0x35		/* then peripheral << 3 */
#define DMAWFE     0x36		/* then event << 3 */
#define DMAGO      0xa0		/* | ns << 1; then channel, then the program's address */
#define DMAMOV     0xbc		/* then register, then imm32 */
#define MOV_SAR    0
#define MOV_CCR    1
#define MOV_DAR    2

/* Channel control register (CCR) fields. */
#define CCR_SRC_INC        (1U << 0)
#define CCR_SRC_SIZE(l2)   ((u32)(l2) << 1)		/* beat: 2^l2 bytes */
#define CCR_SRC_BURST(n)   ((u32)((n) - 1) << 4)	/* beats a burst, 1..16 */
#define CCR_SRC_PROT(p)    ((u32)(p) << 8)
#define CCR_DST_INC        (1U << 14)
#define CCR_DST_SIZE(l2)   ((u32)(l2) << 15)
#define CCR_DST_BURST(n)   ((u32)((n) - 1) << 18)
#define CCR_DST_PROT(p)    ((u32)(p) << 22)
#define CCR_PROT_PRIV      1
#define CCR_PROT_NS        2

#define PL330_MAX_BURST    16
#define PL330_MAX_PERI     32

/* Fault type bits (FTRn, FTRD). */
#define FT_UNDEF_INSTR     (1U << 0)
#define FT_OPERAND_INVALID (1U << 1)
#define FT_DMAGO_ERR       (1U << 4)
#define FT_EVENT_ERR       (1U << 5)
#define FT_PERIPH_ERR      (1U << 6)
#define FT_RDWR_ERR        (1U << 7)
#define FT_MFIFO_ERR       (1U << 12)
#define FT_ST_DATA_UNAVAIL (1U << 13)
#define FT_INSTR_FETCH_ERR (1U << 16)
#define FT_DATA_WRITE_ERR  (1U << 17)
#define FT_DATA_READ_ERR   (1U << 18)
#define FT_DBG_INSTR       (1U << 30)
#define FT_LOCKUP_ERR      (1U << 31)

/* What a program is built for. */
enum pl330_xfer_kind { PL330_MEM_TO_MEM, PL330_MEM_TO_DEV, PL330_DEV_TO_MEM };

struct pl330_prog_cfg {
	unsigned int bus_bytes;		/* AXI data width: 4 or 8 */
	unsigned int burst_bytes;	/* most bytes one burst may move (the MFIFO share) */
	bool barriers;			/* r0p0: DMARMB/DMAWMB around memory-to-memory bursts */
	bool nonsecure;			/* channel runs non-secure: AXI prot NS */
	enum pl330_xfer_kind kind;
	/* Slave transfers: */
	unsigned int peri;		/* peripheral request number */
	unsigned int dev_width;		/* bytes a beat at the device: 1, 2, 4, 8 */
	unsigned int dev_burst;		/* beats a peripheral request: 1..16 */
};

/* A program being written into @buf (NULL: only count its length). */
struct pl330_prog {
	u8 *buf;
	unsigned int size;		/* bytes available */
	unsigned int len;		/* bytes written (or needed) so far */
};

static inline void pl330_prog_init(struct pl330_prog *p, u8 *buf, unsigned int size)
{
	p->buf = buf;
	p->size = size;
	p->len = 0;
}

/* True if the program fitted. */
static inline bool pl330_prog_ok(const struct pl330_prog *p)
{
	return p->len <= p->size;
}

/*
 * Append the moves of one segment: @len bytes from @src to @dst (bus
 * addresses). Memory to memory takes any length and alignment; slave
 * transfers need @len and the memory address to be multiples of
 * dev_width. Returns false (appending nothing) for a segment it cannot
 * build.
 */
bool pl330_gen_segment(struct pl330_prog *p, const struct pl330_prog_cfg *cfg,
		       u32 src, u32 dst, u32 len);
/* Append DMASEV @event, DMAEND. */
void pl330_gen_end(struct pl330_prog *p, unsigned int event);

/* Single instructions, for the driver's debug-interface commands and the fault tests. */
void pl330_emit(struct pl330_prog *p, const u8 *insn, unsigned int n);
void pl330_emit_wfe(struct pl330_prog *p, unsigned int event);

#endif
