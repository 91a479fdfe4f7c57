#!/bin/bash
# test_install.sh - `cmake --install` into a fresh prefix, then the installed
# dmacheck is run from / without --rules-dir: it must find its rules under
# <prefix>/share/dmacheck/rules (not the source tree), also after the prefix
# is moved. Also checks the generated man page against the option table.
#
# usage: test_install.sh BUILD_DIR SOURCE_DIR
# Run by CTest (label "install").

set -u
BUILD=${1:?usage: test_install.sh BUILD_DIR SOURCE_DIR}
SRC=${2:?usage: test_install.sh BUILD_DIR SOURCE_DIR}
TMP=$(mktemp -d "${TMPDIR:-/tmp}/dmacheck-install.XXXXXX")
trap 'rm -rf "$TMP"' EXIT

. "$(dirname "$0")/../harness/tap.sh"

P=$TMP/prefix
cmake --install "$BUILD" --prefix "$P" >"$TMP/install.log" 2>&1
same "cmake --install succeeds" 0 "$?"
check "bin/dmacheck is executable" test -x "$P/bin/dmacheck"
check "rules data: checks/*.rules" bash -c "ls '$P'/share/dmacheck/rules/checks/*.rules"
check "rules data: models/*.rules" bash -c "ls '$P'/share/dmacheck/rules/models/*.rules"
check "rules data: README.md" test -f "$P/share/dmacheck/rules/README.md"
same "rules data: every rules/ file installed" \
	"$(cd "$SRC/rules" && find . -type f \( -name '*.rules' -o -name '*.md' \) | sort)" \
	"$(cd "$P/share/dmacheck/rules" && find . -type f | sort)"
check "man page in share/man/man1" test -s "$P/share/man/man1/dmacheck.1"
check "README.md in share/doc/dmacheck" cmp "$SRC/README.md" "$P/share/doc/dmacheck/README.md"
for d in "$SRC"/docs/*.md; do
	[ -e "$d" ] || continue
	check "doc $(basename "$d") in share/doc/dmacheck" cmp "$d" "$P/share/doc/dmacheck/$(basename "$d")"
done

cp "$SRC/tests/cli/data/unchecked.c" "$TMP/buggy.c"
# run DIR ARGS...: the installed binary under DIR, from /, no --rules-dir
run() {
	local bin=$1/bin/dmacheck
	shift
	(cd / && timeout 60 "$bin" "$@") >"$TMP/out" 2>"$TMP/err"
	rc=$?
}
installed_checks() {
	local where=$1 pfx=$2
	run "$pfx" "$TMP/buggy.c"
	same "$where: finding in a buggy file (exit 1)" 1 "$rc"
	check "$where: the finding is reported" grep -q 'buggy.c:12:[0-9]*: warning: .*\[dma-map-error-unchecked\]' "$TMP/out"
	run "$pfx" --list-rules
	same "$where: --list-rules (exit 0)" 0 "$rc"
	same "$where: --list-rules lists every rule" \
		"$(ls "$SRC/rules/docs" | sed 's/\.md$//' | sort)" "$(awk '{print $1}' "$TMP/out" | sort)"
	run "$pfx" --explain dma-map-leak
	same "$where: --explain dma-map-leak (exit 0)" 0 "$rc"
	check "$where: --explain prints the installed doc" grep -q 'MARKER-INSTALLED-DOC' "$TMP/out"
	run "$pfx" --format=sarif "$TMP/buggy.c"
	check "$where: SARIF rules carry the installed doc" grep -q 'MARKER-INSTALLED-DOC' "$TMP/out"
}
# a marker only in the installed copy proves the installed rules are read,
# not the source tree's
echo 'MARKER-INSTALLED-DOC' >>"$P/share/dmacheck/rules/docs/dma-map-leak.md"
installed_checks "installed" "$P"
mv "$P" "$TMP/moved"
installed_checks "moved prefix" "$TMP/moved"

# --- the man page ---------------------------------------------------------------
MAN=$BUILD/dmacheck.1
check "dmacheck.1 generated in the build tree" test -s "$MAN"
"$BUILD/dmacheck" --man >"$TMP/man.1"
same "--man exits 0" 0 "$?"
check "dmacheck.1 is --man's output (up to date)" cmp "$MAN" "$TMP/man.1"
for sec in NAME SYNOPSIS DESCRIPTION OPTIONS "EXIT STATUS" FILES "SEE ALSO"; do
	check "man page section $sec" grep -q "^\\.SH $sec\$" "$MAN"
done
longs=$("$BUILD/dmacheck" --help | grep -o -- '--[a-z][a-z-]*' | sort -u)
check "--help lists some long options" test "$(echo "$longs" | wc -l)" -ge 10
for o in $longs; do
	check "man page documents $o" grep -qF -- "\\fB$(printf '%s' "$o" | sed 's/-/\\-/g')" "$MAN"
done
if command -v man >/dev/null 2>&1; then
	MANWIDTH=200 man -l "$MAN" >"$TMP/man.txt" 2>"$TMP/man.err"
	check "man -l renders it without warnings" test ! -s "$TMP/man.err"
	missing=0
	for o in $longs; do
		grep -qF -- "$o" "$TMP/man.txt" || { missing=1; echo "# not rendered: $o"; }
	done
	same "man -l: every long option rendered" 0 "$missing"
	check "man -l: FILES names the rules location" grep -q 'share/dmacheck/rules' "$TMP/man.txt"
fi

tap_finish
