#!/bin/bash
# test_scan.sh - the kernel-tree-scan options of dmacheck: -p (compile_commands.json),
# --exclude, the progress line on a terminal, and the summary by rule.
#
# usage: test_scan.sh /path/to/dmacheck RULES_DIR
# Run by CTest (label "scan"). TAP-ish: "ok N - what" / "not ok N - what".

set -u
BIN=${1:?usage: test_scan.sh /path/to/dmacheck RULES_DIR}
RULES=${2:?usage: test_scan.sh /path/to/dmacheck RULES_DIR}
PY=${PYTHON:-python3}
SRC=$(cd "$(dirname "$0")/.." && pwd)
TMP=$(mktemp -d "${TMPDIR:-/tmp}/dmacheck-scan.XXXXXX")
trap 'rm -rf "$TMP"' EXIT
DMC=("$BIN" --rules-dir "$RULES")

. "$(dirname "$0")/../harness/tap.sh"
# files STDOUT: the sorted set of files with findings in a text report
files() { sed -n 's/^\([^:]*\):[0-9]*:[0-9]*: warning: .*/\1/p' "$1" | sort -u | tr '\n' ' '; }

# --- a small kernel-like tree ----------------------------------------------------
K=$TMP/linux
mkdir -p "$K/drivers/net/eth" "$K/drivers/staging/old" "$K/drivers/misc" "$K/include" "$K/out"
bug=$SRC/cli/data/unchecked.c
cp "$bug" "$K/drivers/net/eth/a.c"
cp "$bug" "$K/drivers/net/b.c"
cp "$bug" "$K/drivers/staging/old/c.c"
cp "$bug" "$K/drivers/misc/d.c"
cp "$bug" "$K/drivers/misc/e.mod.c"
cp "$SRC/cli/data/clean.c" "$K/drivers/misc/clean.c"
printf 'nop\n' >"$K/drivers/net/head.S"
# absolute "file" + "arguments"; relative "file" + "command" (quoted define);
# a directory of its own (out/ is the objtree, ../drivers relative to it);
# a .S entry (skipped); a duplicate entry for a.c (the first wins)
cat >"$K/compile_commands.json" <<JSON
[
 {"directory": "$K", "file": "$K/drivers/net/eth/a.c",
  "arguments": ["gcc", "-nostdinc", "-I./include", "-I", "arch/x86/include",
                "-D__KERNEL__", "-D", "KBUILD_MODNAME=\"a\"", "-include", "./include/linux/kconfig.h",
                "-c", "-o", "drivers/net/eth/a.o", "drivers/net/eth/a.c"]},
 {"directory": "$K", "file": "drivers/net/b.c",
  "command": "gcc -Wp,-MMD,drivers/net/.b.o.d -I./include -DKBUILD_BASENAME='\"b\"' -D'KBUILD_MODNAME=\"b c\"' -c -o drivers/net/b.o drivers/net/b.c"},
 {"directory": "$K/out", "file": "../drivers/staging/old/c.c",
  "command": "gcc -I../include -c ../drivers/staging/old/c.c"},
 {"directory": "$K", "file": "drivers/misc/d.c", "arguments": ["gcc", "-c", "drivers/misc/d.c"]},
 {"directory": "$K", "file": "drivers/misc/e.mod.c", "arguments": ["gcc", "-c", "drivers/misc/e.mod.c"]},
 {"directory": "$K", "file": "drivers/misc/clean.c", "arguments": ["gcc", "-c", "drivers/misc/clean.c"]},
 {"directory": "$K", "file": "drivers/net/head.S", "arguments": ["gcc", "-c", "drivers/net/head.S"]},
 {"directory": "$K", "file": "drivers/net/eth/a.c", "arguments": ["gcc", "-DSECOND", "-c", "x.c"]}
]
JSON

ALL="drivers/misc/d.c drivers/misc/e.mod.c drivers/net/b.c drivers/net/eth/a.c drivers/staging/old/c.c "

# --- -p / --compile-commands ------------------------------------------------------
cd "$K"
expect_rc 1 "-p DIR: findings" -p "$K"
same "-p: every .c entry checked, paths relative to the cwd" "$ALL" "$(files "$TMP/out")"
check "-p: the .S entry is skipped" bash -c "! grep -q 'head.S' '$TMP/out' '$TMP/err'"
check "-p: summary counts 6 checked files (duplicate a.c once)" \
	grep -qx 'dmacheck: 10 findings in 5 files (6 checked): dma-map-error-unchecked 5, dma-map-leak 5' "$TMP/err"
