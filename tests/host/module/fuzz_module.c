/*
 * libFuzzer over corrupted .ko files: whatever the bytes, the loader's
 * checks, layout, symbol resolution and relocation must refuse or accept
 * them without touching memory they should not (ASan, UBSan). Seeds: the
 * kernel's own test modules (the .ko files in build/<board>/test-modules/).
 */
#include "module_host.h"
#include <string.h>

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size);

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
	static unsigned char image[1 << 20];
	struct load_info info;
	int err;

	if (size > sizeof(image))
		return 0;
	memcpy(image, data, size);
	host_resolve_any = true;
	host_load(image, size, &info, &err);
	host_unload(&info);
	sim_log_reset();
	return 0;
}
