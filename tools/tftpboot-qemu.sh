#!/bin/sh
# Boot QEMU virt with Debian's U-Boot as firmware; QEMU's user-mode network
# serves DIR over TFTP and names boot.scr.uimg as the DHCP boot file, which
# U-Boot's default network boot fetches and runs.
#   tools/tftpboot-qemu.sh DIR [SMP] [MEM_MiB]
set -e
dir=$1
smp=${2:-4}
mem=${3:-1024}
uboot=/usr/lib/u-boot/qemu_arm/u-boot.bin
if [ ! -r "$uboot" ]; then
	echo "tftpboot: $uboot not found: install u-boot-qemu" >&2
	exit 1
fi
exec qemu-system-arm -M virt -cpu cortex-a15 -smp "$smp" -m "$mem" -nographic \
	-bios "$uboot" \
	-netdev user,id=net0,tftp="$dir",bootfile=boot.scr.uimg \
	-device virtio-net-device,netdev=net0
