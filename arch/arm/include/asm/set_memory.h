/*
 * Change the permissions of @numpages pages of a kernel mapping starting at
 * @addr's page (arch/arm/mm/pageattr.c), Linux's names. Only memory mapped
 * page by page qualifies (the modules area, the vmalloc window, the kernel
 * image's own pages); -EINVAL, with nothing changed, when a page is not.
 * Every CPU's TLB is invalidated before these return.
 */
#ifndef _ASM_SET_MEMORY_H
#define _ASM_SET_MEMORY_H

int set_memory_ro(unsigned long addr, int numpages);
int set_memory_rw(unsigned long addr, int numpages);
int set_memory_x(unsigned long addr, int numpages);
int set_memory_nx(unsigned long addr, int numpages);

#endif
