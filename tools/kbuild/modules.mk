# Out-of-tree modules, as Kbuild builds them:
#   make -C <mica> M=<dir> [BOARD=...] [V=1] [modules|clean|help]
# <dir>'s Kbuild file (or its Makefile, read with KERNELRELEASE set) lists
# obj-m := foo.o, and foo-objs := a.o b.o for a module of several files;
# ccflags-y (or EXTRA_CFLAGS) adds compiler flags. The result is <dir>/foo.ko
# and <dir>/Module.symvers, the exports of <dir>'s modules, which another
# directory's build names in KBUILD_EXTRA_SYMBOLS to use them. The kernel
# must have been built for BOARD first (it provides Module.symvers and the
# version magic). Included by the top Makefile (the targets only when M is
# set; the kernel's own test modules use the flags too); the work is done
# by tools/kbuild/Makefile.build in a make of its own, so nothing in
# <dir>'s Makefile can clash with the kernel's.

# Kbuild's compiler policy for modules: Linux 3.14's warnings, no -Werror
# (but implicit declarations are errors, as there), the kernel's ABI flags.
MODULE_CPPFLAGS := -Iinclude -Iarch/arm/include -I$(O)/include -DNR_CPUS=4 -DCONFIG_JUMP_LABEL \
                   -DMODULE
MODULE_CFLAGS   := $(ARCHFLAGS) -std=gnu11 -O2 -g -ffreestanding -fno-common \
                   -fno-strict-aliasing -fno-omit-frame-pointer -mapcs-frame \
                   -Wall -Wundef -Wstrict-prototypes -Wno-trigraphs \
                   -Werror=implicit-function-declaration -Werror=implicit-int \
                   -Wno-format-security -Wdeclaration-after-statement -Wno-pointer-sign \
                   -MMD -MP
# A KASAN kernel's modules are instrumented as it is (the shadow covers the
# module area; the constructors the compiler adds, which the loader runs
# before init, give the module's globals their red zones).
ifeq ($(KASAN),1)
MODULE_CPPFLAGS += -DCONFIG_KASAN
MODULE_CFLAGS   += $(KASAN_CFLAGS)
endif

# What a module's Makefile sees in KERNELRELEASE (Linux: the release string).
KERNELRELEASE := $(shell sed -n 's/^\#define MICA_VERSION[[:space:]]*"\(.*\)"/\1/p' include/mica/version.h)

# What tools/kbuild/Makefile.build runs with.
KBUILD_ENV = CC='$(CC)' LD='$(LD)' OBJDUMP='$(OBJDUMP)' OBJCOPY='$(OBJCOPY)' PYTHON='$(PYTHON)' \
	MODULE_CPPFLAGS='$(MODULE_CPPFLAGS)' MODULE_CFLAGS='$(MODULE_CFLAGS)' SYMVERS='$(SYMVERS)' \
	KERNELRELEASE='$(KERNELRELEASE)'

ifneq ($(M),)
KBUILD_EXTMOD := $(abspath $(M))

.PHONY: modules clean help
.DEFAULT_GOAL := modules

modules:
	@if [ ! -f $(SYMVERS) ] || [ ! -f $(ABI_H) ]; then \
		echo "mica: build the kernel for BOARD=$(BOARD) first: make -C $(CURDIR) BOARD=$(BOARD)" >&2; \
		exit 1; fi
	@$(MAKE) --no-print-directory -f tools/kbuild/Makefile.build $(KBUILD_ENV) \
		KBUILD_EXTMOD='$(KBUILD_EXTMOD)' modules

clean:
	@$(MAKE) --no-print-directory -f tools/kbuild/Makefile.build $(KBUILD_ENV) \
		KBUILD_EXTMOD='$(KBUILD_EXTMOD)' clean

help:
	@echo "make -C <mica> M=<dir> [BOARD=...] [V=1] modules   build <dir>'s obj-m modules (.ko)"
	@echo "make -C <mica> M=<dir> clean                       remove what modules made"
endif
