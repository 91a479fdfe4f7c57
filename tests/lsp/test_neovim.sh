#!/usr/bin/env bash
# test_neovim.sh NVIM DMACHECK RULES_DIR WORKDIR - run test_neovim.lua in a
# headless Neovim (0.7 has no -l, hence -c luafile) against a copy of
# data/buggy_drv.c, and print the checks it wrote.
set -u
nvim=$1 exe=$2 rules=$3 work=$4
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
rm -rf "$work" && mkdir -p "$work/xdg" && cp "$here/data/buggy_drv.c" "$work/drv.c" || exit 1
export DMC_EXE=$exe DMC_RULES=$rules DMC_FILE=$work/drv.c DMC_OUT=$work/result.txt
# keep Neovim's state (lsp.log, shada) inside the work directory
export XDG_STATE_HOME=$work/xdg XDG_CACHE_HOME=$work/xdg XDG_DATA_HOME=$work/xdg XDG_CONFIG_HOME=$work/xdg
rc=0
timeout 90 "$nvim" --headless --clean -n -c "luafile $here/test_neovim.lua" </dev/null >"$work/nvim.out" 2>&1 || rc=$?
cat "$work/result.txt" 2>/dev/null || { echo "no result file; nvim said:"; cat "$work/nvim.out"; }
if [ "$rc" -ne 0 ] || ! grep -q '^all checks passed$' "$work/result.txt" 2>/dev/null; then
	echo "neovim test failed (nvim status $rc)"
	exit 1
fi
