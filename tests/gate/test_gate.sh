#!/bin/bash
# test_gate.sh - black-box tests of what a CI gate uses: inline suppressions,
# --write-baseline/--baseline, --fail-on, --diff REF and --enable/--disable.
#
# usage: test_gate.sh /path/to/dmacheck [RULES_DIR]
# Run by CTest (label "gate"); exits non-zero if any check fails. Each check
# prints "ok N - what" or "not ok N - what" (TAP). Every positive check has a
# control run (the same input without the suppression, baseline, ...) that
# shows the finding is really there, so no assertion passes vacuously.

set -u
BIN=${1:?usage: test_gate.sh /path/to/dmacheck [RULES_DIR]}
RULES=${2:-}
PY=${PYTHON:-python3}
TMP=$(mktemp -d "${TMPDIR:-/tmp}/dmacheck-gate.XXXXXX")
trap 'rm -rf "$TMP"' EXIT

DMC=("$BIN")
[ -n "$RULES" ] && DMC+=(--rules-dir "$RULES")

. "$(dirname "$0")/../harness/tap.sh"



# want_rc N WHAT: the last run exited with N
want_rc() {
	if [ "$rc" -eq "$1" ]; then ok "$2 (exit $1)"; else not_ok "$2: exit $rc, want $1"; fi
}

# has RULE LINE [TEXT]: the last text report has a finding of RULE on LINE (containing TEXT)
has() {
	grep -E ":$2:[0-9]+: (note|warning|error): .*\\[$1\\]\$" "$TMP/out" | grep -qF -- "${3:-}"
}
# count RULE: number of findings of RULE in the last text report ('.*' for all)
count() { grep -cE ": (note|warning|error): .*\\[$1\\]\$" "$TMP/out"; }
# count_is RULE N
count_is() { [ "$(count "$1")" -eq "$2" ]; }
# only_rule RULE: every finding of the last report is of RULE, and there is one
only_rule() {
	[ "$(count "$1")" -ge 1 ] && [ "$(count '[a-z0-9-]+')" -eq "$(count "$1")" ]
}

UNCHK=dma-map-error-unchecked
META=dmacheck-unused-suppression

# One streaming mapping whose handle reaches the device unchecked: exactly
# one finding, dma-map-error-unchecked on line 8 (the control for everything).
write_base() {
	cat >"$1" <<'EOF'
#include <linux/dma-mapping.h>
#include <linux/io.h>

static void tx(struct device *dev, void *buf, size_t len, void __iomem *regs)
{
	dma_addr_t h;

	h = dma_map_single(dev, buf, len, DMA_TO_DEVICE);
	writel(h, regs);
	dma_unmap_single(dev, h, len, DMA_TO_DEVICE);
}
EOF
}

# The same with COMMENT inserted as line 8 (the map call moves to line 9).
write_with_line_above() {
	write_base "$1"
	sed -i "8i\\$2" "$1"
}

# The same with COMMENT appended to the map call on line 8.
write_with_same_line() {
	write_base "$1"
	sed -i "8s|\$| $2|" "$1"
}

# --- control -------------------------------------------------------------
write_base "$TMP/base.c"
run "$TMP/base.c"
want_rc 1 "control: the base file has a finding"
check "control: one $UNCHK finding on line 8" has $UNCHK 8
check "control: exactly one finding" count_is '[a-z0-9-]+' 1

# --- suppressions ----------------------------------------------------------
write_with_same_line "$TMP/s-same.c" "// dmacheck: ignore $UNCHK -- checked by the caller"
run "$TMP/s-same.c"
want_rc 0 "same-line // suppression"
check "same-line suppression: no findings at all" count_is '[a-z0-9-]+' 0

write_with_same_line "$TMP/s-same-block.c" "/* dmacheck: ignore $UNCHK */"
run "$TMP/s-same-block.c"
want_rc 0 "same-line block suppression without a reason"
check "same-line block suppression: no findings" count_is '[a-z0-9-]+' 0

