#!/bin/sh
# SPDX-License-Identifier: MIT
# Timestamps: -t/-tt/-ttt/--absolute-timestamps/-r/-T print in strace's
# exact shapes (compared with strace after every digit is masked), and on
# one line -r, -T and the absolute time agree with each other and with the
# stops: each -r is the difference of two absolute times, each call ends
# (absolute + -T) before the next begins, and a 20 ms nanosleep lasts at
# least 20 ms.
. "$srcdir/tests/lib.sh"
. "$srcdir/tests/stats-lib.sh"
PROG=$PROGS/stats_sleep
[ -x "$PROG" ] || fail "missing $PROG"

# 1. shapes, against strace when it is here
if command -v strace >/dev/null 2>&1; then
	while read -r opts; do
		# shellcheck disable=SC2086
		ref $opts -e trace=getppid -o s.out "$PROG" 0 1 3 >/dev/null
		# shellcheck disable=SC2086
		tat $opts -e trace=getppid -o t.out "$PROG" 0 1 3 >/dev/null
		for f in s t; do
			sed -E 's/[0-9]/9/g' $f.out | grep -v '^+++' > $f.mask
		done
		diff s.mask t.mask > d.out || { cat d.out; fail "$opts: not strace's shape"; }
	done <<'EOF'
-t
-tt
-ttt
-r
-T
-r -T
-t -r -T
-ttt -r
-tt --relative-timestamps=ms
--absolute-timestamps
--absolute-timestamps=format:unix,precision:ns
--absolute-timestamps=precision:ms
--absolute-timestamps=unix
--absolute-timestamps=ns
--timestamps=precision:us,format:time
--absolute-timestamps=format:none -r
--relative-timestamps=ns
--relative-timestamps=s
--syscall-times=ns
--syscall-times=s
--syscall-times=ms
EOF
	ok "timestamp shapes are strace's for 21 option sets"
else
	echo "strace not installed: shapes not compared"
fi

# 2. agreement, in nanoseconds: 5 sleeps of 20 ms, each followed by 3 getppid
tat --absolute-timestamps=format:unix,precision:ns --relative-timestamps=ns \
	--syscall-times=ns -e trace=nanosleep,getppid -o t.out "$PROG" 20 5 3 >/dev/null
awk '
# seconds since the first line, in ns: whole epoch ns exceed a double
function ns(s,   p, sec) {
	p = index(s, "."); sec = substr(s, 1, p - 1) + 0
	if (base == "") base = sec
	return (sec - base) * 1000000000 + substr(s, p + 1)
}
function dns(s,   p) { p = index(s, "."); return (substr(s, 1, p - 1) + 0) * 1000000000 + substr(s, p + 1) }
function bad(m) { print "FAIL line " NR ": " m ": " $0; err = 1 }
/ \+\+\+ exited with [0-9]+ \+\+\+$/ { next }
{
	# (mawk has no {9}: nine digits are checked by the shapes above)
	if (!match($0, /^[0-9]+\.[0-9]+ \(\+ +[0-9]+\.[0-9]+\) /)) { bad("prefix"); next }
	split($0, w, " ")
	abs = ns(w[1])
	r = $0; sub(/^[^+]*\+ */, "", r); sub(/\).*/, "", r); rel = dns(r)
	if (!match($0, / <[0-9]+\.[0-9]+>$/)) { bad("no -T"); next }
	d = substr($0, RSTART + 2, RLENGTH - 3); dur = dns(d)
	if (n) {
		if (rel != abs - pabs) bad("-r " rel " != " abs " - " pabs)
		if (pabs + pdur > abs) bad("the previous call ends after this one starts")
	} else if (rel != 0) bad("the first -r is not 0")
	if ($0 ~ / nanosleep\(/) {
		sleeps++
		if (dur < 20000000) bad("a 20 ms nanosleep took " dur " ns")
	}
	pabs = abs; pdur = dur; n++
}
END { if (sleeps != 5 || n != 20) { print "FAIL: " sleeps " sleeps, " n " lines"; err = 1 } exit err }' t.out ||
	{ cat t.out; fail "-r, -T and the absolute times disagree"; }
ok "-r = difference of absolute times, absolute + -T <= next start, sleeps >= 20 ms (20 lines)"

# 3. --clock: monotonic times are seconds since boot, not a time of day
tat --clock=monotonic -ttt -e trace=getppid -o t.out "$PROG" 0 1 1 >/dev/null
up=$(cut -d' ' -f1 /proc/uptime | cut -d. -f1)
awk -v up="$up" 'NR == 1 { s = $1 + 0; exit !(s >= up - 5 && s <= up + 60) }' t.out ||
	{ cat t.out; echo "uptime $up"; fail "--clock=monotonic is not the monotonic clock"; }
tat --clock=boottime -tt -e trace=getppid -o t.out "$PROG" 0 1 1 >/dev/null
grep -Eq '^[0-9]+\.[0-9]{6} getppid\(\)' t.out || { cat t.out; fail "--clock=boottime -tt"; }
ok "--clock=monotonic|boottime"
