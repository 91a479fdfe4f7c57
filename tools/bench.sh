#!/bin/bash
# bench.sh - how fast is dmacheck on real driver code?
#
# usage: tools/bench.sh [-j N] [-b DMACHECK] [SUBDIR]
#
# Extracts drivers/ of /usr/src/linux-source-6.1.tar.xz once into
# ~/.cache/dmacheck/linux-source-6.1, then runs over SUBDIR of it (default
# drivers, e.g. drivers/net/ethernet):
#   (a) dmacheck --parse-only -q               (parsing only: the baseline)
#   (b) dmacheck -q --format=json -o REPORT    (the full analysis)
# and prints wall time, throughput and peak RSS of each, the ratio of the
# two, and the number of findings per rule from the JSON report.
# This is a benchmark, not a test: it never fails on findings.
#
# DMACHECK (or -b) is the binary; default: build/dmacheck, then dmacheck on PATH.

set -euo pipefail

TARBALL=${TARBALL:-/usr/src/linux-source-6.1.tar.xz}
CACHE=${XDG_CACHE_HOME:-$HOME/.cache}/dmacheck
SRC=$CACHE/linux-source-6.1
ROOT=$(cd "$(dirname "$0")/.." && pwd)
JOBS=$(nproc)
BIN=${DMACHECK:-}

usage() { sed -n '3p' "$0" | sed 's/^# //' >&2; exit 2; }

while getopts "j:b:h" opt; do
	case $opt in
	j) JOBS=$OPTARG ;;
	b) BIN=$OPTARG ;;
	*) usage ;;
	esac
done
shift $((OPTIND - 1))
SUBDIR=${1:-drivers}
[ $# -le 1 ] || usage

if [ -z "$BIN" ]; then
	if [ -x "$ROOT/build/dmacheck" ]; then
		BIN=$ROOT/build/dmacheck
	else
		BIN=$(command -v dmacheck || true)
	fi
fi
[ -n "$BIN" ] && [ -x "$BIN" ] || { echo "bench: no dmacheck binary (build it, or pass -b)" >&2; exit 2; }

# GNU time, for peak RSS
if [ ! -x /usr/bin/time ]; then
	echo "bench: installing GNU time" >&2
	SUDO=; [ "$(id -u)" -eq 0 ] || SUDO=sudo
	$SUDO apt-get install -y -qq time >&2
fi

# the kernel drivers, once
if [ ! -d "$SRC/drivers" ]; then
	[ -r "$TARBALL" ] || { echo "bench: $TARBALL is missing (apt-get install linux-source-6.1)" >&2; exit 2; }
	echo "bench: extracting drivers/ from $TARBALL into $CACHE (once)" >&2
	mkdir -p "$CACHE"
	rm -rf "$SRC.partial"
	mkdir -p "$SRC.partial"
	tar -xJf "$TARBALL" -C "$SRC.partial" --wildcards 'linux-source-6.1/drivers/*'
	mkdir -p "$SRC"
	mv "$SRC.partial/linux-source-6.1/drivers" "$SRC/drivers"
	rm -rf "$SRC.partial"
fi

TREE=$SRC/$SUBDIR
[ -d "$TREE" ] || { echo "bench: no directory $TREE" >&2; exit 2; }

TMP=$(mktemp -d "${TMPDIR:-/tmp}/dmacheck-bench.XXXXXX")
trap 'rm -rf "$TMP"' EXIT

# what dmacheck will read: *.c files, hidden entries skipped, symlinks to
# directories not followed (the same rules as checker/cli/walk.c)
read -r FILES BYTES < <(find "$TREE" -name '.*' -prune -o -type f -name '*.c' -printf '%s\n' |
	awk '{ n++; b += $1 } END { printf "%d %d\n", n, b }')

# measure NAME ARGS...: run dmacheck under GNU time, keep "wall rss_kb rc"
measure() {
	local name=$1 rc
	shift
	set +e
	/usr/bin/time -f '%e %M' -o "$TMP/$name.time" "$BIN" -j "$JOBS" "$@" "$TREE" 2>"$TMP/$name.err"
	rc=$?
	set -e
	if [ "$rc" -gt 2 ] || ! [ -s "$TMP/$name.time" ]; then
		echo "bench: '$name' failed (exit $rc):" >&2
		tail -5 "$TMP/$name.err" >&2
		exit 1
	fi
	[ "$rc" -ne 2 ] || echo "bench: '$name' reported input errors (exit 2), see below" >&2
	echo "$(tail -1 "$TMP/$name.time") $rc" >"$TMP/$name.res"
}

echo "bench: $BIN on $TREE, -j $JOBS" >&2
measure parse --parse-only -q
measure analysis -q --format=json -o "$TMP/report.json"

printf '\n%-12s %8s %9s %9s %9s %12s\n' mode files MB "wall s" "MB/s" "peak RSS MB"
for name in parse analysis; do
	read -r wall rss rc <"$TMP/$name.res"
	awk -v m="$name" -v f="$FILES" -v b="$BYTES" -v w="$wall" -v r="$rss" 'BEGIN {
		mb = b / 1048576
		label = (m == "parse") ? "parse-only" : m
		rate = (w > 0) ? mb / w : 0
		printf "%-12s %8d %9.1f %9.2f %9.1f %12.1f\n", label, f, mb, w, rate, r / 1024 }'
done
read -r pwall _ _ <"$TMP/parse.res"
read -r awall _ _ <"$TMP/analysis.res"
awk -v p="$pwall" -v a="$awall" 'BEGIN {
	if (p > 0) printf "\nanalysis / parse-only wall time: %.2fx\n", a / p
	else print "\nanalysis / parse-only wall time: n/a (parse-only took 0 s)" }'

python3 - "$TMP/report.json" <<'PY'
import collections, json, sys
d = json.load(open(sys.argv[1]))
rules = collections.Counter(f["rule"] for f in d["findings"])
diags = collections.Counter(x["kind"] for x in d["diagnostics"])
files = len({f["file"] for f in d["findings"]})
print(f"\n{sum(rules.values())} findings in {files} files", end="")
print("; diagnostics: " + (", ".join(f"{n} {k}" for k, n in sorted(diags.items())) or "none"))
if rules:
    w = max(len(r) for r in rules)
    for rule, n in sorted(rules.items(), key=lambda x: (-x[1], x[0])):
        print(f"  {rule:<{w}}  {n:7d}")
PY
if grep -q 'error' "$TMP/analysis.err" 2>/dev/null; then
	echo; echo "stderr of the analysis run (first lines):"; head -5 "$TMP/analysis.err"
fi
