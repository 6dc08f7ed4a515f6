# Mica — build, run and test. `make help` lists the targets.
BOARD   ?= vexpress-a9
BOARDS  := $(patsubst arch/arm/boards/%.mk,%,$(wildcard arch/arm/boards/*.mk))
ifeq ($(filter $(BOARD),$(BOARDS)),)
$(error unknown BOARD '$(BOARD)'; choose one of: $(BOARDS))
endif
include arch/arm/boards/$(BOARD).mk

TESTS   ?= 1
KASAN   ?= 0
KFENCE  ?= 1
O       := build/$(BOARD)$(if $(filter 1,$(KASAN)),-kasan)$(if $(filter 0,$(TESTS)),-notests)$(if \
           $(filter 0,$(KFENCE)),-nokfence)
CROSS   ?= arm-none-eabi-
CC      := $(CROSS)gcc
LD      := $(CROSS)ld
OBJCOPY := $(CROSS)objcopy
OBJDUMP := $(CROSS)objdump
NM      := $(CROSS)nm
SMP     ?= $(QEMU_SMP)
MEM     ?= $(QEMU_MEM)
ARGS    ?=
PYTHON  ?= python3

ARCHFLAGS := -mcpu=cortex-a9 -marm -mfloat-abi=soft
CPPFLAGS  := -Iinclude -Iarch/arm/include -I$(O)/include -DBOARD_NAME='"$(BOARD)"' -DNR_CPUS=4 -DCONFIG_JUMP_LABEL \
             -DCONFIG_PAGE_OWNER
CFLAGS    := $(ARCHFLAGS) -std=gnu11 -O2 -g -ffreestanding -fno-common \
             -fno-strict-aliasing -fno-omit-frame-pointer -mapcs-frame \
             -Wall -Wextra -Werror -Wno-unused-parameter -Wmissing-prototypes \
             -Wstrict-prototypes -MMD -MP
ASFLAGS   := $(ARCHFLAGS) -g -D__ASSEMBLER__ -MMD -MP
# Asked of the compiler when linking, not when this file is read: on a new
# machine `make run` installs the compiler (deps) after reading it.
LIBS       = $(shell $(CC) $(ARCHFLAGS) -print-file-name=libc.a) \
             $(shell $(CC) $(ARCHFLAGS) -print-libgcc-file-name)
LDFLAGS   := $(ARCHFLAGS) -nostdlib -nostartfiles -static \
             -Wl,-T,linker.ld -Wl,--defsym=LOAD_ADDR=$(LOAD_ADDR) -Wl,-z,noexecstack \
             -Wl,--no-warn-rwx-segments

# Every .c and .S file below these trees is part of the kernel, so a new
# folder needs no edit here; of the board descriptions (boards/) and machine
# families (mach-*/), each board adds only its own. TESTS=0 leaves out the
# self-test suites (*_kunit.c), their helpers (lib/kunit/test_*.c) and the
# benchmarks (*bench.c). KASAN's runtime is only in a KASAN kernel, KFENCE's
# only in the others (unless KFENCE=0).
KERNEL_TREES := arch/arm kernel mm drivers lib
KASAN_SRCS := arch/arm/mm/kasan_init.c $(wildcard mm/kasan_*.c)
KFENCE_SRCS := $(wildcard mm/kfence*.c)
NOT_BUILT := $(if $(filter 1,$(KASAN)),$(KFENCE_SRCS),$(KASAN_SRCS) $(if $(filter 1,$(KFENCE)),,$(KFENCE_SRCS)))
SRCS := $(filter-out $(NOT_BUILT), \
          $(sort $(shell find $(KERNEL_TREES) \( -name '*.c' -o -name '*.S' \) \
                  -not -path 'arch/arm/boards/*' -not -path 'arch/arm/mach-*'))) \
        arch/arm/boards/$(BOARD).c $(BOARD_EXTRA_SRCS)
ifeq ($(TESTS),0)
SRCS := $(filter-out %_kunit.c lib/kunit/test_%.c %bench.c,$(SRCS))
else ifneq ($(TESTS),1)
$(error TESTS must be 1 (self-tests and benchmarks built in, the default) or 0)
endif
OBJS := $(patsubst %,$(O)/%.o,$(basename $(SRCS)))

# make KASAN=1: the kernel address sanitizer (include/linux/kasan.h), in
# build/<board>-kasan. Outline checks (a call per access), stack and global
# red zones; the C library's string functions are wrapped with checked ones.
ifeq ($(KASAN),1)
CPPFLAGS += -DCONFIG_KASAN
KASAN_CFLAGS := -fsanitize=kernel-address -fasan-shadow-offset=0x9f000000 \
                --param asan-stack=1 --param asan-globals=1 \
                --param asan-instrumentation-with-call-threshold=0
# Every caller keeps its frame: reports' allocation and free stacks start
# at the allocator's entry point, not past it.
CFLAGS += -fno-optimize-sibling-calls
# Not instrumented (Linux's KASAN_SANITIZE_file.o := n): the runtime and the
# shadow set-up, the slab's internals (they touch free objects and red
# zones by design), and code that reads other frames' stacks.
KASAN_SANITIZE_N := arch/arm/mm/kasan_init.c mm/kasan_common.c mm/kasan_generic.c mm/kasan_globals.c \
                    mm/kasan_quarantine.c mm/kasan_report.c mm/kasan_string.c \
                    lib/stackdepot.c mm/slab.c mm/slab_common.c mm/slab_debug.c \
                    mm/kmalloc.c arch/arm/stacktrace.c arch/arm/traps.c
KASAN_WRAPPED := memcpy memmove memset memcmp memchr strlen strnlen strcpy strncpy \
                 strcmp strncmp strchr strstr strcspn
LDFLAGS += $(foreach f,$(KASAN_WRAPPED),-Wl,--wrap=$(f))
kasan_flags = $(if $(filter $(1),$(KASAN_SANITIZE_N)),-include include/mica/kasan_string.h,$(KASAN_CFLAGS))
else ifeq ($(KFENCE),1)
# KFENCE (include/linux/kfence.h): sampling, in every kernel but a KASAN one;
# KFENCE=0 leaves it out (build/<board>-nokfence), to measure what it costs.
CPPFLAGS += -DCONFIG_KFENCE
endif

KERNEL := $(O)/mica.elf
# U-Boot images (see `uimage` below).
UIMAGES := $(O)/uImage $(O)/uImage.gz $(O)/boot.scr.uimg $(O)/boot-initrd.scr.uimg
# What out-of-tree modules build against (tools/kbuild/modules.mk).
ABI_H   := $(O)/include/generated/abi.h
SYMVERS := $(O)/Module.symvers

# `make -C <mica> M=<dir> [modules|clean]` builds the modules in <dir>
# against this tree, as Kbuild does; nothing below is used then.
include tools/kbuild/modules.mk
ifeq ($(M),)

.PHONY: all run debug check clean bench help deps lint uimage tftpboot initramfs
all: $(KERNEL) $(O)/mica.bin $(O)/System.map $(UIMAGES) $(SYMVERS)

# KBUILD_MODNAME: the prefix of a built-in file's module_param()s on the
# command line ("<file>.<param>=value").
$(O)/%.o: %.c $(O)/.flags | $(ABI_H)
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) $(CFLAGS) $(call kasan_flags,$<) -DKBUILD_MODNAME='"$(subst -,_,$(notdir $*))"' -c $< -o $@

