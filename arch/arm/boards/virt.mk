# QEMU virt with Cortex-A15 cores: RAM at 0x40000000, PL011, GICv2, generic
# timer, PSCI. Also booted through Debian's U-Boot by `make tftpboot`.
LOAD_ADDR     := 0x40008000
QEMU_MACHINE  := virt
QEMU_SMP      := 4
QEMU_MEM      := 1024
# No network card: Mica has no driver for it, and QEMU's default one needs
# the efi-virtio.rom option ROM (package ipxe-qemu), which a minimal
# install lacks.
QEMU_EXTRA    := -cpu cortex-a15 -nic none
# make run MODULES=...: QEMU boots the raw image as Linux and passes -initrd.
QEMU_INITRD   := initrd
