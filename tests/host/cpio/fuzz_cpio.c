/*
 * libFuzzer target for the newc cpio reader (lib/cpio.c): any byte string
 * is either an archive whose entries all lie inside it, or refused with a
 * reason. AddressSanitizer catches a read outside the input.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <linux/errno.h>
#include <mica/cpio.h>

struct walk {
	const uint8_t *start, *end;
};

static int check_entry(const struct cpio_entry *e, void *arg)
{
	const struct walk *w = arg;
	const uint8_t *d = e->data;

	if ((const uint8_t *)e->name < w->start || (const uint8_t *)e->name >= w->end ||
	    d < w->start || d > w->end || e->size > (size_t)(w->end - d) ||
	    e->offset >= (size_t)(w->end - w->start))
		abort();
	for (size_t i = 0; i < e->size; i++)	/* touch every byte: ASan checks each */
		(void)*(volatile const uint8_t *)(d + i);
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct walk w = { data, data + size };
	struct cpio_error err = { 0 };
	int ret = cpio_parse(data, size, check_entry, &w, &err);

	if (ret < 0 && (ret != -EINVAL || !err.reason || err.offset > size))
		abort();
	return 0;
}
