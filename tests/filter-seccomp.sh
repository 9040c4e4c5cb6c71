#!/bin/sh
# SPDX-License-Identifier: MIT
# The seccomp-bpf path: when it is on (the tracee's own /proc/self/status
# says), that threads and processes show exactly the calls they show
# without it, that calls no table names and 32-bit calls still show, and
# that a tracee is never left with a filter and no tracer: a detach
# request lets it run to its end (a second one kills it), tattle's death
# kills it, and it never sees ENOSYS.
. "$srcdir/tests/lib.sh"
P=$PROGS/filter_calls
TH=$PROGS/filter_threads

mode_is() {	# mode_is DESC 0|2 options...
	desc=$1 want=$2
	shift 2
	got=$(run 30 "$TATTLE" -o /dev/null "$@" "$P" seccomp 2> err.txt | awk '{ print $2 }')
	[ "$got" = "$want" ] || fail "$desc: the tracee's Seccomp: is '$got', not $want ($(cat err.txt))"
}
mode_is "default with -f and a trace set" 2 -f -e trace=openat
mode_is "default with -f and a negated set" 2 -f -e 'trace=!openat'
mode_is "default with -f, -P and a trace set" 2 -f -P /dev/null -e trace=read
mode_is "--seccomp-bpf" 2 -f --seccomp-bpf -e trace=%file
mode_is "--no-seccomp-bpf" 0 -f --no-seccomp-bpf -e trace=openat
mode_is "without -f" 0 -e trace=openat
mode_is "without a trace set" 0 -f
mode_is "every call traced" 0 -f -e trace=all
mode_is "-P alone" 0 -f -P /dev/null
mode_is "-b execve" 0 -f -b execve -e trace=openat
ok "seccomp-bpf is on exactly when it should be"

# threads and processes: the same calls with and without it
for shape in "threads 4 3000 25" "forks 3 2000 20"; do
	# shellcheck disable=SC2086
	for set in getppid openat getppid,openat,close; do
		run 60 "$TATTLE" -f --no-seccomp-bpf -e trace=$set -o a.tr "$TH" $shape > a.out 2> a.err || fail "$shape: no seccomp run failed"
		run 60 "$TATTLE" -f -e trace=$set -o b.tr "$TH" $shape > b.out 2> b.err || fail "$shape: seccomp run failed"
		trace_counts a.tr > a.cnt
		trace_counts b.tr > b.cnt
		diff a.cnt b.cnt > d.out || { cat d.out; fail "$shape -e trace=$set: counts differ with seccomp (< without, > with)"; }
		want=$(awk '$1 == "getppid" { print $2 }' b.out)
		case $set in getppid*)
			got=$(awk '$1 == "getppid" { print $2 }' b.cnt)
			[ "$got" = "$want" ] || fail "$shape: $got getppid lines, the workers made $want"
		esac
	done
	ok "$shape: same counts with and without seccomp-bpf"
done

# 32-bit calls have no name here: shown whatever the set, with or without
if "$P" int80 > /dev/null 2>&1; then
	for how in --no-seccomp-bpf ""; do
		# shellcheck disable=SC2086
		run 30 "$TATTLE" -f $how -e trace=getppid -o i.tr "$P" int80 || fail "int80 $how failed"
		trace_counts i.tr > i.cnt
		printf 'getppid 2\nsyscall_0x14 1\n' > i.want
		diff i.want i.cnt > d.out || { cat d.out; fail "int80 ${how:-(seccomp)}: counts differ"; }
	done
	ok "a 32-bit call shows under -e trace=getppid, with and without seccomp"
else
	echo "(no 32-bit syscalls on this kernel: int 0x80 not tested)"
fi

# a detach request under seccomp: no ENOSYS, the tracee runs to its end
for sig in INT TERM; do
	rm -f lp.out lp.err lp.tr
	bg "$TATTLE" -f -e trace=openat -o lp.tr "$P" loop 50 > lp.out 2> lp.err
	tp=$_bg
	wait_for 50 openat lp.tr || fail "SIG$sig: no openat traced"
	kill -$sig "$tp"
	wait "$tp"
	rc=$?
	[ $rc -eq 0 ] || fail "SIG$sig: tattle exited $rc (the command's status is 0 when it ran to its end)"
	grep -qx ok lp.out || { cat lp.out lp.err; fail "SIG$sig: the tracee did not run to its end cleanly (ENOSYS?)"; }
	grep -q "cannot be detached" lp.err || { cat lp.err; fail "SIG$sig: no message"; }
	n=$(trace_counts lp.tr | awk '$1 == "openat" { print $2 }')
	[ "${n:-0}" -lt 52 ] || fail "SIG$sig: $n openat lines: the trace went on after the request"
done
ok "SIGINT/SIGTERM under seccomp: tracing stops, the tracee finishes without ENOSYS"

# a second request kills it
rm -f lp.out lp.err lp.tr
bg "$TATTLE" -f -e trace=openat -o lp.tr "$P" loop 200 > lp.out 2> lp.err
tp=$_bg
wait_for 50 openat lp.tr || fail "no openat traced"
kill -INT "$tp"
wait_for 50 "cannot be detached" lp.err || fail "no message after the first SIGINT"
kill -INT "$tp"
wait "$tp"
grep -q ok lp.out && fail "the second SIGINT did not kill the tracee"
sleep 0.2
pgrep -f "$P loop 200" > /dev/null && fail "the tracee outlived the second SIGINT"
ok "a second SIGINT kills the tracee"

# --syscall-limit under seccomp: as a detach request
run 30 "$TATTLE" -f -e trace=openat --syscall-limit=3 -o sl.tr "$P" loop 10 > sl.out 2> sl.err || fail "--syscall-limit run failed"
grep -qx ok sl.out || { cat sl.out sl.err; fail "--syscall-limit: the tracee did not finish cleanly"; }
[ "$(trace_counts sl.tr)" = "openat 3" ] || { cat sl.tr; fail "--syscall-limit=3: not 3 openat lines"; }
ok "--syscall-limit=3 under seccomp: 3 lines, the tracee finishes"

# tattle killed outright: the tracee dies with it rather than get ENOSYS
rm -f lp.out lp.err lp.tr
bg "$TATTLE" -f -e trace=openat -o lp.tr "$P" loop 200 > lp.out 2> lp.err
tp=$_bg
wait_for 50 openat lp.tr || fail "no openat traced"
kill -KILL "$tp"
wait "$tp" 2>/dev/null
sleep 0.3
pgrep -f "$P loop 200" > /dev/null && fail "the tracee outlived tattle's SIGKILL"
grep -q failed lp.out && fail "the tracee saw a failed openat"
ok "SIGKILL of tattle kills the tracee (PTRACE_O_EXITKILL)"
exit 0
