/*
 * Changing the permissions of kernel mappings, Linux's names. Mica does
 * only what it needs: set_memory_nx() on memory mapped page by page (the
 * kernel image's own pages, the vmalloc window); 0 or -EINVAL.
 */
#ifndef _ASM_SET_MEMORY_H
#define _ASM_SET_MEMORY_H

int set_memory_nx(unsigned long addr, int numpages);

#endif
