#!/bin/sh
# SPDX-License-Identifier: MIT
# -k with --json: each stack is a typed "stack" array in the record of its
# call (or signal), never a "message" record: the same frames, in the same
# order, as -k's text lines of the same program; execve's and exit_group's
# captured stacks in their records; the frame limit as "stack_truncated";
# --stack-folded the same with --json as without.
. "$srcdir/tests/lib.sh"
PY=/usr/bin/python3
[ -x "$PY" ] || skip "no /usr/bin/python3 to read the JSON with"

# compare NAME OPTS... -- CMD...: the stacks of -k's text and of --json -k
compare() {
	name=$1
	shift
	run 30 "$TATTLE" -o "t.$name" "$@" > /dev/null 2>&1 || fail "$name: tattle -k failed ($?)"
	run 30 "$TATTLE" --json -o "j.$name" "$@" > /dev/null 2>&1 || fail "$name: tattle --json -k failed ($?)"
	"$PY" - "t.$name" "j.$name" "$@" <<'PYEOF' || fail "$name: JSON stacks differ from -k's"
import json, re, sys
# the text (-o, -f: "PID " first): "call" or "signal", then its frames; "+++" lines do not end a
# stack (exit_group's comes after "+++ exited with N +++")
text = []
for l in open(sys.argv[1], encoding="utf-8", errors="replace"):
    l = re.sub(r"^(\[pid +\d+\]|\d+) +", "", l.rstrip("\n"))
    if l.startswith(" > "):
        f = l[3:]
        if f == "too many stack frames":
            text[-1][1].append("truncated")
            continue
        m = re.fullmatch(r"unexpected_backtracing_error \[0x[0-9a-f]+\]", f)
        if m:
            text[-1][1].append("error")
            continue
        m = re.fullmatch(r"([^(]*)\((.*)\+0x([0-9a-f]+)\) \[0x([0-9a-f]+)\]", f)
        if m and m.group(2):
            text[-1][1].append((m.group(1), m.group(2), int(m.group(3), 16), int(m.group(4), 16)))
            continue
        m = re.fullmatch(r"([^(]*)\((?:\+0x0)?\) \[0x([0-9a-f]+)\]", f)
        assert m, f
        text[-1][1].append((m.group(1), None, None, int(m.group(2), 16)))
    elif l.startswith("+++") or l.endswith(" <unfinished ...>"):
        continue
    elif l.startswith("---"):
        text.append(("signal", []))
    else:
        m = re.match(r"(?:<\.\.\. )?([a-z0-9_]+)", l)
        text.append((m.group(1), []))
js = []
for l in open(sys.argv[2], encoding="utf-8"):
    r = json.loads(l)
    assert r["type"] != "message", r
    if r["type"] not in ("syscall", "signal"):
        assert "stack" not in r, r
        continue
    st = []
    for f in r.get("stack", []):
        assert isinstance(f["addr"], int), f
        if "error" in f:
            assert f["error"] == "unexpected_backtracing_error" and set(f) == {"error", "addr"}, f
            st.append("error")
            continue
        assert set(f) in ({"file", "addr"}, {"file", "func", "off", "addr"}), f
        st.append((f["file"], f.get("func"), f.get("off"), f["addr"]))
    if r.get("stack_truncated"):
        assert r["stack_truncated"] is True and "stack" in r, r
        st.append("truncated")
    js.append((r["name"] if r["type"] == "syscall" else "signal", st))
# threads: the calls of each come in order, their interleaving varies
if "-f" in sys.argv[3:]:
    text.sort(key=repr)
    js.sort(key=repr)
if text != js:
    for a, b in zip(text, js):
        if a != b:
            print("text:", a, "\njson:", b)
            break
    print(len(text), "text records,", len(js), "JSON")
    sys.exit(1)
n = sum(1 for c, s in js if s)
assert n, "no stacks"
print("%s stacks, %d frames" % (n, sum(len(s) for c, s in js)))
PYEOF
}

compare chain -k -e trace=write -- "$PROGS/unwind_chain"
ok "a write's stack: the frames of -k, in order"
compare exec -k -e trace=execve,write,exit_group -- "$PROGS/unwind_exec"
"$PY" - j.exec <<'PYEOF' || fail "execve's and exit_group's stacks"
import json, sys
recs = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8")]
ex = [r for r in recs if r.get("name") == "execve" and r["ret"] == 0
      and any(f.get("func") == "do_exec" for f in r.get("stack", []))]
assert len(ex) == 1, ex
eg = [r for r in recs if r.get("name") == "exit_group"]
assert eg and eg[-1]["ret"] is None and any(f.get("func") == "finish_child" for f in eg[-1]["stack"]), eg
PYEOF
ok "execve's and exit_group's captured stacks in their records"
compare signal -k -e trace=write,rt_sigreturn -- "$PROGS/unwind_signal"
grep '"type":"signal"' j.signal | grep -q '"stack":\[{' || fail "no stack in the signal record"
ok "a signal's stack in its record"
compare limit -k --stack-trace-frame-limit=2 -e trace=write -- "$PROGS/unwind_chain"
grep -q '"stack_truncated":true' j.limit || fail "no stack_truncated with a limit of 2"
ok "the frame limit: stack_truncated"
[ -x "$PROGS/unwind_cxx" ] && compare cxx -k -e trace=write -- "$PROGS/unwind_cxx" && ok "C++ names"
compare threads -f -k -e trace=write -- "$PROGS/unwind_threads"
ok "threads"

# --stack-folded: the same stacks and counts with --json, with and without -k
N=5
for o in "-k" ""; do
	run 30 "$TATTLE" $o --stack-folded=f.text -e trace=write -o tr -- "$PROGS/unwind_folded" $N ||
		fail "tattle $o --stack-folded failed ($?)"
	run 30 "$TATTLE" --json $o --stack-folded=f.json -e trace=write -o jr -- "$PROGS/unwind_folded" $N ||
		fail "tattle --json $o --stack-folded failed ($?)"
	sort f.text > s.text
	sort f.json > s.json
	[ -s s.text ] || fail "no folded stacks"
	diff s.text s.json || fail "--stack-folded $o: other stacks with --json"
	if [ -z "$o" ]; then
		grep -q '"stack"' jr && fail "a stack without -k"
	fi
	grep -q '"type":"message"' jr && fail "a message record"
done
ok "--stack-folded: the same with --json"

# hostile paths: a quote, a backslash and a byte that is not UTF-8 in the
# file name of a frame come out escaped, as valid JSON
bad=$(printf 'we"ird\\path\377')
cp "$PROGS/unwind_chain" "$T/$bad" || fail "cannot copy the program"
run 30 "$TATTLE" --json -k -e trace=write -o jh -- "$T/$bad" > /dev/null 2>&1 || fail "hostile path run failed ($?)"
"$PY" - jh <<'PYEOF' || fail "frames of a hostile path"
import json, sys
recs = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8")]
files = [f["file"] for r in recs for f in r.get("stack", []) if "file" in f]
assert any(f.endswith('/we"ird\\path\xff') for f in files), files
PYEOF
ok "hostile file names escaped"