write_with_line_above "$TMP/s-above.c" "\\t/* dmacheck: ignore $UNCHK -- reason here */"
run "$TMP/s-above.c"
want_rc 0 "suppression on the line above"
check "line-above suppression: no findings" count_is '[a-z0-9-]+' 0

write_with_line_above "$TMP/s-above-noreason.c" "\\t// dmacheck: ignore $UNCHK"
run "$TMP/s-above-noreason.c"
want_rc 0 "reason-less suppression on the line above"

write_with_line_above "$TMP/s-multiline.c" "\\t/*\\n\\t * dmacheck: ignore $UNCHK -- a kernel-style\\n\\t * block comment\\n\\t */"
run "$TMP/s-multiline.c"
want_rc 0 "multi-line block comment ending on the line above"

# two lines above: does not reach the finding; reported as unused
write_with_line_above "$TMP/s-too-far.c" "\\t// dmacheck: ignore $UNCHK -- too far away\\n"
run "$TMP/s-too-far.c"
want_rc 1 "a suppression two lines above does not apply"
check "too-far suppression: the finding is still reported (line 10)" has $UNCHK 10
check "too-far suppression: reported as unused on line 8" has $META 8 "suppression of '$UNCHK' matches no finding"

# a suppression of another rule does not suppress this one
write_with_line_above "$TMP/s-other.c" "\\t// dmacheck: ignore dma-map-leak -- wrong rule"
run "$TMP/s-other.c"
want_rc 1 "suppression of another rule"
check "other-rule suppression: the finding is still reported" has $UNCHK 9
check "other-rule suppression: reported as unused" has $META 8 "suppression of 'dma-map-leak' matches no finding"
check "other-rule suppression: exactly two findings" count_is '[a-z0-9-]+' 2

# several rules in one comment: both findings on one line are suppressed
cat >"$TMP/s-multi-src.c" <<'EOF'
#include <linux/dma-mapping.h>
#include <linux/io.h>

static void c(struct device *dev, void *buf, size_t len, void __iomem *regs)
{
	writel(dma_map_single(dev, buf, len, DMA_TO_DEVICE), regs); }
EOF
run "$TMP/s-multi-src.c"
check "control: two rules on one line (unchecked)" has $UNCHK 6
check "control: two rules on one line (leak)" has dma-map-leak 6
sed '6i\	// dmacheck: ignore dma-map-error-unchecked,dma-map-leak -- both' "$TMP/s-multi-src.c" >"$TMP/s-multi.c"
run "$TMP/s-multi.c"
want_rc 0 "one suppression naming two rules"
check "two-rule suppression: no findings" count_is '[a-z0-9-]+' 0
sed '6i\	// dmacheck: ignore dma-map-error-unchecked , dma-map-leak' "$TMP/s-multi-src.c" >"$TMP/s-multi2.c"
run "$TMP/s-multi2.c"
want_rc 0 "rule list with blanks around the comma"
sed '6i\	// dmacheck: ignore dma-map-leak -- only one of the two' "$TMP/s-multi-src.c" >"$TMP/s-multi3.c"
run "$TMP/s-multi3.c"
want_rc 1 "suppressing one of two rules on a line"
check "one of two: the other rule is still reported" has $UNCHK 7
check "one of two: exactly one finding" count_is '[a-z0-9-]+' 1

# unknown rule
write_with_line_above "$TMP/s-unknown.c" "\\t// dmacheck: ignore dma-map-leek -- typo"
run "$TMP/s-unknown.c"
want_rc 1 "suppression of an unknown rule"
check "unknown rule is reported at the comment" has $META 8 "suppression names unknown rule 'dma-map-leek'"
check "unknown rule: the real finding is still reported" has $UNCHK 9

# a rule list where one id is unknown: the known one works, the unknown is reported
write_with_line_above "$TMP/s-mixed.c" "\\t// dmacheck: ignore $UNCHK,no-such-rule"
run "$TMP/s-mixed.c"
check "mixed list: the known rule is suppressed" count_is $UNCHK 0
check "mixed list: the unknown id is reported" has $META 8 "unknown rule 'no-such-rule'"

