#!/bin/sh
# SPDX-License-Identifier: MIT
# Syscall tampering: -e inject=SET:... and -e fault=SET:... (--inject=,
# --fault=), as strace 6.1 does it: error=, retval=, signal=, syscall=,
# delay_enter=/delay_exit=, poke_enter=/poke_exit=, when= (counted per
# syscall and per process), the -c errors column, bad arguments, and a
# later -e inject= of a syscall replacing an earlier one. Runs as well with
# TATTLE=strace (only the text after "PROGRAM: " of messages is matched).
. "$srcdir/tests/lib.sh"
ulimit -c 0
P=$PROGS/core_inject
LC_ALL=C
export LC_ALL
echo myhost > F

# the 1-based indices, among the lines starting "NAME(" (a "PID " or
# "[pid PID] " prefix removed), of those marked (INJECTED...), one line
injected() {
	sed -E 's/^\[pid +[0-9]+\] //; s/^[0-9]+ +//' "$2" |
		awk -v n="$1(" 'index($0, n) == 1 { i++; if (index($0, "(INJECTED")) s = s " " i }
			END { print substr(s, 2) }'
}
# the Nth line starting "NAME(" of FILE
nth() { grep "^$1(" "$3" | sed -n "$2p"; }

# 1. error= with when=N on openat: only the Nth openat is failed, and cat
# fails only when that was the open of its file
run 30 "$TATTLE" -o plain.tr -e trace=openat cat F > out 2>&1 || fail "cat F failed under the tracer: $(cat out)"
n=$(grep -c '^openat(' plain.tr)
k=$(grep -n '^openat(AT_FDCWD, "F", O_RDONLY)' plain.tr | cut -d: -f1)
[ -n "$k" ] || { cat plain.tr; fail "no openat of F"; }
[ "$n" -ge 3 ] || { cat plain.tr; fail "cat made only $n openat calls"; }
ENOENT=' = -1 ENOENT (No such file or directory) (INJECTED)'
for w in 3 "$k" $((n + 1)); do
	run 30 "$TATTLE" -o t1 -e trace=openat -e "inject=openat:error=ENOENT:when=$w" cat F > out 2> err
	rc=$?
	[ -f t1 ] || fail "when=$w: no trace, status $rc: $(cat err)"
	if [ "$w" -le "$n" ]; then
		[ "$(injected openat t1)" = "$w" ] || { cat t1; fail "when=$w: injected openat calls: $(injected openat t1)"; }
		nth openat "$w" t1 | grep -q -- "$ENOENT\$" || { cat t1; fail "when=$w: openat $w is not '...$ENOENT'"; }
	else
		! grep -q INJECTED t1 || { cat t1; fail "when=$w: something injected"; }
	fi
	if [ "$w" = "$k" ]; then
		[ $rc -eq 1 ] || fail "when=$w (the open of F): cat exit status $rc, expected 1"
		grep -q '^cat: F: No such file or directory$' err || fail "when=$w: cat said: $(cat err)"
		[ -s out ] && fail "when=$w: cat printed $(cat out)"
	else
		[ $rc -eq 0 ] || fail "when=$w (not the open of F): cat exit status $rc: $(cat err)"
		[ "$(cat out)" = myhost ] || fail "when=$w: cat printed '$(cat out)'"
	fi
done
ok "inject=openat:error=ENOENT:when=N: the Nth openat only (3, $k = F, $((n + 1)) = none)"

# 2. retval=: the call returns the value, the program sees it
run 30 "$TATTLE" -o t2 -e trace=getppid -e inject=getppid:retval=42 "$P" getppid 1 > out || fail "retval=42: status $?"
grep -q '^getppid() *= 42 (INJECTED)$' t2 || { cat t2; fail "retval=42: no 'getppid() = 42 (INJECTED)'"; }
[ "$(grep -c '^getppid(' t2)" = 1 ] || { cat t2; fail "retval=42: not one getppid line"; }
[ "$(cat out)" = "42 0" ] || fail "retval=42: the program got '$(cat out)'"
ok "retval=42: 'getppid() = 42 (INJECTED)', the program got 42"

# strace 6.1 tampers only with traced calls: with trace=write, an
# inject= of getppid changes nothing
run 30 "$TATTLE" -o t2b -e trace=write -e inject=getppid:retval=42 "$P" getppid 2 > out || fail "untraced inject: status $?"
grep -qx '42 0' out && fail "inject=getppid with trace=write: the program got '$(cat out)'"
grep -q '^getppid(\|INJECTED' t2b && { cat t2b; fail "trace=write showed getppid or an injection"; }
[ "$(grep -c '^write(1, ' t2b)" -eq 1 ] || { cat t2b; fail "trace=write: not one write line"; }
ok "inject= of a call that is not traced does nothing"

