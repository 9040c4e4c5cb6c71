#!/bin/sh
# SPDX-License-Identifier: MIT
# The same core checks through PTRACE_GETREGS instead of
# PTRACE_GET_SYSCALL_INFO (--regs=getregs), so both paths stay correct.
# Deterministic programs only: a shell pipeline varies in its SIGCHLDs.
. "$srcdir/tests/lib.sh"
need_strace
for cmd in "make -v" "$PROGS/core_procs forkpipe" "$PROGS/core_procs vfork"; do
	eval "run 60 strace -f -o s.tr $cmd" >/dev/null 2>&1
	eval "run 60 \"\$TATTLE\" --regs=getregs -f -o t.tr $cmd" >/dev/null 2>&1
	trace_counts s.tr > s.cnt
	trace_counts t.tr > t.cnt
	diff s.cnt t.cnt || fail "getregs: counts differ for $cmd"
	ok "getregs: $cmd"
done
run 60 "$TATTLE" --regs=getregs -f -o trace -- "$PROGS/core_procs" thread-exec || fail "thread-exec"
grep -q 'superseded by execve' trace || fail "getregs: thread-exec"
run 60 "$TATTLE" --regs=getregs -o trace -- "$PROGS/core_signals"
[ $? -eq 3 ] || fail "getregs: signals exit status"
grep -q '^--- SIGUSR1 ' trace || fail "getregs: SIGUSR1 line"
N=20000
run 120 "$TATTLE" --regs=getregs -f -o trace -- "$PROGS/core_threads" $N
[ "$(grep -c 'getppid(' trace)" -eq $((4 * N)) ] || fail "getregs: thread counts"
bg "$PROGS/core_loop" 1
loop=$_bg
sleep 0.2
bg "$TATTLE" --regs=getregs -p "$loop" -o atrace 2>/dev/null
tr=$_bg
wait_for 50 nanosleep atrace || fail "getregs attach saw nothing"
sleep 0.3
kill -INT "$tr"; wait "$tr"
grep -q '^getppid() *= [0-9]' atrace || fail "getregs attach: entry/exit out of step: $(head -5 atrace)"
ok "getregs: exec from a thread, signals, threads, attach"
