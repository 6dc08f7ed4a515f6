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

/*
 * The ioread/iowrite family (Linux's lib/iomap.c interface): on ARM they are
 * readX/writeX, little-endian, ordered; the be variants swap bytes; the _rep
 * ones move @count items to or from one register (a FIFO).
 */
static inline u8  ioread8(const volatile void __iomem *a)  { return readb(a); }
static inline u16 ioread16(const volatile void __iomem *a) { return readw(a); }
static inline u32 ioread32(const volatile void __iomem *a) { return readl(a); }
static inline u16 ioread16be(const volatile void __iomem *a) { return __builtin_bswap16(readw(a)); }
static inline u32 ioread32be(const volatile void __iomem *a) { return __builtin_bswap32(readl(a)); }
static inline void iowrite8(u8 v, volatile void __iomem *a)   { writeb(v, a); }
static inline void iowrite16(u16 v, volatile void __iomem *a) { writew(v, a); }
static inline void iowrite32(u32 v, volatile void __iomem *a) { writel(v, a); }
static inline void iowrite16be(u16 v, volatile void __iomem *a) { writew(__builtin_bswap16(v), a); }
static inline void iowrite32be(u32 v, volatile void __iomem *a) { writel(__builtin_bswap32(v), a); }

static inline void ioread8_rep(const volatile void __iomem *a, void *buf, unsigned long count)
{
	for (u8 *p = buf; count--; )
		*p++ = readb(a);
}

static inline void ioread32_rep(const volatile void __iomem *a, void *buf, unsigned long count)
{
	for (u32 *p = buf; count--; )
		*p++ = readl(a);
}

static inline void iowrite8_rep(volatile void __iomem *a, const void *buf, unsigned long count)
{
	for (const u8 *p = buf; count--; )
		writeb(*p++, a);
}

static inline void iowrite32_rep(volatile void __iomem *a, const void *buf, unsigned long count)
{
	for (const u32 *p = buf; count--; )
		writel(*p++, a);
}

/* Bulk copies to and from device memory, byte by byte (devices may not take wider accesses). */
static inline void memcpy_fromio(void *dst, const volatile void __iomem *src, size_t n)
{
	for (size_t i = 0; i < n; i++)
		((u8 *)dst)[i] = __raw_readb(src + i);
	rmb();
}

static inline void memcpy_toio(volatile void __iomem *dst, const void *src, size_t n)
{
	wmb();
	for (size_t i = 0; i < n; i++)
		__raw_writeb(((const u8 *)src)[i], dst + i);
}

static inline void memset_io(volatile void __iomem *dst, int c, size_t n)
{
	wmb();
	for (size_t i = 0; i < n; i++)
		__raw_writeb((u8)c, dst + i);
}

/*
 * Device mappings (mm/ioremap.c): ioremap and ioremap_nocache both give
 * Device memory, as on ARM Linux 3.x; ioremap refuses RAM the kernel manages.
 */
void __iomem *ioremap(phys_addr_t phys, size_t size);
void __iomem *ioremap_nocache(phys_addr_t phys, size_t size);
void iounmap(volatile void __iomem *addr);

#endif