cp "$TMP/out" "$TMP/p-out"
cd /
expect_rc 1 "--compile-commands=DIR (long form) from another directory" --compile-commands="$K/" -j 3
cd "$K"
same "long form gives the same findings" "$ALL" "$(files "$TMP/out" | sed 's|'"$K"'/||g')"
check "outside the tree, paths are absolute" grep -q "^$K/drivers/net/b.c:12:" "$TMP/out"
expect_rc 1 "-p DIR PATH: only entries under PATH" -p . drivers/net
same "-p . drivers/net" "drivers/net/b.c drivers/net/eth/a.c " "$(files "$TMP/out")"
expect_rc 1 "-p DIR with an absolute PATH and a file PATH" -p . "$K/drivers/staging" drivers/misc/d.c
same "-p . /abs/drivers/staging drivers/misc/d.c" "drivers/misc/d.c drivers/staging/old/c.c " "$(files "$TMP/out")"
expect_rc 0 "-p DIR with a PATH that has no entries" -p . drivers/gpu
check "-p with no matching entries: nothing on stdout" test ! -s "$TMP/out"
ln -s "$K/drivers" "$TMP/drv-link"
expect_rc 1 "-p DIR with a PATH through a symlink" -p . "$TMP/drv-link/net/eth"
same "symlinked operand selects the entry" "drivers/net/eth/a.c " "$(files "$TMP/out")"
expect_rc 1 "-p FILE (the json itself)" -p "$K/compile_commands.json" drivers/net/b.c
same "-p FILE" "drivers/net/b.c " "$(files "$TMP/out")"

# --- -p errors ------------------------------------------------------------------
mkdir -p "$TMP/bad1" "$TMP/bad2" "$TMP/bad3" "$TMP/none"
printf '[{"directory": "/x", "file": "a.c", ' >"$TMP/bad1/compile_commands.json"
expect_rc 2 "-p: malformed JSON" -p "$TMP/bad1"
check "malformed JSON: clear error with line and column" \
	grep -Eq '^dmacheck: error: .*bad1/compile_commands.json:[0-9]+:[0-9]+: malformed JSON' "$TMP/err"
check "malformed JSON: nothing on stdout" test ! -s "$TMP/out"
printf '{"directory": "/x"}\n' >"$TMP/bad2/compile_commands.json"
expect_rc 2 "-p: top level not an array" -p "$TMP/bad2"
check "not an array: error says so" grep -q 'must be an array' "$TMP/err"
printf '[{"directory": "/x", "file": "a.c"}]\n' >"$TMP/bad3/compile_commands.json"
expect_rc 2 "-p: entry without arguments or command" -p "$TMP/bad3"
check "entry without a command: error names it" grep -q 'entry 0 needs "arguments" or "command"' "$TMP/err"
expect_rc 2 "-p: no compile_commands.json" -p "$TMP/none"
check "missing database: cannot read" grep -q "cannot read '.*none/compile_commands.json'" "$TMP/err"

# --- --exclude ---------------------------------------------------------------------
expect_rc 1 "--exclude '*/staging/*' on a directory walk" --exclude='*/staging/*' drivers
same "walk: staging excluded" "drivers/misc/d.c drivers/misc/e.mod.c drivers/net/b.c drivers/net/eth/a.c " "$(files "$TMP/out")"
expect_rc 1 "--exclude relative to the operand, repeated" --exclude='net/eth' --exclude '*.mod.c' drivers
same "walk: net/eth (relative) and *.mod.c excluded" "drivers/misc/d.c drivers/net/b.c drivers/staging/old/c.c " "$(files "$TMP/out")"
expect_rc 1 "--exclude full path of a file" --exclude="$K/drivers/net/b.c" "$K/drivers/net"
same "walk: full path excluded" "$K/drivers/net/eth/a.c " "$(files "$TMP/out")"
expect_rc 1 "--exclude with -p" -p . --exclude='*/staging/*' --exclude='drivers/misc/*'
same "-p: staging and misc/* (relative to the db dir) excluded" "drivers/net/b.c drivers/net/eth/a.c " "$(files "$TMP/out")"
expect_rc 1 "--exclude with -p and an operand" -p . --exclude='eth/*' drivers/net
same "-p: eth/* relative to the operand drivers/net" "drivers/net/b.c " "$(files "$TMP/out")"
expect_rc 1 "--exclude that matches nothing" --exclude='*/nothing/*' drivers/net
same "no-op exclude" "drivers/net/b.c drivers/net/eth/a.c " "$(files "$TMP/out")"

