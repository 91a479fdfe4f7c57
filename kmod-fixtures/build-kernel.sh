#!/usr/bin/env bash
# build-kernel.sh: build (or find in the cache) the guest kernel used by the
# kmod fixtures.
#
#   build-kernel.sh [--print-dir] [--force] [-j N]
#
# The kernel is Debian's linux-source-6.1 tarball configured with
# `make ARCH=x86_64 tinyconfig` plus kernel.config (next to this script).
# The result lives in
#
#   ${DMACHECK_KERNEL_CACHE:-~/.cache/dmacheck/kernel}/<key>/
#       bzImage      the guest kernel
#       config       the final .config
#       linux/       the build tree: `make -C linux M=<dir> modules` works
#       .complete    written last; a directory without it is rebuilt
#
# where <key> hashes the source package version, the fragment, the gcc version
# and RECIPE below.  A warm cache needs neither the tarball nor kconfig: the
# script only computes the key and checks .complete.
#
# On success the cache directory is printed on stdout (and nothing else), so
# callers can do: kdir=$(./build-kernel.sh).  Progress goes to stderr.
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
readonly HERE
readonly FRAGMENT=$HERE/kernel.config
readonly TARBALL=${DMACHECK_KERNEL_TARBALL:-/usr/src/linux-source-6.1.tar.xz}
readonly SRC_PACKAGE=linux-source-6.1
readonly CACHE_ROOT=${DMACHECK_KERNEL_CACHE:-$HOME/.cache/dmacheck/kernel}
# Bump when the build recipe itself changes in a way that alters the output.
readonly RECIPE=2

log() { printf 'build-kernel: %s\n' "$*" >&2; }
die() { log "error: $*"; exit 1; }

usage() {
    sed -n '2,/^set -euo/p' "${BASH_SOURCE[0]}" | sed '$d; s/^# \{0,1\}//' >&2
    exit "${1:-0}"
}

# --- host tools ------------------------------------------------------------

