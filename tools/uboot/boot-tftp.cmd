# U-Boot boot script for Mica over TFTP (compiled by `make tftpboot` with
# mkimage -T script into boot.scr.uimg). The same commands a user types on
# the FS4412, with U-Boot's own device tree handed to the kernel in r2.
echo "Mica: fetching uImage from ${serverip}"
setenv bootargs "loglevel=8"
tftp ${kernel_addr_r} uImage
bootm ${kernel_addr_r} - ${fdtcontroladdr}
