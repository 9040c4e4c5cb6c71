#!/bin/sh
# SPDX-License-Identifier: MIT
# strace's long option names: each gives what its short form gives, and
# that differs from the trace without it (so a long name that parsed to
# nothing, or to another option, fails here). Runs without ASLR so that two
# traces of the same program differ only in numbers, which are masked.
. "$srcdir/tests/lib.sh"
P=$PROGS/stats_calls
command -v setarch >/dev/null 2>&1 || skip "no setarch (util-linux)"

# not "opts=... trace": the shell would export opts into the tracee's
# environment, and the traces would differ in it
trace() {	# trace OUT PROGRAM... : the options are $opts
	out=$1; shift
	# shellcheck disable=SC2086 # $opts is a list of words
	run 30 setarch -R "$TATTLE" $opts -o "$out" -- "$@" >/dev/null 2>&1
	# masked: numbers, addresses, getrandom's bytes, which differ every run
	# (and the widths of -c's time columns, leading blanks too, as a call
	# that took all the time shows 100.00; its tables are sorted by name
	# below, as by time their order varies)
	sed '/getrandom(/d; /^ *[0-9][0-9]*\.[0-9][0-9]*  *[0-9][0-9]*\.[0-9]/s/  */ /g; s/^ //
		s/0x[0-9a-f]*/ADDR/g; s/[0-9][0-9]*/N/g' "$out" > "$out.n"
}
# alias BASE SHORT LONG [PROGRAM...]: SHORT and LONG trace alike, unlike BASE
alias() {
	b=$1 s=$2 l=$3; shift 3
	[ $# -gt 0 ] || set -- "$P" 1
	opts=$b; trace base "$@"
	opts="$b $s"; trace short "$@"
	opts="$b $l"; trace long "$@"
	cmp -s short.n long.n || { diff short.n long.n | head; fail "$l is not $s"; }
	cmp -s short.n base.n && fail "$s changed nothing (against '$b')"
	n=$((n + 1))
}
n=0
alias "" "-f" "--follow-forks"
alias "" "-s 5" "--string-limit=5"
alias "" "-xx" "--strings-in-hex"
alias "" "-xx" "--strings-in-hex=all"
alias "" "-x" "--strings-in-hex=non-ascii"
opts="-xx --strings-in-hex=none"; trace none "$P" 1
cmp -s none.n base.n || fail "--strings-in-hex=none did not undo -xx"
alias "" "-v" "--no-abbrev"
alias "" "-X raw" "--const-print-style=raw"
alias "" "-e raw=openat" "--raw=openat"
alias "" "-e verbose=none" "--verbose=none"
alias "" "-e abbrev=none" "--abbrev=none"
alias "" "-e read=3" "--read=3"
alias "" "-e write=3" "--write=3"
alias "" "-y" "--decode-fds=path"
alias "" "-n" "--syscall-number"
alias "" "-i" "--instruction-pointer"
alias "" "-N" "--arg-names"
alias "" "-e trace=close" "--trace=close"
alias "" "-e status=failed" "--status=failed"
alias "" "-z" "--successful-only"
alias "" "-Z" "--failed-only"
alias "" "-P /dev/null" "--trace-path=/dev/null"
alias "" "-e signal=none" "--signal=none" sh -c 'trap : USR1; kill -USR1 $$; true'
alias "" "-e signal=none" "--signals=none" sh -c 'trap : USR1; kill -USR1 $$; true'
alias "" "-qq" "--quiet=exit"
alias "" "-qq" "--silent=exit"
alias "" "-t" "--timestamps"
alias "" "-tt" "--timestamps=precision:us"
alias "" "-ttt" "--timestamps=format:unix,precision:us"
alias "" "-r" "--relative-timestamps"
alias "" "-T" "--syscall-times"
alias "-S name" "-c" "--summary-only"
alias "-S name" "-C" "--summary"
alias "-c -S name --json" "-w" "--summary-wall-clock"
alias "-c -S nothing" "-S name" "--summary-sort-by=name"
alias "-c -S name" "-U name,calls" "--summary-columns=name,calls"
alias "" "-a 60" "--columns=60"
opts=-k
if trace k true && [ -s k ]; then
	alias "" "-k" "--stack-traces"
fi
ok "$n long names trace as their short forms"

# the rest act outside the trace: compare what they do
same_err() {	# same_err SHORT LONG: the same message, exit 1
	"$TATTLE" $1 -- true 2> e1; r1=$?
	"$TATTLE" $2 -- true 2> e2; r2=$?
	[ $r1 = 1 ] && [ $r2 = 1 ] && cmp -s e1 e2 || fail "$2 ($r2: $(cat e2)) is not $1 ($r1: $(cat e1))"
}
same_err "-p 2147483600" "--attach=2147483600"
same_err "-u no-such-user-xyz" "--user=no-such-user-xyz"
same_err "-b open" "--detach-on=open"
same_err "-I 9" "--interruptible=9"
ok "--attach, --user, --detach-on, --interruptible"

"$TATTLE" -h > h1; "$TATTLE" --help > h2; cmp -s h1 h2 && [ -s h1 ] || fail "--help"
"$TATTLE" -V > v1; "$TATTLE" --version > v2; cmp -s v1 v2 && [ -s v1 ] || fail "--version"
run 20 "$TATTLE" --output=o1 -- true && grep -q '^+++ exited with 0 +++$' o1 || fail "--output"
run 20 "$TATTLE" --output-append-mode -o o1 -- true
[ "$(grep -c '^+++ exited' o1)" = 2 ] || fail "--output-append-mode did not append"
run 20 "$TATTLE" --output-separately -o ff -- sh -c '/bin/true; true'
[ "$(ls ff.* | wc -l)" = 2 ] || fail "--output-separately: $(ls ff.*)"
run 20 "$TATTLE" -o o2 --env=TATTLE_X=long -- sh -c 'echo "$TATTLE_X" > envout'
[ "$(cat envout)" = long ] || fail "--env"
run 20 "$TATTLE" -f --detach-on=execve -o o3 -- sh -c '/bin/true; true'
# the child is let go at its execve: its exit is not seen
[ "$(grep -c 'exited with' o3)" = 1 ] || fail "--detach-on=execve: $(grep exited o3)"
run 20 "$TATTLE" -f -o o4 -- sh -c '/bin/true; true'
[ "$(grep -c 'exited with' o4)" = 2 ] || fail "without -b: $(grep exited o4)"
run 20 "$TATTLE" --daemonize -o o5 -- true
for i in $(seq 50); do grep -q '^+++ exited with 0 +++$' o5 2>/dev/null && break; sleep 0.1; done
grep -q '^+++ exited with 0 +++$' o5 || fail "--daemonize: no trace"
ok "--help, --version, --output, --output-append-mode, --output-separately, --env, --detach-on, --daemonize"
