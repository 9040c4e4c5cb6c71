#!/bin/sh
# SPDX-License-Identifier: MIT
# -k against strace -k (skipped without a strace built with -k): the frame
# lines of the test programs must be identical, byte for byte, and those
# of a few real commands nearly so (their runs differ a little by
# themselves: random bytes, timing).
. "$srcdir/tests/lib.sh"
need_strace
strace -k -e trace=getpid -o /dev/null true 2>/dev/null || skip "this strace has no -k"
export PYTHONHASHSEED=0 LC_ALL=C
# one line per stack, "call|frame|frame...", sorted: processes interleave
# differently from run to run, each call's stack does not
frames() {
	sed -E 's/^\[pid +[0-9]+\] //; s/^[0-9]+ +//' "$1" | awk '
		function flush() { if (n) print s; n = 0 }
		/^ > / { f = substr($0, 4); sub(/^unexpected_backtracing_error \[0x[0-9a-f]+\]$/, "unexpected_backtracing_error", f)
			s = s "|" f; n++; next }
		{ flush(); s = $0
		  if (match(s, /^<\.\.\. [a-z0-9_]+ resumed>/)) s = substr(s, 6, RLENGTH - 14)
		  else if (match(s, /^[a-z0-9_]+\(/)) s = substr(s, 1, RLENGTH - 1)
		  else if (s ~ /^--- /) s = "signal"
		  else s = "other" }
		END { flush() }' | sort
}
# compare NAME MIN_PERCENT OPTS... -- CMD...
compare() {
	name=$1 min=$2
	shift 2
	run 60 strace -o "s.$name" "$@" > /dev/null 2>&1
	run 60 "$TATTLE" -o "t.$name" "$@" > /dev/null 2>&1
	frames "s.$name" > "sf.$name"
	frames "t.$name" > "tf.$name"
	ns=$(wc -l < "sf.$name")
	nt=$(wc -l < "tf.$name")
	[ "$ns" -gt 0 ] || fail "$name: strace printed no frames"
	bad=$(diff "sf.$name" "tf.$name" | grep -c '^[<>]')
	max=$ns
	[ "$nt" -gt "$max" ] && max=$nt
	pct=$(( (max - bad / 2) * 100 / max ))
	echo "$name: $ns strace stacks, $nt tattle, $pct% the same"
	if [ "$pct" -lt "$min" ]; then
		diff "sf.$name" "tf.$name" | head -20
		fail "$name: $pct% identical stacks, want $min%"
	fi
}
compare chain 100 -k -e trace=write -- "$PROGS/unwind_chain"
command -v strip >/dev/null 2>&1 && strip -o "$T/chain_stripped" "$PROGS/unwind_chain" &&
	compare stripped 100 -k -e trace=write -- "$T/chain_stripped"
compare shlib 100 -k -e trace=write -- "$PROGS/unwind_shlib"
# the library's mmap does not stop the tracee: found by re-reading the maps
compare shlib-seccomp 100 --seccomp-bpf -k -e trace=write -- "$PROGS/unwind_shlib"
[ -x "$PROGS/unwind_cxx" ] && compare cxx 100 -k -e trace=write -- "$PROGS/unwind_cxx"
compare signal 100 -k -e trace=write,rt_sigreturn -- "$PROGS/unwind_signal"
compare exec 100 -k -e trace=execve,write,exit_group -- "$PROGS/unwind_exec"
compare threads 100 -f -k -e trace=write -- "$PROGS/unwind_threads"
compare ls 97 -k -- ls -l /etc
compare sh 95 -f -k -- sh -c 'ls / | sort | head -3 > /dev/null'
[ -x /usr/bin/python3 ] && compare python 95 -f -k -- /usr/bin/python3 -c 'import json'
ok "frames match strace -k"
