#!/bin/sh
# SPDX-License-Identifier: MIT
# --timeline=FILE: Chrome trace-event JSON beside the text trace. In one run
# the file must hold exactly the calls the text shows (same threads, same
# names, the same call text), the signals and exits of its "---" and "+++"
# lines, a comm name for every process and thread before its first event,
# and per thread calls that follow each other without overlapping. The file
# stays valid JSON when the tracee dies and when tattle is interrupted; a
# file that cannot be created stops tattle before anything runs.
. "$srcdir/tests/lib.sh"
PY=/usr/bin/python3
[ -x "$PY" ] || skip "no /usr/bin/python3 to read the JSON with"
ulimit -c 0

# tl.py: load() checks one file and returns its events; compare() matches a
# text trace against them
cat > tl.py <<'PYEOF'
import collections, json, re, sys

def ns(us):
    return round(us * 1000)

def load(path):
    # strict: UTF-8 only, no raw control characters in strings
    d = json.loads(open(path, "rb").read().decode("utf-8"))
    assert isinstance(d, dict) and isinstance(d["traceEvents"], list), d.keys()
    assert d["displayTimeUnit"] == "ns", d["displayTimeUnit"]
    ev = d["traceEvents"]
    tnamed, pnamed, end = set(), set(), {}
    for e in ev:
        assert isinstance(e["pid"], int) and isinstance(e["tid"], int), e
        ph = e["ph"]
        if ph == "M":
            assert e["name"] in ("process_name", "thread_name"), e
            assert isinstance(e["args"]["name"], str) and e["args"]["name"], e
            (tnamed if e["name"] == "thread_name" else pnamed).add(e["tid"] if e["name"] == "thread_name" else e["pid"])
            continue
        assert e["tid"] in tnamed and e["pid"] in pnamed, ("no name before", e)
        ts = ns(e["ts"])
        assert ts >= 0, e
        if ph == "X":
            assert e["cat"] == "syscall" and re.fullmatch(r"[a-z0-9_]+", e["name"]), e
            dur = ns(e["dur"])
            assert dur >= 0, e
            # one thread's calls: in order, none inside another
            assert ts >= end.get(e["tid"], 0), ("overlap or out of order", e)
            end[e["tid"]] = ts + dur
            a = e["args"]
            assert "ret" in a, e
            if "errno" in a:
                assert a["ret"] in (-1, None) and re.fullmatch(r"E[A-Z0-9]+", a["errno"]), e
            if a["ret"] is None and "errno" not in a:
                assert a.get("unfinished") is True or a.get("detached") is True, e
        elif ph == "i":
            assert e["s"] == "t" and e["cat"] in ("signal", "stopped", "exit"), e
        else:
            raise AssertionError(("phase", e))
    return ev

def calls(ev):
    return [e for e in ev if e["ph"] == "X"]

def last_names(ev, kind):
    n = {}
    for e in ev:
        if e["ph"] == "M" and e["name"] == kind:
            n[e["pid"] if kind == "process_name" else e["tid"]] = e["args"]["name"]
    return n

PFX = re.compile(r"^(?:\[pid +(\d+)\] |(\d+) +)?(.*)$")

def text_events(path, tid0):
    """(tid, name, call text) of every call, and the ---/+++ lines, of a
    text trace; unfinished and resumed halves joined"""
    pend, out, other = {}, [], []
    for line in open(path, encoding="utf-8"):
        m = PFX.match(line.rstrip("\n"))
        tid, body = int(m[1] or m[2] or tid0), m[3]
        if body.startswith(("---", "+++")):
            other.append((tid, body))
            continue
        r = re.match(r"<\.\.\. ([a-z0-9_]+) resumed>(.*)$", body)
        if r:
            name, entry = pend.pop(tid)
            assert name == r[1], (line, name)
            full = entry + r[2]
        else:
            name, full = re.match(r"([a-z0-9_]+)\(", body)[1], body
        if full.endswith(" <unfinished ...>"):
            assert tid not in pend, line
            pend[tid] = (name, full[:-len(" <unfinished ...>")])
        elif full.endswith(" <detached ...>"):
            out.append((tid, name, full[:-len(" <detached ...>")]))
        else:
            out.append((tid, name, full.rsplit(" = ", 1)[0].rstrip()))
    # cut and never resumed: the tracee was let go (detach)
    out += [(tid, n, entry) for tid, (n, entry) in pend.items()]
    return out, other

