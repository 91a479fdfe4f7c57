#!/bin/bash
# check_rules_meta.sh - consistency of rules/, rules/docs/ and corpus/.
#
# usage: check_rules_meta.sh SOURCE_DIR
# For every `rule ID ...` line in rules/checks/*.rules:
#   - rules/docs/ID.md exists, its first line is "# ID", and it has a
#     non-empty summary (the first paragraph after the title);
#   - corpus/ID/ exists with at least 6 bad-*.c and 6 good-*.c files
#     (not for rules of group=meta, which tests/gate/ covers);
#   - every bad-*.c has an expect- comment naming a known rule id, and no
#     good-*.c has any expect- comment.
# And everywhere in corpus/: every `expect-SEVERITY[@+-N] RULE` names a rule
# that exists. Prints "not ok: ..." for each failure; exits 1 if any.
set -u
SRC=${1:?usage: check_rules_meta.sh SOURCE_DIR}
cd "$SRC" || exit 2
MIN_BAD=6 MIN_GOOD=6
failed=0
bad() { echo "not ok: $*"; failed=$((failed + 1)); }

ids=$(awk '!/^[ \t]*#/ && $1 == "rule" { print $2 }' rules/checks/*.rules)
if [ -z "$ids" ]; then
	bad "no rule lines in rules/checks/*.rules"
	exit 1
fi
known() { printf '%s\n' $ids | grep -qxF -- "$1"; }
# rules of group "meta" (about dmacheck's own input) need docs but no corpus/:
# tests/gate/ tests them
meta_ids=$(awk '!/^[ \t]*#/ && $1 == "rule" { for (i = 3; i <= NF; i++) if ($i == "group=meta") print $2 }' rules/checks/*.rules)
is_meta() { printf '%s\n' $meta_ids | grep -qxF -- "$1"; }

dups=$(printf '%s\n' $ids | sort | uniq -d)
[ -n "$dups" ] && bad "rule ids defined more than once: $dups"

# the expect- comments of a file: "SEVERITY RULE" per line
expects() {
	grep -oE 'expect-[a-z]+(@[+-][0-9]+)?[ \t]+[A-Za-z0-9_-]+' "$1" |
		sed -E 's/^expect-([a-z]+)(@[+-][0-9]+)?[ \t]+/\1 /'
}

for id in $ids; do
	doc=rules/docs/$id.md
	if [ ! -f "$doc" ]; then
		bad "$id: $doc is missing"
	else
		first=$(head -n 1 "$doc")
		[ "$first" = "# $id" ] || bad "$id: first line of $doc is '$first', want '# $id'"
		# summary: the first non-blank paragraph after the title
		summary=$(awk 'NR == 1 { next } /^[ \t]*$/ { if (s != "") exit; next } { s = s $0 } END { print s }' "$doc")
		[ -n "${summary//[[:space:]]/}" ] || bad "$id: $doc has no summary sentence after the title"
	fi
	is_meta "$id" && continue
	dir=corpus/$id
	if [ ! -d "$dir" ]; then
		bad "$id: $dir/ is missing"
		continue
	fi
	nbad=$(find "$dir" -maxdepth 1 -name 'bad-*.c' | wc -l)
	ngood=$(find "$dir" -maxdepth 1 -name 'good-*.c' | wc -l)
	[ "$nbad" -ge $MIN_BAD ] || bad "$id: $dir has $nbad bad-*.c files, want >= $MIN_BAD"
	[ "$ngood" -ge $MIN_GOOD ] || bad "$id: $dir has $ngood good-*.c files, want >= $MIN_GOOD"
	for f in "$dir"/bad-*.c; do
		[ -f "$f" ] || continue
		ok=0
		while read -r sev rule; do
			known "$rule" && ok=1
		done < <(expects "$f")
		[ $ok = 1 ] || bad "$f: no expect- comment naming a known rule"
	done
	for f in "$dir"/good-*.c; do
		[ -f "$f" ] || continue
		if grep -qE 'expect-(warning|error|note)' "$f"; then
			bad "$f: a good file has an expect- comment: $(grep -nE 'expect-(warning|error|note)' "$f" | head -1)"
		fi
	done
done

# every expectation anywhere in corpus/ names an existing rule and a known severity
while IFS= read -r f; do
	while read -r sev rule; do
		case $sev in warning|error|note) ;; *) bad "$f: expect-$sev: unknown severity" ;; esac
		known "$rule" || bad "$f: expect-$sev names unknown rule '$rule'"
	done < <(expects "$f")
done < <(find corpus -type f -name '*.c' | sort)

# every corpus/<dir> other than _* belongs to a rule
for d in corpus/*/; do
	d=${d%/}; name=${d#corpus/}
	case $name in _*) continue ;; esac
	known "$name" || bad "$d/ names no rule in rules/checks/*.rules"
done

n=$(printf '%s\n' $ids | wc -l)
if [ $failed -eq 0 ]; then
	echo "ok: $n rules have docs and corpus cases; all corpus expectations name known rules"
	exit 0
fi
echo "$failed check(s) failed"
exit 1
