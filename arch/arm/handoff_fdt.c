/*
 * The boot hand-off from a DTB: RAM from the /memory node(s) ("reg" in the
 * root's #address-cells/#size-cells), the command line and initrd from
 * /chosen, the PSCI conduit from /psci, reservations from /memreserve/.
 * Anything malformed rejects the whole blob: a DTB that is wrong in one
 * place cannot be trusted in the others.
 */
#include <linux/libfdt.h>
#include <linux/errno.h>
#include <asm/handoff.h>
#include <string.h>

#define FOUR_GIB (1ULL << 32)

/* Copy a NUL-terminated string into @dst (size @n), cutting if needed. */
static bool copy_string(char *dst, size_t n, const char *src)
{
	size_t len = strlen(src);
	bool cut = len >= n;

	if (cut)
		len = n - 1;
	memcpy(dst, src, len);
	dst[len] = '\0';
	return cut;
}

/* Keep the part of [start, start + size) below 4 GiB (no LPAE). */
static bool clip_region(u64 start, u64 size, struct handoff_region *r)
{
	if (!size || start >= FOUR_GIB)
		return false;
	if (size > FOUR_GIB - start)
		size = FOUR_GIB - start;
	r->start = start;
	r->size = size;
	return true;
}

static bool is_memory_node(const void *fdt, int node)
{
	const char *name = fdt_get_name(fdt, node, NULL);
	const char *type = fdt_getprop_string(fdt, node, "device_type");

	if (type && !strcmp(type, "memory"))
		return true;
	return name && (!strcmp(name, "memory") || !strncmp(name, "memory@", 7));
}

static int parse_memory(const void *fdt, int root, struct handoff_info *info, const char **why)
{
	int ac = fdt_address_cells(fdt, root), sc = fdt_size_cells(fdt, root);
	int node = root, depth = 0;

	if (ac < 1 || ac > 2 || sc < 1 || sc > 2) {
		*why = "unsupported #address-cells/#size-cells";
		return -EINVAL;
	}
	for (;;) {
		const u8 *reg;
		int len, entry = (ac + sc) * 4;

		node = fdt_next_node(fdt, node, &depth);
		if (node == -FDT_ERR_NOTFOUND || (node >= 0 && depth < 1))
			return 0;
		if (node < 0) {
			*why = fdt_strerror(node);
			return -EINVAL;
		}
		if (depth != 1 || !is_memory_node(fdt, node))
			continue;
		reg = fdt_getprop(fdt, node, "reg", &len);
		if (!reg || len <= 0 || len % entry) {
			*why = "bad /memory reg property";
			return -EINVAL;
		}
		for (; len > 0; len -= entry, reg += entry) {
			struct handoff_region r;

			if (info->nr_mem == HANDOFF_MAX_BANKS) {
				*why = "too many memory banks";
				return -EINVAL;
			}
			if (clip_region(fdt_read_number(reg, ac), fdt_read_number(reg + 4 * ac, sc), &r))
				info->mem[info->nr_mem++] = r;
		}
	}
}

/* linux,initrd-start / -end: one or two cells each. */
static int read_initrd_bound(const void *fdt, int chosen, const char *name, u64 *val)
{
	int len;
	const void *p = fdt_getprop(fdt, chosen, name, &len);

	if (!p)
		return len;
	if (len != 4 && len != 8)
		return -FDT_ERR_BADVALUE;
	*val = fdt_read_number(p, len / 4);
	return 0;
}

static int parse_chosen(const void *fdt, struct handoff_info *info, const char **why)
{
	int chosen = fdt_path_offset(fdt, "/chosen"), len, rs, re;
	const char *args;
	u64 start = 0, end = 0;

	if (chosen == -FDT_ERR_NOTFOUND)
		return 0;
	if (chosen < 0) {
		*why = fdt_strerror(chosen);
		return -EINVAL;
	}
	args = fdt_getprop(fdt, chosen, "bootargs", &len);
	if (args) {
		if (len < 1 || args[len - 1] != '\0') {
			*why = "/chosen/bootargs is not a string";
			return -EINVAL;
		}
		if (args[0]) {
			info->has_cmdline = true;
			info->cmdline_truncated = copy_string(info->cmdline, sizeof(info->cmdline), args);
		}
	}
	rs = read_initrd_bound(fdt, chosen, "linux,initrd-start", &start);
	re = read_initrd_bound(fdt, chosen, "linux,initrd-end", &end);
	if (rs == -FDT_ERR_NOTFOUND && re == -FDT_ERR_NOTFOUND)
		return 0;
	if (rs || re || end <= start || !clip_region(start, end - start, &info->initrd) ||
	    info->initrd.size != end - start) {
		*why = "bad linux,initrd-start/-end";
		return -EINVAL;
	}
	info->has_initrd = true;
	return 0;
}

static int parse_memreserve(const void *fdt, struct handoff_info *info, const char **why)
{
	int i, n = fdt_num_mem_rsv(fdt);

	if (n < 0) {
		*why = "memory reservation block has no end";
		return -EINVAL;
	}
	for (i = 0; i < n; i++) {
		u64 addr, size;
		struct handoff_region r;

		fdt_get_mem_rsv(fdt, i, &addr, &size);
		if (!clip_region(addr, size, &r))
			continue;
		if (info->nr_rsv == HANDOFF_MAX_RSV) {
			*why = "too many /memreserve/ entries";
			return -EINVAL;
		}
		info->rsv[info->nr_rsv++] = r;
	}
	return 0;
}

/* CPUs the machine really has: /cpus children with device_type "cpu". */
static unsigned int count_cpus(const void *fdt)
{
	int cpus = fdt_path_offset(fdt, "/cpus"), node, depth = 0;
	unsigned int n = 0;
	const char *type;

	if (cpus < 0)
		return 0;
	for (node = fdt_next_node(fdt, cpus, &depth); node >= 0 && depth > 0;
	     node = fdt_next_node(fdt, node, &depth)) {
		type = depth == 1 ? fdt_getprop_string(fdt, node, "device_type") : NULL;
		if (type && !strcmp(type, "cpu"))
			n++;
	}
	return n;
}

int handoff_parse_fdt(const void *fdt, size_t avail, struct handoff_info *info, const char **why)
{
	int err = fdt_check_full(fdt, avail), root, psci;
	const char *s;

	memset(info, 0, sizeof(*info));
	if (err) {
		*why = fdt_strerror(err);
		return -EINVAL;
	}
	info->blob_size = fdt_totalsize(fdt);
	root = fdt_path_offset(fdt, "/");
	if (root < 0) {
		*why = fdt_strerror(root);
		return -EINVAL;
	}
	s = fdt_getprop_string(fdt, root, "model");
	if (s)
		copy_string(info->model, sizeof(info->model), s);

	err = parse_memory(fdt, root, info, why);
	if (!err)
		err = parse_chosen(fdt, info, why);
	if (!err)
		err = parse_memreserve(fdt, info, why);
	if (err)
		return err;

	psci = fdt_path_offset(fdt, "/psci");
	s = psci >= 0 ? fdt_getprop_string(fdt, psci, "method") : NULL;
	if (s && strlen(s) < sizeof(info->psci_method))
		strcpy(info->psci_method, s);
	info->nr_cpus = count_cpus(fdt);
	return 0;
}