def compare(text, ev, with_text=True):
    x = calls(ev)
    assert x, "no events"
    # lines without a prefix are the first process'
    got, other = text_events(text, x[0]["pid"])
    if with_text:
        want = collections.Counter(got)
        have = collections.Counter((e["tid"], e["name"], e["args"]["call"]) for e in x)
    else:
        want = collections.Counter(g[:2] for g in got)
        have = collections.Counter((e["tid"], e["name"]) for e in x)
    assert want == have, ("text - timeline", list((want - have).items())[:5],
                          "timeline - text", list((have - want).items())[:5])
    # the text's signal and exit lines, as instant events
    inst = collections.Counter()
    for e in ev:
        if e["ph"] == "i" and e["cat"] == "signal":
            inst[(e["tid"], "--- %s %s ---" % (e["name"], e["args"]["siginfo"]))] += 1
        elif e["ph"] == "i" and e["cat"] == "exit":
            inst[(e["tid"], "+++ %s +++" % e["name"])] += 1
    assert collections.Counter(other) == inst, (other, inst)
    return len(x)

if __name__ == "__main__":
    print(compare(sys.argv[1], load(sys.argv[2])))
PYEOF

# one process: every line of the text is one event, names, the exit
run 30 "$TATTLE" -o text --timeline=tl.json -- /bin/ls / >/dev/null || fail "ls run"
n=$("$PY" tl.py text tl.json) || { head -c 2000 tl.json; fail "ls: timeline against text"; }
"$PY" - <<'PYEOF' || fail "ls: names, results, call text"
import tl
ev = tl.load("tl.json")
x = tl.calls(ev)
pid = x[0]["pid"]
assert {e["pid"] for e in ev} == {pid} and {e["tid"] for e in ev} == {pid}, ev[:3]
assert tl.last_names(ev, "process_name") == {pid: "ls"}, tl.last_names(ev, "process_name")
assert tl.last_names(ev, "thread_name") == {pid: "ls"}
# once per task, not per call
assert sum(e["ph"] == "M" for e in ev) == 2, [e for e in ev if e["ph"] == "M"]
assert x[0]["args"]["call"].startswith('execve("/bin/ls", ["/bin/ls", "/"], ') and x[0]["args"]["ret"] == 0, x[0]
assert any(e["name"] == "openat" and e["args"]["ret"] >= 0 for e in x), x
assert any("errno" in e["args"] and e["args"]["ret"] == -1 for e in x), "no failed call"
assert any(isinstance(e["args"]["ret"], str) and e["args"]["ret"].startswith("0x") for e in x if e["name"] == "mmap")
last = x[-1]
assert last["name"] == "exit_group" and last["args"] == {"ret": None, "unfinished": True, "call": "exit_group(0)"}, last
ex = [e for e in ev if e["ph"] == "i"]
assert len(ex) == 1 and ex[0]["name"] == "exited with 0" and ex[0]["args"] == {"status": 0}, ex
assert tl.ns(ex[0]["ts"]) >= tl.ns(last["ts"]) + tl.ns(last["dur"]), (last, ex)
PYEOF
ok "ls: $n events, one per text line, with names, results and call text"

# -f, a pipeline: three processes, each named after its last comm; the
# trace on stderr with [pid N] prefixes (-q: no attach messages among them)
run 30 "$TATTLE" -f -q --timeline=tl.json -- /bin/sh -c 'ls / | cat' >/dev/null 2>text || fail "sh -f run"
grep -q '^\[pid ' text || fail "no [pid N] prefixes in the -f trace"
n=$("$PY" tl.py text tl.json) || fail "-f: timeline against text"
"$PY" - <<'PYEOF' || fail "-f: pids, tids and names"
import tl, re
ev = tl.load("tl.json")
x = tl.calls(ev)
pids = {e["pid"] for e in x}
assert len(pids) == 3 and all(e["pid"] == e["tid"] for e in x), pids
names = tl.last_names(ev, "process_name")
assert sorted(names.values()) == ["cat", "ls", "sh"], names
assert tl.last_names(ev, "thread_name") == names
# each child is named "sh" first, then again after its execve
for p, n in names.items():
    seq = [e["args"]["name"] for e in ev if e["ph"] == "M" and e["name"] == "thread_name" and e["tid"] == p]
    assert seq == (["sh"] if n == "sh" else ["sh", n]), (p, seq)
    ex = [e["args"]["call"] for e in x if e["pid"] == p and e["name"] == "execve"]
    assert n == "sh" or ex and ex[-1].startswith('execve("/usr/bin/%s"' % n) or ex[-1].startswith('execve("/bin/%s"' % n), (n, ex)