# 3. error= by number, by name in either case; -e fault= defaults to ENOSYS
# (getppid() of glibc returns -errno itself or -1 with errno set)
EPERM=' = -1 EPERM (Operation not permitted) (INJECTED)'
for e in 1 EPERM eperm; do
	run 30 "$TATTLE" -o t3 -e trace=getppid -e "inject=getppid:error=$e" "$P" getppid 1 > out || fail "error=$e: status $?"
	grep -q -- "^getppid() *$EPERM\$" t3 || { cat t3; fail "error=$e: no 'getppid()$EPERM'"; }
	case $(cat out) in "-1 0" | "-1 1") ;; *) fail "error=$e: the program got '$(cat out)'" ;; esac
done
ok "error=1, error=EPERM, error=eperm: '$EPERM'"
run 30 "$TATTLE" -o t3 -e trace=getppid -e fault=getppid "$P" getppid 1 > out || fail "fault=getppid: status $?"
grep -q '^getppid() *= -1 ENOSYS (Function not implemented) (INJECTED)$' t3 || { cat t3; fail "fault=getppid: not ENOSYS"; }
case $(cat out) in "-38 0" | "-1 38") ;; *) fail "fault=getppid: the program got '$(cat out)'" ;; esac
run 30 "$TATTLE" -o t3 -e trace=getppid -e fault=getppid:error=EACCES "$P" getppid 1 > out || fail "fault=getppid:error=EACCES: status $?"
grep -q '^getppid() *= -1 EACCES (Permission denied) (INJECTED)$' t3 || { cat t3; fail "fault=getppid:error=EACCES"; }
run 30 "$TATTLE" -o t3 -e trace=getppid -e inject=getppid:error=4095 "$P" getppid 1 > out || fail "error=4095: status $?"
grep -q '^getppid() *= -1 (errno 4095) (INJECTED)$' t3 || { cat t3; fail "error=4095: no '= -1 (errno 4095) (INJECTED)'"; }
ok "fault=getppid: ENOSYS; fault=getppid:error=EACCES; error=4095: '(errno 4095)'"

# 4. signal= alone: the call runs as it is, then the signal kills the
# tracee and the tracer dies of it too
sigcheck() {	# sigcheck DESC FIRST-LINE-REGEX RC TRACEFILE
	[ "$3" -eq $((128 + 10)) ] || { cat "$4"; fail "$1: exit status $3, expected 138"; }
	sed -n 1p "$4" | grep -q -- "$2" || { cat "$4"; fail "$1: first line is not $2"; }
	sed -n 2p "$4" | grep -q '^--- SIGUSR1 {si_signo=SIGUSR1, si_code=SI_KERNEL} ---$' || { cat "$4"; fail "$1: no SI_KERNEL SIGUSR1 after the call"; }
	sed -n 3p "$4" | grep -q '^+++ killed by SIGUSR1 +++$' || { cat "$4"; fail "$1: no 'killed by SIGUSR1'"; }
	[ "$(wc -l < "$4")" -eq 3 ] || { cat "$4"; fail "$1: more than 3 lines"; }
}
# (in a subshell, so that its "User defined signal 1" goes to a file)
(run 30 "$TATTLE" -o t4 -e trace=getppid -e inject=getppid:signal=SIGUSR1 "$P" getppid 3 > out) 2> sig.err
sigcheck "signal=SIGUSR1" '^getppid() *= [1-9][0-9]*$' $? t4
[ -s out ] && fail "signal=SIGUSR1: the program printed $(cat out)"
ok "signal=SIGUSR1: real result, no (INJECTED), SI_KERNEL SIGUSR1, killed, status 138"

# 5. error= and signal= together
(run 30 "$TATTLE" -o t5 -e trace=getppid -e inject=getppid:error=EPERM:signal=SIGUSR1 "$P" getppid 3 > out) 2> sig.err
sigcheck "error=EPERM:signal=SIGUSR1" "^getppid() *$EPERM\$" $? t5
ok "error=EPERM:signal=SIGUSR1: EPERM (INJECTED), then killed by SIGUSR1"

