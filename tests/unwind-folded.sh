#!/bin/sh
# SPDX-License-Identifier: MIT
# --stack-folded: the stacks of tests/progs/unwind_folded (N calls through
# one chain, 2N through another, one from main), folded. The counts sum to
# the traced calls, and the folded stacks are exactly -k's stacks (root
# first, symbol names, file+offset without one); by time the same stacks;
# without -k the same file and no frames in the trace; a bad path fails
# before anything runs.
. "$srcdir/tests/lib.sh"
N=7
run 30 "$TATTLE" -k --stack-folded=folded -e trace=write -o trace -- "$PROGS/unwind_folded" $N ||
	fail "tattle failed ($?)"
calls=$(grep -c '^write(' trace)
[ "$calls" -eq $((3 * N + 1)) ] || fail "$calls write calls traced, expected $((3 * N + 1))"
sum=$(awk '{ s += $NF } END { print s + 0 }' folded)
[ "$sum" -eq "$calls" ] || { cat folded; fail "folded counts sum to $sum, not $calls"; }
ok "folded counts sum to the $calls traced calls"
# -k's stacks folded by hand, the same way
awk '
	function flush() { if (n) { s = fr[n]; for (i = n - 1; i >= 1; i--) s = s ";" fr[i]; cnt[s]++ } n = 0 }
	!/^ > / { flush(); next }
	{
		l = substr($0, 4)
		if (l ~ /^unexpected_backtracing_error /) { fr[++n] = "[unknown]"; next }
		if (l == "too many stack frames") next
		br = l; sub(/.* \[/, "", br); sub(/\]$/, "", br)
		sub(/ \[[^]]*\]$/, "", l)
		p = index(l, "(")
		path = substr(l, 1, p - 1); rest = substr(l, p + 1)
		sub(/\)$/, "", rest)
		q = 0; while ((k = index(substr(rest, q + 1), "+0x")) > 0) q += k
		name = q ? substr(rest, 1, q - 1) : ""
		if (name == "") { b = path; sub(/.*\//, "", b); name = b "+" br }
		fr[++n] = name
	}
	END { flush(); for (s in cnt) print s, cnt[s] }' trace | sort > expected
sort folded > got
diff expected got > d || { cat d; fail "folded stacks differ from -k's"; }
grep -q ';path_two;leaf_call;[^ ]*write ' folded || { cat folded; fail "no main;path_two;leaf_call;write stack"; }
grep -q " $((2 * N))\$" folded || fail "no stack with count $((2 * N))"
ok "$(wc -l < got) folded stacks match -k's"
run 30 "$TATTLE" --stack-folded=folded2 -e trace=write -o trace2 -- "$PROGS/unwind_folded" $N ||
	fail "tattle without -k failed ($?)"
grep -q '^ > ' trace2 && fail "frames printed without -k"
sort folded2 | diff got - || fail "--stack-folded without -k gives other stacks"
ok "--stack-folded without -k: same stacks, no frames printed"
run 30 "$TATTLE" -k --stack-folded=folded3 --stack-folded-weight=time -e trace=write -o trace3 -- \
	"$PROGS/unwind_folded" $N || fail "tattle by time failed ($?)"
sed 's/ [0-9]*$//' folded3 | sort > s3
sed 's/ [0-9]*$//' got | sort | diff - s3 || fail "weighted by time: other stacks"
awk '{ s += $NF } END { exit !(s > 0) }' folded3 || fail "weighted by time: no time"
ok "weighted by time: the same stacks, nanoseconds"
run 30 "$TATTLE" --stack-folded="$T/no/such/dir/f" -- "$PROGS/unwind_folded" 1 > out 2> err
[ $? -eq 1 ] || fail "a folded file that cannot be opened did not fail with 1"
grep -q "tattle: " err || fail "no tattle: message for the bad folded file"
ok "bad folded path: $(cat err)"
