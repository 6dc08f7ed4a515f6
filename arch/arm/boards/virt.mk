# QEMU virt with Cortex-A15 cores: RAM at 0x40000000, PL011, GICv2, generic
# timer, PSCI. Also booted through Debian's U-Boot by `make tftpboot`.
LOAD_ADDR     := 0x40008000
QEMU_MACHINE  := virt
QEMU_SMP      := 4
QEMU_MEM      := 1024
# No default NIC: the direct boot needs none, and QEMU's default
# virtio-net-pci wants ipxe-qemu's option ROM, which a machine without
# recommended packages lacks (the U-Boot flow adds its own virtio-net-device).
QEMU_EXTRA    := -cpu cortex-a15 -nic none
