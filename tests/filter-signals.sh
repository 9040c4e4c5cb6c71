#!/bin/sh
# SPDX-License-Identifier: MIT
# -e signal=SET: exactly the selected signals get their --- SIG... --- line
# (tests/progs/filter_calls signals raises USR1, USR2, USR1, SIGRT_4), in
# every spelling strace 6.1 takes; the last -e signal= wins.
. "$srcdir/tests/lib.sh"
P=$PROGS/filter_calls

sigs() { awk '$1 == "---" { n[$2]++ } END { for (k in n) print k, n[k] }' "$1" | sort; }
check() {	# check DESC 'SIGX n SIGY m' options...
	desc=$1
	printf '%s\n' "$2" | tr ',' '\n' | sed '/^$/d' | sort > want
	shift 2
	run 30 "$TATTLE" -o tr "$@" "$P" signals 2> err || fail "$desc: tattle failed: $(cat err)"
	sigs tr > got
	diff want got > d.out || { cat d.out; fail "$desc: signal lines differ (< expected, > got)"; }
	# the calls are all there whatever the signal set
	grep -q '^rt_sigreturn(' tr || fail "$desc: the calls are gone"
	ok "$desc"
}
ALL='SIGUSR1 2,SIGUSR2 1,SIGRT_4 1'
check "default: all" "$ALL"
check "all" "$ALL" -e signal=all
check "none" "" -e signal=none
check "a name" 'SIGUSR1 2' -e signal=SIGUSR1
check "without SIG" 'SIGUSR1 2' -e signal=USR1
check "lower case" 'SIGUSR1 2' -e signal=sigusr1
check "a number" 'SIGUSR2 1' -e signal=12
check "leading zero" 'SIGUSR2 1' -e signal=012
check "RT_4 and SIGRT_4 and 36" 'SIGRT_4 1' -e signal=RT_4,SIGRT_4,36
check "negation" 'SIGUSR2 1,SIGRT_4 1' -e 'signal=!USR1'
check "!all" "" -e 'signal=!all'
check "two items" 'SIGUSR1 2,SIGUSR2 1' -e signal=USR1,USR2
check "the last -e signal= wins" 'SIGUSR2 1' -e signal=USR1 -e signal=USR2
check "--signal=" 'SIGUSR1 2' --signal=USR1
check "with -e trace=" 'SIGUSR1 2' -e trace=rt_sigreturn -e signal=USR1
exit 0