# malformed comments
write_with_line_above "$TMP/s-malformed.c" "\\t// dmacheck: ignore $UNCHK because the caller checks"
run "$TMP/s-malformed.c"
check "a reason without -- is a malformed suppression" has $META 8 "malformed suppression"
check "a malformed suppression suppresses nothing" has $UNCHK 9
write_with_line_above "$TMP/s-typo-verb.c" "\\t// dmacheck: ingore $UNCHK"
run "$TMP/s-typo-verb.c"
check "'dmacheck: ingore' is reported as malformed" has $META 8 "malformed suppression"

# a suppression in a string literal is not a comment
write_with_line_above "$TMP/s-string.c" "\\tconst char *s = \"// dmacheck: ignore $UNCHK\";"
run "$TMP/s-string.c"
want_rc 1 "suppression text in a string literal"
check "string literal: the finding is still reported" has $UNCHK 9
check "string literal: not reported as a suppression" count_is $META 0
write_with_line_above "$TMP/s-string2.c" "\\tconst char *s = \"/* dmacheck: ignore $UNCHK */\"; char q = '\"';"
run "$TMP/s-string2.c"
check "block-comment text in a string literal suppresses nothing" has $UNCHK 9
check "and a quote in a char literal does not confuse the lexer" count_is $META 0

# after a string that contains "//", a real comment still works
write_with_same_line "$TMP/s-after-string.c" "s = \"http://x/*y\"; // dmacheck: ignore $UNCHK"
sed -i '7s|$|\tconst char *s;|' "$TMP/s-after-string.c"
run "$TMP/s-after-string.c"
want_rc 0 "a real comment after a string containing // and /*"

# an unused suppression in a clean function
cat >"$TMP/s-unused.c" <<'EOF'
#include <linux/dma-mapping.h>

static int ok(struct device *dev, void *buf, size_t len)
{
	dma_addr_t h;

	/* dmacheck: ignore dma-sync-protocol -- stale */
	h = dma_map_single(dev, buf, len, DMA_TO_DEVICE);
	if (dma_mapping_error(dev, h))
		return -ENOMEM;
	dma_unmap_single(dev, h, len, DMA_TO_DEVICE);
	return 0;
}
EOF
run "$TMP/s-unused.c"
want_rc 1 "an unused suppression fails the gate"
check "unused suppression is reported on line 7" has $META 7 "suppression of 'dma-sync-protocol' matches no finding"
check "unused suppression is the only finding" count_is '[a-z0-9-]+' 1
run --disable=$META "$TMP/s-unused.c"
want_rc 0 "--disable=$META silences unused suppressions"
run --disable=dma-sync-protocol "$TMP/s-unused.c"
want_rc 0 "a suppression of a disabled rule is not reported as unused"
run --format=json "$TMP/s-unused.c"
check "JSON carries the meta finding" "$PY" -c '
import json, sys
d = json.load(open(sys.argv[1]))
assert [f["rule"] for f in d["findings"]] == ["dmacheck-unused-suppression"], d
assert d["findings"][0]["line"] == 7' "$TMP/out"
run --format=sarif "$TMP/s-unused.c"
check "SARIF lists the meta rule with its summary" "$PY" -c '
import json, sys
d = json.load(open(sys.argv[1]))
rules = {r["id"]: r for r in d["runs"][0]["tool"]["driver"]["rules"]}
assert "dmacheck-unused-suppression" in rules, rules.keys()
assert [r["ruleId"] for r in d["runs"][0]["results"]] == ["dmacheck-unused-suppression"]' "$TMP/out"
run --list-rules
check "--list-rules lists $META" grep -q "$META" "$TMP/out"
run --explain $META
check "--explain $META prints its doc" grep -q 'matches no finding' "$TMP/out"

# the meta rule can itself be suppressed (a deliberately kept suppression)
write_with_line_above "$TMP/s-keep.c" "\\t// dmacheck: ignore $META -- kept on purpose\\n\\t// dmacheck: ignore dma-map-leak"
run "$TMP/s-keep.c"
check "suppressing $META: the unused suppression is not reported" count_is $META 0
check "suppressing $META: the real finding is still reported" has $UNCHK 10