$(O)/%.o: %.S $(O)/.flags | $(ABI_H)
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) $(ASFLAGS) -c $< -o $@

# The version magic's hash (linux/vermagic.h): every header a module can
# include, and the flags that shape structures; rewritten only on change.
ABI_HEADERS := $(sort $(shell find include arch/arm/include -name '*.h'))
$(ABI_H): $(ABI_HEADERS) tools/abi-hash.sh FORCE
	@mkdir -p $(dir $@)
	@tools/abi-hash.sh '$(ARCHFLAGS) -DNR_CPUS=4 -DCONFIG_JUMP_LABEL$(if $(filter 1,$(KASAN)), -DCONFIG_KASAN)' $(ABI_HEADERS) > $@.tmp
	@cmp -s $@.tmp $@ && rm $@.tmp || mv $@.tmp $@

# The kernel's exports, for out-of-tree builds (Linux's Module.symvers
# format), from the objects' export tables: the loader's self-test links
# modules built against it into the kernel.
MODULE_KUNIT_O := $(O)/kernel/module/module_kunit.o
MODULE_BENCH_O := $(O)/kernel/module/module_bench.o
$(SYMVERS): $(filter-out $(MODULE_KUNIT_O) $(MODULE_BENCH_O),$(OBJS)) tools/modpost.py
	@$(OBJDUMP) -t $(filter %.o,$^) | $(PYTHON) tools/modpost.py symvers vmlinux > $@

