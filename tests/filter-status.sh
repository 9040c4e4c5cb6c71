#!/bin/sh
# SPDX-License-Identifier: MIT
# -e status=SET, -z, -Z and --min-duration: the lines of a filtered trace of
# tests/progs/filter_calls are exactly those of its unfiltered trace whose
# outcome the set selects (counted per name and outcome). The last of -z,
# -Z and -e status= wins, as in strace 6.1.
. "$srcdir/tests/lib.sh"
P=$PROGS/filter_calls

# "name outcome count": failed (= -1 Exxx, = ? ERESTART...), unfinished
# (= ? alone), successful (the rest)
outcomes() {
	sed -E 's/^[0-9]+ +//' "$1" | awk '/^(---|\+\+\+) / || /^<\.\.\. / { next }
		match($0, /^[a-z0-9_]+\(/) { name = substr($0, 1, RLENGTH - 1)
			o = "successful"
			if ($0 ~ / = -[0-9]+ E[A-Z0-9]+ \(/ || $0 ~ / = \? E[A-Z_]+ /) o = "failed"
			else if ($0 ~ / = \?$/) o = "unfinished"
			n[name " " o]++ }
		END { for (k in n) print k, n[k] }' | sort
}
run 60 "$TATTLE" -f -o all.tr "$P" || fail "unfiltered run failed"
outcomes all.tr > all.out
for o in successful failed unfinished; do
	grep -q " $o " all.out || fail "the unfiltered trace has no $o call"
done

check() {	# check DESC 'outcome outcome...' tattle-options...
	desc=$1 outs=$2
	shift 2
	awk -v outs=" $outs " 'index(outs, " " $2 " ")' all.out > want.out
	run 60 "$TATTLE" -f -o f.tr "$@" "$P" 2> err.txt || fail "$desc: tattle failed: $(cat err.txt)"
	outcomes f.tr > f.out
	diff want.out f.out > d.out || { cat d.out; fail "$desc: lines differ (< expected, > got)"; }
	ok "$desc: $(awk '{ n += $3 } END { print n + 0 }' want.out) calls"
}
check "-z" "successful" -z
check "--successful-only" "successful" --successful-only
check "-Z" "failed" -Z
check "--failed-only" "failed" --failed-only
check "status=unfinished" "unfinished" -e status=unfinished
check "status=successful,unfinished" "successful unfinished" -e status=successful,unfinished
check "status=!failed" "successful unfinished" -e 'status=!failed'
check "status=all" "successful failed unfinished" -e status=all
check "status=none" "" -e status=none
check "--status=failed" "failed" --status=failed
check "-Z then status=successful" "successful" -Z -e status=successful
check "status=successful then -Z" "failed" -e status=successful -Z
check "-z -Z: the last" "failed" -z -Z
check "status=failed,detached" "failed" -e status=failed,detached

# with a trace set (and so seccomp-bpf): both filters apply
awk '$1 ~ /^(openat|close|faccessat|syscall_.*)$/' all.out > all.sub	# no name: always shown
mv all.out all.full
mv all.sub all.out
check "-Z -e trace=openat,close,faccessat" "failed" -Z -e trace=openat,close,faccessat
mv all.full all.out

# -c counts every traced call whatever the status filter (strace does too)
run 60 "$TATTLE" -f -c -Z -o c.sum "$P" || fail "-c -Z failed"
run 60 "$TATTLE" -f -c -o c2.sum "$P" || fail "-c failed"
summary_counts c.sum > c.cnt
summary_counts c2.sum > c2.cnt
diff c2.cnt c.cnt > d.out || { cat d.out; fail "-Z changed the -c counts"; }
ok "-c counts are not filtered by status"

# --min-duration: only calls at least that long; a 30 ms sleep is one
run 60 "$TATTLE" -T --min-duration=20ms -o md.tr "$P" sleep || fail "--min-duration run failed"
grep -q '^nanosleep(' md.tr || { cat md.tr; fail "--min-duration=20ms: the 30 ms nanosleep is missing"; }
awk '/^(---|\+\+\+) / { next } { d = $NF; gsub(/[<>]/, "", d); if (d + 0 < 0.020) { print; bad = 1 } } END { exit bad }' md.tr ||
	fail "--min-duration=20ms showed a call shorter than 20 ms"
grep -q '^getppid(' md.tr && fail "--min-duration=20ms showed getppid"
ok "--min-duration=20ms: the sleep and nothing quicker"

# status=detached: the call cut by tattle's detach (here, -p then SIGTERM)
"$P" block > blk.out &
BPID=$!
BG_PIDS="$BG_PIDS $BPID"
wait_for 30 blocking blk.out || fail "the blocking program did not start"
for st in detached failed; do
	rm -f att.err
	bg "$TATTLE" -e status=$st -e trace=read -p "$BPID" -o det.tr 2> att.err
	tp=$_bg
	wait_for 30 attached att.err || fail "tattle -p did not attach"
	sleep 0.3
	kill -TERM "$tp"
	wait "$tp" 2>/dev/null
	if [ $st = detached ]; then
		grep -q '^read(3, *<detached \.\.\.>$' det.tr || { cat det.tr; fail "status=detached: no '<detached ...>' read"; }
	else
		[ -s det.tr ] && { cat det.tr; fail "status=failed showed the detached read"; }
	fi
done
kill "$BPID"
ok "status=detached shows the call cut by the detach, status=failed does not"
exit 0