# suppressed findings stay suppressed in JSON and SARIF
run --format=sarif "$TMP/s-same.c"
check "SARIF of a suppressed file has no results" "$PY" -c '
import json, sys
d = json.load(open(sys.argv[1]))
assert d["runs"][0]["results"] == [], d["runs"][0]["results"]' "$TMP/out"

# --- baselines --------------------------------------------------------------
BL=$TMP/bl
mkdir -p "$BL"
cd "$BL" || exit 2
cat >drv.c <<'EOF'
#include <linux/dma-mapping.h>
#include <linux/io.h>

static void tx(struct device *dev, void *buf, size_t len, void __iomem *regs)
{
	dma_addr_t h;

	h = dma_map_single(dev, buf, len, DMA_TO_DEVICE);
	writel(h, regs);
	dma_unmap_single(dev, h, len, DMA_TO_DEVICE);
}

static void tx2(struct device *dev, void *buf, size_t len, void __iomem *regs)
{
	writel(dma_map_single(dev, buf, len, DMA_TO_DEVICE), regs);
}
EOF
run drv.c
nbase=$(count '[a-z0-9-]+')
if [ "$nbase" -ge 2 ]; then ok "control: drv.c has $nbase findings"; else not_ok "control: drv.c has $nbase findings, want >= 2"; fi

run --write-baseline base.json drv.c
want_rc 0 "--write-baseline"
check "--write-baseline still prints the report" count_is '[a-z0-9-]+' "$nbase"
check "the baseline is JSON with one entry per finding" "$PY" -c '
import json, sys
d = json.load(open(sys.argv[1]))
assert d["version"] == 1 and d["tool"] == "dmacheck"
fs = d["findings"]
assert len(fs) == int(sys.argv[2]), (len(fs), sys.argv[2])
for f in fs:
    assert set(f) >= {"fingerprint", "rule", "file", "line", "message"}, f
    assert len(f["fingerprint"]) == 16 and f["file"] == "drv.c", f' base.json "$nbase"
cp base.json base-again.json
run --write-baseline base-again.json drv.c
check "--write-baseline is deterministic" cmp base.json base-again.json

run --baseline base.json drv.c
want_rc 0 "same file against its baseline"
check "nothing is reported against the baseline" count_is '[a-z0-9-]+' 0

# shift every line by 20 blank lines and an unrelated function
{
	printf '\n%.0s' $(seq 20)
	cat <<'EOF'
static int unrelated_helper(int a, int b)
{
	if (a > b)
		return a - b;
	return b - a;
}

EOF
	cat drv.c
} >shifted.c
mv shifted.c drv.c
run drv.c
check "control: the shifted file still has the findings" count_is '[a-z0-9-]+' "$nbase"
check "control: the shifted findings moved (line 35)" has $UNCHK 35
run --baseline base.json drv.c
want_rc 0 "shifted file against the old baseline"
check "a line shift does not resurrect baselined findings" count_is '[a-z0-9-]+' 0

# a new bug: only it is reported
cat >>drv.c <<'EOF'

static void tx3(struct device *dev, void *buf, size_t len, void __iomem *regs)
{
	dma_addr_t h3;

	h3 = dma_map_single(dev, buf, len, DMA_FROM_DEVICE);
	writel(h3, regs);
	dma_unmap_single(dev, h3, len, DMA_FROM_DEVICE);
}
EOF
newline=$(grep -n 'h3 = dma_map_single' drv.c | cut -d: -f1)
run --baseline base.json drv.c
want_rc 1 "a new bug against the baseline"
check "only the new finding is reported" count_is '[a-z0-9-]+' 1
check "the new finding is the new bug (line $newline)" has $UNCHK "$newline"
run --baseline base.json --format=sarif -o out.sarif drv.c
want_rc 1 "--baseline with SARIF output"
check "SARIF has only the new result" "$PY" -c '
import json, sys
r = json.load(open(sys.argv[1]))["runs"][0]["results"]
assert len(r) == 1 and r[0]["locations"][0]["physicalLocation"]["region"]["startLine"] == int(sys.argv[2]), r' out.sarif "$newline"
run --baseline base.json --fail-on=never drv.c
want_rc 0 "--baseline with --fail-on=never"

