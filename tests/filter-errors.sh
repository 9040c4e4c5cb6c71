#!/bin/sh
# SPDX-License-Identifier: MIT
# Every invalid filter: one line on stderr in strace 6.1's words (with
# "tattle:", and a suggestion where a name is near a real one), exit
# status 1, and nothing started. With strace installed, its message for the
# same option is checked to be ours without the suggestion.
. "$srcdir/tests/lib.sh"
has_strace=false
command -v strace >/dev/null 2>&1 && has_strace=true

n=0
bad() {	# bad 'expected message' options...
	want=$1
	shift
	rm -f marker
	run 30 "$TATTLE" "$@" touch marker > out 2> err
	rc=$?
	[ $rc -eq 1 ] || fail "$*: exit status $rc, not 1"
	[ -e marker ] && fail "$*: the command was started"
	printf '%s\n' "$want" > want
	diff want err > d.out || { cat d.out; fail "$*: wrong message (< expected, > got)"; }
	if $has_strace && [ "${STRACE_SAYS:-yes}" = yes ]; then
		run 30 strace "$@" true > /dev/null 2> serr
		sed -e 's/^tattle: /strace: /' -e "s/ (did you mean '[^']*'?)\$//" -e "s/Try 'tattle -h'/Try 'strace -h'/" want > swant
		diff swant serr > d.out || { cat d.out; fail "$*: strace says otherwise (< ours, > strace's)"; }
	fi
	n=$((n + 1))
}

bad "tattle: invalid system call 'opnat' (did you mean 'openat'?)" -e trace=opnat
bad "tattle: invalid system call 'opnat' (did you mean 'openat'?)" -e opnat
bad "tattle: invalid system call 'opnat' (did you mean 'openat'?)" --trace=opnat
bad "tattle: invalid system call ''" -e trace=
bad "tattle: invalid system call '!'" -e 'trace=!'
bad "tattle: invalid system call '!!'" -e 'trace=!!'
bad "tattle: invalid system call ','" -e trace=,
bad "tattle: invalid system call '!,'" -e 'trace=!,'
bad "tattle: invalid system call '%foo'" -e trace=%foo
bad "tattle: invalid system call '%fle' (did you mean '%file'?)" -e trace=%fle
bad "tattle: invalid system call '%FILE' (did you mean '%file'?)" -e trace=%FILE
bad "tattle: invalid system call 'creds' (did you mean '%creds'?)" -e trace=creds
bad "tattle: invalid system call '%%%stat' (did you mean '%%stat'?)" -e trace=%%%stat
bad "tattle: regcomp: [: Invalid regular expression" -e 'trace=/['
bad "tattle: regcomp: [: Invalid regular expression" -e 'trace=?/['
bad "tattle: regcomp: ^(open: Unmatched ( or \\(" -e 'trace=/^(open'
bad "tattle: invalid system call '/zzzz'" -e trace=/zzzz
bad "tattle: invalid system call 'none'" -e trace=none,openat
bad "tattle: invalid system call '!close' (did you mean 'close'?)" -e 'trace=openat,!close'
bad "tattle: invalid system call '1000'" -e trace=1000
bad "tattle: invalid system call '+257'" -e trace=+257
bad "tattle: invalid system call 'foo@64' (did you mean 'fork'?)" -e trace=foo@64
bad "tattle: incorrect personality designator 'foo' in qualification 'openat@foo'
Try 'tattle -h' for more information." -e trace=openat@foo
bad "tattle: invalid system call 'foo=bar'" -e foo=bar
bad "tattle: invalid system call 'foo' (did you mean 'fork'?)" -e raw=foo
bad "tattle: invalid system call ''" -e verbose=
bad "tattle: invalid system call '%foo'" -e abbrev=%foo
bad "tattle: invalid status 'foo'" -e status=foo
bad "tattle: invalid status ''" -e status=
bad "tattle: invalid status '!'" -e 'status=!'
bad "tattle: invalid status 'all'" -e status=all,failed
bad "tattle: invalid status '1'" -e status=1
bad "tattle: invalid status '?failed'" -e 'status=?failed'
bad "tattle: invalid signal 'FOO'" -e signal=FOO
bad "tattle: invalid signal ''" -e signal=
bad "tattle: invalid signal ','" -e signal=,
bad "tattle: invalid signal 'none'" -e signal=none,INT
bad "tattle: invalid signal '256'" -e signal=256
bad "tattle: invalid signal '-1'" -e signal=-1
bad "tattle: invalid signal '+2'" -e signal=+2
bad "tattle: invalid signal 'SIGRT_33'" -e signal=SIGRT_33
bad "tattle: invalid signal 'SIGRTMAX'" -e signal=SIGRTMAX
bad "tattle: invalid descriptor 'x'" -e read=x
bad "tattle: invalid descriptor '-1'" -e write=-1
bad "tattle: invalid descriptor ''" -e read=
bad "tattle: invalid descriptor '2147483648'" -e read=2147483648
bad "tattle: invalid descriptor 'all'" -e write=all,3
STRACE_SAYS=no bad "tattle: invalid descriptor 'x'" --trace-fds=x
STRACE_SAYS=no bad "tattle: invalid descriptor ''" --trace-fds=
STRACE_SAYS=no bad "tattle: invalid duration 'abc' (use s, ms, us or ns)" --min-duration=abc
STRACE_SAYS=no bad "tattle: invalid syscall limit '0'" --syscall-limit=0
ok "$n invalid filters: message, exit status 1, nothing started"

# valid edge cases strace takes too
for e in 'trace=?' 'trace=?foo' 'trace=?%foo' 'trace=!!openat' 'trace=%%stat' 'trace=%network' \
	'trace=desc' 'trace=0257' 'trace=openat@32' 'signal=0' 'signal=255' 'signal=02' 'signal=sigint' \
	'signal=RT_2' 'signal=SIGRT_32' 'signal=RTMIN' 'signal=!all' 'status=!all' 'status=SUCCESSFUL' \
	'status=successful,,failed' 'read=+3' 'read=all' 'read=none' 'write=!3' 'quiet=path-resolution'; do
	run 30 "$TATTLE" -o /dev/null -e "$e" true 2> err || fail "-e $e: rejected: $(cat err)"
	[ -s err ] && fail "-e $e: said $(cat err)"
done
ok "valid edge cases accepted silently"

# warnings that do not stop anything
run 30 "$TATTLE" -o /dev/null -z -Z true 2> err || fail "-z -Z failed"
grep -qx "tattle: Only the last of -z/--successful-only/-Z/--failed-only options will take effect. See status qualifier for more complex filters." err ||
	{ cat err; fail "-z -Z: no warning"; }
run 30 "$TATTLE" -o /dev/null --seccomp-bpf -e trace=openat true 2> err || fail "--seccomp-bpf without -f failed"
grep -qx "tattle: --seccomp-bpf cannot be used without -f/--follow-forks, disabling" err || { cat err; fail "no -f warning"; }
run 30 "$TATTLE" -f -o /dev/null --seccomp-bpf true 2> err || fail "--seccomp-bpf with all failed"
grep -qx "tattle: Seccomp filter is requested but there are no syscalls to filter.  See -e trace to filter syscalls." err ||
	{ cat err; fail "no 'nothing to filter' warning"; }
ok "warnings: -z -Z, --seccomp-bpf without -f or without a set"
exit 0
