/*
 * Page size and the linear map (Linux/ARM's <asm/page.h>): PAGE_SHIFT,
 * PAGE_SIZE, PAGE_MASK, PAGE_OFFSET, __pa/__va and virt_to_phys (from
 * asm/memory.h), clear_page and copy_page, and - through <linux/mm.h>,
 * where Mica keeps them - get_order, virt_to_page and page_to_phys.
 * 4 KiB pages, no LPAE.
 */
#ifndef _ASM_PAGE_H
#define _ASM_PAGE_H

#include <asm/memory.h>

#ifndef __ASSEMBLER__
#include <string.h>
#include <linux/mm.h>

static inline void clear_page(void *page)
{
	memset(page, 0, PAGE_SIZE);
}

static inline void copy_page(void *to, const void *from)
{
	memcpy(to, from, PAGE_SIZE);
}
#endif

#endif
