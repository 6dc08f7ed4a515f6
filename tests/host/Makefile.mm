# Host build of the page allocator (mm/) against the simulated arch in
# tests/host/sim/, its unit tests, fuzzer and benchmark.
#
#   make -f tests/host/Makefile.mm check-mm    unit tests (ASan+UBSan) and a short fuzz run
#   make -f tests/host/Makefile.mm bench-mm    host benchmarks (optimised, no sanitizers)
#   make -f tests/host/Makefile.mm fuzz-mm-long FUZZ_SECONDS=3600
#
# The top Makefile may include this file and depend on check-mm / bench-mm.
# Kernel sources are compiled -ffreestanding as in the kernel build; the
# simulated <asm/*.h> come first in the include path.

HOSTCC       ?= cc
FUZZCC       ?= clang
MM_HOST_O    := build/host/mm
MM_HOST_CPPFLAGS := -Itests/host/sim/include -Iinclude -DNR_CPUS=4
MM_HOST_WARN := -Wall -Wextra -Werror -Wno-unused-parameter -Wmissing-prototypes -Wstrict-prototypes
MM_HOST_CFLAGS := -std=gnu11 -g -fno-omit-frame-pointer -ffreestanding $(MM_HOST_WARN)
MM_SAN       := -fsanitize=address,undefined -fno-sanitize-recover=all
FUZZ_SECONDS ?= 3600

# The portable part of mm/ plus what it needs from kernel/ and lib/.
MM_LIB_SRCS := mm/memblock.c mm/mm_init.c mm/mmzone.c mm/page_alloc.c mm/page_alloc_init.c \
               mm/page_alloc_slowpath.c mm/page_alloc_report.c mm/page_alloc_validate.c \
               mm/highpage_local.c mm/shrinker.c mm/fail_page_alloc.c mm/vmstat.c mm/iomem.c \
               kernel/params.c lib/cmdline.c tests/host/sim/sim.c tests/host/sim/sched_sim.c

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
MM_HOST_TESTS  := $(MM_HOST_O)/test_page_alloc

$(MM_HOST_O)/test_%: tests/host/test_%.c tests/host/mm_test.h $(MM_HOST_O)/san/libmm.a
	$(HOSTCC) $(MM_TEST_CFLAGS) $(MM_SAN) -o $@ $< $(MM_HOST_O)/san/libmm.a -lcmocka -lpthread

.PHONY: check-mm
check-mm: $(MM_HOST_TESTS)
	@status=0; for t in $^; do echo "== $$t"; $$t || status=1; done; exit $$status