exits = [e for e in ev if e["ph"] == "i" and e["cat"] == "exit"]
assert sorted(e["pid"] for e in exits) == sorted(pids), exits
PYEOF
ok "-f: $n events in 3 processes, as the [pid N] lines say"

# threads: 4 threads of one process, on their own tracks
run 60 "$TATTLE" -f -o text --timeline=tl.json -- "$PROGS/core_threads" 500 || fail "threads run"
n=$("$PY" tl.py text tl.json) || fail "threads: timeline against text"
"$PY" - <<'PYEOF' || fail "threads: tracks and names"
import tl, collections
ev = tl.load("tl.json")
x = tl.calls(ev)
pid = x[0]["pid"]
assert {e["pid"] for e in ev} == {pid}, {e["pid"] for e in ev}
g = collections.Counter(e["tid"] for e in x if e["name"] == "getppid")
assert len(g) == 4 and set(g.values()) == {500} and pid not in g, g
assert tl.last_names(ev, "thread_name") == {t: "core_threads" for t in list(g) + [pid]}
assert tl.last_names(ev, "process_name") == {pid: "core_threads"}
PYEOF
ok "threads: $n events, 4 x 500 getppid on 4 thread tracks"

# signals: a handled one, then one that kills; -e trace= limits the events
# as it limits the lines
run 20 "$TATTLE" -o text --timeline=tl.json -- "$PROGS/core_signals"
[ $? -eq 3 ] || fail "core_signals status"
n=$("$PY" tl.py text tl.json) || fail "signals: timeline against text"
run 20 "$TATTLE" -e trace=kill,rt_sigreturn -o text2 --timeline=tl2.json -- "$PROGS/core_signals" segv
[ $? -eq 139 ] || fail "segv status"
"$PY" tl.py text2 tl2.json >/dev/null || fail "segv: timeline against text"
"$PY" - <<'PYEOF' || fail "signals as instant events"
import tl
ev = tl.load("tl.json")
s = [e for e in ev if e["ph"] == "i" and e["cat"] == "signal"]
assert len(s) == 1 and s[0]["name"] == "SIGUSR1" and s[0]["args"]["signal"] == 10, s
assert s[0]["args"]["siginfo"].startswith("{si_signo=SIGUSR1, si_code=SI_USER, "), s
k = [e for e in tl.calls(ev) if e["name"] == "kill"][0]
assert tl.ns(s[0]["ts"]) >= tl.ns(k["ts"]), (k, s)
x = [e for e in ev if e["ph"] == "i" and e["cat"] == "exit"]
assert [e["args"] for e in x] == [{"status": 3}], x
ev = tl.load("tl2.json")
assert {e["name"] for e in tl.calls(ev)} == {"kill", "rt_sigreturn"}, {e["name"] for e in tl.calls(ev)}
s = [e["name"] for e in ev if e["ph"] == "i" and e["cat"] == "signal"]
assert s == ["SIGUSR1", "SIGSEGV"], s
x = [e for e in ev if e["ph"] == "i" and e["cat"] == "exit"]
assert len(x) == 1 and x[0]["name"] == "killed by SIGSEGV", x
assert x[0]["args"] == {"killed_by": "SIGSEGV", "core_dumped": False}, x
PYEOF
ok "signals and deaths: instant events, as the --- and +++ lines ($n events)"

# -z holds lines until the call's end: the events follow it
run 30 "$TATTLE" -z -e trace=openat,access,newfstatat -o text --timeline=tl.json -- /bin/ls /nonexistent-tattle >/dev/null 2>&1
"$PY" tl.py text tl.json >/dev/null || fail "-z: timeline against text"
"$PY" -c 'import tl; x = tl.calls(tl.load("tl.json")); assert x and all("errno" not in e["args"] for e in x), x' ||
	fail "-z: a failed call in the timeline"
