# SPDX-License-Identifier: MIT
# Sourced by the tests/stats-*.sh tests (after tests/lib.sh).

# tat ARGS...: tattle with a timeout, its stderr in tat.err. The tracee's
# exit status is not a failure of tattle's (in the sanitizer build the test
# programs exit 1 under ptrace: LeakSanitizer refuses to run), so only a
# timeout, a signal or a sanitizer report from tattle fails the test.
tat() {
	run 60 "$TATTLE" "$@" 2> tat.err
	rc=$?
	if grep -q 'ERROR: AddressSanitizer\|runtime error:' tat.err; then
		cat tat.err
		fail "sanitizer report: tattle $*"
	fi
	[ $rc -lt 124 ] || { cat tat.err; fail "tattle $* timed out or was killed ($rc)"; }
	return 0
}
# ref ARGS...: strace the same way
ref() {
	run 60 strace "$@" 2>/dev/null
	[ $? -lt 124 ] || fail "strace $* timed out"
	return 0
}
