#!/bin/bash
# test_cli.sh - black-box tests of the dmacheck command.
#
# usage: test_cli.sh /path/to/dmacheck [RULES_DIR]
# Run by CTest (label "cli"); exits non-zero if any check fails. Each check
# prints "ok N - what" or "not ok N - what" (TAP).

set -u
BIN=${1:?usage: test_cli.sh /path/to/dmacheck [RULES_DIR]}
RULES=${2:-}
PY=${PYTHON:-python3}
DATA=$(cd "$(dirname "$0")/data" && pwd)
TMP=$(mktemp -d "${TMPDIR:-/tmp}/dmacheck-cli.XXXXXX")
trap 'rm -rf "$TMP"' EXIT

DMC=("$BIN")
[ -n "$RULES" ] && DMC+=(--rules-dir "$RULES")

. "$(dirname "$0")/../harness/tap.sh"




# no_crash WHAT ARGS...: exit status 0, 1 or 2 (not a signal, not a timeout)
no_crash() {
	local what=$1
	shift
	run "$@"
	if [ "$rc" -le 2 ]; then ok "$what (exit $rc)"; else not_ok "$what: exit $rc"; fi
}

json_ok() { "$PY" -m json.tool "$1" >/dev/null; }

# --- basics -------------------------------------------------------------
expect_rc 0 "--version" --version
check "--version prints the version" grep -q '^dmacheck [0-9]' "$TMP/out"
expect_rc 0 "--help" --help
check "--help lists --kbuild" grep -q -- '--kbuild' "$TMP/out"
check "--help lists -j" grep -q -- '-j, --jobs' "$TMP/out"

expect_rc 2 "unknown option" --no-such-option "$DATA/clean.c"
check "unknown option prints usage on stderr" grep -q '^usage: dmacheck' "$TMP/err"
check "unknown option prints nothing on stdout" test ! -s "$TMP/out"
expect_rc 2 "no operands"
expect_rc 2 "bad -j" -j 0 "$DATA/clean.c"
expect_rc 2 "bad --format" --format=xml "$DATA/clean.c"

# --- exit codes -----------------------------------------------------------
expect_rc 0 "clean file" "$DATA/clean.c"
check "clean file prints nothing" test ! -s "$TMP/out"

expect_rc 1 "file with a finding" "$DATA/unchecked.c"
check "gcc-style finding line" grep -Eq \
	'unchecked\.c:12:[0-9]+: (warning|error): .*\[dma-map-error-unchecked\]$' "$TMP/out"

expect_rc 2 "missing path" "$TMP/DOES-NOT-EXIST" "$DATA/unchecked.c"
check "missing path message" grep -qF \
	"dmacheck: error: cannot access '$TMP/DOES-NOT-EXIST': No such file or directory" "$TMP/err"
check "missing path: other operands still checked" grep -q 'dma-map-error-unchecked' "$TMP/out"

# other rules may still fire on the fixture: only the disabled one must go
no_crash "--disable the rule" --disable=dma-map-error-unchecked,dma-map-leak "$DATA/unchecked.c"
check "--disable: accepted" test "$rc" -ne 2
check "--disable: rule not reported" bash -c "! grep -q 'dma-map-error-unchecked' '$TMP/out'"

# --- output formats -------------------------------------------------------
expect_rc 1 "--format=json" --format=json "$DATA/unchecked.c"
check "json parses" json_ok "$TMP/out"
check "json shape" "$PY" -c '
import json, sys
d = json.load(open(sys.argv[1]))
assert d["version"] == 1 and d["tool"] == "dmacheck"
f = [f for f in d["findings"] if f["rule"] == "dma-map-error-unchecked"][0]
for k in ("file", "line", "column", "end_line", "end_column", "rule", "severity",
          "message", "function", "fingerprint", "notes"):
    assert k in f, k
assert f["line"] == 12 and len(f["fingerprint"]) == 16
assert isinstance(d["diagnostics"], list)
' "$TMP/out"

expect_rc 1 "--format=sarif" --format=sarif "$DATA/unchecked.c"
check "sarif parses" json_ok "$TMP/out"
check "sarif shape" "$PY" -c '
import json, sys
d = json.load(open(sys.argv[1]))
assert d["version"] == "2.1.0" and "sarif-2.1.0" in d["$schema"]
assert len(d["runs"]) == 1
run = d["runs"][0]
drv = run["tool"]["driver"]
assert drv["name"] == "dmacheck" and drv["rules"]
ids = [r["id"] for r in drv["rules"]]
assert "dma-map-error-unchecked" in ids
for r in run["results"]:
    assert ids[r["ruleIndex"]] == r["ruleId"]
    assert r["message"]["text"]
    assert r["locations"][0]["physicalLocation"]["region"]["startLine"] >= 1
    assert len(r["partialFingerprints"]["dmacheckFingerprint/v1"]) == 16
assert run["invocations"][0]["executionSuccessful"] is True
' "$TMP/out"

