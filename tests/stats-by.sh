#!/bin/sh
# SPDX-License-Identifier: MIT
# --summary-by=pid|tid: one table per process or per thread, with the
# calls each made; -c --json: the summary as one JSON object; every -U
# column of tattle's own (percentiles, max, wall-*) and the -S keys on them.
. "$srcdir/tests/lib.sh"
. "$srcdir/tests/stats-lib.sh"
PROG=$PROGS/stats_procs
[ -x "$PROG" ] || fail "missing $PROG"

# getppid calls per table, in the order of the tables: "pid N getppid"
per_table() {
	awk '/^--- (pid|tid) [0-9]+ ---$/ { id = $3; kind = $2; g[id] = 0; order[++n] = id; next }
	     $NF == "getppid" && id { g[id] = $4 }
	     END { for (i = 1; i <= n; i++) print kind, order[i], g[order[i]] + 0 }' "$1"
}

tat -f -c --summary-by=pid -S name -o out "$PROG" >/dev/null
per_table out > got
# the main process (its thread's 3 with its own 2), then the child
awk 'NR == 1 { ok1 = ($3 == 5) } NR == 2 { ok2 = ($3 == 4) } END { exit !(NR == 2 && ok1 && ok2) }' got ||
	{ cat out got; fail "--summary-by=pid"; }
[ "$(grep -c '^% time ' out)" = 2 ] || fail "--summary-by=pid: not 2 tables"
ok "--summary-by=pid: $(tr '\n' ';' < got)"

tat -f -c --summary-by=tid -S name -o out "$PROG" >/dev/null
per_table out > got
# main thread 2, the thread 3, the child 4
sort -k3 got | awk '{ s = s $3 " " } END { exit !(NR == 3 && s == "2 3 4 ") }' ||
	{ cat out got; fail "--summary-by=tid"; }
ok "--summary-by=tid: $(tr '\n' ';' < got)"

# every column of our own, and the sort keys on them
cols=name,calls,p50,p90,p99,p999,max,min-time,max-time,wall-total,wall-min,wall-max,wall-avg
for key in p50 p90 p99 p999 max; do
	tat -f -c -U $cols -S $key -o out "$PROG" >/dev/null
	head -n 1 out | grep -q '^syscall  *calls  *p50  *p90  *p99  *p99\.9  *max shortest  longest  wall-total wall-min wall-max    wall-avg$' ||
		{ head -n 2 out; fail "-U $cols: header"; }
	case $key in p50) k=3;; p90) k=4;; p99) k=5;; p999) k=6;; max) k=7;; esac
	awk -v k=$k '
	/^-/ { sep++; next }
	sep == 1 {
		# min <= p50 <= p90 <= p99 <= p99.9 <= max = longest; wall-min <= wall-max
		if (!($8 <= $3 && $3 <= $4 && $4 <= $5 && $5 <= $6 && $6 <= $7 && $7 == $9)) { print "order: " $0; bad = 1 }
		if (!($11 <= $12)) { print "wall: " $0; bad = 1 }
		if (n && $k > prev) { print "sort: " $0; bad = 1 }
		prev = $k; n++
	}
	END { exit bad || n < 5 }' out || { cat out; fail "-U $cols -S $key"; }
done
ok "p50,p90,p99,p999,max and wall-* columns are ordered and sort (-S p50..max)"

# -c --json: one object; python3 checks it when it is here
tat -f -c --json -U name,calls,p50 --histogram=getppid -o out "$PROG" >/dev/null
[ "$(wc -l < out)" = 1 ] || { cat out; fail "-c --json: not one line"; }
grep -q '^{"type":"summary","final":true,' out || { cat out; fail "-c --json: not a summary object"; }
if python3 -c 'import json' >/dev/null 2>&1; then
	python3 - out <<'EOF' || fail "-c --json: content"
import json, sys
o = json.load(open(sys.argv[1]))
sc = {s["name"]: s for s in o["syscalls"]}
assert sc["getppid"]["calls"] == 9, sc["getppid"]
assert sum(b[2] for b in sc["getppid"]["hist_us"]) == 9
assert o["total"]["calls"] == sum(s["calls"] for s in o["syscalls"])
for s in o["syscalls"]:
    assert s["min_ns"] <= s["p50_ns"] <= s["p90_ns"] <= s["p99_ns"] <= s["p999_ns"] <= s["max_ns"], s
EOF
fi
tat -f -c --json --summary-by=pid -o out "$PROG" >/dev/null
grep -q '"by":"pid","groups":\[{"pid":' out || { cat out; fail "--json --summary-by=pid"; }
ok "-c --json: one object (with --summary-by: groups)"
