#!/bin/sh
# SPDX-License-Identifier: MIT
# -X raw and -X verbose against strace 6.1 on the self-checking programs
# whose decoders compose a value of their own (capability words, NUMA
# modes and masks, I/O priorities, utime pairs, quota commands): the
# programs check the default style themselves; here both tracers run them
# under the other two styles and the lines must be the same once addresses
# and pids are made X and N. Skipped (77) without strace.
. "$srcdir/tests/lib.sh"
need_strace
norm() { sed -E 's/0x[0-9a-f]{10,}/X/g; s/\b[0-9]{3,7}\b/N/g' "$1"; }
n=0
for p in proc_caps proc_numa proc_ioprio file_quota; do
	[ -x "$PROGS/$p" ] || fail "missing $PROGS/$p"
	for style in raw verbose; do
		run 30 strace -X $style -o s.tr "$PROGS/$p" > /dev/null 2>&1
		run 30 "$TATTLE" -X $style -o t.tr "$PROGS/$p" > /dev/null 2>&1
		norm s.tr | grep -v '^+++ ' > s.n
		norm t.tr | grep -v '^+++ ' > t.n
		[ -s s.n ] || fail "$p -X $style: strace wrote nothing"
		diff s.n t.n > d.out || { head -20 d.out; fail "$p -X $style: lines differ from strace's"; }
		n=$((n + $(wc -l < t.n)))
	done
done
ok "-X raw and -X verbose: $n lines of 4 programs as strace prints them"
