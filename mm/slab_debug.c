/*
 * Slab debugging in the manner of Linux's slub_debug: red zones around
 * objects (Z), poisoning of free objects (P), the last allocating and
 * freeing callers (U), pointer and free-list checks (F), per cache by flag
 * or for any cache with slub_debug= on the command line. Reports follow
 * Linux's layout ("BUG <cache> (Not tainted): Redzone overwritten", the
 * object, a hex dump, the callers, "FIX <cache>: ..."), and every problem
 * is repaired or isolated so the allocator stays consistent and the kernel
 * keeps running.
 *
 * Slot layout of a debug cache, from the slot's start:
 *   [left red zone][object][right red zone][free pointer][alloc track][free track][padding]
 * The object starts red_left_pad bytes in; the free pointer moves out of the
 * object when the object is poisoned or has a constructor.
 *
 * Less than Linux: a track holds the caller and CPU, not a stack trace,
 * an age or a pid (no jiffies or tasks yet); options T (trace) and O are
 * not supported.
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/kallsyms.h>
#include <linux/glob.h>
#include <linux/errno.h>
#include <linux/page_owner.h>
#include "slab.h"
#include "internal.h"
#ifdef CONFIG_KASAN
#include "kasan.h"
#endif

atomic_t slab_nr_reports;

char slub_debug_param[128];
bool slub_debug_given;

/* The flags of option letters [opt, opt + len); unknown ones are reported when @report. */
static unsigned long option_flags(const char *opt, size_t len, bool report)
{
	unsigned long flags = 0;
	size_t i;

	if (!len)
		return SLAB_CONSISTENCY_CHECKS | SLAB_RED_ZONE | SLAB_POISON | SLAB_STORE_USER;
	for (i = 0; i < len; i++) {
		switch (opt[i]) {	/* letters in either case, as Linux */
		case 'f': case 'F': flags |= SLAB_CONSISTENCY_CHECKS; break;
		case 'z': case 'Z': flags |= SLAB_RED_ZONE; break;
		case 'p': case 'P': flags |= SLAB_POISON; break;
		case 'u': case 'U': flags |= SLAB_STORE_USER; break;
		case 'a': case 'A': flags |= SLAB_FAILSLAB; break;
		case '-': break;	/* nothing from slub_debug for these caches */
		default:
			if (report)
				pr_err("slub_debug option '%c' unknown. skipped\n", opt[i]);
		}
	}
	return flags;
}

/* Does the comma-separated glob list [names, end) match @name? Empty matches all. */
static bool names_match(const char *names, const char *end, const char *name)
{
	char pat[64];

	if (names >= end)
		return true;
	while (names < end) {
		const char *comma = memchr(names, ',', (size_t)(end - names));
		size_t n = (size_t)((comma ? comma : end) - names);

		if (n && n < sizeof(pat)) {
			memcpy(pat, names, n);
			pat[n] = '\0';
			if (glob_match(pat, name))
				return true;
		}
		names += n + 1;
	}
	return false;
}

/*
 * slub_debug=[options[,cache,...]][;options[,cache,...]]... : each block's
 * options apply to the caches it names (globs), or to all when it names none.
 */
unsigned long kmem_cache_flags(const char *name, unsigned long flags)
{
	const char *p = slub_debug_param;

	if (!slub_debug_given)
		return flags;
	do {
		const char *semi = strchr(p, ';');
		const char *end = semi ? semi : p + strlen(p);
		const char *comma = memchr(p, ',', (size_t)(end - p));
		const char *opt_end = comma ? comma : end;

		if (names_match(comma ? comma + 1 : end, end, name))
			flags |= option_flags(p, (size_t)(opt_end - p), false);
		p = semi ? semi + 1 : NULL;
	} while (p);
	return flags;
}

/* Checked once, at boot: an unknown option is reported once, not for every cache. */
static int __init setup_slub_debug(char *str)
{
	const char *p = str;

	if (strlen(str) >= sizeof(slub_debug_param))
		return -EINVAL;
	strcpy(slub_debug_param, str);
	slub_debug_given = true;
	do {
		const char *semi = strchr(p, ';');
		const char *end = semi ? semi : p + strlen(p);
		const char *comma = memchr(p, ',', (size_t)(end - p));

		option_flags(p, (size_t)((comma ? comma : end) - p), true);
		p = semi ? semi + 1 : NULL;
	} while (p);
	return 0;
}
early_param("slub_debug", setup_slub_debug);