ok "-z: only the successful calls"

# --json: the same calls, with the typed arguments of the JSON Lines records
run 30 "$TATTLE" -f --json -o j --timeline=tl.json -- /bin/sh -c 'cat /etc/hostname >/dev/null' || fail "--json run"
"$PY" - <<'PYEOF' || fail "--json: records against the timeline"
import tl, json, collections
ev = tl.load("tl.json")
recs = [json.loads(l) for l in open("j", encoding="utf-8")]
sc = [r for r in recs if r["type"] == "syscall"]
x = tl.calls(ev)
assert collections.Counter((r["tid"], r["name"], json.dumps(r["args"], sort_keys=True)) for r in sc) == \
    collections.Counter((e["tid"], e["name"], json.dumps(e["args"]["args"], sort_keys=True)) for e in x)
assert all("call" not in e["args"] for e in x)
o = [e for e in x if e["name"] == "openat" and e["args"]["args"]["pathname"] == "/etc/hostname"]
assert len(o) == 1 and o[0]["args"]["ret"] >= 0, o
PYEOF
ok "--json: the typed arguments of each record"

# -c: no lines, but the timeline has the calls the table counts
run 30 "$TATTLE" -f -c -o sum --timeline=tl.json -- "$PROGS/stats_calls" 3 || fail "-c run"
summary_counts sum > want
"$PY" - <<'PYEOF' > have || fail "-c: timeline"
import tl, collections
x = tl.calls(tl.load("tl.json"))
assert all("call" not in e["args"] for e in x)
c = collections.Counter(e["name"] for e in x if e["args"]["ret"] is not None or "errno" in e["args"])
f = collections.Counter(e["name"] for e in x if "errno" in e["args"])
for n in sorted(c):
    print(n, c[n], f[n])
PYEOF
diff want have >/dev/null || { diff want have; fail "-c: the events are not the table's calls"; }
ok "-c: the events are the calls the table counts"

# hostile bytes: a comm with a quote, a backslash, ESC and a byte that is
# not UTF-8 (set by prctl, inherited by a child); strings the call carries
run 30 "$TATTLE" -f -o text --timeline=tl.json -- "$PY" -S -c '
import ctypes, os
ctypes.CDLL(None).prctl(15, b"a\"b\\c\x1b\xff", 0, 0, 0)
p = os.fork()
if p == 0:
    os.write(1, b"\x1b[2J\xff\xc3\xa9\"\\ok\n")
    os._exit(0)
os.waitpid(p, 0)' >/dev/null || fail "hostile run"
grep -q "$(printf '\033')" tl.json && fail "a raw ESC reached the timeline"
n=$("$PY" tl.py text tl.json) || fail "hostile: timeline against text"
"$PY" - <<'PYEOF' || fail "hostile: escapes"
import tl
ev = tl.load("tl.json")
names = set(tl.last_names(ev, "thread_name").values())
assert "a\"b\\c\x1b\u00ff" in names, names
w = [e for e in tl.calls(ev) if e["name"] == "write"]
assert any(e["args"]["call"].startswith('write(1, "\\33[2J\\377\\303\\251\\"\\\\ok\\n", 12)') for e in w), w
PYEOF
ok "hostile comm and strings stay valid JSON ($n events)"

# interrupted: SIGINT ends tattle (detaching, the command gets it too); the
# file is still whole, and the calls cut by the detach have their events
cat > intr.py <<'PYEOF'
import os, signal, subprocess, sys, time
tattle, prog = sys.argv[1], sys.argv[2]
p = subprocess.Popen([tattle, "-I2", "-f", "-o", "text", "--timeline=tl.json", "--", prog, "2"],
                     stderr=subprocess.DEVNULL)
try:
    deadline = time.time() + 10
    while time.time() < deadline:
        time.sleep(0.1)
        if os.path.exists("text") and open("text").read().count("nanosleep(") >= 6:
            break
    p.send_signal(signal.SIGINT)
    rc = p.wait(timeout=20)
