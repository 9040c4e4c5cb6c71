#!/bin/sh
# SPDX-License-Identifier: MIT
# --summary-interval=1 on a process traced for 3.5 s (7 nanosleeps of
# 500 ms: the tracee is quiet most of the time, so the tables must come
# from tattle's own timer, not from the tracee's stops): 3 interim tables,
# then the final one, which is the plain -c table.
. "$srcdir/tests/lib.sh"
. "$srcdir/tests/stats-lib.sh"
PROG=$PROGS/stats_sleep
[ -x "$PROG" ] || fail "missing $PROG"

tat -c -w --summary-interval=1 -e trace=nanosleep -o out "$PROG" 500 7 >/dev/null
interim=$(grep -c '^--- summary after [0-9.]* s ---$' out)
tables=$(grep -c '^% time ' out)
[ "$interim" = 3 ] && [ "$tables" = 4 ] ||
	{ cat out; fail "$interim interim tables and $tables tables, expected 3 and 4"; }
# the interim tables at about 1, 2 and 3 s; the calls grow; the last table
# has no header line of its own and counts all 7
awk '/^--- summary after/ { t = $4; if (t < 0.9 || t > 3.4) exit 1 }' out || { cat out; fail "interim times"; }
awk '$NF == "nanosleep" { c[++n] = $4 } END { exit !(n == 4 && c[4] == 7 && c[1] <= c[2] && c[2] <= c[3] && c[3] <= 7) }' out ||
	{ cat out; fail "calls per table"; }
tail -n 5 out | grep -q '^--- summary' && fail "the final table has an interim header"
ok "3 interim tables ($(grep -o 'after [0-9.]* s' out | tr '\n' ' ')) and a final one"

# with --json: one object per table, the last one final
tat -c --json --summary-interval=0.3 -e trace=nanosleep -o out "$PROG" 250 3 >/dev/null
n=$(grep -c '^{"type":"summary","final":false' out)
f=$(grep -c '^{"type":"summary","final":true' out)
[ "$n" -ge 1 ] && [ "$f" = 1 ] && tail -n 1 out | grep -q '"final":true' ||
	{ cat out; fail "--json interim objects"; }
ok "--json --summary-interval: $n interim objects and a final one"
