#!/bin/sh
# SPDX-License-Identifier: MIT
# -P PATH and --trace-fds=SET: exactly the calls that name the path or use a
# descriptor of it (or the numbers) are shown, all of them. Oracles: the
# unfiltered -y trace of cat (calls whose arguments mention the file), and
# tests/progs/filter_fds, which prints the counts it expects; strace -P
# gives the same counts when it is installed.
. "$srcdir/tests/lib.sh"
F=$PROGS/filter_fds
has_strace=false
command -v strace >/dev/null 2>&1 && has_strace=true

# the calls of a -y trace whose arguments (before the last " = ", outside
# [...] arrays) mention $1 as a path or as the path of a descriptor
mentioning() {
	sed -E 's/^[0-9]+ +//' "$2" | awk -v p="$1" '/^(---|\+\+\+) / { next }
		{ a = $0; i = 0; while ((j = index(substr(a, i + 1), " = ")) > 0) i += j
		  if (i) a = substr(a, 1, i - 1)
		  gsub(/\[[^]]*\]/, "", a)	# argv arrays: strings, not paths
		  if (index(a, "\"" p "\"") || index(a, "<" p ">")) { match($0, /^[a-z0-9_]+/); n[substr($0, 1, RLENGTH)]++ } }
		END { for (k in n) print k, n[k] }' | sort
}
same_counts() {	# same_counts DESC WANT TRACE
	trace_counts "$3" > got.cnt
	diff "$2" got.cnt > d.out || { cat d.out; fail "$1: counts differ (< expected, > got)"; }
}

# 1. cat /etc/hostname: the open, the reads (read or copy_file_range, as cat
# chooses for its stdout) and the close of that file, nothing else
[ -r /etc/hostname ] || skip "no /etc/hostname"
run 30 "$TATTLE" -y -o all.tr cat /etc/hostname > out1 || fail "cat -y failed"
mentioning /etc/hostname all.tr > want.cnt
grep -q '^openat ' want.cnt && grep -q '^close ' want.cnt || fail "the -y trace has no openat/close of /etc/hostname"
grep -Eq '^(read|copy_file_range|sendfile|splice) ' want.cnt || fail "the -y trace has no read of /etc/hostname"
run 30 "$TATTLE" -P /etc/hostname -o p.tr cat /etc/hostname > out2 || fail "cat -P failed"
same_counts "-P /etc/hostname on cat" want.cnt p.tr
cmp -s out1 out2 || fail "cat printed something else under -P"
ok "-P /etc/hostname on cat: $(tr '\n' ' ' < want.cnt)"
if $has_strace; then
	run 30 strace -P /etc/hostname -o s.tr cat /etc/hostname > out3
	same_counts "strace -P /etc/hostname (strace as the oracle)" want.cnt s.tr
	ok "strace -P shows the same calls"
fi

# two paths
[ -r /etc/passwd ] && {
	run 30 "$TATTLE" -y -o all2.tr cat /etc/hostname /etc/passwd > /dev/null
	{ mentioning /etc/hostname all2.tr; mentioning /etc/passwd all2.tr; } |
		awk '{ n[$1] += $2 } END { for (k in n) print k, n[k] }' | sort > want2.cnt
	run 30 "$TATTLE" -P /etc/hostname -P /etc/passwd -o p2.tr cat /etc/hostname /etc/passwd > /dev/null
	same_counts "two -P" want2.cnt p2.tr
	ok "two -P paths: $(tr '\n' ' ' < want2.cnt)"
}

# 2. the fd table: dup families, fork, execve and O_CLOEXEC, close_range,
# SCM_RIGHTS, dup2 over a copy, a relative open, a symlink, unlink
mkdir d1 d2 d3
run 60 "$TATTLE" -f -P "$T/d1/target" -o p3.tr "$F" path "$T/d1" > want3.cnt || fail "filter_fds path failed"
same_counts "-P on filter_fds" want3.cnt p3.tr
ok "-P follows the file's descriptors: $(awk '{ n += $2 } END { print n }' want3.cnt) calls"
# with a trace set, seccomp-bpf is on and the fd table is kept through
# calls that stop only for it
run 60 "$TATTLE" -f -e trace=read,close,dup2 -P "$T/d2/target" -o p4.tr "$F" path "$T/d2" > all4.cnt || fail "filter_fds path (seccomp) failed"
grep -E '^(read|close|dup2) ' all4.cnt > want4.cnt
same_counts "-P with -e trace=read,close,dup2 (seccomp)" want4.cnt p4.tr
ok "-P with a trace set under seccomp-bpf"
if $has_strace; then
	run 60 strace -f -P "$T/d3/target" -o s3.tr "$F" path "$T/d3" > want5.cnt
	same_counts "strace -f -P on filter_fds (the program as oracle)" want5.cnt s3.tr
	ok "strace -P agrees with filter_fds"
fi

# 3. a relative -P: resolved, said so on stderr (unless quiet), both match
cd d1 || exit 99
touch target
run 30 "$TATTLE" -P target -o ../r.tr cat target 2> ../r.err || fail "-P target failed"
cd .. || exit 99
grep -qx "tattle: Requested path \"target\" resolved into \"$T/d1/target\"" r.err ||
	{ cat r.err; fail "no 'Requested path ... resolved into' message"; }
grep -q '^openat(AT_FDCWD, "target"' r.tr || fail "-P target: the open of \"target\" is not shown"
cd d1 && run 30 "$TATTLE" -e quiet=path-resolution -P target -o ../q.tr cat target 2> ../q.err
cd .. || exit 99
[ -s q.err ] && { cat q.err; fail "-e quiet=path-resolution still printed"; }
ok "-P target: resolved, message, quiet=path-resolution"
run 30 "$TATTLE" -P /nonexistent/x -o n.tr cat /etc/hostname > /dev/null 2> n.err || fail "-P nonexistent failed"
[ -s n.err ] && { cat n.err; fail "-P of a path that does not exist printed something"; }
trace_counts n.tr > n.cnt
[ -s n.cnt ] && { cat n.cnt; fail "-P /nonexistent/x showed calls"; }
ok "-P of a missing path: silent, nothing shown"

# 4. --trace-fds
run 30 "$TATTLE" --trace-fds=7 -o fd.tr "$F" fds > want6.cnt || fail "filter_fds fds failed"
same_counts "--trace-fds=7" want6.cnt fd.tr
ok "--trace-fds=7: $(awk '{ n += $2 } END { print n }' want6.cnt) calls"
run 30 "$TATTLE" -f -e trace=read --trace-fds=7 -o fd2.tr "$F" fds > all7.cnt
grep '^read ' all7.cnt > want7.cnt
same_counts "--trace-fds=7 -e trace=read" want7.cnt fd2.tr
run 30 "$TATTLE" --trace-fds='!0,1,2,3,4,5,6,7,8,9,10' -o fd3.tr "$F" fds > /dev/null
trace_counts fd3.tr > fd3.cnt
grep -q '^read ' fd3.cnt && fail "--trace-fds=!0..10 showed a read (all reads are on fds 3..7)"
ok "--trace-fds with a trace set and negated"
exit 0
