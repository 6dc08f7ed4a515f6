#!/usr/bin/env bash
# Install what building, running and testing Mica needs (Debian 12), with
# apt-get, only when something is missing. Quiet and quick when all is there.
# Add a package: append it to PACKAGES below, with the reason.
set -euo pipefail

PACKAGES=(
	make python3                            # build driver, kallsyms, test harness
	gcc-arm-none-eabi libnewlib-arm-none-eabi   # cross compiler, libc (string functions)
	qemu-system-arm                         # boards: vexpress-a9, smdkc210, virt
	u-boot-tools u-boot-qemu                # mkimage; U-Boot for the virt boot flow
	lrzsz                                   # sb: YMODEM uploads to loady (make check, docs)
	gdb-multiarch                           # make debug
	gcc libcmocka-dev                       # host unit tests
	clang sparse cppcheck                   # static checks
	libclang-rt-14-dev                      # clang's ASan/UBSan and libFuzzer runtimes (only recommended by clang)
	libjemalloc-dev libmimalloc-dev         # make bench: allocators the page allocator is compared with
)

if ! command -v dpkg-query >/dev/null; then
	echo "install-deps: not a Debian system; install by hand: ${PACKAGES[*]}" >&2
	exit 0
fi

# "ii " marks an installed package; anything else (or no line) is missing.
missing=()
while read -r pkg; do
	missing+=("$pkg")
done < <(comm -23 <(printf '%s\n' "${PACKAGES[@]}" | sort -u) \
	<(dpkg-query -W -f='${db:Status-Abbrev} ${Package}\n' "${PACKAGES[@]}" 2>/dev/null |
	  awk '$1 == "ii" { print $2 }' | sort -u))
[ ${#missing[@]} -eq 0 ] && exit 0

echo "install-deps: installing ${missing[*]}"
sudo=()
if [ "$(id -u)" -ne 0 ]; then
	command -v sudo >/dev/null || { echo "install-deps: need root or sudo" >&2; exit 1; }
	sudo=(sudo)
fi
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -qq
"${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
