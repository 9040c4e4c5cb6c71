#!/bin/sh
# SPDX-License-Identifier: MIT
# Every call traced: per-syscall call and error counts of tattle -c and of
# the text trace equal strace's on the same deterministic programs.
. "$srcdir/tests/lib.sh"
need_strace
printf 'all:\n\t@echo done\n' > Makefile
mkdir d && touch d/a d/b d/c

# A shell pipeline is not fully deterministic (how many SIGCHLDs arrive
# separately, so how many rt_sigreturn calls): each comparison gets three
# tries, with fresh runs of both tracers each time (each in a subshell, so
# that a failed try does not end the test). Under a slow build the
# coalescing can differ from strace's on every try, so where $by_timing
# names calls (an ERE), their counts are left out of the comparison with
# strace and each trace must instead agree with itself: one rt_sigreturn
# per signal delivered to a handler.
by_timing=
compare() {
	for try in 1 2 3; do
		if (compare_once "$@") > try.log 2>&1; then
			cat try.log
			[ $try -gt 1 ] && echo "   (matched on try $try)"
			return 0
		fi
	done
	cat try.log
	exit 1
}
timing_free() { if [ -n "$by_timing" ]; then grep -Ev "^($by_timing) "; else cat; fi; }
compare_once() {	# compare_once NAME cmd...
	name=$1; shift
	run 60 strace -f -c -o s.sum "$@" >/dev/null 2>&1
	run 60 "$TATTLE" -f -c -o t.sum "$@" >/dev/null 2>&1 || [ $? -lt 124 ] || fail "$name: tattle -c timed out"
	summary_counts s.sum | timing_free > s.cnt
	summary_counts t.sum | timing_free > t.cnt
	[ -s s.cnt ] || fail "$name: strace printed no summary"
	diff s.cnt t.cnt > d.out || { cat d.out; fail "$name: -c counts differ from strace -f -c"; }
	run 60 strace -f -o s.tr "$@" >/dev/null 2>&1
	run 60 "$TATTLE" -f -o t.tr "$@" >/dev/null 2>&1
	trace_counts s.tr | timing_free > s.tcnt
	trace_counts t.tr | timing_free > t.tcnt
	if [ -n "$by_timing" ]; then
		returns=$(trace_counts t.tr | awk '$1 == "rt_sigreturn" { print $2 }')
		delivered=$(grep -c -- '--- SIGCHLD ' t.tr)
		[ "${returns:-0}" -eq "$delivered" ] ||
			fail "$name: ${returns:-0} rt_sigreturn for $delivered SIGCHLD delivered"
	fi
	diff s.tcnt t.tcnt > d.out || { cat d.out; fail "$name: traced calls differ from strace -f"; }
	ok "$name: $(awk '{ n += $2 } END { print n }' t.cnt) calls in $(wc -l <t.cnt) syscalls, same as strace"
}

compare "true" true
by_timing=rt_sigreturn
compare "sh pipeline" sh -c 'ls d | wc -l'
by_timing=
compare "make -v" make -v
compare "make" make -s
compare "fork, pipe, wait" "$PROGS/core_procs" forkpipe
# -c alone reads a call's registers at its exit stop only (tracer.c,
# lazy_stop): rt_sigreturn (which sets orig_rax to -1), threads, an
# execve from a thread and signals must count as when entries are read
compare "signals" "$PROGS/core_signals"
compare "signal handlers" "$PROGS/proc_signal"
compare "execve from a thread" "$PROGS/core_procs" thread-exec
# how often the threads meet on a futex varies: count getppid alone
run 60 "$TATTLE" -f -c -o t.sum "$PROGS/core_threads" 2000 >/dev/null 2>&1
summary_counts t.sum | grep -qx 'getppid 8000 0' || { cat t.sum; fail "4 threads: getppid counted wrong"; }
ok "4 threads: 8000 getppid counted"
