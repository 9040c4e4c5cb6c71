#!/bin/sh
# SPDX-License-Identifier: MIT
# Output and process-control options: -o, -A, -ff, -o |cmd, -q/-qq, -E, -u,
# -b execve, -D, --kill-on-exit.
. "$srcdir/tests/lib.sh"

run 20 "$TATTLE" -o out -- true && grep -q '^execve("/usr/bin/true\|^execve(".*true"' out || fail "-o"
run 20 "$TATTLE" -A -o out -- true
[ "$(grep -c '^execve(' out)" -eq 2 ] || fail "-A did not append"
ok "-o and -A"

run 20 "$TATTLE" -ff -o ff -- sh -c 'true; /bin/true' || fail "-ff status"
n=$(ls ff.* | wc -l)
[ "$n" -eq 2 ] || fail "-ff made $n files"
for f in ff.*; do
	grep -q '^+++ exited with 0 +++$' "$f" || fail "$f has no exit line"
	grep -q '^\[pid\|^[0-9]' "$f" && fail "$f has pid prefixes"
done
ok "-ff: one file per process, no prefixes"

run 20 "$TATTLE" -f -o out -- sh -c '/bin/true'
grep -qE '^[0-9]+ +execve\(' out || fail "-f -o: no 'PID ' prefix"
ok "-f -o prefixes lines with the pid"

# strace's rule: with -o, a started command's new children are not announced
run 20 "$TATTLE" -f -o out -- sh -c '/bin/true | cat' 2>err
[ -s err ] && fail "-f -o: stderr has $(cat err)"
run 20 "$TATTLE" -f -- sh -c '/bin/true | cat' 2>err
# (as strace's, the message may come in the middle of the clone line)
[ "$(grep -o 'tattle: Process [0-9]* attached' err | wc -l)" = 2 ] || fail "-f: attach messages: $(grep attached err)"
ok "-f announces new children on stderr, not with -o"

run 20 "$TATTLE" -o '|cat > piped' -- true
grep -q '^+++ exited with 0 +++$' piped || fail "-o |cmd"
ok "-o |cmd"

run 20 "$TATTLE" -e trace=none -- sh -c 'exit 0' 2>err
grep -q '^+++ exited with 0 +++$' err || fail "exit line missing without -q"
run 20 "$TATTLE" -qq -e trace=none -- sh -c 'exit 0' 2>err
[ -s err ] && fail "-qq still printed: $(cat err)"
ok "-qq hides exit lines"

run 20 "$TATTLE" -o out -E TATTLE_TEST=hello -E HOME -- sh -c 'echo "$TATTLE_TEST:${HOME:-unset}" > envout'
[ "$(cat envout)" = "hello:unset" ] || fail "-E: $(cat envout)"
ok "-E sets and unsets"

if [ "$(id -u)" = 0 ] && id nobody >/dev/null 2>&1; then
	run 20 "$TATTLE" -o out -u nobody -- sh -c 'id -un > "$0"' "$T/uout"
	chmod 777 "$T"
	run 20 "$TATTLE" -o out -u nobody -- sh -c 'id -un > "$0"' "$T/uout"
	[ "$(cat uout)" = nobody ] || fail "-u nobody: $(cat uout 2>/dev/null)"
	ok "-u runs the command as the user"
fi

run 20 "$TATTLE" -f -b execve -o out -- sh -c '/bin/true; echo after > bout'
[ "$(cat bout)" = after ] || fail "-b execve: the shell did not go on"
grep -q 'execve("/bin/true"' out || fail "-b execve: the execve is not shown"
# as strace: " <detached ...>" ends the execve line while it is open; once
# another line cut it, it stays unfinished (no "<... resumed> <detached ...>")
grep -q 'resumed> <detached' out && fail "-b execve: $(grep detached out)"
ok "-b execve"

# -D: the command keeps tattle's place: its parent is this shell
"$TATTLE" -D -o out -- sh -c 'echo $PPID > dppid'
[ "$(cat dppid)" = "$$" ] || fail "-D: the command's parent is $(cat dppid), not the shell $$"
sleep 0.2
grep -q '^execve(' out || fail "-D: nothing traced"
ok "-D"

bg "$TATTLE" --kill-on-exit -o out -- "$PROGS/core_loop" 1
tr=$_bg
wait_for 50 nanosleep out || fail "--kill-on-exit: not started"
pid=$(pgrep -P "$tr")
kill -TERM "$tr"
wait "$tr"
sleep 0.3
st=$(proc_state "$pid")
case "$st" in "" | Z) ;; *) fail "--kill-on-exit: the tracee survived (state $st)" ;; esac
ok "--kill-on-exit kills the command"

# -n, -i, -xx: the same lines as strace's (ips differ between runs)
if command -v strace >/dev/null 2>&1; then
	for opts in "-n -i -e trace=close,exit_group" "-xx -e trace=write" "-n -e trace=openat"; do
		# shellcheck disable=SC2086
		run 20 strace $opts -o s.tr sh -c 'echo hi > /dev/null'
		# shellcheck disable=SC2086
		run 20 "$TATTLE" $opts -o t.tr sh -c 'echo hi > /dev/null'
		sed -E 's/\[[0-9a-f?]{16}\]/[IP]/; s/0x[0-9a-f]+/0xADDR/g' s.tr > s.n
		sed -E 's/\[[0-9a-f?]{16}\]/[IP]/; s/0x[0-9a-f]+/0xADDR/g' t.tr > t.n
		diff s.n t.n || fail "$opts: lines differ from strace's"
		ok "$opts as strace"
	done
fi

# -N: argument names
run 20 "$TATTLE" -N -e trace=close -o out -- true
grep -q '^close(fd=3) *= 0$' out || fail "-N: $(head -2 out)"
ok "-N names the arguments"

# the trace on stderr, shared with the command: each part is out before the
# command runs on, so its output comes between, as with strace
run 20 "$TATTLE" -e trace=write "$PROGS/core_inject" write > both 2>&1
printf 'write(1, "hello\\n", 6hello\n)                  = 6\n' > want
head -2 both | diff want - || { cat both; fail "stderr trace and the command's output are not interleaved"; }
ok "on stderr, the trace and the command's output interleave in order"
