# SPDX-License-Identifier: MIT
# Sourced by the shell tests: a temp dir, a timeout on everything that
# traces, and helpers to check traces. Every test leaves nothing running.
: "${srcdir:=.}" "${builddir:=.}" "${TATTLE:=$builddir/src/tattle}"
PROGS=$builddir/tests/progs
T=$(mktemp -d)
BG_PIDS=""
cleanup() {
	for p in $BG_PIDS; do kill -KILL "$p" 2>/dev/null; done
	rm -rf "$T"
}
trap cleanup EXIT
trap 'exit 1' INT TERM
cd "$T" || exit 99

fail() { echo "FAIL: $*"; exit 1; }
ok() { echo "ok: $*"; }
skip() { echo "SKIP: $*"; exit 77; }
# run with a timeout: run SECONDS cmd...
run() { t=$1; shift; timeout -k 5 "$t" "$@"; }
# in the background, with a watchdog; $! is the command itself (not a
# wrapper), so signals sent to it reach it
bg() {
	"$@" &
	_p=$!
	(sleep 90; kill -KILL "$_p" 2>/dev/null) >/dev/null 2>&1 &
	BG_PIDS="$BG_PIDS $_p $!"
	_bg=$_p
}
need_strace() { command -v strace >/dev/null 2>&1 || skip "strace is not installed"; }

# calls per syscall name in a text trace (complete lines and entry parts;
# "<... x resumed>" halves are not counted twice): "name count" sorted
trace_counts() {
	sed -E 's/^\[pid +[0-9]+\] //; s/^[0-9]+ +//' "$1" |
		awk '/^<\.\.\. / || /^(---|\+\+\+) / { next }
		     match($0, /^[a-z0-9_]+\(/) { n[substr($0, 1, RLENGTH - 1)]++ }
		     END { for (k in n) print k, n[k] }' | sort
}
# calls and errors per name from a -c table: "name calls errors" sorted
summary_counts() {
	awk '/^-+ / { sep++; next } sep == 1 && NF >= 5 {
		if (NF == 6) print $6, $4, $5; else print $5, $4, 0 }' "$1" | sort
}
# the state letter of a process (R S D T t Z ...)
proc_state() { sed -E 's/^[0-9]+ \(.*\) ([A-Za-z]).*/\1/' "/proc/$1/stat" 2>/dev/null; }
# waits up to N tenths of a second until grep -q PATTERN FILE
wait_for() { n=$1; while [ "$n" -gt 0 ]; do grep -q -- "$2" "$3" 2>/dev/null && return 0; sleep 0.1; n=$((n - 1)); done; return 1; }
