#!/bin/sh
# SPDX-License-Identifier: MIT
# The -c table against strace 6.1's on a deterministic program: the same
# calls and errors per syscall, and the same layout byte for byte once the
# time columns are masked (values differ from run to run, widths and
# alignment must not), for every -S key and the -U column sets.
. "$srcdir/tests/lib.sh"
. "$srcdir/tests/stats-lib.sh"
need_strace
PROG=$PROGS/stats_calls
[ -x "$PROG" ] || fail "missing $PROG"

# Masks the cells of the time columns of every table in a file with '#',
# keeping their width: the columns are found from the dashes under the
# header, the time ones by their titles.
mask() {
	awk '
	{ line[NR] = $0 }
	END {
		n = NR
		for (k = 2; k <= n; k++) {
			if (line[k] !~ /^-+( -+)*$/ || line[k - 1] ~ /^-+( -+)*$/) continue
			if (k > 2 && intable[k - 1]) continue
			# columns from the dashes
			nc = 0; pos = 1; d = line[k]
			while (pos <= length(d)) {
				if (substr(d, pos, 1) == "-") {
					s = pos
					while (pos <= length(d) && substr(d, pos, 1) == "-") pos++
					nc++; st[nc] = s; wd[nc] = pos - s
				} else pos++
			}
			for (c = 1; c <= nc; c++) {
				t = substr(line[k - 1], st[c], wd[c]); gsub(/^ +| +$/, "", t)
				istime[c] = (t ~ /^(% time|seconds|shortest|longest|usecs\/call|p50|p90|p99|p99\.9|max|wall-.*)$/)
			}
			# the header, the rows, the second dashes, the total row
			last = k + 1
			while (last <= n && line[last] !~ /^-+( -+)*$/) last++
			last++
			for (j = k - 1; j <= last && j <= n; j++) {
				intable[j] = 1
				if (j == k - 1 || line[j] ~ /^-+( -+)*$/) continue
				for (c = 1; c <= nc; c++) if (istime[c]) {
					pad = sprintf("%" wd[c] "s", ""); gsub(/ /, "#", pad)
					line[j] = substr(line[j], 1, st[c] - 1) pad substr(line[j], st[c] + wd[c])
				}
			}
		}
		for (k = 1; k <= n; k++) print line[k]
	}' "$1"
}

# the table only (from its header line on), masked
table_of() {
	mask "$1" | awk '{ l[NR] = $0 } /^-+( -+)*$/ && !t { t = NR - 1 } END { if (t) for (i = t; i <= NR; i++) print l[i] }'
}

# compare OPTIONS...: strace and tattle, both with -o; "ordered" in $ORDER
# means the rows must come in the same order (sorts that do not depend on
# the times), else they are compared as sets
compare_once() {
	ref -o s.out "$@" "$PROG" 2 >/dev/null
	tat -o t.out "$@" "$PROG" 2 >/dev/null
	table_of s.out > s.tab
	table_of t.out > t.tab
	[ -s s.tab ] || fail "strace $*: no table"
	if [ "$ORDER" != ordered ]; then
		# the header and the rules stay in place, the rows as a set
		for f in s.tab t.tab; do
			awk '/^-+( -+)*$/ { r++; print; next } r == 1 { print | "sort" ; next } { close("sort"); print }' $f > $f.set
		done
		diff s.tab.set t.tab.set > d.out
	else
		diff s.tab t.tab > d.out
	fi
}
compare() {
	for try in 1 2 3; do
		if compare_once "$@"; then
			ok "$* matches strace ($(sed -n '$p' t.tab | tr -s ' ' | cut -d' ' -f1-9))"
			return 0
		fi
	done
	cat d.out
	echo "--- strace"; cat s.out; echo "--- tattle"; cat t.out
	fail "$*: table differs from strace's"
}

ORDER=set
compare -c
compare -c -w
compare -c -S time
compare -c -S avg-time
compare -c -S min-time
compare -c -S max-time
compare -c -S total-time -w
compare -c -U time-percent,total-time,min-time,max-time,avg-time,calls,errors,name
compare -c -U max-time,name,min-time
compare -c -w -U shortest,longest,time-avg,count,error,syscall-name,time-total,time
ORDER=ordered
compare -c -S calls
compare -c -S errors
compare -c -S name
compare -c -S nothing
compare -c -S count -U calls,errors
compare -c -S syscall -U name,calls
compare -c -S name -U calls,name,errors
compare -c -S none -U errors,calls
compare -C -S name -e trace=getppid,close

# -C: the table comes after the trace and its exit line
tat -C -S name -o t.out "$PROG" >/dev/null
awk '/^\+\+\+ exited with [0-9]+ \+\+\+$/ { e = NR } /^% time/ { h = NR } END { exit !(e && h > e) }' t.out ||
	{ cat t.out; fail "-C: the table does not follow the trace"; }
grep -q '^getppid()  *= [0-9]' t.out || fail "-C: no trace lines"
ok "-C: trace, exit line, then the table"

# no traced call: strace prints no table at all
tat -c -e trace=none -o t.out "$PROG" >/dev/null
[ ! -s t.out ] || { cat t.out; fail "-c with no calls printed something"; }
ok "-c with no calls prints nothing"

# the option errors strace gives
for o in "-c -U foo" "-c -U calls,calls" "-c -S foo" "-w" "-U calls" "--histogram" "-c --histogram=nosuchcall"; do
	# shellcheck disable=SC2086
	run 20 "$TATTLE" $o true > out 2>&1 && fail "'$o' was accepted"
	[ "$(wc -l < out)" = 1 ] && grep -q '^tattle: ' out || { cat out; fail "'$o': not one tattle: line"; }
done
ok "bad -U/-S/--histogram and -w/-U without -c are one-line errors"

# -O: an overhead longer than any call leaves every time at 0, as strace's
# does; a bad one is a one-line error
for w in "" -w; do
	# shellcheck disable=SC2086
	tat -c $w -O 10s -o t.out "$PROG" >/dev/null
	awk '$NF == "total" { found = 1; if ($2 != "0.000000") exit 1 } END { exit !found }' t.out ||
		{ cat t.out; fail "-c $w -O 10s: the total time is not 0"; }
	grep -q ' getppid$' t.out || { cat t.out; fail "-c $w -O 10s: no getppid row"; }
done
run 20 "$TATTLE" -c --summary-syscall-overhead=1.5ms -o t.out "$PROG" >/dev/null || fail "--summary-syscall-overhead=1.5ms rejected"
for o in abc -1 5m ""; do
	run 20 "$TATTLE" -c -O "$o" true > out 2>&1 && fail "-O '$o' was accepted"
	[ "$(cat out)" = "tattle: invalid -O argument: '$o'" ] || { cat out; fail "-O '$o': not the one-line error"; }
done
ok "-O: times less the overhead, never below 0; bad values are one-line errors"