finally:
    if p.poll() is None:
        p.kill()
        p.wait()
print(rc)
PYEOF
rm -f text tl.json
rc=$("$PY" intr.py "$TATTLE" "$PROGS/core_loop") || fail "interrupted run"
[ "$rc" = -2 ] || fail "tattle ended with $rc after SIGINT, not killed by it"
n=$("$PY" tl.py text tl.json) || fail "interrupted: timeline against text"
"$PY" - <<'PYEOF' || fail "interrupted: events"
import tl, os, signal
ev = tl.load("tl.json")
x = tl.calls(ev)
pid = x[0]["pid"]
tids = {e["tid"] for e in x}
assert len(tids) == 2 and {e["pid"] for e in x} == {pid}, tids
assert sum(e["name"].endswith("nanosleep") for e in x) >= 6, x[-4:]
cut = [e for e in x if e["args"].get("detached") or e["args"].get("unfinished")]
assert cut, x[-4:]
try:
    os.kill(pid, signal.SIGKILL)	# never left behind
    st = open("/proc/%d/stat" % pid).read().split(") ")[1][0]
    assert st not in "tT", ("left stopped", st)
except (ProcessLookupError, FileNotFoundError):
    pass
PYEOF
ok "SIGINT: valid JSON, $n events, the cut calls end at the detach"

# -p: attach, then SIGTERM detaches; the loop runs on
bg "$PROGS/core_loop" 1
loop=$_bg
sleep 0.2
# the files of the run before must not answer for this one
rm -f text tl.json
bg "$TATTLE" -p "$loop" -o text --timeline=tl.json 2>msgs
tr=$_bg
wait_for 50 'nanosleep(' text || fail "-p: no calls seen"
kill -TERM "$tr"
wait "$tr"
sleep 0.1
case "$(proc_state "$loop")" in S | R) ;; *) fail "-p: the loop is in state $(proc_state "$loop") after detach" ;; esac
"$PY" - "$loop" <<'PYEOF' || fail "-p: events"
import tl, sys
ev = tl.load("tl.json")
loop = int(sys.argv[1])
x = tl.calls(ev)
assert x and {e["pid"] for e in ev} == {loop}, ev[:3]
assert {e["name"] for e in x} <= {"getppid", "nanosleep", "clock_nanosleep", "restart_syscall"}, {e["name"] for e in x}
assert tl.last_names(ev, "process_name") == {loop: "core_loop"}
PYEOF
kill -KILL "$loop"
wait "$loop" 2>/dev/null	# its "Killed" notice must not land in the next err file
ok "-p: the attached process' calls, named, valid after SIGTERM"

# bad input: one line, exit 1, nothing started
run 20 "$TATTLE" --timeline=/nonexistent-tattle/x.json -- /bin/touch started 2>err
rc=$?
[ $rc -eq 1 ] || fail "unwritable --timeline: exit $rc"
[ "$(wc -l < err)" -eq 1 ] && grep -q "^tattle: .*/nonexistent-tattle/x.json" err || fail "unwritable --timeline said: $(cat err)"
[ -e started ] && fail "the command ran although the timeline could not be created"
run 20 "$TATTLE" --timeline= -- /bin/touch started 2>err
[ $? -eq 1 ] && [ "$(wc -l < err)" -eq 1 ] && grep -q '^tattle: ' err || fail "--timeline= said: $(cat err)"
run 20 "$TATTLE" -o same --timeline=same -- /bin/touch started 2>err
[ $? -eq 1 ] && [ "$(wc -l < err)" -eq 1 ] && grep -q '^tattle: .*same' err || fail "-o and --timeline on one file: $(cat err)"
[ -e started ] && fail "the command ran after a bad --timeline"
ok "an unusable --timeline file: one line, exit 1, nothing started"

# a file that cannot take the events (a full disk): said once, tracing goes on
if [ -w /dev/full ]; then
	run 20 "$TATTLE" -o /dev/null --timeline=/dev/full -- /bin/true 2>err || fail "a full timeline file ended the trace"
	[ "$(wc -l < err)" -eq 1 ] && grep -q '^tattle: --timeline: /dev/full: ' err || fail "/dev/full said: $(cat err)"
	ok "a write error: one line, the command's status"
fi
