/*
 * MMIO accessors (Linux names). readl/writel order against normal memory
 * (a barrier before the write, after the read), as drivers expect; the
 * _relaxed forms do not. ioremap() lives in mm/vmalloc.c.
 */
#ifndef _LINUX_IO_H
#define _LINUX_IO_H

#include <linux/types.h>
#include <asm/barrier.h>

static inline u32 __raw_readl(const volatile void __iomem *a) { return *(const volatile u32 __force *)a; }
static inline u16 __raw_readw(const volatile void __iomem *a) { return *(const volatile u16 __force *)a; }
static inline u8  __raw_readb(const volatile void __iomem *a) { return *(const volatile u8 __force *)a; }
static inline void __raw_writel(u32 v, volatile void __iomem *a) { *(volatile u32 __force *)a = v; }
static inline void __raw_writew(u16 v, volatile void __iomem *a) { *(volatile u16 __force *)a = v; }
static inline void __raw_writeb(u8 v, volatile void __iomem *a)  { *(volatile u8 __force *)a = v; }

#define readl_relaxed(a)     __raw_readl(a)
#define readw_relaxed(a)     __raw_readw(a)
#define readb_relaxed(a)     __raw_readb(a)
#define writel_relaxed(v, a) __raw_writel(v, a)
#define writew_relaxed(v, a) __raw_writew(v, a)
#define writeb_relaxed(v, a) __raw_writeb(v, a)

#define readl(a)     ({ u32 __v = __raw_readl(a); rmb(); __v; })
#define readw(a)     ({ u16 __v = __raw_readw(a); rmb(); __v; })
#define readb(a)     ({ u8 __v = __raw_readb(a); rmb(); __v; })
#define writel(v, a) do { wmb(); __raw_writel(v, a); } while (0)
#define writew(v, a) do { wmb(); __raw_writew(v, a); } while (0)
#define writeb(v, a) do { wmb(); __raw_writeb(v, a); } while (0)

void __iomem *ioremap(phys_addr_t phys, size_t size);
void __iomem *ioremap_nocache(phys_addr_t phys, size_t size);
void iounmap(volatile void __iomem *addr);

#endif