# 6. when= forms on 10 getppid calls
whencheck() {	# whencheck WHEN 'indices'
	run 30 "$TATTLE" -o t6 -e trace=getppid -e "inject=getppid:retval=7:when=$1" "$P" getppid 10 > out || fail "when=$1: status $?"
	[ "$(grep -c '^getppid(' t6)" -eq 10 ] || { cat t6; fail "when=$1: not 10 getppid lines"; }
	got=$(injected getppid t6)
	[ "$got" = "$2" ] || { cat t6; fail "when=$1: injected calls '$got', expected '$2'"; }
	got=$(grep -n '^7 0$' out | cut -d: -f1 | tr '\n' ' ' | sed 's/ $//')
	[ "$got" = "$2" ] || { cat out; fail "when=$1: the program got 7 from calls '$got', expected '$2'"; }
}
whencheck 3 "3"
whencheck 1..1 "1"
whencheck 3..5 "3 4 5"
whencheck 3+ "3 4 5 6 7 8 9 10"
whencheck 3+3 "3 6 9"
whencheck 2..8+ "2 3 4 5 6 7 8"
whencheck 2..8+3 "2 5 8"
whencheck 10 "10"
whencheck 11 ""
whencheck 65535 ""
ok "when=N, N..M, N+, N+S, N..M+, N..M+S"

# 7. counted per process: with -f each cat gets its own 3rd openat
# injected, and execve does not restart the count
perpid() {	# for each pid: "pid openat-count injected-indices"
	awk '{ pid = $1; sub(/^[0-9]+ +/, "") } /^openat\(/ { n[pid]++; if (index($0, "(INJECTED")) inj[pid] = inj[pid] " " n[pid] }
		END { for (p in n) print p, n[p], inj[p] }' "$1"
}
run 30 "$TATTLE" -f -o t7 -e trace=openat -e inject=openat:error=ENOENT:when=3 sh -c 'cat F; cat F; exit $?' > out 2> err
rc=$?
[ $rc -eq 1 ] || { cat t7; fail "-f: sh exit status $rc, expected 1"; }
[ "$(grep -c '^cat: F: No such file or directory$' err)" -eq 2 ] || fail "-f: cat said: $(cat err)"
perpid t7 > pp
awk '$2 >= 3 && NF == 3 && $3 == 3 { good++; next } $2 < 3 && NF == 2 { next } { bad = 1 }
	END { exit bad || good != 2 }' pp || { cat t7; cat pp; fail "-f: not the 3rd openat of each cat"; }
ok "-f sh -c 'cat F; cat F': each cat's 3rd openat injected"
run 30 "$TATTLE" -f -o t7b -e trace=openat,execve -e inject=openat:error=ENOENT:when=3 sh -c 'exec /bin/cat F' > out 2> err
before=$(awk '/execve\("\/bin\/cat"/ { exit } /^[0-9]+ +openat\(|^openat\(/ { n++ } END { print n + 0 }' t7b)
if [ "$before" -ge 1 ] && [ "$before" -lt 3 ]; then
	[ "$(injected openat t7b)" = 3 ] || { cat t7b; fail "exec: injected openat calls '$(injected openat t7b)', expected 3"; }
	ok "the count goes on across execve ($before openat before it)"
else
	echo "note: sh made $before openat calls before exec, the execve check is skipped"
fi

# 8. syscall= runs a harmless call instead of -1
run 30 "$TATTLE" -o t8 -e trace=getppid -e inject=getppid:error=EPERM:syscall=getpid "$P" getppid 1 > out || fail "syscall=getpid: status $?"
grep -q -- "^getppid() *$EPERM\$" t8 || { cat t8; fail "error=EPERM:syscall=getpid: no '$EPERM'"; }
run 30 "$TATTLE" -o t8 -e trace=getppid -e inject=getppid:retval=5:syscall=getpid "$P" getppid 1 > out || fail "syscall=getpid: status $?"
grep -q '^getppid() *= 5 (INJECTED)$' t8 || { cat t8; fail "retval=5:syscall=getpid: no '= 5 (INJECTED)'"; }
[ "$(cat out)" = "5 0" ] || fail "retval=5:syscall=getpid: the program got '$(cat out)'"
ok "syscall=getpid with error= and retval="

# 9. delays: marked (DELAYED) (no timing is checked)
for d in delay_enter=10ms delay_exit=10ms delay_enter=1000; do
	run 30 "$TATTLE" -T -o t9 -e trace=getppid -e "inject=getppid:$d" "$P" getppid 2 > out || fail "$d: status $?"
	[ "$(grep -c '^getppid() *= [1-9][0-9]* (DELAYED) <[0-9.]*>$' t9)" -eq 2 ] || { cat t9; fail "$d: not two '= PID (DELAYED) <T>' lines"; }
