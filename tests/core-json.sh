#!/bin/sh
# SPDX-License-Identifier: MIT
# --json: the trace as JSON Lines. Every line is one valid object; there is
# one syscall record per traced call (the counts of -c); values are typed;
# hostile bytes (terminal escapes, bytes that are not UTF-8) come out
# escaped; signals and exits have their own records.
. "$srcdir/tests/lib.sh"
PY=/usr/bin/python3
[ -x "$PY" ] || skip "no /usr/bin/python3 to read the JSON with"

# the same calls: once as JSON records, once counted by -c
run 30 "$TATTLE" -f --json -o j -- "$PROGS/stats_calls" 3 || fail "--json run"
run 30 "$TATTLE" -f -c -o c -- "$PROGS/stats_calls" 3 || fail "-c run"
"$PY" - j c <<'PYEOF' || fail "records against -c"
import json, sys, collections
recs = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8")]
# -c counts the calls that returned: exit_group's record has "ret": null
calls = collections.Counter(r["name"] for r in recs if r["type"] == "syscall" and r["ret"] is not None)
errs = collections.Counter(r["name"] for r in recs if r["type"] == "syscall" and "errno" in r)
want, werr = {}, {}
for line in open(sys.argv[2]):
    f = line.split()
    if len(f) >= 5 and f[0][0].isdigit() and f[-1] != "total":
        want[f[-1]] = int(f[3])
        werr[f[-1]] = int(f[4]) if len(f) == 6 else 0
assert dict(calls) == want, (dict(calls), want)
assert {k: v for k, v in errs.items()} == {k: v for k, v in werr.items() if v}, (errs, werr)
for r in recs:
    assert {"type", "ts_ns", "pid", "tid"} <= r.keys(), r
    if r["type"] == "syscall":
        assert isinstance(r["nr"], int) and isinstance(r["args"], dict) and "ret" in r, r
o = [r for r in recs if r["type"] == "syscall" and r["name"] == "openat" and "errno" in r][0]
assert o["args"]["pathname"] == "/nonexistent/stats_calls" and o["ret"] == -1 and o["errno"] == "ENOENT", o
assert o["dur_ns"] >= 0, o
g = [r for r in recs if r.get("name") == "getppid"][0]
assert g["args"] == {} and isinstance(g["ret"], int), g
e = [r for r in recs if r["type"] == "exit"]
assert len(e) == 1 and e[0]["status"] == 0, e
PYEOF
ok "one valid record per call, counts and errors as -c"

# hostile bytes: an escape sequence, a byte that is not UTF-8, valid UTF-8,
# a string cut by -s; flags as names and value; a signal and its death
run 30 "$TATTLE" -f -s 16 --json=j2 -- sh -c \
	'printf "\033[2J\377\303\251ok" > /dev/null; printf "0123456789abcdefghij" > /dev/null; kill -USR1 $$' 2>err
[ $? -ne 0 ] || fail "the killed shell's status"
grep -q '"type"' err && fail "--json=FILE wrote records to stderr"
grep -q "$(printf '\033')" j2 && fail "a raw ESC reached the output"
"$PY" - j2 <<'PYEOF' || fail "typed values and escapes"
import json, sys
recs = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8")]
w = [r for r in recs if r["type"] == "syscall" and r["name"] == "write"]
assert w[0]["args"]["buf"] == "\x1b[2J\u00ff\u00e9ok", w[0]
assert w[1]["args"]["buf"] == {"str": "0123456789abcdef", "truncated": True}, w[1]
assert w[0]["args"]["fd"] == 1 and w[0]["ret"] == 9, w[0]
o = [r for r in recs if r["type"] == "syscall" and r["name"] == "openat"]
assert any(r["args"]["pathname"] == "/dev/null" for r in o), o
s = [r for r in recs if r["type"] == "signal"]
assert s and s[0]["signal"] == "SIGUSR1" and s[0]["siginfo"]["si_signo"] == "SIGUSR1", s
x = [r for r in recs if r["type"] == "exit"]
assert x[-1].get("killed_by") == "SIGUSR1" and x[-1]["core_dumped"] is False, x
m = [r for r in recs if r["type"] == "syscall" and r["name"] == "rt_sigaction"]
assert any(isinstance(r["args"].get("act"), dict) for r in m), m[:2]
PYEOF
ok "escapes, -s truncation, signal and exit records"

run 20 "$TATTLE" --json=x -o y -- true 2>err && fail "--json=FILE with -o accepted"
grep -q "give the output file once" err || fail "--json=FILE -o: $(cat err)"
ok "--json=FILE with -o is refused"