# --- summary by rule (stderr), stdout unchanged -----------------------------------------
expect_rc 1 "summary on a non-terminal stderr" drivers/net
check "summary line by rule" grep -qx 'dmacheck: 4 findings in 2 files (2 checked): dma-map-error-unchecked 2, dma-map-leak 2' "$TMP/err"
cp "$TMP/out" "$TMP/with-summary"
expect_rc 1 "-q" -q drivers/net
check "-q: stdout identical to without -q" cmp "$TMP/out" "$TMP/with-summary"
check "-q: nothing on stderr" test ! -s "$TMP/err"
expect_rc 0 "clean file" drivers/misc/clean.c
check "0 findings: a short line" grep -qx 'dmacheck: no findings (1 file checked)' "$TMP/err"
check "0 findings: stdout empty" test ! -s "$TMP/out"
expect_rc 1 "summary with --format=json" --format=json drivers/net
check "json: stdout is only the JSON document" "$PY" -m json.tool "$TMP/out"
check "json: summary on stderr" grep -q '^dmacheck: 4 findings' "$TMP/err"
expect_rc 1 "two rules" "$SRC/../examples/drivers"
check "summary orders rules by count then id" grep -qx \
	'dmacheck: 5 findings in 3 files (3 checked): dma-cpu-access-while-mapped 1, dma-map-error-unchecked 1, dma-map-leak 1, dma-sg-count-confusion 1, dma-unmap-args-mismatch 1' "$TMP/err"

# --- progress line ------------------------------------------------------------------------
check "not a terminal: no carriage return or progress on stderr" \
	bash -c "! grep -q \$'\\r' '$TMP/err' && ! grep -q '\\[[0-9]*/[0-9]*\\]' '$TMP/err'"
# on a pseudo-terminal (stderr only; stdout stays a file)
for j in 1 4; do
	"$PY" - "$TMP/pty-$j" "${DMC[@]}" -j "$j" -p "$K" <<'PYEOF' >"$TMP/pty-$j.out"
import os, pty, sys, subprocess
log, argv = sys.argv[1], sys.argv[2:]
master, slave = pty.openpty()
p = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=slave, stdin=subprocess.DEVNULL)
os.close(slave)
data = b""
while True:
    try:
        chunk = os.read(master, 65536)
    except OSError:
        break
    if not chunk:
        break
    data += chunk
out = p.stdout.read()
p.wait()
open(log, "wb").write(data)
sys.stdout.buffer.write(out)
sys.exit(p.returncode)
PYEOF
	rc=$?
	if [ "$rc" -eq 1 ]; then ok "-j $j on a terminal: exit 1"; else not_ok "-j $j on a terminal: exit $rc"; fi
	check "-j $j terminal: progress line drawn" grep -Eq '\[[0-9]+/6\] [0-9]+ findings?, elapsed [0-9]+s, ETA ' "$TMP/pty-$j"
	check "-j $j terminal: first line drawn at once" grep -q '\[0/6\] 0 findings, elapsed 0s, ETA ?' "$TMP/pty-$j"
	check "-j $j terminal: counts are nondecreasing and at most 6" "$PY" -c "import re,sys; c=[int(x) for x in re.findall(rb'\[([0-9]+)/6\]', open(sys.argv[1],'rb').read())]; sys.exit(0 if c and c == sorted(c) and max(c) <= 6 else 1)" "$TMP/pty-$j"
	check "-j $j terminal: line cleared before the summary" \
		"$PY" -c "import re,sys; d=open(sys.argv[1],'rb').read(); m=re.search(rb'\r( +)\rdmacheck: 10 findings', d); w=max(len(x) for x in re.findall(rb'\[[0-9]+/6\][^\r]*', d)); sys.exit(0 if m and len(m.group(1)) >= w else 1)" "$TMP/pty-$j"
	check "-j $j terminal: summary printed after the progress" grep -aq 'dmacheck: 10 findings in 5 files (6 checked)' "$TMP/pty-$j"
	check "-j $j terminal: stdout identical to the non-terminal run" cmp "$TMP/pty-$j.out" "$TMP/p-out"
done
"$PY" - "$TMP/pty-q" "${DMC[@]}" -q -p "$K" <<'PYEOF' >/dev/null
import os, pty, sys, subprocess
log, argv = sys.argv[1], sys.argv[2:]
master, slave = pty.openpty()
p = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=slave)
os.close(slave)
data = b""
while True:
    try:
        chunk = os.read(master, 65536)
    except OSError:
        break
    if not chunk:
        break
    data += chunk
p.wait()
open(log, "wb").write(data)
PYEOF
check "-q on a terminal: no progress, nothing at all" test ! -s "$TMP/pty-q"

tap_finish