done
run 30 "$TATTLE" -o t9 -e trace=getppid -e inject=getppid:error=EPERM:delay_exit=1ms "$P" getppid 1 > out || fail "error+delay: status $?"
grep -q -- "^getppid() *$EPERM (DELAYED)\$" t9 || { cat t9; fail "error=EPERM:delay_exit: no '$EPERM (DELAYED)'"; }
ok "delay_enter=, delay_exit=: (DELAYED); with error=: (INJECTED) (DELAYED)"

# 10. poke_enter= / poke_exit= on the first write: "hello\n" in memory
run 30 "$TATTLE" -o t10 -e trace=write -e inject=write:poke_enter=@arg2=41424344:when=1 "$P" write > out 2> err || fail "poke_enter: status $?"
grep -q '^write(1, "ABCDo\\n", 6) *= 6 (INJECTED: args)$' t10 || { cat t10; fail "poke_enter: no 'write(1, \"ABCDo\\n\", 6) = 6 (INJECTED: args)'"; }
[ "$(cat out)" = ABCDo ] || fail "poke_enter: the program wrote '$(cat out)'"
[ "$(cat err)" = "6 0" ] || fail "poke_enter: write returned '$(cat err)'"
[ "$(injected write t10)" = 1 ] || { cat t10; fail "poke_enter:when=1: injected writes $(injected write t10)"; }
run 30 "$TATTLE" -o t10 -e trace=write -e inject=write:poke_enter=@arg2=41424344:error=EIO:when=1 "$P" write > out 2> err || fail "poke_enter+error: status $?"
grep -q '^write(1, "ABCDo\\n", 6) *= -1 EIO (Input/output error) (INJECTED: args, retval)$' t10 || { cat t10; fail "poke_enter+error=EIO: no '(INJECTED: args, retval)'"; }
[ -s out ] && fail "poke_enter+error=EIO: the program wrote $(cat out)"
[ "$(cat err)" = "-1 5" ] || fail "poke_enter+error=EIO: write returned '$(cat err)'"
run 30 "$TATTLE" -o t10 -e trace=write -e inject=write:poke_exit=@arg2=41424344:when=1 "$P" write > out 2> err || fail "poke_exit: status $?"
grep -q '^write(1, "hello\\n", 6) *= 6 (INJECTED: args)$' t10 || { cat t10; fail "poke_exit: no 'write(1, \"hello\\n\", 6) = 6 (INJECTED: args)'"; }
[ "$(cat out)" = hello ] || fail "poke_exit: the program wrote '$(cat out)'"
ok "poke_enter=: (INJECTED: args); with error=EIO: (INJECTED: args, retval); poke_exit="

# 11. -c counts injected errors
run 30 "$TATTLE" -c -o t11 -e trace=getppid -e inject=getppid:error=EPERM:when=2..4 "$P" getppid 10 > out || fail "-c: status $?"
[ "$(summary_counts t11 | grep '^getppid ')" = "getppid 10 3" ] || { cat t11; fail "-c when=2..4: getppid not 10 calls 3 errors"; }
run 30 "$TATTLE" -c -o t11 -e inject=getppid:error=EPERM "$P" getppid 10 > out || fail "-c: status $?"
[ "$(summary_counts t11 | grep '^getppid ')" = "getppid 10 10" ] || { cat t11; fail "-c: getppid not 10 calls 10 errors"; }
run 30 "$TATTLE" -c -o t11 -e trace=getppid -e inject=getppid:retval=3 "$P" getppid 10 > out || fail "-c retval: status $?"
[ "$(summary_counts t11 | grep '^getppid ')" = "getppid 10 0" ] || { cat t11; fail "-c retval=3: getppid not 10 calls 0 errors"; }
ok "-c: injected errors in the errors column, retval= is no error"

# 12. bad arguments: one line, status 1, no tracee
badarg() {	# badarg MESSAGE OPTION...
	msg=$1
	shift
	rm -f ran
	run 10 "$TATTLE" -o t12 "$@" sh -c 'echo x > ran' > out 2> err
	rc=$?
	[ $rc -eq 1 ] || fail "$*: exit status $rc, expected 1: $(cat err)"
	[ "$(wc -l < err)" -eq 1 ] || fail "$*: not one line on stderr: $(cat err)"
	grep -qF ": $msg" err || fail "$*: stderr is '$(cat err)', expected '...: $msg'"
	[ -e ran ] && fail "$*: the tracee ran"
	return 0
}
for a in getppid getppid:error=0 getppid:error=99999 getppid:error=4096 getppid:error=EBOGUS \
	getppid:error=EPERM:retval=1 getppid:retval=1:error=EPERM getppid:error=EPERM:error=EIO \
	getppid:retval=abc getppid:when=0 getppid:when=2..1 getppid:when=70000 getppid:when=65536 \
	getppid:when=1+0 getppid:when=1..65535 getppid:when=abc getppid:when= getppid:error=EPERM:when=0 \
	getppid:delay_enter=abc getppid:delay_exit=-1 getppid:signal=0 getppid:signal=SIGBOGUS \
	getppid:signal=65 getppid:signal=SIGUSR1:signal=SIGUSR2 getppid:bogus=1 \
	write:poke_enter=@arg0=41 write:poke_enter=@arg2= write:poke_enter=@arg8=41 \
	write:poke_enter=@arg2=4 write:poke_enter=@arg2=zz write:poke_enter=arg2=41 \
	getppid:syscall=getpid getppid:syscall=bogus getppid:syscall=write:error=EPERM \
	getppid:retval=1:syscall=getpid:syscall=gettid; do
	badarg "invalid inject argument '$a'" -e "inject=$a"