static bool poison_object(const struct kmem_cache *s)
{
	return (s->flags & SLAB_POISON) && !s->ctor;
}

unsigned int slab_debug_layout(struct kmem_cache *s)
{
	unsigned int meta;

	s->red_left_pad = (s->flags & SLAB_RED_ZONE) ? ALIGN((unsigned int)sizeof(void *), s->align)
						     : 0;
	s->inuse = ALIGN(s->object_size, (unsigned int)sizeof(void *));
	if ((s->flags & SLAB_RED_ZONE) && s->inuse == s->object_size)
		s->inuse += sizeof(void *);	/* a right red zone of at least a word */
	meta = s->inuse;
	s->offset = 0;
	/* Out of the object if it is poisoned, constructed, or too small to hold it beside a red zone. */
	if ((s->flags & SLAB_POISON) || s->ctor ||
	    ((s->flags & SLAB_RED_ZONE) && s->object_size < sizeof(void *))) {
		s->offset = meta;
		meta += sizeof(void *);
	}
	s->track_offset = 0;
	if (s->flags & SLAB_STORE_USER) {
		s->track_offset = meta;
		meta += 2 * sizeof(struct track);
	}
	s->usable = (s->flags & (SLAB_RED_ZONE | SLAB_POISON)) ? s->object_size : s->inuse;
	return s->red_left_pad + meta;
}

/* Where the metadata ends, from the object's start: the rest of the slot is padding. */
static unsigned int meta_end(const struct kmem_cache *s)
{
#ifdef CONFIG_KASAN
	return s->kasan_meta + (unsigned int)sizeof(struct kasan_slab_meta);	/* after the rest */
#else
	if (s->flags & SLAB_STORE_USER)
		return s->track_offset + 2 * (unsigned int)sizeof(struct track);
	if (s->offset)
		return s->offset + (unsigned int)sizeof(void *);
	return s->inuse;
#endif
}

void slab_debug_init_slab(struct kmem_cache *s, struct page *page)
{
	if (s->flags & SLAB_POISON)
		memset(slab_page_address(page), POISON_INUSE, slab_bytes(page));
}

static void init_object(struct kmem_cache *s, void *obj, u8 val)
{
	u8 *p = obj;

	if (poison_object(s) && val == SLUB_RED_INACTIVE) {
		memset(p, POISON_FREE, s->object_size - 1);
		p[s->object_size - 1] = POISON_END;
	}
	if (s->flags & SLAB_RED_ZONE) {
		memset(p - s->red_left_pad, val, s->red_left_pad);
		memset(p + s->object_size, val, s->inuse - s->object_size);
	}
}

static struct track *get_track(const struct kmem_cache *s, void *obj, enum track_item item)
{
	return (struct track *)((char *)obj + s->track_offset) + item;
}

static void set_track(struct kmem_cache *s, void *obj, enum track_item item, unsigned long addr)
{
	struct track *t = get_track(s, obj, item);

	t->addr = addr;
	t->cpu = raw_smp_processor_id();
}

/* A new slab's object: free, and never allocated or freed by anyone. */
void slab_debug_new_object(struct kmem_cache *s, void *obj)
{
	init_object(s, obj, SLUB_RED_INACTIVE);
	if (s->flags & SLAB_STORE_USER)
		memset(get_track(s, obj, TRACK_ALLOC), 0, 2 * sizeof(struct track));
}

/* ---- reports ---- */

#define PTR(p)	((unsigned long)(p))

static void slab_bug(const struct kmem_cache *s, const char *fmt, ...) __printf(2, 3);
static void slab_bug(const struct kmem_cache *s, const char *fmt, ...)
{
	char msg[160];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	atomic_inc(&slab_nr_reports);
	pr_err("=============================================================================\n");
	pr_err("BUG %s (%s): %s\n", s ? s->name : "kmalloc", print_tainted(), msg);
	pr_err("-----------------------------------------------------------------------------\n\n");
	add_taint(TAINT_BAD_PAGE, LOCKDEP_NOW_UNRELIABLE);
}

