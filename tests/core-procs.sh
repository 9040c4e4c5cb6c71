#!/bin/sh
# SPDX-License-Identifier: MIT
# execve from a non-leader thread, vfork, a child SIGKILLed inside a call:
# no hang, no lost process, strace's lines.
. "$srcdir/tests/lib.sh"

run 30 "$TATTLE" -f -o trace -- "$PROGS/core_procs" thread-exec || fail "thread-exec: status $?"
grep -q '+++ superseded by execve in pid [0-9]* +++' trace || { cat trace; fail "no superseded line"; }
grep -q 'execve("/bin/true", \["true"\], 0x[0-9a-f]* /\* [0-9]* vars \*/' trace || fail "no execve of the thread"
grep -q '<\.\.\. execve resumed>) *= 0' trace || fail "execve did not resume under the leader"
tail -n 1 trace | grep -q '+++ exited with 0 +++' || fail "last line: $(tail -n 1 trace)"
ok "execve from a non-leader thread"

run 30 "$TATTLE" -f -o trace -- "$PROGS/core_procs" vfork || fail "vfork: status $?"
grep -q '^[0-9]* *vfork() *= [0-9][0-9]*' trace || grep -q 'vfork(' trace || fail "no vfork line"
[ "$(grep -c 'execve(' trace)" -eq 2 ] || fail "expected 2 execve lines"
[ "$(grep -c '+++ exited with 0 +++' trace)" -eq 2 ] || fail "expected 2 exits"
ok "vfork"

run 30 "$TATTLE" -f -o trace -- "$PROGS/core_procs" killmid || fail "killmid: status $?"
grep -q 'read(3, *<unfinished \.\.\.>\|<\.\.\. read resumed> <unfinished \.\.\.>) *= ?\|read(3,  <unfinished \.\.\.>) *= ?' trace ||
	{ cat trace; fail "the killed read is not shown as unfinished"; }
grep -q '+++ killed by SIGKILL +++' trace || fail "no killed line"
grep -q 'si_code=CLD_KILLED, si_pid=[0-9]*, si_uid=[0-9]*, si_status=SIGKILL' trace || fail "no SIGCHLD CLD_KILLED"
ok "child killed in the middle of read"