# The loader's self-test loads real modules (tests/modules/), built as any
# out-of-tree module is and linked into the image.
# (mt_nongpl uses a GPL-only export on purpose: KBUILD_MODPOST_WARN lets it build.)
TEST_MODULES_DIR := $(O)/test-modules
include tests/modules/Kbuild
TEST_MODULES := $(addprefix $(TEST_MODULES_DIR)/,$(obj-m:.o=.ko))
obj-m :=
# module_bench (kernel/module/module_bench.c) loads samples/hello, built there too.
$(TEST_MODULES) &: $(SYMVERS) $(ABI_H) $(wildcard tests/modules/*) tools/kbuild/Makefile.build
	@$(MAKE) --no-print-directory -f tools/kbuild/Makefile.build $(KBUILD_ENV) \
		KBUILD_EXTMOD=$(CURDIR)/tests/modules MO=$(CURDIR)/$(TEST_MODULES_DIR) \
		KBUILD_MODPOST_WARN=1 modules
$(TEST_MODULES_DIR)/hello/hello.ko: $(SYMVERS) $(ABI_H) samples/hello/hello.c tools/kbuild/Makefile.build
	@$(MAKE) --no-print-directory -f tools/kbuild/Makefile.build $(KBUILD_ENV) \
		KBUILD_EXTMOD=$(CURDIR)/samples/hello MO=$(CURDIR)/$(TEST_MODULES_DIR)/hello modules
$(MODULE_KUNIT_O) $(MODULE_BENCH_O): $(TEST_MODULES) $(TEST_MODULES_DIR)/hello/hello.ko
$(MODULE_KUNIT_O) $(MODULE_BENCH_O): CPPFLAGS += -DMODULE_TEST_DIR='"$(TEST_MODULES_DIR)"'

# Rebuild everything when the flags change.
$(O)/.flags: FORCE
	@mkdir -p $(O)
	@echo '$(CPPFLAGS) $(CFLAGS) $(KASAN_CFLAGS) $(KASAN_SANITIZE_N) $(LOAD_ADDR)' | cmp -s - $@ || \
		echo '$(CPPFLAGS) $(CFLAGS) $(KASAN_CFLAGS) $(KASAN_SANITIZE_N) $(LOAD_ADDR)' > $@

# Symbolic backtraces need the kernel's own symbol table inside it. The table's
# size depends only on the names, so: link with an empty table, generate it,
# link again, regenerate with the final addresses, and link a last time.
$(O)/kallsyms0.S:
	@mkdir -p $(O)
	$(PYTHON) tools/kallsyms.py --empty > $@
$(O)/%.kso: $(O)/%.S
	$(CC) $(ASFLAGS) -c $< -o $@
$(O)/vmlinux0.elf: $(OBJS) $(O)/kallsyms0.kso linker.ld
	$(CC) $(LDFLAGS) -o $@ $(OBJS) $(O)/kallsyms0.kso $(LIBS)
$(O)/kallsyms1.S: $(O)/vmlinux0.elf tools/kallsyms.py
	$(NM) -n $< | $(PYTHON) tools/kallsyms.py > $@
$(O)/vmlinux1.elf: $(OBJS) $(O)/kallsyms1.kso linker.ld
	$(CC) $(LDFLAGS) -o $@ $(OBJS) $(O)/kallsyms1.kso $(LIBS)
$(O)/kallsyms2.S: $(O)/vmlinux1.elf tools/kallsyms.py
	$(NM) -n $< | $(PYTHON) tools/kallsyms.py > $@
$(KERNEL): $(OBJS) $(O)/kallsyms2.kso linker.ld
	$(CC) $(LDFLAGS) -o $@ $(OBJS) $(O)/kallsyms2.kso $(LIBS)
	@$(NM) -n $@ | $(PYTHON) tools/kallsyms.py | cmp -s - $(O)/kallsyms2.S || \
		{ echo "kallsyms: symbol table did not converge" >&2; rm -f $@; exit 1; }

$(O)/mica.bin: $(KERNEL)
	$(OBJCOPY) -O binary $< $@
$(O)/System.map: $(KERNEL)
	$(NM) -n $< | grep -v '\( [aNUw] \)\|\(\$$[adt]\)' > $@

# U-Boot legacy images (u-boot-tools' mkimage), built with every kernel: the
# raw binary, plain and gzip-compressed, loaded and entered at the board's
# LOAD_ADDR by `bootm`; and the boot script `make tftpboot` serves.
MKIMAGE := mkimage
$(O)/uImage: $(O)/mica.bin
	$(MKIMAGE) -A arm -O linux -T kernel -C none -a $(LOAD_ADDR) -e $(LOAD_ADDR) \
		-n "Mica $(BOARD)" -d $< $@ > /dev/null
$(O)/mica.bin.gz: $(O)/mica.bin
	gzip -9 -n -c $< > $@
$(O)/uImage.gz: $(O)/mica.bin.gz
	$(MKIMAGE) -A arm -O linux -T kernel -C gzip -a $(LOAD_ADDR) -e $(LOAD_ADDR) \
		-n "Mica $(BOARD)" -d $< $@ > /dev/null
$(O)/boot.scr.uimg: tools/uboot/boot-tftp.cmd
	@mkdir -p $(O)
	$(MKIMAGE) -A arm -O linux -T script -C none -n "Mica TFTP boot" -d $< $@ > /dev/null
$(O)/boot-initrd.scr.uimg: tools/uboot/boot-tftp-initrd.cmd
	@mkdir -p $(O)
	$(MKIMAGE) -A arm -O linux -T script -C none -n "Mica TFTP boot, initramfs" -d $< $@ > /dev/null
uimage: $(UIMAGES)

# MODULES="dir file ...": an initramfs of those files (a directory gives its
# *.ko files), unpacked by the kernel into the file list (`ls`). QEMU takes
# it with -initrd where the board boots the raw image as Linux
# (QEMU_INITRD := initrd in the board's .mk: ATAGS or a DTB say where it
# is); otherwise QEMU's loader device puts it at INITRD_ADDR and the
# command line says initrd=<start>,<size>, as on Linux. For U-Boot, the
# same archive as a ramdisk image. docs/delivery.md has the details.
MODULES ?=
INITRAMFS := $(O)/initramfs.cpio
$(INITRAMFS): FORCE
	@mkdir -p $(O)
	$(PYTHON) tools/mkcpio.py $@ $(MODULES)
$(O)/initramfs.uimg: $(INITRAMFS)
	$(MKIMAGE) -A arm -O linux -T ramdisk -C none -n "Mica initramfs" -d $< $@ > /dev/null
initramfs: $(INITRAMFS) $(O)/initramfs.uimg

# The U-Boot flow on QEMU virt: Debian's U-Boot fetches boot.scr.uimg and
# the uImage from build/virt over TFTP and boots the kernel with its DTB.
# `make check` runs it as the virt-uboot-* configurations (tests/qemu/configs.py).
tftpboot: deps
	$(MAKE) BOARD=virt all $(if $(MODULES),initramfs)
	tools/tftpboot-qemu.sh build/virt $(if $(filter virt,$(BOARD)),$(SMP) $(MEM),4 1024) \
		$(if $(MODULES),uImage build/virt/initramfs.uimg)

# How the initramfs reaches the kernel in QEMU (see MODULES above).
ifeq ($(MODULES),)
QEMU_BOOT = -kernel $(KERNEL)
else ifeq ($(QEMU_INITRD),initrd)
QEMU_BOOT = -kernel $(O)/mica.bin -initrd $(INITRAMFS)
else
QEMU_BOOT = -device loader,file=$(INITRAMFS),addr=$(INITRD_ADDR),force-raw=on -kernel $(KERNEL)
# QEMU's option syntax doubles the comma inside the value.
INITRD_ARG = $(comma)arg=initrd=$(INITRD_ADDR)$(comma)$(comma)$$(stat -c %s $(INITRAMFS))
endif
QEMU_CMD = qemu-system-arm -M $(QEMU_MACHINE) -smp $(SMP) -m $(MEM) -nographic \
	$(QEMU_EXTRA) -semihosting-config \
	enable=on,target=native,arg=mica$(foreach a,$(ARGS),$(comma)arg=$(a))$(INITRD_ARG) \
	$(QEMU_BOOT)
comma := ,

# deps first, then a make that starts after the toolchain is there (even with -j).
run: deps
	@$(MAKE) --no-print-directory all $(if $(MODULES),$(INITRAMFS))
	$(QEMU_CMD)

# The console goes to TCP port 4444 (connect with `nc localhost 4444` in a
# second terminal) so that gdb owns this one.
debug: deps
	@$(MAKE) --no-print-directory all $(if $(MODULES),$(INITRAMFS))
	$(subst -nographic,-display none -monitor none -serial tcp::4444$(comma)server$(comma)nowait,$(QEMU_CMD)) \
		-S -gdb tcp::1234 & qemu=$$!; \
	gdb-multiarch -q $(KERNEL) -ex 'source tools/gdb/mica-modules.py' -ex 'target remote :1234'; \
		kill $$qemu 2>/dev/null || true

deps:
	@tools/install-deps.sh

# Host tests: each fragment tests/host/Makefile.<name> defines check-<name>
# (and may add more targets to HOST_TESTS; see tests/host/README.md).
# `make check` runs them all, builds the kernels and boots every QEMU
# configuration (tests/qemu/).
HOST_FRAGMENTS := $(wildcard tests/host/Makefile.*)
HOST_CC     ?= gcc
HOST_CFLAGS := -std=gnu11 -O1 -g -Wall -Wextra -Werror -Wno-unused-parameter -Wmissing-prototypes
HOST_O      := build/host
HOST_TESTS  := $(patsubst tests/host/Makefile.%,check-%,$(HOST_FRAGMENTS))
include $(HOST_FRAGMENTS)

check: deps
	@$(PYTHON) tests/check.py --make '$(MAKE)' $(HOST_TESTS)
.PHONY: $(HOST_TESTS)

clean:
	rm -rf build

help:
	@echo "make [BOARD=$(BOARDS)]      build build/<board>/mica.elf, mica.bin, System.map"
	@echo "make TESTS=0                the same without self-tests and benchmarks (build/<board>-notests/)"
	@echo "make KASAN=1 [BOARD=...]    the same with the kernel address sanitizer, in build/<board>-kasan"
	@echo "make KFENCE=0               the same without KFENCE's sampling (build/<board>-nokfence/)"
	@echo "make run [SMP=n MEM=MiB ARGS='k=v ...']  boot in QEMU, console on this terminal (Ctrl-A X quits)"
	@echo "make run MODULES='dir file ...'  the same with those files (a dir: its *.ko) in an initramfs"
	@echo "make initramfs MODULES=...  just the archive: build/<board>/initramfs.cpio and .uimg (U-Boot)"
	@echo "make uimage [BOARD=...]     U-Boot images build/<board>/uImage and uImage.gz (bootm)"
	@echo "make tftpboot [MODULES=...] QEMU virt: Debian's U-Boot boots the uImage (and initramfs) over TFTP"
	@echo "make debug                  QEMU halted with a gdb server, gdb-multiarch attached"
	@echo "make -C <mica> M=<dir> [modules|clean]  out-of-tree modules, as Kbuild (docs/modules.md)"
	@echo "make check                  host tests and every QEMU configuration; ends 'N passed, N failed'"
	@echo "make check-<name>           one host test fragment (tests/host/Makefile.<name>)"
	@echo "make bench                  benchmarks (not tests)"
	@echo "make deps                   install the Debian packages all of this needs (tools/install-deps.sh)"

endif	# M=

.PHONY: FORCE
FORCE:

-include $(OBJS:.o=.d)