done
for a in getppid:retval=1 getppid:signal=SIGUSR1 getppid:delay_enter=1ms getppid:poke_enter=@arg1=41 \
	getppid:error=0 getppid:when=0 getppid:bogus=1; do
	badarg "invalid fault argument '$a'" -e "fault=$a"
done
badarg "invalid system call 'bogus_syscall'" -e inject=bogus_syscall:error=EPERM
badarg "invalid inject argument 'getppid'" --inject=getppid
badarg "invalid fault argument 'getppid:retval=1'" --fault=getppid:retval=1
ok "bad inject=/fault= arguments: one line, status 1, no tracee"

# 13. the long options
run 30 "$TATTLE" -o t13 -e trace=getppid --inject=getppid:retval=9:when=2 "$P" getppid 3 > out || fail "--inject=: status $?"
[ "$(injected getppid t13)" = 2 ] && grep -q '^getppid() *= 9 (INJECTED)$' t13 || { cat t13; fail "--inject=getppid:retval=9:when=2"; }
run 30 "$TATTLE" -o t13 -e trace=getppid --fault=getppid:when=2 "$P" getppid 3 > out || fail "--fault=: status $?"
[ "$(injected getppid t13)" = 2 ] && grep -q '^getppid() *= -1 ENOSYS (Function not implemented) (INJECTED)$' t13 ||
	{ cat t13; fail "--fault=getppid:when=2"; }
ok "--inject=, --fault="

# 14. a later inject= of the same call replaces the earlier one
run 30 "$TATTLE" -o t14 -e trace=getppid -e inject=getppid:retval=5 -e inject=getppid:error=EPERM:when=2 "$P" getppid 3 > out ||
	fail "two inject=: status $?"
[ "$(injected getppid t14)" = 2 ] && grep -q -- "^getppid() *$EPERM\$" t14 && ! grep -q '= 5 ' t14 ||
	{ cat t14; fail "inject=retval=5 then inject=error=EPERM:when=2: not only call 2 with EPERM"; }
run 30 "$TATTLE" -o t14 -e trace=getppid --fault=getppid:error=EACCES:when=1 -e inject=getppid:signal=SIGUSR1:when=5 "$P" getppid 3 > out ||
	fail "fault= then inject=: status $?"
grep -q 'INJECTED\|^---' t14 && { cat t14; fail "fault=...:when=1 then inject=...:when=5: the first was not replaced"; }
ok "a later inject=/fault= of a syscall replaces the earlier one"

# 15. (tattle only) --json: what was changed, typed; threads are delayed
# each on its own (the others are not held back: only the count is checked)
case $("$TATTLE" -V 2>/dev/null) in
tattle*)
	run 30 "$TATTLE" --json=t15 -e trace=getppid -e inject=getppid:error=EIO:delay_exit=1ms:when=2 "$P" getppid 3 > out ||
		fail "--json with inject=: status $?"
	[ "$(grep -c '"injected":\["retval"\],"delayed":true' t15)" = 1 ] &&
		grep '"injected"' t15 | grep -q '"errno":"EIO"' || { cat t15; fail "--json: no one record with injected and delayed"; }
	run 30 "$TATTLE" -f -o t15 -e trace=getppid -e inject=getppid:delay_enter=10ms:when=1 "$PROGS/core_threads" 5 > out ||
		fail "delay_enter= on 4 threads: status $?"
	[ "$(grep -c '(DELAYED)' t15)" = 4 ] || { cat t15; fail "delay_enter=...:when=1 on 4 threads: not 4 delayed calls"; }
	ok "--json: \"injected\":[\"retval\"],\"delayed\":true; a delay per thread"
	;;
esac