static void slab_fix(const struct kmem_cache *s, const char *fmt, ...) __printf(2, 3);
static void slab_fix(const struct kmem_cache *s, const char *fmt, ...)
{
	char msg[160];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	pr_err("FIX %s: %s\n", s ? s->name : "kmalloc", msg);
}

/* One line as print_hex_dump makes it: address, 16 bytes in hex, the bytes as text. */
static void print_section(const char *text, const u8 *addr, unsigned int len)
{
	static const char hex[] = "0123456789abcdef";
	unsigned int off, i;

	for (off = 0; off < len; off += 16) {
		unsigned int n = min(16U, len - off);
		char line[16 * 3 + 2 + 16 + 1];
		char *q = line;

		for (i = 0; i < n; i++) {
			*q++ = hex[addr[off + i] >> 4];
			*q++ = hex[addr[off + i] & 15];
			*q++ = ' ';
		}
		q--;			/* no space after the last byte */
		while (q < line + 16 * 3 + 1)
			*q++ = ' ';
		for (i = 0; i < n; i++) {
			u8 c = addr[off + i];

			*q++ = (c >= 0x20 && c < 0x7f) ? (char)c : '.';
		}
		*q = '\0';
		pr_err("%s%08lx: %s\n", text, PTR(addr + off), line);
	}
}

static void print_track(const char *what, const struct track *t)
{
	char sym[KSYM_NAME_LEN + 32];

	if (!t->addr)
		return;
	sprint_symbol(sym, sizeof(sym), t->addr);
	pr_err("%s in %s cpu=%u\n", what, sym, t->cpu);
}

static void print_tracking(const struct kmem_cache *s, void *obj)
{
	if (!(s->flags & SLAB_STORE_USER))
		return;
	print_track("Allocated", get_track(s, obj, TRACK_ALLOC));
	print_track("Freed", get_track(s, obj, TRACK_FREE));
}

static void print_slab_info(const struct page *page)
{
	char flags[96];

	format_page_flags(flags, sizeof(flags), page->flags);
	pr_err("Slab 0x%08lx objects=%u used=%u fp=0x%08lx flags=%#lx(%s)\n", PTR(page),
	       page->objects, page->inuse, PTR(page->freelist), page->flags, flags);
}

static void print_trailer(const struct kmem_cache *s, const struct page *page, u8 *obj)
{
	const u8 *base = slab_page_address(page);
	unsigned int end = meta_end(s), slot_end = s->size - s->red_left_pad;

	print_tracking(s, obj);
	print_slab_info(page);
	pr_err("Object 0x%08lx @offset=%lu fp=0x%08lx\n\n", PTR(obj), PTR(obj - base),
	       PTR(get_freepointer(s, obj)));
	if (s->flags & SLAB_RED_ZONE)
		print_section("Redzone  ", obj - s->red_left_pad, s->red_left_pad);
	else if (obj >= base + 16)
		print_section("Bytes b4 ", obj - 16, 16);
	print_section("Object   ", obj, min(s->object_size, (unsigned int)PAGE_SIZE));
	if (s->flags & SLAB_RED_ZONE)
		print_section("Redzone  ", obj + s->object_size, s->inuse - s->object_size);
	if (end < slot_end)
		print_section("Padding  ", obj + end, slot_end - end);
	dump_stack();
}

static void object_err(const struct kmem_cache *s, const struct page *page, u8 *obj,
		       const char *reason)
{
	slab_bug(s, "%s", reason);
	print_trailer(s, page, obj);
}

void slab_report_double_free(struct kmem_cache *s, struct page *page, void *obj)
{
	object_err(s, page, obj, "Object already free");
	slab_fix(s, "Object at 0x%08lx not freed", PTR(obj));
}

