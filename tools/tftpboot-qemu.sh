#!/bin/sh
# Boot QEMU virt with Debian's U-Boot as firmware; QEMU's user-mode network
# serves a TFTP directory and names boot.scr.uimg as the DHCP boot file,
# which U-Boot's default network boot fetches and runs (it loads "uImage").
#   tools/tftpboot-qemu.sh BUILD_DIR [SMP] [MEM_MiB] [IMAGE] [RAMDISK]
# IMAGE (default uImage) is served as "uImage", e.g. uImage.gz. RAMDISK, a
# ramdisk image (mkimage -T ramdisk, e.g. BUILD_DIR/initramfs.uimg), is
# served as "initramfs.uimg" with boot-initrd.scr.uimg as the boot script,
# which hands it to the kernel with bootm.
set -e
dir=$1
smp=${2:-4}
mem=${3:-1024}
image=${4:-uImage}
ramdisk=${5:-}
script=boot.scr.uimg
[ -n "$ramdisk" ] && script=boot-initrd.scr.uimg
uboot=/usr/lib/u-boot/qemu_arm/u-boot.bin
if [ ! -r "$uboot" ]; then
	echo "tftpboot: $uboot not found: install u-boot-qemu" >&2
	exit 1
fi
for f in "$image" "$script"; do
	if [ ! -r "$dir/$f" ]; then
		echo "tftpboot: $dir/$f missing: make BOARD=virt uimage" >&2
		exit 1
	fi
done
tftp=$(mktemp -d "${TMPDIR:-/tmp}/mica-tftp.XXXXXX")
trap 'rm -rf "$tftp"' EXIT
cp "$dir/$image" "$tftp/uImage"
cp "$dir/$script" "$tftp/boot.scr.uimg"
if [ -n "$ramdisk" ]; then
	if [ ! -r "$ramdisk" ]; then
		echo "tftpboot: ramdisk $ramdisk missing" >&2
		exit 1
	fi
	cp "$ramdisk" "$tftp/initramfs.uimg"
fi
qemu-system-arm -M virt -cpu cortex-a15 -smp "$smp" -m "$mem" -nographic \
	-bios "$uboot" \
	-netdev user,id=net0,tftp="$tftp",bootfile=boot.scr.uimg \
	-device virtio-net-device,netdev=net0
