#!/usr/bin/env bash
# setup.sh - install what is missing, build dmacheck, then either scan the
# bundled example drivers or run the whole test suite.
#
#   bash setup.sh example   # set up, build, scan examples/drivers (prints real findings)
#   bash setup.sh test      # set up, build, run every test (unit, ir, corpus, cli,
#                           #   meta, and the kmod-fixtures agreement test in QEMU)
#
# Works on a fresh Debian 12 machine as root (or with sudo) with only the
# Debian and npm registries. The guest kernel for kmod-fixtures is cached in
# ~/.cache/dmacheck/kernel, the tree-sitter-c grammar tarball in ~/.cache/dmacheck.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")"
mode=${1:-}
case "$mode" in
example|test) ;;
*) echo "usage: bash setup.sh example|test" >&2; exit 2 ;;
esac

BUILD_DIR=${BUILD_DIR:-build}
JOBS=$(nproc 2>/dev/null || echo 2)

# Debian packages each mode needs (build tools, libraries, and for the tests
# the guest-kernel and QEMU toolchain of kmod-fixtures).
build_pkgs=(gcc make cmake pkg-config libtree-sitter-dev libjansson-dev libcmocka-dev python3 ca-certificates)
test_pkgs=(linux-source-6.1 qemu-system-x86 busybox-static cpio kmod bc flex bison libelf-dev libssl-dev
	   jq time xz-utils neovim chromium)

sudo=()
[ "$(id -u)" -eq 0 ] || sudo=(sudo)

missing=()
want=("${build_pkgs[@]}")
[ "$mode" = test ] && want+=("${test_pkgs[@]}")
for p in "${want[@]}"; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing+=("$p")
done
# npm is needed once, to fetch the grammar (any npm will do)
command -v npm >/dev/null 2>&1 || [ -f "$HOME/.cache/dmacheck/tree-sitter-c-0.23.6.tgz" ] || missing+=(npm)

if [ ${#missing[@]} -gt 0 ]; then
	echo "setup: installing ${missing[*]}" >&2
	export DEBIAN_FRONTEND=noninteractive
	"${sudo[@]}" apt-get update -q >&2
	"${sudo[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}" >&2
fi

echo "setup: building in $BUILD_DIR" >&2
cmake -S . -B "$BUILD_DIR" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DDMACHECK_KMOD_TESTS=ON >&2
cmake --build "$BUILD_DIR" -j "$JOBS" >&2

if [ "$mode" = example ]; then
	echo "setup: scanning examples/drivers" >&2
	rc=0
	"$BUILD_DIR/dmacheck" examples/drivers || rc=$?
	# exit status 1 means "findings", which is what the example is for
	[ "$rc" -le 1 ] || exit "$rc"
	echo "setup: done; see examples/README.md for what each finding means" >&2
	exit 0
fi

cd "$BUILD_DIR"
ctest --output-on-failure -j 1
