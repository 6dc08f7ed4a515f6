# Host build of the page allocator (mm/) against the simulated arch in
# tests/host/sim/, its unit tests, fuzzer and benchmark.
#
#   make -f tests/host/Makefile.mm check-mm         unit tests (ASan+UBSan)
#   make -f tests/host/Makefile.mm check-mm-random  2.1M random operations against a model
#   make -f tests/host/Makefile.mm check-mm-fuzz    20 s of libFuzzer
#   make -f tests/host/Makefile.mm bench-mm    host benchmarks (optimised, no sanitizers)
#   make -f tests/host/Makefile.mm fuzz-mm-long FUZZ_SECONDS=3600
#
# The top Makefile may include this file and depend on check-mm / bench-mm.
# Kernel sources are compiled -ffreestanding as in the kernel build; the
# simulated <asm/*.h> come first in the include path.

HOSTCC       ?= cc
FUZZCC       ?= clang
PYTHON       ?= python3
MM_HOST_O    := build/host/mm
MM_HOST_CPPFLAGS := -Itests/host/sim/include -Iinclude -DNR_CPUS=4
MM_HOST_WARN := -Wall -Wextra -Werror -Wno-unused-parameter -Wmissing-prototypes -Wstrict-prototypes
MM_HOST_CFLAGS := -std=gnu11 -g -fno-omit-frame-pointer -ffreestanding $(MM_HOST_WARN)
MM_SAN       := -fsanitize=address,undefined -fno-sanitize-recover=all
FUZZ_SECONDS ?= 3600

# The portable part of mm/ plus what it needs from kernel/ and lib/.
MM_LIB_SRCS := mm/memblock.c mm/mm_init.c mm/mmzone.c mm/page_alloc.c mm/page_alloc_init.c \
               mm/page_alloc_slowpath.c mm/page_alloc_report.c mm/page_alloc_validate.c \
               mm/highpage_local.c mm/highmem.c mm/shrinker.c mm/fail_page_alloc.c mm/vmstat.c mm/memblock_report.c \
               mm/vmalloc.c mm/vmap_area.c mm/vm_desc_pool.c mm/ioremap.c lib/rbtree.c \
               kernel/params.c lib/cmdline.c lib/kstrtox.c lib/fault-inject.c lib/random32.c \
               $(wildcard tests/host/sim/*.c)

# Three builds of the same library: sanitized for tests, optimised for
# benchmarks, instrumented for libFuzzer.
MM_VARIANTS := san fast fuzz
MM_CC_san    := $(HOSTCC)
MM_FLAGS_san := -O1 $(MM_SAN)
MM_CC_fast   := $(HOSTCC)
MM_FLAGS_fast := -O2 -DNDEBUG
MM_CC_fuzz   := $(FUZZCC)
MM_FLAGS_fuzz := -O1 -fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=all

define mm_variant
$(MM_HOST_O)/$(1)/%.o: %.c
	@mkdir -p $$(dir $$@)
	$$(MM_CC_$(1)) $$(MM_HOST_CPPFLAGS) $$(MM_HOST_CFLAGS) $$(MM_FLAGS_$(1)) -MMD -MP -c $$< -o $$@
$(MM_HOST_O)/$(1)/libmm.a: $(patsubst %.c,$(MM_HOST_O)/$(1)/%.o,$(MM_LIB_SRCS))
	@rm -f $$@
	ar rcs $$@ $$^
-include $(patsubst %.c,$(MM_HOST_O)/$(1)/%.d,$(MM_LIB_SRCS))
endef
$(foreach v,$(MM_VARIANTS),$(eval $(call mm_variant,$(v))))

.PHONY: mm-libs
mm-libs: $(foreach v,$(MM_VARIANTS),$(MM_HOST_O)/$(v)/libmm.a)

MM_TEST_CFLAGS := $(MM_HOST_CPPFLAGS) -Itests/host/sim -std=gnu11 -g -O1 -fno-omit-frame-pointer \
                  -ffreestanding $(MM_HOST_WARN) -Wno-missing-prototypes

$(MM_HOST_O)/test_%: tests/host/mm/test_%.c tests/host/mm/mm_test.h $(MM_HOST_O)/san/libmm.a
	$(HOSTCC) $(MM_TEST_CFLAGS) $(MM_SAN) -o $@ $< $(MM_HOST_O)/san/libmm.a -lcmocka -lpthread

$(MM_HOST_O)/fuzz_page_alloc: tests/host/mm/fuzz_page_alloc.c tests/host/mm/mm_test.h $(MM_HOST_O)/fuzz/libmm.a
	$(FUZZCC) $(MM_TEST_CFLAGS) -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all \
		-o $@ $< $(MM_HOST_O)/fuzz/libmm.a -lpthread

# A short fuzz run belongs to check-mm; the long one is for people with time.
MM_FUZZ_RUN = mkdir -p $(MM_HOST_O)/fuzz-corpus && \
	$(MM_HOST_O)/fuzz_page_alloc -max_len=4096 -print_final_stats=1 $(1) $(MM_HOST_O)/fuzz-corpus

# Three units of `make check`: the unit tests, the 2.1 million random
# operations, and 20 s of fuzzing.
.PHONY: check-mm check-mm-random check-mm-fuzz fuzz-mm fuzz-mm-long
HOST_TESTS += check-mm-random check-mm-fuzz
check-mm: $(MM_HOST_O)/test_page_alloc
	$<
check-mm-random: $(MM_HOST_O)/test_page_alloc_random
	$<
check-mm-fuzz: fuzz-mm

fuzz-mm: $(MM_HOST_O)/fuzz_page_alloc
	$(call MM_FUZZ_RUN,-max_total_time=20)

fuzz-mm-long: $(MM_HOST_O)/fuzz_page_alloc
	$(call MM_FUZZ_RUN,-max_total_time=$(FUZZ_SECONDS))

# Benchmarks (not tests): the optimised library, sizes next to glibc,
# jemalloc and mimalloc; `make bench` runs it with the target's figures.
$(MM_HOST_O)/bench_page_alloc: tests/host/mm/bench_page_alloc.c tests/host/mm/mm_test.h $(MM_HOST_O)/fast/libmm.a
	$(HOSTCC) $(MM_HOST_CPPFLAGS) -Itests/host/sim -std=gnu11 -O2 -g -ffreestanding $(MM_HOST_WARN) \
		-Wno-missing-prototypes -o $@ $< $(MM_HOST_O)/fast/libmm.a -ldl -lpthread

.PHONY: bench-mm-host
bench-mm-host: $(MM_HOST_O)/bench_page_alloc
	$(MM_HOST_O)/bench_page_alloc

# `make bench` (the top Makefile's target) gets the page allocator's figures:
# the host benchmark and the instruction counts measured on the target, with
# the debugging checks off next to Linux 6.1's, then on (what they cost).
.PHONY: bench-mm
bench-mm: bench-mm-host $(KERNEL)
	@echo "== page allocator on the target (build/vexpress-a9/mica.elf), debugging checks off"
	$(PYTHON) tools/bench-target.py --checks-off --linux bench_page_alloc
	@echo "== the same with the checks on (the default boot)"
	$(PYTHON) tools/bench-target.py bench_page_alloc
bench: bench-mm
