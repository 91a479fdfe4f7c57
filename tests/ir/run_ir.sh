#!/bin/bash
# run_ir.sh - golden tests of `dmacheck --dump-ir`.
#
# usage: run_ir.sh /path/to/dmacheck RULES_DIR CASE.c...
#   For each CASE.c, compares `dmacheck --dump-ir CASE.c` (run from the case's
#   directory, so paths in the dump are stable) with CASE.ir and prints a
#   unified diff on a mismatch. A dump containing "VERIFY FAILED" always fails.
#   UPDATE=1 rewrites CASE.ir from the current output instead (then READ the
#   diff with `git diff tests/ir` before committing: a golden is a claim that
#   the IR is right, not a snapshot of whatever the binary printed).
#
# Regenerate every golden:
#   UPDATE=1 tests/ir/run_ir.sh build/dmacheck rules tests/ir/*.c
# With DMC_DUMP=facts it runs `--dump-facts` against CASE.facts instead (the
# address-space facts; tests/facts/).
set -u
BIN=${1:?usage: run_ir.sh DMACHECK RULES_DIR CASE.c...}
RULES=${2:?usage: run_ir.sh DMACHECK RULES_DIR CASE.c...}
shift 2
BIN=$(cd "$(dirname "$BIN")" && pwd)/$(basename "$BIN")
RULES=$(cd "$RULES" && pwd)
failed=0
MODE=${DMC_DUMP:-ir}
for c in "$@"; do
	dir=$(dirname "$c") base=$(basename "$c" .c)
	golden="$dir/$base.$MODE"
	actual=$(cd "$dir" && "$BIN" --rules-dir "$RULES" --dump-$MODE "$base.c" 2>&1)
	rc=$?
	if [ $rc -ne 0 ]; then
		echo "FAIL $base: dmacheck --dump-ir exited $rc"
		printf '%s\n' "$actual" | sed 's/^/  /'
		failed=$((failed + 1))
		continue
	fi
	if printf '%s\n' "$actual" | grep -q 'VERIFY FAILED'; then
		echo "FAIL $base: IR verification failed"
		printf '%s\n' "$actual" | grep 'VERIFY FAILED' | sed 's/^/  /'
		failed=$((failed + 1))
	fi
	if [ "${UPDATE:-0}" = 1 ]; then
		printf '%s\n' "$actual" >"$golden"
		echo "updated $golden"
		continue
	fi
	if [ ! -f "$golden" ]; then
		echo "FAIL $base: no golden $golden (run with UPDATE=1, then review it)"
		failed=$((failed + 1))
		continue
	fi
	if printf '%s\n' "$actual" | diff -u --label "$base.$MODE (expected)" --label "$base.$MODE (actual)" "$golden" - ; then
		echo "ok   $base"
	else
		failed=$((failed + 1))
		echo "FAIL $base: IR differs from $golden (UPDATE=1 to regenerate after review)"
	fi
done
[ $failed -eq 0 ]
