# tap.sh - TAP helpers shared by the shell tests (source it after setting TMP,
# and DMC=(dmacheck args...) for run/expect_rc). Every check prints one
# "ok N - what" / "not ok N - what" line; tap_finish prints the plan and exits.
n=0 failed=0

ok() { n=$((n + 1)); echo "ok $n - $1"; }

not_ok() {
	n=$((n + 1)); failed=$((failed + 1)); echo "not ok $n - $1"
	[ -s "$TMP/out" ] && sed 's/^/#   stdout: /' "$TMP/out" | head -20
	[ -s "$TMP/err" ] && sed 's/^/#   stderr: /' "$TMP/err" | head -20
	return 0
}

# run ARGS...: dmacheck (60 s at most) with stdout/stderr in $TMP/out, $TMP/err; sets $rc
run() {
	timeout 60 "${DMC[@]}" "$@" >"$TMP/out" 2>"$TMP/err"
	rc=$?
}

# expect_rc N WHAT ARGS...: run dmacheck and expect exit status N
expect_rc() {
	local want=$1 what=$2
	shift 2
	run "$@"
	if [ "$rc" -eq "$want" ]; then ok "$what (exit $want)"; else not_ok "$what: exit $rc, want $want"; fi
}

# check WHAT COMMAND...: ok if the command succeeds
check() {
	local what=$1
	shift
	if "$@" >/dev/null 2>&1; then ok "$what"; else not_ok "$what"; fi
}

# same WHAT WANT GOT
same() { if [ "$2" = "$3" ]; then ok "$1"; else not_ok "$1: got '$3', want '$2'"; fi; }

# tap_finish: the plan line, and exit 1 if anything failed
tap_finish() {
	echo "1..$n"
	if [ "$failed" -ne 0 ]; then
		echo "# $failed of $n checks failed"
		exit 1
	fi
	echo "# all $n checks passed"
	exit 0
}