void slab_report_invalid_free(struct kmem_cache *s, const void *obj, const char *why)
{
	if (s)
		slab_bug(s, "Attempt to free object(0x%08lx) %s", PTR(obj), why);
	else
		slab_bug(NULL, "Invalid free of 0x%08lx: %s", PTR(obj), why);
	if (slab_addr_valid(obj))
		dump_page(slab_virt_to_head_page(obj), "invalid free");
	dump_stack();
	slab_fix(s, "Object at 0x%08lx not freed", PTR(obj));
}

void slab_report_wrong_cache(struct kmem_cache *s, struct page *page, void *obj)
{
	slab_bug(s, "Wrong slab cache. %s but object is from %s", s->name,
		 page->slab_cache->name);
	print_trailer(page->slab_cache, page, obj);
	slab_fix(s, "Object at 0x%08lx not freed", PTR(obj));
}

/* ---- checks ---- */

/* Report and repair the bytes of [start, start + bytes) that are not @value. */
static bool check_bytes(struct kmem_cache *s, struct page *page, u8 *obj, const char *what,
			u8 *start, u8 value, unsigned int bytes)
{
	u8 *fault = NULL, *end = start + bytes, *p;

	for (p = start; p < end; p++) {
		if (*p != value) {
			fault = p;
			break;
		}
	}
	if (!fault)
		return true;
	while (end > fault && end[-1] == value)
		end--;
	slab_bug(s, "%s overwritten", what);
	pr_err("0x%08lx-0x%08lx @offset=%lu. First byte 0x%x instead of 0x%x\n", PTR(fault),
	       PTR(end - 1), PTR(fault - (u8 *)slab_page_address(page)), *fault, value);
	print_trailer(s, page, obj);
	memset(fault, value, (size_t)(end - fault));
	slab_fix(s, "Restoring %s 0x%08lx-0x%08lx=0x%x", what, PTR(fault), PTR(end - 1), value);
	return false;
}

/* @val: SLUB_RED_ACTIVE for an allocated object, SLUB_RED_INACTIVE for a free one. */
static bool check_object(struct kmem_cache *s, struct page *page, u8 *obj, u8 val)
{
	unsigned int end = meta_end(s), slot_end = s->size - s->red_left_pad;
	bool ok = true;

	if (s->flags & SLAB_RED_ZONE) {
		ok &= check_bytes(s, page, obj, "Left Redzone", obj - s->red_left_pad, val,
				  s->red_left_pad);
		ok &= check_bytes(s, page, obj, "Redzone", obj + s->object_size, val,
				  s->inuse - s->object_size);
	} else if ((s->flags & SLAB_POISON) && s->object_size < s->inuse) {
		ok &= check_bytes(s, page, obj, "Alignment padding", obj + s->object_size,
				  POISON_INUSE, s->inuse - s->object_size);
	}
	if (s->flags & SLAB_POISON) {
		if (val == SLUB_RED_INACTIVE && poison_object(s))
			ok &= check_bytes(s, page, obj, "Poison", obj, POISON_FREE,
					  s->object_size - 1) &&
			      check_bytes(s, page, obj, "End Poison", obj + s->object_size - 1,
					  POISON_END, 1);
		ok &= check_bytes(s, page, obj, "Object padding", obj + end, POISON_INUSE,
				  slot_end - end);
	}
	return ok;
}

/* Give up on a slab whose free list cannot be trusted: all its objects count as used. */
static void isolate_slab(struct kmem_cache *s, struct kmem_cache_node *n, struct page *page)
{
	unsigned int was = page->inuse;

	n->free_objects -= page->objects - was;
	page->freelist = NULL;
	page->inuse = page->objects;
	slab_relist(n, page, was);
	slab_fix(s, "Marking all objects used");
}

/*
 * Walk @page's free list: true if @search is on it. A pointer that is not
 * an object of the slab, or a list longer than the slab, ends the list
 * there (reported); the in-use count is made to agree with what was found.
 */
