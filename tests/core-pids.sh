#!/bin/sh
# SPDX-License-Identifier: MIT
# -Y / --decode-pids=comm: "<comm>" after pids (line prefixes, pid results
# and arguments, si_pid), compared with strace -Y on a program whose trace
# has one order, after the pid numbers are made N. Bad --decode-pids input.
. "$srcdir/tests/lib.sh"
need_strace
P=$PROGS/core_pids
TR=trace=getpid,getppid,gettid,kill,tgkill,sched_getscheduler,prlimit64,getpgid,clone,prctl,waitid,wait4,exit_group,exit

# pids to N, addresses to X, the tracer's own name (getppid) to TRACER; the
# padding after "[pid" and before "=" depends on how many digits a pid has
norm() {
	sed -E 's/\b[0-9]{2,}\b/N/g; s/0x[0-9a-f]+/X/g; s/<(strace|tattle)>/<TRACER>/g;
		s/^\[pid +/[pid /; s/\) +=/) =/' "$1"
}
same() {	# same NAME strace-file tattle-file
	norm "$2" >"$2.n"
	norm "$3" >"$3.n"
	diff -u "$2.n" "$3.n" >diff.out || { cat diff.out; fail "$1: tattle and strace differ"; }
}
# "=" at column 41 after a short call, one space after a long one
aligned() {
	awk '/resumed>/ { next }
	     match($0, /\) +=( [^=]*)?$/) {
		at = RSTART; s = substr($0, at + 1); n = match(s, /[^ ]/) - 1
		if (at + 1 < 40 ? at + n != 40 : n != 1) { print "misaligned: " $0; bad = 1 }
	     }
	     END { exit bad }' "$1" || fail "$2: the results are not aligned"
}

# -f to stderr: "[pid N<comm>] " prefixes
run 30 strace -Y -f -q -e "$TR" "$P" 2>s.f || fail "strace -f failed"
run 30 "$TATTLE" -Y -f -q -e "$TR" "$P" 2>t.f || fail "tattle -f failed"
grep -q '^\[pid  *[0-9]*<kid\\t\\74x\\76>\] getpid() *= [0-9]*<kid\\t\\74x\\76>$' t.f ||
	{ cat t.f; fail "-f: no prefix or result with the escaped name"; }
grep -q '^wait4([0-9]*<kid\\t\\74x\\76>, .*) = [0-9]*$' t.f ||
	{ cat t.f; fail "-f: wait4 of a reaped child: a name after the result"; }
same "-Y -f" s.f t.f
aligned t.f "-Y -f"
ok "-Y -f: prefixes, results, arguments, si_pid as strace prints them"

# -o FILE -f: "N<comm> " prefixes, and the "+++ exited" line of the first
# process (which the tracer itself reaps) keeps its name
run 30 strace -Y -f -o s.o -e "$TR" "$P" || fail "strace -o failed"
run 30 "$TATTLE" -Y -f -o t.o -e "$TR" "$P" || fail "tattle -o failed"
grep -q '^[0-9]*<core_pids> +++ exited with 0 +++$' t.o || { cat t.o; fail "-o -f: exit line without a name"; }
same "-Y -o -f" s.o t.o
aligned t.o "-Y -o -f"
ok "-Y -o FILE -f"

# -ff: one file per thread, a thread named by prctl; the file names differ
# in their pids, so they are compared in order of creation
run 30 strace -Y -ff -o s.ff -e "$TR" "$P" thread || fail "strace -ff failed"
run 30 "$TATTLE" -Y -ff -o t.ff -e "$TR" "$P" thread || fail "tattle -ff failed"
set -- $(ls s.ff.* | sort -t. -k3n)
for f in $(ls t.ff.* | sort -t. -k3n); do
	[ $# -gt 0 ] || fail "-ff: more files than strace's"
	same "-Y -ff ($1, $f)" "$1" "$f"
	shift
done
[ $# -eq 0 ] || fail "-ff: fewer files than strace's"
grep -q '^gettid() *= [0-9]*<worker>$' t.ff.* || fail "-ff: no <worker> after the thread's gettid"
ok "-Y -ff with a named thread"

# spellings: --decode-pids=comm and -e decode-pids=comm are -Y; pidns (one
# namespace), none, and a later SET that replaces -Y print no names
run 30 "$TATTLE" --decode-pids=comm -f -q -e "$TR" "$P" 2>t.long || fail "--decode-pids=comm failed"
same "--decode-pids=comm" s.f t.long
run 30 "$TATTLE" -e decode-pids=comm -f -q -e "$TR" "$P" 2>t.e || fail "-e decode-pids=comm failed"
same "-e decode-pids=comm" s.f t.e
run 30 strace -f -q -e "$TR" "$P" 2>s.plain || fail "strace without -Y failed"
for a in "" "--decode-pids=pidns" "-Y --decode-pids=none" "--decode-pids=!comm"; do
	# shellcheck disable=SC2086
	run 30 "$TATTLE" $a -f -q -e "$TR" "$P" 2>t.plain || fail "'$a' failed"
	grep -q '<core_pids>\|<kid' t.plain && { cat t.plain; fail "'$a': names printed"; }
	same "'$a'" s.plain t.plain
done
ok "--decode-pids=comm, -e decode-pids=comm; pidns, none, !comm and no -Y print none"

# bad input: strace's message, one line, exit status 1, nothing traced
for a in --decode-pids=bogus --decode-pids=comm,bogus -edecode-pids=bogus; do
	run 20 "$TATTLE" "$a" true >out 2>err
	rc=$?
	[ $rc -eq 1 ] || fail "$a: exit status $rc"
	[ "$(wc -l <err)" -eq 1 ] || fail "$a: not one line: $(cat err)"
	[ "$(cat err)" = "tattle: invalid decode-pids 'bogus'" ] || fail "$a: message '$(cat err)'"
	[ -s out ] && fail "$a: output on stdout"
done
run 20 "$TATTLE" --decode-pids= true >out 2>err
[ $? -eq 1 ] && [ "$(cat err)" = "tattle: invalid decode-pids ''" ] || fail "empty set: '$(cat err)'"
ok "bad --decode-pids: one line, exit status 1"
