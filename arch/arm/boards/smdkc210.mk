# QEMU smdkc210: Samsung Exynos4210, 2 Cortex-A9 cores, 1 GiB at 0x40000000.
LOAD_ADDR     := 0x40008000
QEMU_MACHINE  := smdkc210
QEMU_SMP      := 2
# Fixed by the machine: QEMU ignores -m for smdkc210.
QEMU_MEM      := 1024
# -nographic puts the first serial port, UART0 (the console), on stdio.
QEMU_EXTRA    :=
BOARD_EXTRA_SRCS := $(wildcard arch/arm/mach-exynos/*.c)
# make run MODULES=...: QEMU's raw-image boot leaves the second core in a
# pen on the SoC's internal GIC, which Mica does not drive; so the ELF boot,
# with the archive put in RAM by QEMU's loader device and initrd=ADDR,SIZE.
QEMU_INITRD   := loader
INITRD_ADDR   := 0x48000000
