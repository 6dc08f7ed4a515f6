# Mica — build, run and test. `make help` lists the targets.
BOARD   ?= vexpress-a9
BOARDS  := $(patsubst arch/arm/boards/%.mk,%,$(wildcard arch/arm/boards/*.mk))
ifeq ($(filter $(BOARD),$(BOARDS)),)
$(error unknown BOARD '$(BOARD)'; choose one of: $(BOARDS))
endif
include arch/arm/boards/$(BOARD).mk

TESTS   ?= 1
O       := build/$(BOARD)$(if $(filter 0,$(TESTS)),-notests)
CROSS   ?= arm-none-eabi-
CC      := $(CROSS)gcc
OBJCOPY := $(CROSS)objcopy
NM      := $(CROSS)nm
SMP     ?= $(QEMU_SMP)
MEM     ?= $(QEMU_MEM)
ARGS    ?=
PYTHON  ?= python3

ARCHFLAGS := -mcpu=cortex-a9 -marm -mfloat-abi=soft
CPPFLAGS  := -Iinclude -Iarch/arm/include -DBOARD_NAME='"$(BOARD)"' -DNR_CPUS=4 -DCONFIG_JUMP_LABEL
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
# benchmarks (*bench.c).
KERNEL_TREES := arch/arm kernel mm drivers lib
SRCS := $(sort $(shell find $(KERNEL_TREES) \( -name '*.c' -o -name '*.S' \) \
                  -not -path 'arch/arm/boards/*' -not -path 'arch/arm/mach-*')) \
        arch/arm/boards/$(BOARD).c $(BOARD_EXTRA_SRCS)
ifeq ($(TESTS),0)
SRCS := $(filter-out %_kunit.c lib/kunit/test_%.c %bench.c,$(SRCS))
else ifneq ($(TESTS),1)
$(error TESTS must be 1 (self-tests and benchmarks built in, the default) or 0)
endif
OBJS := $(patsubst %,$(O)/%.o,$(basename $(SRCS)))

KERNEL := $(O)/mica.elf
# U-Boot images (see `uimage` below).
UIMAGES := $(O)/uImage $(O)/uImage.gz $(O)/boot.scr.uimg $(O)/boot-initrd.scr.uimg

.PHONY: all run debug check clean bench help deps lint uimage tftpboot initramfs
all: $(KERNEL) $(O)/mica.bin $(O)/System.map $(UIMAGES)

$(O)/%.o: %.c $(O)/.flags
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) $(CFLAGS) -c $< -o $@

$(O)/%.o: %.S $(O)/.flags
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) $(ASFLAGS) -c $< -o $@

# Rebuild everything when the flags change.
$(O)/.flags: FORCE
	@mkdir -p $(O)
	@echo '$(CPPFLAGS) $(CFLAGS) $(LOAD_ADDR)' | cmp -s - $@ || echo '$(CPPFLAGS) $(CFLAGS) $(LOAD_ADDR)' > $@

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
	gdb-multiarch -q $(KERNEL) -ex 'target remote :1234'; kill $$qemu 2>/dev/null || true

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
	@echo "make run [SMP=n MEM=MiB ARGS='k=v ...']  boot in QEMU, console on this terminal (Ctrl-A X quits)"
	@echo "make run MODULES='dir file ...'  the same with those files (a dir: its *.ko) in an initramfs"
	@echo "make initramfs MODULES=...  just the archive: build/<board>/initramfs.cpio and .uimg (U-Boot)"
	@echo "make uimage [BOARD=...]     U-Boot images build/<board>/uImage and uImage.gz (bootm)"
	@echo "make tftpboot [MODULES=...] QEMU virt: Debian's U-Boot boots the uImage (and initramfs) over TFTP"
	@echo "make debug                  QEMU halted with a gdb server, gdb-multiarch attached"
	@echo "make check                  host tests and every QEMU configuration; ends 'N passed, N failed'"
	@echo "make check-<name>           one host test fragment (tests/host/Makefile.<name>)"
	@echo "make bench                  benchmarks (not tests)"
	@echo "make deps                   install the Debian packages all of this needs (tools/install-deps.sh)"

.PHONY: FORCE
FORCE:

-include $(OBJS:.o=.d)