# ensure_tools CMD:PACKAGE...: apt-get install the packages whose command is
# missing (only then, and only with --no-install-recommends).
ensure_tools() {
    local pair missing=()
    for pair in "$@"; do
        command -v "${pair%%:*}" >/dev/null 2>&1 || missing+=("${pair#*:}")
    done
    ((${#missing[@]} == 0)) && return 0
    log "installing missing tools: ${missing[*]}"
    local sudo=()
    ((EUID == 0)) || sudo=(sudo)
    "${sudo[@]}" apt-get install -y --no-install-recommends "${missing[@]}" >&2 ||
        { "${sudo[@]}" apt-get update >&2 &&
          "${sudo[@]}" apt-get install -y --no-install-recommends "${missing[@]}" >&2; }
}

# ensure_headers HEADER:PACKAGE...: same for development headers.
ensure_headers() {
    local pair missing=()
    for pair in "$@"; do
        [[ -e /usr/include/${pair%%:*} ]] || missing+=("${pair#*:}")
    done
    ((${#missing[@]} == 0)) && return 0
    ensure_tools "${missing[@]/#/__no_such_command__:}"
}

# --- cache key -------------------------------------------------------------

source_version() {
    local v
    if v=$(dpkg-query -W -f='${Version}' "$SRC_PACKAGE" 2>/dev/null) && [[ -n $v ]]; then
        printf '%s %s\n' "$SRC_PACKAGE" "$v"
    elif [[ -f $TARBALL ]]; then
        # Not installed from a package: identify the tarball by size and mtime.
        stat -c '%n %s %Y' "$TARBALL"
    else
        die "cannot identify the kernel source: $SRC_PACKAGE not installed and $TARBALL missing"
    fi
}

cache_key() {
    {
        source_version
        cat "$FRAGMENT"
        gcc --version | head -n1
        echo "recipe $RECIPE"
    } | sha256sum | cut -c1-16
}

# --- build -----------------------------------------------------------------

# check_fragment CONFIG: every line of the fragment must survive in CONFIG.
check_fragment() {
    local config=$1 line sym bad=0
    while IFS= read -r line; do
        case $line in
            CONFIG_*=*) sym=${line%%=*} ;;
            '# CONFIG_'*' is not set') sym=${line#\# }; sym=${sym%% *} ;;
            *) continue ;;
        esac
        if ! grep -qxF -- "$line" "$config"; then
            log "kconfig dropped '$line' (final: $(grep -E "^(# )?${sym}[= ]" "$config" || echo 'absent'))"
            bad=1
        fi
    done <"$FRAGMENT"
    ((bad == 0)) || die "the final .config does not honour $FRAGMENT (see above)"
}

build_kernel() {
    local dir=$1 jobs=$2 tree=$1/linux
    local tops

    ensure_tools make:make gcc:gcc bc:bc flex:flex bison:bison xz:xz-utils \
        cpio:cpio perl:perl
    ensure_headers libelf.h:libelf-dev openssl/opensslv.h:libssl-dev
    [[ -f $TARBALL ]] || ensure_tools "__no_such_command__:$SRC_PACKAGE"
    [[ -f $TARBALL ]] || die "$TARBALL not found"

    rm -rf "$dir"
    mkdir -p "$dir"
    log "unpacking $TARBALL"
    mkdir "$dir/unpack"
    tar -xJf "$TARBALL" -C "$dir/unpack"
    tops=("$dir"/unpack/*)
    ((${#tops[@]} == 1)) || die "expected one top-level directory in $TARBALL"
    mv "${tops[0]}" "$tree"
    rmdir "$dir/unpack"

    log "configuring: tinyconfig + $(basename "$FRAGMENT") (log: $dir/config.log)"
    if ! {
        make -C "$tree" -s ARCH=x86_64 tinyconfig &&
        "$tree/scripts/kconfig/merge_config.sh" -m -O "$tree" "$tree/.config" "$FRAGMENT" &&
        make -C "$tree" -s ARCH=x86_64 olddefconfig
    } >"$dir/config.log" 2>&1; then
        tail -n 20 "$dir/config.log" >&2
        die "kernel configuration failed (full log: $dir/config.log)"
    fi
    check_fragment "$tree/.config"

    log "building bzImage and modules with -j$jobs (log: $dir/build.log)"
    local start=$SECONDS
    if ! make -C "$tree" ARCH=x86_64 -j"$jobs" bzImage modules >"$dir/build.log" 2>&1; then
        tail -n 40 "$dir/build.log" >&2
        die "kernel build failed (full log: $dir/build.log)"
    fi
    log "kernel built in $((SECONDS - start)) s"
    [[ -f $tree/Module.symvers ]] || die "no Module.symvers after the build"

    cp "$tree/arch/x86/boot/bzImage" "$dir/bzImage"
    cp "$tree/.config" "$dir/config"
    cp "$FRAGMENT" "$dir/kernel.config"
    # The documentation is never needed for out-of-tree module builds.
    rm -rf "$tree/Documentation"
    date -u +%FT%TZ >"$dir/.complete"
}

main() {
    local force=0 jobs=$(($(nproc) + 1))
    while (($#)); do
        case $1 in
            --print-dir) ;;     # the default; kept for readability at call sites
            --force) force=1 ;;
            -j) jobs=$2; shift ;;
            -j*) jobs=${1#-j} ;;
            -h|--help) usage 0 ;;
            *) log "unknown argument: $1"; usage 2 ;;
        esac
        shift
    done

    [[ -f $FRAGMENT ]] || die "missing $FRAGMENT"
    local dir
    dir=$CACHE_ROOT/$(cache_key)
    mkdir -p "$CACHE_ROOT"

    # One builder at a time per cache root; others wait, then find it warm.
    exec 9>"$CACHE_ROOT/.lock"
    flock 9
    if ((force == 0)) && [[ -f $dir/.complete && -f $dir/bzImage ]]; then
        log "cache hit: $dir"
    else
        log "cache miss: building into $dir"
        build_kernel "$dir" "$jobs"
    fi
    printf '%s\n' "$dir"
}

main "$@"