expect_rc 1 "-o FILE" --format=json -o "$TMP/report.json" "$DATA/unchecked.c"
check "-o: nothing on stdout" test ! -s "$TMP/out"
check "-o: report written" json_ok "$TMP/report.json"

# --- determinism across -j ------------------------------------------------
tree=$TMP/tree
mkdir -p "$tree/a/b" "$tree/c"
for i in 1 2 3 4 5 6; do
	cp "$DATA/unchecked.c" "$tree/u$i.c"
	cp "$DATA/clean.c" "$tree/a/clean$i.c"
done
cp "$DATA/unchecked.c" "$tree/a/b/deep.c"
cp "$DATA/unchecked.c" "$tree/c/header.h"         # not a .c file: skipped in a walk
echo "dma_map_single" > "$tree/c/README"
for fmt in text json sarif; do
	for j in 1 2 4; do
		run -j "$j" --format=$fmt "$tree"
		cp "$TMP/out" "$TMP/j$j.$fmt"
	done
	check "--format=$fmt: -j1 = -j2 = -j4" bash -c \
		"cmp '$TMP/j1.$fmt' '$TMP/j2.$fmt' && cmp '$TMP/j1.$fmt' '$TMP/j4.$fmt' && test -s '$TMP/j1.$fmt'"
done
check "walk finds nested .c files" grep -q 'a/b/deep.c' "$TMP/j1.text"
check "walk skips non-.c files" bash -c "! grep -q 'header.h\|README' '$TMP/j1.text'"
check "walk output is sorted by file" bash -c \
	"grep -o '^[^:]*' '$TMP/j1.text' | uniq | LC_ALL=C sort -c"

# --- odd inputs -------------------------------------------------------------
odd=$TMP/odd
mkdir -p "$odd/sub"
head -c 4096 "$BIN" > "$odd/binary.c"
: > "$odd/empty.c"
ln -s .. "$odd/sub/loop"                          # directory symlink loop
ln -s self.c "$odd/self.c"                         # symlink loop to itself
ln -s nowhere.c "$odd/dangling.c"
cp "$DATA/unchecked.c" "$odd/sub/real.c"
no_crash "binary, empty, symlink loops in a directory" "$odd"
check "symlinked directory not followed" bash -c "! grep -q 'loop/' '$TMP/out' '$TMP/err'"
check "real file still checked next to odd ones" grep -q 'sub/real.c' "$TMP/out"
expect_rc 0 "0-byte file" "$odd/empty.c"
expect_rc 2 "explicit binary file is an input error" "$odd/binary.c"
check "binary file reported as error" grep -q 'binary.c.*error' "$TMP/out" "$TMP/err"
no_crash "directory operand with trailing slash" "$odd/sub/"

# --- rules ------------------------------------------------------------------
expect_rc 0 "--list-rules" --list-rules
check "--list-rules lists dma-map-error-unchecked" grep -Eq \
	'^dma-map-error-unchecked +[A-Z]+-[0-9]+ +(note|warning|error) +[^ ]' "$TMP/out"
expect_rc 0 "--explain" --explain dma-map-error-unchecked
check "--explain prints the doc" test -s "$TMP/out"
expect_rc 2 "--explain unknown rule" --explain=no-such-rule

# --- parse-only, quiet --------------------------------------------------------
expect_rc 0 "--parse-only" --parse-only "$DATA/unchecked.c"
check "--parse-only summary on stderr" grep -q 'files' "$TMP/err"
check "--parse-only: no findings" bash -c "! grep -q 'dma-map' '$TMP/out'"
expect_rc 0 "-q clean file" -q "$DATA/clean.c"
check "-q: nothing on stderr" test ! -s "$TMP/err"

# --- kbuild CHECK= mode ---------------------------------------------------------
expect_rc 0 "--kbuild with gcc flags and a finding" --kbuild \
	-D__linux__ -Dlinux -D__STDC__ -Dunix -D__unix__ -Wbitwise -Wno-return-void \
	-Wno-unknown-attribute -Wp,-MMD,drivers/x/.u.o.d -nostdinc \
	-I ./arch/x86/include -I./include -isystem /usr/lib/gcc/include \
	-include ./include/linux/compiler-version.h -include ./include/linux/kconfig.h \
	-D__KERNEL__ -fmacro-prefix-map=./= -std=gnu11 -fno-PIE -mno-red-zone -O2 \
	--param=allow-store-data-races=0 --param l1-cache-line-size=64 -DMODULE \
	-D KBUILD_BASENAME='"u"' -DKBUILD_MODNAME='"u"' -U FOO -MD -MF "$TMP/u.d" -c \
	-o "$TMP/u.o" "$DATA/unchecked.c"
check "--kbuild: finding on stderr" grep -q 'unchecked.c:12:.*\[dma-map-error-unchecked\]' "$TMP/err"
check "--kbuild: nothing on stdout" test ! -s "$TMP/out"
check "--kbuild: -o argument consumed, not written" test ! -e "$TMP/u.o"
expect_rc 0 "--kbuild clean file" --kbuild -O2 -Wall "$DATA/clean.c"

tap_finish
