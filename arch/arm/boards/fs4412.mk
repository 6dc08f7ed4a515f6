# Farsight FS4412: Samsung Exynos4412, 4 Cortex-A9 cores, 1 GiB at 0x40000000.
# Real hardware only (see docs/fs4412.md); QEMU has no Exynos4412 machine,
# so `make run BOARD=fs4412` is not offered: use BOARD=smdkc210 in QEMU.
LOAD_ADDR     := 0x40008000
QEMU_MACHINE  :=
QEMU_SMP      := 4
QEMU_MEM      := 1024
QEMU_EXTRA    :=
BOARD_EXTRA_SRCS := $(wildcard arch/arm/mach-exynos/*.c)