# updating the baseline accepts the new bug
run --baseline base.json --write-baseline base2.json drv.c
want_rc 0 "--write-baseline while filtering with --baseline"
run --baseline base2.json drv.c
want_rc 0 "against the updated baseline"
check "the updated baseline has every finding" "$PY" -c '
import json, sys
assert len(json.load(open(sys.argv[1]))["findings"]) == int(sys.argv[2]) + 1' base2.json "$nbase"

# the file name is part of the key
cp drv.c other.c
run --baseline base2.json other.c
want_rc 1 "the baseline of drv.c does not cover other.c"

# malformed baselines
printf '{"version": 1, "findings": [' >trunc.json
run --baseline trunc.json drv.c
want_rc 2 "truncated baseline"
check "truncated baseline: clear error with the position" grep -qE '^dmacheck: error: trunc\.json:[0-9]+:[0-9]+: malformed baseline' "$TMP/err"
check "truncated baseline: no report" test ! -s "$TMP/out"
echo '{"version": 1, "findings": [{"rule": "dma-map-leak"}]}' >shape.json
run --baseline shape.json drv.c
want_rc 2 "baseline entry without fingerprint"
check "wrong shape: clear error" grep -q 'malformed baseline: findings\[0\] needs' "$TMP/err"
echo '[1, 2]' >array.json
run --baseline array.json drv.c
want_rc 2 "baseline that is not an object"
echo '{"version": 2, "findings": []}' >v2.json
run --baseline v2.json drv.c
want_rc 2 "baseline of an unknown version"
run --baseline does-not-exist.json drv.c
want_rc 2 "missing baseline file"
check "missing baseline: clear error" grep -q "cannot read baseline 'does-not-exist.json'" "$TMP/err"
echo '{"version": 1, "findings": []}' >empty.json
run --baseline empty.json drv.c
want_rc 1 "empty baseline reports everything"
run --write-baseline /nonexistent-dir/x.json drv.c
want_rc 2 "unwritable baseline path"
cd "$TMP" || exit 2

# --- --fail-on ----------------------------------------------------------------
run "$TMP/base.c"
want_rc 1 "default: a warning fails"
for sev in note warning; do
	run --fail-on=$sev "$TMP/base.c"
	want_rc 1 "--fail-on=$sev with a warning"
done
run --fail-on=error "$TMP/base.c"
want_rc 0 "--fail-on=error with only warnings"
check "--fail-on=error still prints the warning" has $UNCHK 8
run --fail-on never "$TMP/base.c"
want_rc 0 "--fail-on never (separate argument)"
run --fail-on=never "$TMP/no-such-file.c"
want_rc 2 "--fail-on=never still fails on a missing file"
run --fail-on=fatal "$TMP/base.c"
want_rc 2 "invalid --fail-on value"
check "invalid --fail-on: message" grep -q "invalid --fail-on 'fatal'" "$TMP/err"
run --fail-on=error "$TMP/s-same.c"
want_rc 0 "--fail-on with no findings"

