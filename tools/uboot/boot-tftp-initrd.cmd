# U-Boot boot script for Mica over TFTP with an initramfs (compiled with
# mkimage -T script into boot-initrd.scr.uimg; tools/tftpboot-qemu.sh serves
# it when given a ramdisk). initramfs.uimg is the cpio archive as a legacy
# ramdisk image (mkimage -T ramdisk); bootm puts it in RAM and names it in
# the device tree's /chosen (linux,initrd-start/-end). The same commands
# work on the FS4412 (docs/delivery.md).
echo "Mica: fetching uImage and initramfs.uimg from ${serverip}"
setenv bootargs "loglevel=8"
tftp ${kernel_addr_r} uImage
tftp ${ramdisk_addr_r} initramfs.uimg
bootm ${kernel_addr_r} ${ramdisk_addr_r} ${fdtcontroladdr}
