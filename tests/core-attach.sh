#!/bin/sh
# SPDX-License-Identifier: MIT
# -p: attach to a running loop, see its calls, detach on SIGINT and leave it
# running (state S or R, never t); -f -p sees every thread.
. "$srcdir/tests/lib.sh"

bg "$PROGS/core_loop" 1
loop=$_bg
sleep 0.2
bg "$TATTLE" -p "$loop" -o trace 2>msgs
tr=$_bg
wait_for 50 'nanosleep\|getppid' trace || fail "no calls seen after attach"
kill -INT "$tr"
wait "$tr"
rc=$?
grep -q "^tattle: Process $loop attached" msgs || fail "no attach message: $(cat msgs)"
grep -q "^tattle: Process $loop detached" msgs || fail "no detach message: $(cat msgs)"
[ $rc -eq 130 ] || fail "tattle exited $rc after SIGINT, not killed by it (130) as strace is"
sleep 0.2
st=$(proc_state "$loop")
case "$st" in
S | R) ok "after detach the loop is in state $st (tattle exit $rc)" ;;
*) fail "after detach the loop is in state '$st'" ;;
esac
grep -q 'getppid() *= ' trace || fail "no complete getppid line"
# still running: it must keep making progress without us
a=$(awk '{print $14 + $15}' "/proc/$loop/stat"); sleep 0.3
kill -0 "$loop" || fail "the loop died after detach"
ok "attach and detach of one process"

bg "$PROGS/core_loop" 4
loop4=$_bg
sleep 0.3
bg "$TATTLE" -f -p "$loop4" -o trace4 2>msgs4
tr=$_bg
sleep 1
kill -INT "$tr"
wait "$tr"
grep -q "^tattle: Process $loop4 attached with 4 threads" msgs4 || fail "-f -p: $(cat msgs4)"
n=$(grep -oE '^[0-9]+' trace4 | sort -u | wc -l)
[ "$n" -eq 4 ] || fail "-f -p saw $n threads, expected 4"
for t in /proc/"$loop4"/task/*; do
	st=$(proc_state "$loop4/task/${t##*/}")
	case "$st" in S | R) ;; *) fail "thread ${t##*/} in state $st after detach" ;; esac
done
ok "-f -p: 4 threads traced, all running after detach"

# SIGTERM detaches as well
bg "$TATTLE" -p "$loop" -o trace5 2>msgs5
tr=$_bg
wait_for 50 'nanosleep' trace5 || fail "second attach saw nothing"
kill -TERM "$tr"
wait "$tr"
sleep 0.2
case "$(proc_state "$loop")" in S | R) ok "SIGTERM: detached" ;; *) fail "SIGTERM left state $(proc_state "$loop")" ;; esac

# the command tattle started gets the signal that ends tattle, as strace's
# does (so `timeout 10 tattle CMD` leaves nothing running); -I2 because -o
# blocks the signals (-I3), as strace's -o does
bg "$TATTLE" -I2 -o trace6 -- "$PROGS/core_loop" 2>msgs6
tr=$_bg
wait_for 50 'nanosleep' trace6 || fail "the started loop shows nothing"
cmd=$(pgrep -P "$tr")
[ -n "$cmd" ] || fail "no child of tattle"
BG_PIDS="$BG_PIDS $cmd"	# killed at the end whatever happens
kill -TERM "$tr"
wait "$tr"
rc=$?
[ $rc -eq 143 ] || fail "tattle exited $rc after SIGTERM, not killed by it (143)"
sleep 0.2
case "$(proc_state "$cmd")" in "" | Z) ;; *) fail "the started command outlived SIGTERM" ;; esac
ok "SIGTERM: the started command gets it too, tattle dies of it"

# a pid that cannot be traced ends tattle before the command starts
run 10 "$TATTLE" -p 2147483600 -- sh -c 'touch ran' 2>msgs7
rc=$?
[ $rc -eq 1 ] || fail "-p BAD CMD exited $rc"
[ -e ran ] && fail "-p BAD CMD: the command ran untraced"
grep -q "^tattle: attach: ptrace(PTRACE_SEIZE, 2147483600): No such process" msgs7 || fail "-p BAD: $(cat msgs7)"
ok "-p BAD CMD: one error, exit 1, the command never started"
