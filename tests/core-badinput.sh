#!/bin/sh
# SPDX-License-Identifier: MIT
# Bad input: one line "tattle: ...", exit status 1, nothing started.
. "$srcdir/tests/lib.sh"

expect_err() {	# expect_err NAME MESSAGE-PREFIX tattle-args...
	name=$1 msg=$2; shift 2
	run 20 "$TATTLE" "$@" >out 2>err
	rc=$?
	[ $rc -eq 1 ] || fail "$name: exit status $rc, not 1 ($(cat err))"
	[ "$(wc -l <err)" -eq 1 ] || fail "$name: not one line on stderr: $(cat err)"
	case "$(cat err)" in
	"tattle: $msg"*) ok "$name: $(cat err)" ;;
	*) fail "$name: message '$(cat err)', expected 'tattle: $msg...'" ;;
	esac
}

expect_err "unknown long option" "unrecognized option '--no-such-option'" --no-such-option true
expect_err "unknown short option" "invalid option -- 'j'" -j true
expect_err "argument to a long option that takes none" "option '--seccomp-bpf' doesn't allow an argument" --seccomp-bpf=no true
expect_err "missing argument" "option requires an argument -- 's'" -s
expect_err "no command" "must have PROG [ARGS] or -p PID"
expect_err "pid that does not exist" "attach: ptrace(PTRACE_SEIZE, 2147483647): No such process" -p 2147483647
expect_err "bad pid" "invalid process id 'abc'" -p abc
expect_err "command that does not exist" "Can't stat 'no-such-command-xyz': No such file or directory" no-such-command-xyz
expect_err "output into a missing directory" "Can't fopen '$T/no/such/dir': No such file or directory" \
	-o "$T/no/such/dir" -- touch "$T/marker"
[ -e "$T/marker" ] && fail "the command ran although -o failed"
expect_err "user that does not exist" "Cannot find user 'no-such-user-xyz'" -u no-such-user-xyz true
expect_err "bad -s" "invalid string limit 'x'" -s x true
expect_err "bad -X" "invalid -X argument: 'nope'" -X nope true
expect_err "unknown syscall" "invalid system call 'opnat' (did you mean 'openat'?)" -e trace=opnat true
expect_err "bad -b" "syscall 'open' for -b isn't supported" -b open true
expect_err "-D without a command" "PROG [ARGS] must be specified with -D/--daemonize" -D -p 1
expect_err "-c with -C" "-c/--summary-only and -C/--summary are mutually exclusive" -c -C true
# -k with -c: strace's warning, and the table all the same
run 20 "$TATTLE" -c -k -o ck.out true 2>err || fail "-c -k: status $?"
[ "$(cat err)" = "tattle: -k/--stack-traces has no effect with -c/--summary-only" ] || fail "-c -k said: $(cat err)"
grep -q ' total$' ck.out || fail "-c -k: no table"
ok "-c -k: warned, table printed"
mkdir ro && chmod 500 ro
if [ "$(id -u)" != 0 ]; then
	expect_err "unwritable output" "Can't fopen '$T/ro/x': Permission denied" -o "$T/ro/x" true
fi

# exit status: the command's own; a signal death is re-raised
run 20 "$TATTLE" -o /dev/null -- sh -c 'exit 7'
rc=$?
[ $rc -eq 7 ] || fail "exit status $rc, expected 7"
ok "exit status 7 passed through"
(ulimit -c 0; run 20 "$TATTLE" -o /dev/null -- sh -c 'kill -USR1 $$')
rc=$?
[ $rc -eq $((128 + 10)) ] || fail "killed by SIGUSR1: tattle exited $rc, expected 138"
ok "death by SIGUSR1 re-raised (status $rc)"
run 20 "$TATTLE" -V | grep -q '^tattle -- version ' || fail "-V"
run 20 "$TATTLE" -h | grep -q '^Usage: tattle' || fail "-h"
ok "-V and -h"