# rules with other severities: a copy of the rules tree
SRC_RULES=${RULES:-$(dirname "$0")/../../rules}
sevtree() { # sevtree NAME SEVERITY: rules/ copy with every rule at SEVERITY
	rm -rf "$TMP/$1"
	cp -r "$SRC_RULES" "$TMP/$1"
	sed -i -E "s/severity=[a-z]+/severity=$2/" "$TMP/$1"/checks/*.rules
}
sevtree rules-err error
sevtree rules-note note
DMC_SAVE=("${DMC[@]}")
DMC=("$BIN" --rules-dir "$TMP/rules-err")
run "$TMP/base.c"
check "control: with severity=error the finding is an error" grep -qE ':8:[0-9]+: error: .*\[dma-map-error-unchecked\]$' "$TMP/out"
run --fail-on=error "$TMP/base.c"
want_rc 1 "--fail-on=error with an error"
run --fail-on=never "$TMP/base.c"
want_rc 0 "--fail-on=never with an error"
DMC=("$BIN" --rules-dir "$TMP/rules-note")
run "$TMP/base.c"
want_rc 0 "default --fail-on: a note does not fail"
check "control: the note is printed" grep -qE ':8:[0-9]+: note: .*\[dma-map-error-unchecked\]$' "$TMP/out"
run --fail-on=note "$TMP/base.c"
want_rc 1 "--fail-on=note with a note"
run --fail-on=warning "$TMP/base.c"
want_rc 0 "--fail-on=warning with a note"
DMC=("${DMC_SAVE[@]}")

# --kbuild still exits 0
run --kbuild --fail-on=note "$TMP/base.c"
want_rc 0 "--kbuild with --fail-on=note"

# --- --diff -------------------------------------------------------------------
if ! command -v git >/dev/null 2>&1; then
	ok "# SKIP --diff tests: git is not installed"
else
	G=$TMP/repo
	mkdir -p "$G/drivers/foo"
	git() { command git -C "$G" -c user.name=dmacheck-test -c user.email=test@example.invalid \
		-c init.defaultBranch=main -c commit.gpgsign=false "$@"; }
	git init -q
	write_base "$G/drivers/foo/foo.c"
	git add drivers/foo/foo.c
	git commit -q -m one
	cat >>"$G/drivers/foo/foo.c" <<'EOF'

static void tx_new(struct device *dev, void *buf, size_t len, void __iomem *regs)
{
	dma_addr_t h2;

	h2 = dma_map_single(dev, buf, len, DMA_TO_DEVICE);
	writel(h2, regs);
	dma_unmap_single(dev, h2, len, DMA_TO_DEVICE);
}
EOF
	git commit -q -a -m two
	newline=$(grep -n 'h2 = dma_map_single' "$G/drivers/foo/foo.c" | cut -d: -f1)
	run "$G/drivers/foo/foo.c"
	check "control: the repo file has two findings" count_is $UNCHK 2
	run --diff HEAD~1 "$G/drivers/foo/foo.c"
	want_rc 1 "--diff HEAD~1"
	check "--diff HEAD~1 reports only the new bug" count_is '[a-z0-9-]+' 1
	check "--diff HEAD~1: the new bug is on line $newline" has $UNCHK "$newline"
	run --diff HEAD~1 "$G"
	check "--diff with a directory operand" count_is '[a-z0-9-]+' 1
	(cd "$G" && timeout 60 "${DMC[@]}" --diff=HEAD~1 drivers/foo >"$TMP/out" 2>"$TMP/err"); rc=$?
	want_rc 1 "--diff with a relative path from the repository root"
	check "relative path: only the new bug" count_is '[a-z0-9-]+' 1
	(cd "$G/drivers/foo" && timeout 60 "${DMC[@]}" --diff=HEAD~1 foo.c >"$TMP/out" 2>"$TMP/err"); rc=$?
	check "--diff with a bare file name in a subdirectory" count_is '[a-z0-9-]+' 1
	run --diff HEAD~1 --fail-on=never "$G/drivers/foo/foo.c"
	want_rc 0 "--diff with --fail-on=never"
	run --diff HEAD "$G/drivers/foo/foo.c"
	want_rc 0 "--diff HEAD with a clean work tree"
	check "--diff HEAD: nothing changed, nothing reported" count_is '[a-z0-9-]+' 0

	# an uncommitted edit counts as changed (the work tree is compared)
	sed -i 's/^\tdma_addr_t h;$/\tdma_addr_t h; \/* edited *\//' "$G/drivers/foo/foo.c"
	sed -i 's/^\th = dma_map_single(dev, buf, len, DMA_TO_DEVICE);$/\th = dma_map_single(dev, buf, len, DMA_TO_DEVICE); \/* edited *\//' "$G/drivers/foo/foo.c"
	run --diff HEAD "$G/drivers/foo/foo.c"
	check "--diff HEAD: an edited line in the work tree is reported" has $UNCHK 8
	check "--diff HEAD: only the edited line" count_is '[a-z0-9-]+' 1
	git checkout -q -- drivers/foo/foo.c

	# a file git does not know: no findings
	write_base "$G/drivers/foo/untracked.c"
	run --diff HEAD~1 "$G/drivers/foo/untracked.c"
	want_rc 0 "--diff on an untracked file"
	check "untracked file: no findings" count_is '[a-z0-9-]+' 0
	rm -f "$G/drivers/foo/untracked.c"

	# a bad baseline is reported before git is run
	run --diff HEAD~1 --baseline /dev/null "$G/drivers/foo/foo.c"
	want_rc 2 "--diff with a malformed (empty) baseline"

	# errors
	run --diff HEAD~1 "$TMP/base.c"
	want_rc 2 "--diff outside a git repository"
	check "not a repository: clear error" grep -q 'is not in a git work tree' "$TMP/err"
	check "not a repository: no report" test ! -s "$TMP/out"
	run --diff no-such-ref "$G/drivers/foo/foo.c"
	want_rc 2 "--diff with an unknown revision"
	check "unknown revision: clear error" grep -q "'no-such-ref' is not a commit" "$TMP/err"
	run --diff=--output=/tmp/x "$G/drivers/foo/foo.c"
	want_rc 2 "--diff with an option-like revision"
	unset -f git
fi

# --- --enable / --disable -----------------------------------------------------
cat >"$TMP/many.c" <<'EOF'
#include <linux/dma-mapping.h>
#include <linux/io.h>

static void a(struct device *dev, void *buf, size_t len, void __iomem *regs)
{
	dma_addr_t h;

	h = dma_map_single(dev, buf, len, DMA_TO_DEVICE);
	writel(h, regs);
	dma_unmap_single(dev, h, len + 1, DMA_FROM_DEVICE);
}

static int b(struct device *dev, void *buf, size_t len, void __iomem *regs)
{
	dma_addr_t h;

	h = dma_map_single(dev, buf, len, DMA_TO_DEVICE);
	if (dma_mapping_error(dev, h))
		return -ENOMEM;
	writel(h, regs);
	return 0;
}
EOF
run "$TMP/many.c"
nrules=$(grep -oE '\[dma-[a-z0-9-]+\]$' "$TMP/out" | sort -u | wc -l)
if [ "$nrules" -ge 3 ]; then ok "control: many.c has findings of $nrules dma rules"; else not_ok "control: many.c has findings of $nrules dma rules, want >= 3"; fi
check "control: many.c has a dma-map-leak finding" has dma-map-leak 21
nother=$(( $(count 'dma-[a-z0-9-]+') - $(count dma-map-leak) ))
run --disable=dma "$TMP/many.c"
want_rc 0 "--disable=dma"
check "--disable=dma drops every dma-* finding" count_is 'dma-[a-z0-9-]+' 0
run --enable=dma-map-leak "$TMP/many.c"
want_rc 1 "--enable=dma-map-leak"
check "--enable=dma-map-leak keeps only dma-map-leak" only_rule dma-map-leak
check "--enable=dma-map-leak: the leak is still found" has dma-map-leak 21
run --enable=dma --disable=dma-map-leak "$TMP/many.c"
check "--enable=dma --disable=dma-map-leak drops only the leak" count_is dma-map-leak 0
check "--enable=dma --disable=dma-map-leak keeps the others" count_is 'dma-[a-z0-9-]+' "$nother"
run --enable=no-such-rule "$TMP/many.c"
want_rc 2 "--enable with an unknown rule"
# --disable=dma keeps the meta rule: unknown-rule suppressions are still reported
run --disable=dma "$TMP/s-unknown.c"
check "--disable=dma still reports a suppression of an unknown rule" has $META 8 "unknown rule"
run --disable=dma "$TMP/s-other.c"
check "--disable=dma: suppressions of disabled dma rules are not unused" count_is $META 0

tap_finish
