#!/bin/sh
# SPDX-License-Identifier: MIT
# -e trace=SET in every form: a filtered trace of tests/progs/filter_calls
# shows exactly the calls of its unfiltered trace that the set selects, as
# many times each (counts per name compared), and no other; calls no table
# names (syscall_0x3e8) are shown whatever the set, as strace 6.1 shows
# them. Each form runs
# three ways: without seccomp, with tattle's default (seccomp-bpf, as -f
# and a set are given) and with --seccomp-bpf.
. "$srcdir/tests/lib.sh"
P=$PROGS/filter_calls
run 60 "$TATTLE" -f --no-seccomp-bpf -o all.tr "$P" || fail "unfiltered run failed"
trace_counts all.tr > all.cnt
grep -q '^openat ' all.cnt && grep -q '^syscall_0x3e8 ' all.cnt || fail "the unfiltered trace lacks openat or syscall_0x3e8"
"$TATTLE" --list-classes > classes.txt || fail "--list-classes failed"

# the names of a class, from --list-classes ("%file (N): a b c")
class_names() {
	awk -v c="$1" '$1 == c { sub(/^[^:]*: */, ""); n = split($0, w, " "); for (i = 1; i <= n; i++) print w[i] }' classes.txt
}
# the names of the unfiltered trace that an ERE matches
regex_names() { awk -v re="$1" '$1 ~ re { print $1 }' all.cnt; }

# check DESC pos|neg SELFILE tattle-options...: the expected counts are the
# rows of all.cnt whose name is in SELFILE (pos) or is not (neg)
check() {
	desc=$1 mode=$2 sel=$3
	shift 3
	awk -v mode="$mode" -v sel="$sel" 'BEGIN { while ((getline w < sel) > 0) in_set[w] = 1 }
		(mode == "pos") == ($1 in in_set) || /^syscall_/ { print }' all.cnt > want.cnt
	for how in --no-seccomp-bpf "" --seccomp-bpf; do
		# shellcheck disable=SC2086
		run 60 "$TATTLE" -f $how -o f.tr "$@" "$P" 2> err.txt || fail "$desc ($how): tattle failed: $(cat err.txt)"
		trace_counts f.tr > f.cnt
		if ! diff want.cnt f.cnt > d.out; then
			cat d.out
			fail "$desc ${how:-(default)}: counts differ from the unfiltered trace (< expected, > got)"
		fi
	done
	ok "$desc: $(awk '{ n += $2 } END { print n + 0 }' want.cnt) calls of $(wc -l < want.cnt) names, three ways"
}

printf 'openat\nclose\n' > s.oc
printf 'openat\n' > s.o
printf 'close\n' > s.c
printf 'getpid\n' > s.gp
: > s.none

check "names" pos s.oc -e trace=openat,close
check "bare -e SET" pos s.oc -e openat,close
check "long --trace=" pos s.oc --trace=openat,close
check "negation" neg s.oc -e 'trace=!openat,close'
check "double negation" pos s.o -e 'trace=!!openat'
check "?name ignored when unknown" pos s.gp -e 'trace=?nosuchcall,getpid,?%nosuchclass,?/^nosuch'
check "all" neg s.none -e trace=all
check "none" pos s.none -e trace=none
check "!none" neg s.none -e 'trace=!none'
nr=$(awk '$3 == "openat" && $2 != "x32" { print $1 }' "$srcdir/tables/syscall_64.tbl")
check "a number ($nr)" pos s.o -e "trace=$nr"
check "name@64" pos s.o -e trace=openat@64
check "empty items" pos s.oc -e 'trace=openat,,close,'

for c in %desc %file %process %net %network %signal %ipc %memory %creds %clock \
	%stat %lstat %fstat %%stat %statfs %fstatfs %%statfs %pure; do
	key=$c
	[ "$c" = %network ] && key=%net
	class_names "$key" > s.class
	check "class $c" pos s.class -e "trace=$c"
done
class_names %file > s.file
check "old bare class name 'file'" pos s.file -e trace=file
check "negated class" neg s.file -e 'trace=!%file'
{ class_names %desc; class_names %memory; } | sort -u > s.dm
check "two classes" pos s.dm -e trace=%desc,%memory
{ class_names %file; echo getpid; } | sort -u > s.fg
check "class and name" pos s.fg -e trace=%file,getpid

regex_names '^(open|close)' > s.re1
check "regex ^(open|close)" pos s.re1 -e 'trace=/^(open|close)'
regex_names 'stat' > s.re2
check "regex stat" pos s.re2 -e trace=/stat
regex_names '.' | grep -v '^syscall_' > s.re3
check "regex ." pos s.re3 -e trace=/.
check "negated regex" neg s.re1 -e 'trace=!/^(open|close)'

# repeated: the last -e trace= replaces the others (strace 6.1)
check "last of two sets" pos s.c -e trace=openat -e trace=close
check "last of two, negated first" pos s.o -e 'trace=!close' -e trace=openat
check "all then none" pos s.none -e trace=all -e trace=none
check "none then !getpid" neg s.gp -e trace=none -e 'trace=!getpid'
check "bare then long" pos s.c -e openat --trace=close

# -e raw=SET: the selected calls print their arguments in hex, the rest as usual
run 60 "$TATTLE" -f -o raw.tr -e raw=openat "$P" || fail "raw run failed"
trace_counts raw.tr > raw.cnt
diff all.cnt raw.cnt > d.out || { cat d.out; fail "-e raw=openat changed which calls are shown"; }
sed -E 's/^[0-9]+ +//' raw.tr > raw.txt	# -f -o: lines start with the pid
grep '^openat(' raw.txt | grep -qv '^openat(0x' && fail "-e raw=openat: an openat line is decoded"
grep -q '^close([0-9]' raw.txt || fail "-e raw=openat: close lines are not decoded"
ok "-e raw=openat: openat in hex, the rest decoded"
exit 0