static bool on_freelist(struct kmem_cache *s, struct kmem_cache_node *n, struct page *page,
			void *search)
{
	void *fp = page->freelist, *prev = NULL;
	unsigned int nr = 0, was;

	while (fp) {
		if (fp == search)
			return true;
		if (!slab_valid_object(s, page, fp) || nr == page->objects) {
			if (prev) {
				object_err(s, page, prev, "Freechain corrupt");
				set_freepointer(s, prev, NULL);
			} else {
				slab_bug(s, "Freepointer corrupt");
				print_slab_info(page);
				page->freelist = NULL;
			}
			slab_fix(s, "Free list cut after %u objects", nr);
			break;
		}
		prev = fp;
		fp = get_freepointer(s, fp);
		nr++;
	}
	was = page->inuse;
	if (page->objects - was != nr) {
		slab_bug(s, "Wrong object count. Counter is %u but counted were %u", was,
			 page->objects - nr);
		print_slab_info(page);
		n->free_objects += nr;
		n->free_objects -= page->objects - was;
		page->inuse = page->objects - nr;
		slab_relist(n, page, was);
		slab_fix(s, "Object count adjusted");
	}
	return false;
}

bool slab_debug_alloc(struct kmem_cache *s, struct kmem_cache_node *n, struct page *page,
		      void *obj, unsigned long caller)
{
	void *next;

	if (!slab_valid_object(s, page, obj)) {
		slab_bug(s, "Freelist Pointer check fails");
		print_slab_info(page);
		isolate_slab(s, n, page);
		return false;
	}
	next = get_freepointer(s, obj);
	if (next && !slab_valid_object(s, page, next)) {
		unsigned int was = page->inuse;

		object_err(s, page, obj, "Freepointer corrupt");
		set_freepointer(s, obj, NULL);
		n->free_objects -= page->objects - was - 1;
		page->inuse = page->objects - 1;
		slab_relist(n, page, was);
		slab_fix(s, "Free list cut after this object");
	}
	check_object(s, page, obj, SLUB_RED_INACTIVE);
	if (s->flags & SLAB_STORE_USER)
		set_track(s, obj, TRACK_ALLOC, caller);
	init_object(s, obj, SLUB_RED_ACTIVE);
	return true;
}

bool slab_debug_free(struct kmem_cache *s, struct kmem_cache_node *n, struct page *page,
		     void *obj, unsigned long caller)
{
	if (!slab_valid_object(s, page, obj)) {
		slab_bug(s, "Invalid object pointer 0x%08lx", PTR(obj));
		print_slab_info(page);
		dump_stack();
		slab_fix(s, "Object at 0x%08lx not freed", PTR(obj));
		return false;
	}
	if (on_freelist(s, n, page, obj)) {
		slab_report_double_free(s, page, obj);
		return false;
	}
	check_object(s, page, obj, SLUB_RED_ACTIVE);
	if (s->flags & SLAB_STORE_USER)
		set_track(s, obj, TRACK_FREE, caller);
	init_object(s, obj, SLUB_RED_INACTIVE);
	return true;
}

/* Mark the free objects of @page in @map (list_lock held, free list already validated). */
static void mark_free_objects(const struct kmem_cache *s, const struct page *page,
			      unsigned long *map)
{
	unsigned long base = PTR(slab_page_address(page)) + s->red_left_pad;
	unsigned int i;
	void *fp;

	for (i = 0; i < SLAB_MAP_LONGS; i++)
		map[i] = 0;
	for (fp = page->freelist; fp; fp = get_freepointer(s, fp)) {
		unsigned long i = (PTR(fp) - base) / s->size;

		map[i / (8 * sizeof(long))] |= 1UL << (i % (8 * sizeof(long)));
	}
}

static bool object_is_free(const unsigned long *map, unsigned int i)
{
	return (map[i / (8 * sizeof(long))] >> (i % (8 * sizeof(long)))) & 1;
}

