/* ARMv7 short-descriptor translation table formats (no LPAE). */
#ifndef _ASM_PGTABLE_HWDEF_H
#define _ASM_PGTABLE_HWDEF_H

/* First level: 4096 entries of 1 MiB, 16 KiB table. */
#define PMD_TYPE_FAULT     0x0
#define PMD_TYPE_TABLE     0x1
#define PMD_TYPE_SECT      0x2
#define PMD_BIT4           (1 << 4)
#define PMD_SECT_B         (1 << 2)
#define PMD_SECT_C         (1 << 3)
#define PMD_SECT_XN        (1 << 4)
#define PMD_SECT_AP_WRITE  (1 << 10)	/* AP[0]: with AP[1]=0, privileged RW */
#define PMD_SECT_AP_READ   (1 << 11)	/* AP[1]: user access */
#define PMD_SECT_TEX(x)    ((x) << 12)
#define PMD_SECT_APX       (1 << 15)	/* AP[2]: read-only */
#define PMD_SECT_S         (1 << 16)
#define PMD_SECT_nG        (1 << 17)
#define PMD_SECT_PXN       (1 << 0)	/* not on Cortex-A9: leave clear */
#define PMD_DOMAIN(d)      ((d) << 5)

/* Normal memory, write-back write-allocate, shareable: TEX=001 C=1 B=1. */
#define PMD_SECT_WBWA      (PMD_SECT_TEX(1) | PMD_SECT_C | PMD_SECT_B | PMD_SECT_S)
/* Device memory, shareable: TEX=000 C=0 B=1. */
#define PMD_SECT_DEVICE    (PMD_SECT_B)
/* Strongly ordered: TEX=000 C=0 B=0. */
#define PMD_SECT_SO        0

/* Second level: 256 entries of 4 KiB small pages, 1 KiB table. */
#define PTE_TYPE_FAULT     0x0
#define PTE_TYPE_SMALL     0x2
#define PTE_SMALL_XN       (1 << 0)
#define PTE_B              (1 << 2)
#define PTE_C              (1 << 3)
#define PTE_AP_WRITE       (1 << 4)	/* AP[0] */
#define PTE_AP_READ        (1 << 5)	/* AP[1] */
#define PTE_TEX(x)         ((x) << 6)
#define PTE_APX            (1 << 9)	/* AP[2] */
#define PTE_S              (1 << 10)
#define PTE_nG             (1 << 11)

#define PTE_WBWA           (PTE_TEX(1) | PTE_C | PTE_B | PTE_S)
#define PTE_DEVICE         (PTE_B)
#define PTE_SO             0
/* Normal non-cacheable (for coherent DMA buffers): TEX=001 C=0 B=0. */
#define PTE_UNCACHED       (PTE_TEX(1) | PTE_S)

/* TTBR0 walk attributes for SMP: inner/outer WBWA, shareable. */
#define TTB_FLAGS_SMP      ((1 << 6) | (1 << 5) | (1 << 3) | (1 << 1))

#define SECTION_SHIFT      20
#define SECTION_SIZE       (1UL << SECTION_SHIFT)
#define PTRS_PER_PGD       4096
#define PTRS_PER_PTE       256
#define PTE_TABLE_SIZE     (PTRS_PER_PTE * sizeof(u32))	/* 1 KiB */
#define PMD_TYPE_MASK      0x3
#define PMD_TABLE_ADDR     (~(PTE_TABLE_SIZE - 1))		/* a table descriptor's address bits */

#endif
