#!/bin/sh
# SPDX-License-Identifier: MIT
# Latency truth: nanosleep of 1, 2, 5 and 10 ms, 20 calls each, under
# -c -w -U name,calls,p50,p99,max --histogram=nanosleep. The program times
# its own calls too (tests/progs/stats_sleep.c), and tattle's window (entry
# stop to exit stop) lies inside the program's, so whatever the load:
# requested <= tattle's p50, p99, max <= the program's own (p50 within the
# histogram's 1/64), and the log2 histogram counts all 20 calls in buckets
# between the two. The issue's bound, within 10% + 200 us of the request,
# holds whenever the program's own figures are within it; a run that a
# busy machine pushed past it is run again (up to 5 times), and reported,
# not failed, when all were: this is no timing assert.
. "$srcdir/tests/lib.sh"
. "$srcdir/tests/stats-lib.sh"
PROG=$PROGS/stats_sleep
[ -x "$PROG" ] || fail "missing $PROG"

check_once() {	# check_once MS: exit 1 wrong, 2 disturbed
	ms=$1
	tat -c -w -U name,calls,p50,p99,max --histogram=nanosleep -e trace=nanosleep \
		-o out "$PROG" "$ms" 20 > self
	awk -v ms="$ms" '
	function bad(m) { print "FAIL: " ms " ms: " m; err = 1 }
	function unit(x) { if (x ~ /K$/) { sub(/K$/, "", x); x *= 1024 } if (x ~ /M$/) { sub(/M$/, "", x); x *= 1048576 } return x }
	FNR == NR { s50 = $2 / 1e9; s99 = $3 / 1e9; smax = $4 / 1e9; next }
	$1 == "syscall" && $2 == "calls" { hdr = ($3 == "p50" && $4 == "p99" && $5 == "max"); next }
	$1 == "nanosleep" && NF == 5 {
		row = 1; p50 = $3; p99 = $4; max = $5
		if ($2 != 20) bad("calls " $2 " != 20")
		lo = ms / 1000
		if (p50 < lo || p99 < lo || max < lo) bad("below the requested " lo " s: " $0)
		# printed to the microsecond: 1e-6 of slack
		if (p50 > s50 * (1 + 1 / 64) + 1e-6) bad("p50 " p50 " > the program'"'"'s own " s50)
		if (p99 > s99 + 1e-6) bad("p99 " p99 " > the program'"'"'s own " s99)
		if (max > smax + 1e-6) bad("max " max " > the program'"'"'s own " smax)
		if (!(p50 <= p99 && p99 <= max)) bad("p50 <= p99 <= max does not hold")
		next
	}
	/^@usecs\[nanosleep\]:$/ { h = 1; next }
	h && /^\[/ {
		# "[4K, 8K)    20 |@@@...|" or "[1]"
		label = $0; sub(/[)\]].*/, "", label); sub(/^\[/, "", label)
		n = split(label, b, ", ")
		l = unit(b[1]); u = n > 1 ? unit(b[2]) : l + 1
		rest = $0; sub(/^[^)\]]*[)\]] */, "", rest); split(rest, f, " ")
		cnt = f[1]; total += cnt
		if (cnt > 0 && (u <= ms * 1000 || l > smax * 1e6))
			bad("bucket [" l ", " u ") us holds " cnt " calls: not between " ms " ms and " smax " s")
		if (rest !~ /^[0-9]+ \|@*  *\|$/ && rest !~ /^[0-9]+ \|@+\|$/) bad("bar: " $0)
		next
	}
	END {
		if (!hdr) bad("no p50/p99/max header")
		if (!row) bad("no nanosleep row")
		if (total != 20) bad("the histogram counts " total " calls, not 20")
		if (err) exit 1
		# the bound (p50 <= p99 <= max, all >= the request): past it
		# only when the program itself measured at least as much
		if (max > ms / 1000 * 1.1 + 0.0002) { print "disturbed: max " max " s, the program itself measured " smax " s"; exit 2 }
	}' self out
}

for ms in 1 2 5 10; do
	note=""
	for try in 1 2 3 4 5; do
		check_once "$ms" > check.log
		rc=$?
		[ $rc = 1 ] && { cat check.log self out; fail "$ms ms: wrong figures"; }
		[ $rc = 0 ] && break
		note=" (the machine was too busy for the 10% bound in 5 runs)"
	done
	[ $rc = 0 ] && note=""
	ok "$ms ms x 20: $(awk '$1 == "nanosleep" { print "p50", $3, "p99", $4, "max", $5 }' out), the program's own max $(awk '{ print $4 / 1e9 }' self) (try $try)$note"
done

# the histogram and percentiles of the default (system) time exist too
tat -c -U name,calls,p50,p90,p99,p999,max --histogram -o out "$PROG" 1 3 2 >/dev/null
grep -q '^@usecs\[getppid\]:$' out || { cat out; fail "--histogram (all): no getppid histogram"; }
awk '$1 == "getppid" { f = ($2 == 6) } END { exit !f }' out || { cat out; fail "getppid calls"; }
ok "--histogram without a set draws every syscall"
