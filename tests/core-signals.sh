#!/bin/sh
# SPDX-License-Identifier: MIT
# Signals: a handled SIGUSR1, SIGSTOP/SIGCONT from outside, SIGSEGV; the
# lines strace prints and the exit status.
. "$srcdir/tests/lib.sh"
ulimit -c 0

run 20 "$TATTLE" -o trace -- "$PROGS/core_signals"
rc=$?
[ $rc -eq 3 ] || fail "exit status $rc, expected 3"
pid=$(sed -n 's/^kill(\([0-9]*\), SIGUSR1) .*/\1/p' trace)
grep -q "^--- SIGUSR1 {si_signo=SIGUSR1, si_code=SI_USER, si_pid=$pid, si_uid=$(id -u)} ---\$" trace ||
	{ cat trace; fail "no SIGUSR1 line"; }
grep -q '^rt_sigreturn({mask=\[\]}) *= 0$\|^rt_sigreturn(' trace || fail "no rt_sigreturn after the handler"
grep -q '^+++ exited with 3 +++$' trace || fail "no exit line"
ok "handled SIGUSR1"

run 20 "$TATTLE" -o trace -- "$PROGS/core_signals" segv
rc=$?
[ $rc -eq $((128 + 11)) ] || fail "segv: exit status $rc, expected 139"
grep -q '^--- SIGSEGV {si_signo=SIGSEGV, si_code=SEGV_MAPERR, si_addr=NULL} ---$' trace || { cat trace; fail "no SIGSEGV line"; }
grep -q '^+++ killed by SIGSEGV +++$' trace || fail "no killed line"
ok "SIGSEGV"

bg "$TATTLE" -o trace -- "$PROGS/core_signals" stop
tr=$_bg
wait_for 50 'pause(' trace || sleep 1
pid=$(pgrep -P "$tr")
[ -n "$pid" ] || fail "cannot find the tracee"
kill -STOP "$pid"
sleep 0.3
st=$(proc_state "$pid")
case "$st" in T | t) ;; *) fail "after SIGSTOP the tracee is in state $st" ;; esac
kill -CONT "$pid"
sleep 0.3
st=$(proc_state "$pid")
case "$st" in S | R) ;; *) fail "after SIGCONT the tracee is in state $st" ;; esac
kill -USR2 "$pid"
wait "$tr"
rc=$?
[ $rc -eq 3 ] || fail "stop: exit status $rc"
grep -q '^--- SIGSTOP {si_signo=SIGSTOP, si_code=SI_USER, ' trace || fail "no SIGSTOP line"
grep -q '^--- stopped by SIGSTOP ---$' trace || fail "no 'stopped by' line"
grep -q '^--- SIGCONT {si_signo=SIGCONT, si_code=SI_USER, ' trace || fail "no SIGCONT line"
grep -q '^--- SIGUSR2 ' trace || fail "no SIGUSR2 line"
ok "SIGSTOP/SIGCONT from outside: stopped, continued, exited"
