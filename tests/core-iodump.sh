#!/bin/sh
# SPDX-License-Identifier: MIT
# -e read=SET / -e write=SET: the hex dumps, line for line as strace's.
. "$srcdir/tests/lib.sh"
need_strace
head -c 300 /dev/urandom > data
printf 'hello, world\n' >> data
cmd='head -c 1000 < data > out; /usr/bin/python3 -c "import os; os.writev(1, [b\"ab\", b\"cde\"])" > out2'
for opts in "-e read=0 -e write=1" "-e read=all" "-e write=!0,2" "-e read=0 -e trace=read"; do
	# shellcheck disable=SC2086
	run 60 strace -f $opts -o s.tr sh -c "$cmd" 2>/dev/null
	# shellcheck disable=SC2086
	run 60 "$TATTLE" -f $opts -o t.tr sh -c "$cmd" 2>/dev/null
	# dump lines carry no pid prefix, in strace's output as in ours
	grep -E '^ (\||\*) ' s.tr > s.d
	grep -E '^ (\||\*) ' t.tr > t.d
	[ -s s.d ] || fail "$opts: strace dumped nothing"
	diff s.d t.d > d.out || { head -20 d.out; fail "$opts: dumps differ from strace's"; }
	ok "$opts: $(wc -l <t.d) dump lines as strace's"
done