void slab_report_leak(struct kmem_cache *s, unsigned long caller)
{
	unsigned long map[SLAB_MAP_LONGS];
	unsigned int listed = 0;
	char sym[KSYM_NAME_LEN + 32];
	int nid;

	slab_bug(s, "Objects remaining in %s on __kmem_cache_shutdown()", s->name);
	for (nid = 0; nid < MAX_NUMNODES; nid++) {
		struct kmem_cache_node *n = &s->node[nid];
		struct list_head *lists[] = { &n->slabs_partial, &n->slabs_full };
		unsigned long flags;
		unsigned int l;

		spin_lock_irqsave(&n->list_lock, flags);
		for (l = 0; l < ARRAY_SIZE(lists); l++) {
			struct page *page;

			list_for_each_entry(page, lists[l], lru) {
				unsigned int i;

				print_slab_info(page);
				dump_page_owner(page);	/* who grew the slab, with page_owner=on */
				on_freelist(s, n, page, NULL);
				mark_free_objects(s, page, map);
				for (i = 0; i < page->objects; i++) {
					u8 *obj = slab_object(s, page, i);

					if (object_is_free(map, i))
						continue;
					if (listed++ == 16) {
						pr_err("(more objects not listed)\n");
						continue;
					}
					if (listed <= 16) {
						pr_err("Object 0x%08lx @offset=%lu\n", PTR(obj),
						       PTR(obj - (u8 *)slab_page_address(page)));
						print_tracking(s, obj);
					}
				}
			}
		}
		spin_unlock_irqrestore(&n->list_lock, flags);
	}
	sprint_symbol(sym, sizeof(sym), caller);
	pr_err("kmem_cache_destroy %s: Slab cache still has objects when called from %s\n",
	       s->name, sym);
	dump_stack();
}

/* Check one slab; list_lock held. */
static void validate_slab(struct kmem_cache *s, struct kmem_cache_node *n, struct page *page,
			  unsigned long *map)
{
	unsigned int i;

	if (!PageSlab(page) || page->slab_cache != s) {
		slab_bug(s, "Not a valid slab page");
		print_slab_info(page);
		return;
	}
	on_freelist(s, n, page, NULL);
	if (!slab_debug(s))
		return;
	mark_free_objects(s, page, map);
	for (i = 0; i < page->objects; i++)
		check_object(s, page, slab_object(s, page, i),
			     object_is_free(map, i) ? SLUB_RED_INACTIVE : SLUB_RED_ACTIVE);
}

static void validate_node(struct kmem_cache *s, struct kmem_cache_node *n, int nid,
			  unsigned long *map)
{
	struct list_head *lists[] = { &n->slabs_free, &n->slabs_partial, &n->slabs_full };
	unsigned long slabs = 0, free_slabs = 0, objects = 0, free = 0, flags;
	unsigned int l;

	spin_lock_irqsave(&n->list_lock, flags);
	for (l = 0; l < ARRAY_SIZE(lists); l++) {
		struct page *page, *tmp;

		list_for_each_entry_safe(page, tmp, lists[l], lru) {
			unsigned int fill;

			validate_slab(s, n, page, map);
			fill = page->inuse == 0 ? 0 : page->inuse < page->objects ? 1 : 2;
			if (fill != l) {
				slab_bug(s, "Slab on the wrong list");
				print_slab_info(page);
			}
			slabs++;
			free_slabs += page->inuse == 0;
			objects += page->objects;
			free += page->objects - page->inuse;
		}
	}
	if (slabs != n->nr_slabs || free_slabs != n->nr_free_slabs ||
	    objects != n->total_objects || free != n->free_objects) {
		slab_bug(s, "Node %d counters: slabs %lu/%lu free slabs %lu/%lu objects %lu/%lu free %lu/%lu",
			 nid, n->nr_slabs, slabs, n->nr_free_slabs, free_slabs, n->total_objects,
			 objects, n->free_objects, free);
		n->nr_slabs = slabs;
		n->nr_free_slabs = free_slabs;
		n->total_objects = objects;
		n->free_objects = free;
		slab_fix(s, "Counters recomputed");
	}
	spin_unlock_irqrestore(&n->list_lock, flags);
}

int kmem_cache_validate(struct kmem_cache *s)
{
	unsigned long map[SLAB_MAP_LONGS];
	int before = atomic_read(&slab_nr_reports);
	int nid;

	for (nid = 0; nid < MAX_NUMNODES; nid++)
		validate_node(s, &s->node[nid], nid, map);
	return atomic_read(&slab_nr_reports) - before;
}
