#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
#
# bench/run.sh: time tattle against native runs, a minimal ptrace tracer
# (the kernel's floor) and strace, on small syscall workloads and a few
# real programs.  See bench/README.md for what each part measures.
#
# Needs: bash >= 5 (EPOCHREALTIME; falls back to date), cc, awk, coreutils
# (timeout, sort), strace, taskset (util-linux) unless PIN is empty.
# Optional: /usr/bin/time from Debian package `time` for peak RSS
# (`apt-get install time`); without it the RSS figures print as n/a.
#
# Knobs (environment):
#   TATTLE=path     tracer under test (default bench/../src/tattle)
#   STRACE=path     reference tracer, also used to count syscalls (strace)
#   RUNS=7          timed runs per command, after WARMUP=1 warm-up run(s)
#   PARTS="main reads rss startup filtered"  sections to run
#   WORKLOADS="getppid write1 openclose threads forkwait find tar python"
#   SETS="o-file o-null c openat seccomp k json"   option sets (see SET_OPTS)
#   SHAPES="single threads"                  shapes of the filtered workload
#   SCALE=1         multiplies the iteration counts of the C workloads
#   FILTERED_N=1000000   getppid calls of the filtered workload
#   PIN=0           CPU list for taskset; PIN= (empty) runs unpinned
#   TIMEOUT=120     seconds before any single run is killed
#   BUDGET=20       seconds of timed runs one command may take: when the
#                   warm-up shows RUNS runs would exceed it, the command
#                   gets BUDGET/warm-up runs, marked * in the tables; one
#                   whose warm-up alone exceeds BUDGET is timed by that
#                   run only.  Only very slow commands (-k on find and tar,
#                   the 1M-call filtered workload without seccomp) hit it;
#                   it keeps a full run near 15 minutes.
#   STARTUP_RUNS=20 runs of `TRACER -- true` in the startup section
#   CC=cc CFLAGS=...
#
# Quick look: RUNS=3 SCALE=0.3 FILTERED_N=100000 WORKLOADS=getppid SETS="o-file seccomp" bench/run.sh

set -u
# EPOCHREALTIME's decimal point and awk's number output follow the locale.
export LC_ALL=C

HERE=$(cd "$(dirname "$0")" && pwd)
TATTLE=${TATTLE:-$(dirname "$0")/../src/tattle}
STRACE=${STRACE:-strace}
RUNS=${RUNS:-7}
WARMUP=${WARMUP:-1}
PARTS=${PARTS:-main reads rss startup filtered}
WORKLOADS=${WORKLOADS:-getppid write1 openclose threads forkwait find tar python}
SETS=${SETS:-o-file o-null c openat seccomp k json}
SHAPES=${SHAPES:-single threads}
SCALE=${SCALE:-1}
FILTERED_N=${FILTERED_N:-1000000}
PIN=${PIN-0}
TIMEOUT=${TIMEOUT:-120}
BUDGET=${BUDGET:-20}
STARTUP_RUNS=${STARTUP_RUNS:-20}
CC=${CC:-cc}
CFLAGS=${CFLAGS:--std=c11 -O2 -Wall -Wextra -pthread}
BUILD=$HERE/build

die() { echo "run.sh: $*" >&2; exit 1; }
say() { echo "$*" >&2; }

# ---- build -------------------------------------------------------------

mkdir -p "$BUILD" || die "cannot make $BUILD"
# Always rebuilt (a second or two), so changed CFLAGS or sources never
# leave a stale binary behind.
for p in getppid write1 openclose threads forkwait filtered seccomp-floor floor-tracer; do
	# shellcheck disable=SC2086 # CFLAGS is a list of words
	$CC $CFLAGS -o "$BUILD/$p" "$HERE/$p.c" || die "build of $p failed"
done

command -v "$STRACE" >/dev/null || die "no strace ($STRACE): it is the reference and counts syscalls"
TATTLE_OK=1
if [[ ! -x $TATTLE ]]; then
	say "run.sh: $TATTLE is not an executable: tattle columns will be n/a"
	TATTLE_OK=0
fi
PINCMD=
if [[ -n $PIN ]]; then
	if command -v taskset >/dev/null; then
		PINCMD="taskset -c $PIN"
	else
		say "run.sh: no taskset: running unpinned"
		PIN=
	fi
fi
TIMECMD=
[[ -x /usr/bin/time ]] && TIMECMD=/usr/bin/time

TMPD=$(mktemp -d "${TMPDIR:-/tmp}/tattle-bench.XXXXXX") || die "mktemp failed"
trap 'rm -rf "$TMPD"' EXIT
# openclose makes its scratch file in TMPDIR: keep it inside our tmp dir.
export TMPDIR=$TMPD
OUT=$TMPD/trace.out

# Quoted once, so paths with spaces survive the eval in run_once.
Q_TATTLE=$(printf %q "$TATTLE")
Q_STRACE=$(printf %q "$(command -v "$STRACE")")
Q_FLOOR=$(printf %q "$BUILD/floor-tracer")
Q_SFLOOR=$(printf %q "$BUILD/seccomp-floor")
Q_RFLOOR="$Q_FLOOR -r"
Q_BUILD=$(printf %q "$BUILD")
# Every run is bounded; -k so a tracer that ignores SIGTERM still dies.
PREFIX="timeout -k 5 $TIMEOUT $PINCMD"

# ---- workloads and option sets -------------------------------------------

# n COUNT: COUNT scaled by SCALE, at least 1.
n() { awk -v c="$1" -v s="$SCALE" 'BEGIN { v = int(c * s); print (v < 1 ? 1 : v) }'; }

# Counts chosen so one run under strace -f -o FILE, pinned to one CPU on
# the 2-core development VM, takes 0.3-0.5 s (there a ptrace stop pair
# costs ~16 us, so the whole run stays near 15 minutes).
declare -A WL
WL[getppid]="$Q_BUILD/getppid $(n 20000)"
WL[write1]="$Q_BUILD/write1 $(n 20000)"
WL[openclose]="$Q_BUILD/openclose $(n 6000)"
WL[threads]="$Q_BUILD/threads $(n 20000)"
WL[forkwait]="$Q_BUILD/forkwait $(n 1000)"
WL[find]="find /usr/share -type f"
WL[tar]="sh -c 'tar cf - /usr/include | wc -c'"
WL[python]="/usr/bin/python3 -c 'import json'"

# @OUT@ becomes the output file.  The brief's sets without -o get one
# anyway, so the trace goes to a file and never to the terminal.
declare -A SET_OPTS SET_NAME
SET_OPTS[o-file]="-f -o @OUT@";                             SET_NAME[o-file]="-f -o FILE"
SET_OPTS[o-null]="-f -o /dev/null";                         SET_NAME[o-null]="-f -o /dev/null"
SET_OPTS[c]="-f -c";                                        SET_NAME[c]="-f -c"
SET_OPTS[openat]="-f -e trace=openat -o @OUT@";             SET_NAME[openat]="-f -e trace=openat"
SET_OPTS[seccomp]="-f -e trace=openat --seccomp-bpf -o @OUT@"; SET_NAME[seccomp]="-f -e trace=openat --seccomp-bpf"
SET_OPTS[k]="-f -k -e trace=openat -o @OUT@";               SET_NAME[k]="-f -k -e trace=openat"
SET_OPTS[json]="--json -o @OUT@";                           SET_NAME[json]="--json -o FILE"

opts() { local o=${SET_OPTS[$1]}; echo "${o//@OUT@/$OUT}"; }

# ---- timing core -----------------------------------------------------------

HAVE_EPOCH=0
[[ -n ${EPOCHREALTIME:-} ]] && HAVE_EPOCH=1
NOTES=()

# run_once CMD ERRFILE: runs CMD, sets LAST_US (wall time) and LAST_RC.
run_once() {
	local s e
	rm -f "$OUT"	# every run writes a fresh file, none appends to a big one
	if ((HAVE_EPOCH)); then
		s=${EPOCHREALTIME/./}
		eval "$1" >/dev/null 2>"$2" </dev/null
		LAST_RC=$?
		e=${EPOCHREALTIME/./}
	else
		s=$(date +%s%N)
		eval "$1" >/dev/null 2>"$2" </dev/null
		LAST_RC=$?
		e=$(date +%s%N)
		s=${s%???} e=${e%???}
	fi
	LAST_US=$((e - s))
}

# median US...: prints the median (integer microseconds) or n/a.
median() {
	printf '%s\n' "$@" | sort -n | awk 'NF { v[++n] = $1 }
		END {
			if (!n) print "n/a"
			else if (n % 2) print v[(n + 1) / 2]
			else print int((v[n / 2] + v[n / 2 + 1]) / 2)
		}'
}

# measure NAME...: runs CMD[NAME] for each NAME round-robin (A B C A B C ...)
# and leaves the median in MED[NAME] ("n/a" when the command failed), the
# number of timed runs in NRUN[NAME], and "*" in MARK[NAME] when that is
# fewer than RUNS.
declare -A CMD MED NRUN MARK
measure() {
	local -A times alive limit
	local name r
	for name in "$@"; do
		times[$name]=
		alive[$name]=1
		limit[$name]=$RUNS
		NRUN[$name]=0
	done
	for ((r = -WARMUP + 1; r <= RUNS; r++)); do
		for name in "$@"; do
			((alive[$name] && r <= limit[$name])) || continue
			run_once "${CMD[$name]}" "$TMPD/err.$name"
			if ((LAST_RC != 0)); then
				# e.g. an option tattle does not have yet
				alive[$name]=0
				times[$name]=
				NOTES+=("$CONTEXT / $name: exit $LAST_RC: $(head -c 160 "$TMPD/err.$name" | tr '\n' ' ')")
				continue
			fi
			if ((r <= 0)); then
				# Warm-up: keep a very slow command within BUDGET.
				if ((LAST_US * RUNS > BUDGET * 1000000)); then
					limit[$name]=$((BUDGET * 1000000 / LAST_US))
				fi
				if ((limit[$name] == 0)); then
					# Slower than the whole budget: another
					# run would cost as much again, and
					# warming caches means little against
					# its length, so this run is its time.
					times[$name]=$LAST_US
					NRUN[$name]=1
					alive[$name]=0
				fi
				continue
			fi
			times[$name]+=" $LAST_US"
			NRUN[$name]=$((NRUN[$name] + 1))
		done
	done
	for name in "$@"; do
		# shellcheck disable=SC2086 # the list is meant to split
		MED[$name]=$(median ${times[$name]})
		MARK[$name]=
		[[ ${MED[$name]} != n/a ]] && ((NRUN[$name] < RUNS)) && MARK[$name]="*"
	done
}

# count_calls WORKLOAD-CMD: total syscalls as strace -f -c counts them
# (strace -c leaves out exit and exit_group, which never return).
count_calls() {
	eval "timeout -k 5 $TIMEOUT $Q_STRACE -f -c -o $TMPD/count.txt $1" >/dev/null 2>&1 </dev/null
	awk '$NF == "total" { print $4 }' "$TMPD/count.txt" 2>/dev/null
}

# ---- report header ---------------------------------------------------------

echo "tattle bench  $(date -u '+%Y-%m-%d %H:%M UTC')  $(uname -r)  $(nproc) CPUs"
echo "tattle: $TATTLE$( ((TATTLE_OK)) || echo ' (missing)')   strace: $("$STRACE" -V 2>/dev/null | head -n 1)"
echo "runs: $WARMUP warm-up + $RUNS timed, median (* = fewer, to keep a command within ${BUDGET}s)   pinned: ${PIN:-no}"
echo

# ---- main table ------------------------------------------------------------

# row WORKLOAD SET CALLS NATIVE FLOOR TATTLE STRACE: one formatted line;
# a time may end in the "*" of MARK.
row() {
	awk -v w="$1" -v s="$2" -v c="$3" -v nat="$4" -v fl="$5" -v ta="$6" -v st="$7" '
	function num(u) { sub(/\*$/, "", u); return u }
	function sec(u) {
		if (u == "n/a") return u
		return sprintf("%.3f", num(u) / 1e6) (u ~ /\*$/ ? "*" : "")
	}
	function per(u) {
		if (u == "n/a" || nat == "n/a" || c == "" || c == 0) return "n/a"
		return sprintf("%.2f", (num(u) - num(nat)) / c)
	}
	BEGIN {
		ratio = (ta == "n/a" || st == "n/a" || num(st) == 0) ? "n/a" : sprintf("%.2f", num(ta) / num(st))
		printf "%-10s %-33s %8s %8s %8s %8s %8s %5s %7s %7s %7s\n",
			w, s, (c == "" ? "?" : c), sec(nat), sec(fl), sec(ta), sec(st), ratio,
			per(fl), per(ta), per(st)
	}'
}

if [[ " $PARTS " == *" main "* ]]; then
	echo "== main: median wall seconds; us/call = (median - native) / calls"
	echo "   floor = floor-tracer (ptrace, every stop, no decoding); for --seccomp-bpf, seccomp-floor"
	printf "%-10s %-33s %8s %8s %8s %8s %8s %5s %7s %7s %7s\n" \
		workload "option set" calls native floor tattle strace t/s \
		"us:flr" "us:tat" "us:str"
	for w in $WORKLOADS; do
		[[ -n ${WL[$w]:-} ]] || { say "run.sh: unknown workload $w"; continue; }
		say "[main] $w: counting syscalls"
		calls=$(count_calls "${WL[$w]}")
		unset FLOOR_P FLOOR_S
		for set in $SETS; do
			[[ -n ${SET_OPTS[$set]:-} ]] || { say "run.sh: unknown option set $set"; continue; }
			say "[main] $w ${SET_NAME[$set]}"
			CONTEXT="$w ${SET_NAME[$set]}"
			o=$(opts "$set")
			names=(native)
			CMD[native]="$PREFIX ${WL[$w]}"
			# The floor does not depend on the option set: measure it
			# once per workload, in the first set that needs it.
			floor=n/a
			if [[ $set == seccomp ]]; then
				if [[ -z ${FLOOR_S:-} ]]; then
					names+=(floor)
					CMD[floor]="$PREFIX $Q_SFLOOR ${WL[$w]}"
				else
					floor=$FLOOR_S
				fi
			elif [[ " $o " == *" -f "* ]]; then
				# Without -f (the json set) the floor, which always
				# follows children, would not be a like-for-like floor.
				if [[ -z ${FLOOR_P:-} ]]; then
					names+=(floor)
					CMD[floor]="$PREFIX $Q_FLOOR ${WL[$w]}"
				else
					floor=$FLOOR_P
				fi
			fi
			((TATTLE_OK)) && names+=(tattle)
			CMD[tattle]="$PREFIX $Q_TATTLE $o ${WL[$w]}"
			names+=(strace)
			CMD[strace]="$PREFIX $Q_STRACE $o ${WL[$w]}"
			MED[tattle]=n/a MARK[tattle]=
			measure "${names[@]}"
			if [[ " ${names[*]} " == *" floor "* ]]; then
				floor=${MED[floor]}${MARK[floor]}
				if [[ $set == seccomp ]]; then FLOOR_S=$floor; else FLOOR_P=$floor; fi
			fi
			row "$w" "${SET_NAME[$set]}" "$calls" "${MED[native]}${MARK[native]}" "$floor" \
				"${MED[tattle]}${MARK[tattle]}" "${MED[strace]}${MARK[strace]}"
		done
	done
	echo
fi

# ---- reads: the floor that also fetches what a decoder must show ----------

if [[ " $PARTS " == *" reads "* ]]; then
	echo "== reads: -f -o FILE against the floor and the floor that also reads tracee memory"
	echo "   floor-r = floor-tracer -r: one pread per path, buffer or struct a decoder prints,"
	echo "   nothing decoded; reads/call are its preads, and tattle's (counted by strace -c)"
	printf "%-10s %8s %7s %7s %8s %8s %8s %7s %7s %7s %7s %7s\n" \
		workload calls "rd:frd" "rd:tat" floor floor-r tattle \
		"us:flr" "us:frd" "us:tat" "t/flr" "t/frd"
	o=$(opts o-file)
	for w in $WORKLOADS; do
		[[ -n ${WL[$w]:-} ]] || continue
		((TATTLE_OK)) || break
		say "[reads] $w: counting syscalls and reads"
		CONTEXT="reads $w"
		calls=$(count_calls "${WL[$w]}")
		eval "timeout -k 5 $TIMEOUT $Q_STRACE -e trace=pread64,process_vm_readv -c -o $TMPD/treads.txt $Q_TATTLE $o ${WL[$w]}" \
			>/dev/null 2>&1 </dev/null
		treads=$(awk '$NF == "total" { print $4 }' "$TMPD/treads.txt" 2>/dev/null)
		CMD[native]="$PREFIX ${WL[$w]}"
		CMD[floor]="$PREFIX $Q_FLOOR ${WL[$w]}"
		CMD[rfloor]="$PREFIX $Q_RFLOOR ${WL[$w]}"
		CMD[tattle]="$PREFIX $Q_TATTLE $o ${WL[$w]}"
		say "[reads] $w"
		measure native floor rfloor tattle
		freads=$(awk '$1 == "reads" { print $2 }' "$TMPD/err.rfloor" 2>/dev/null)
		awk -v w="$w" -v c="$calls" -v fr="$freads" -v tr="$treads" -v nat="${MED[native]}" \
			-v fl="${MED[floor]}" -v rf="${MED[rfloor]}" -v ta="${MED[tattle]}" '
		function ok(u) { return u != "n/a" && u != "" }
		function sec(u) { return ok(u) ? sprintf("%.3f", u / 1e6) : "n/a" }
		function per(u) { return ok(u) && ok(nat) && c > 0 ? (u - nat) / c : "n/a" }
		function us(u) { v = per(u); return v == "n/a" ? v : sprintf("%.2f", v) }
		function rd(n) { return n != "" && c > 0 ? sprintf("%.2f", n / c) : "n/a" }
		function x(a, b) { a = per(a); b = per(b); return a == "n/a" || b == "n/a" || b <= 0 ? "n/a" : sprintf("%.2f", a / b) }
		BEGIN {
			printf "%-10s %8s %7s %7s %8s %8s %8s %7s %7s %7s %7s %7s\n",
				w, (c == "" ? "?" : c), rd(fr), rd(tr), sec(fl), sec(rf), sec(ta),
				us(fl), us(rf), us(ta), x(ta, fl), x(ta, rf)
		}'
	done
	echo
fi

# ---- peak RSS ----------------------------------------------------------------

# rss CMD: peak RSS in KiB as /usr/bin/time reports it, or n/a.
rss() {
	[[ -n $TIMECMD ]] || { echo n/a; return; }
	rm -f "$OUT" "$TMPD/rss.txt"
	if eval "timeout -k 5 $TIMEOUT $TIMECMD -f %M -o $TMPD/rss.txt $PINCMD $1" \
		>/dev/null 2>&1 </dev/null; then
		tail -n 1 "$TMPD/rss.txt"
	else
		echo n/a
	fi
}

if [[ " $PARTS " == *" rss "* ]]; then
	echo "== peak RSS (KiB, /usr/bin/time %M) with -f -o FILE"
	[[ -n $TIMECMD ]] || echo "   /usr/bin/time missing (apt-get install time): all n/a"
	# %M comes from wait4(), which folds in the largest reaped descendant,
	# so a figure is max(tracer, tracee): compare it with the native one.
	printf "%-10s %9s %9s %9s %9s\n" workload native floor tattle strace
	o=$(opts o-file)
	for w in $WORKLOADS; do
		[[ -n ${WL[$w]:-} ]] || continue
		say "[rss] $w"
		t=n/a
		((TATTLE_OK)) && t=$(rss "$Q_TATTLE $o ${WL[$w]}")
		printf "%-10s %9s %9s %9s %9s\n" "$w" "$(rss "${WL[$w]}")" \
			"$(rss "$Q_FLOOR ${WL[$w]}")" "$t" "$(rss "$Q_STRACE $o ${WL[$w]}")"
	done
	echo
fi

# ---- startup -----------------------------------------------------------------

if [[ " $PARTS " == *" startup "* ]]; then
	say "[startup]"
	echo "== startup: median of $STARTUP_RUNS runs of TRACER -- true (ms)"
	CONTEXT=startup
	saved_runs=$RUNS
	RUNS=$STARTUP_RUNS
	CMD[native]="$PREFIX true"
	CMD[floor]="$PREFIX $Q_FLOOR true"
	CMD[tattle]="$PREFIX $Q_TATTLE -- true"
	CMD[strace]="$PREFIX $Q_STRACE -- true"
	MED[tattle]=n/a
	if ((TATTLE_OK)); then
		measure native floor tattle strace
	else
		measure native floor strace
	fi
	RUNS=$saved_runs
	awk -v n="${MED[native]}" -v f="${MED[floor]}" -v t="${MED[tattle]}" -v s="${MED[strace]}" '
	function ms(u) { return u == "n/a" ? "n/a" : sprintf("%.2f", u / 1e3) }
	BEGIN {
		printf "%-10s %8s %8s %8s %8s %5s\n", "", "native", "floor", "tattle", "strace", "t/s"
		printf "%-10s %8s %8s %8s %8s %5s\n", "true", ms(n), ms(f), ms(t), ms(s),
			(t == "n/a" || s == "n/a") ? "n/a" : sprintf("%.2f", t / s)
	}'
	echo
fi

# ---- filtered ----------------------------------------------------------------

if [[ " $PARTS " == *" filtered "* ]]; then
	echo "== filtered: $FILTERED_N getppid + 100 openat; tracers run -f -e trace=openat -o FILE"
	printf "%-8s %-24s %9s %7s %8s %5s\n" shape config "median s" "x nat" "x floor" runs
	fnames=(native sfloor tattle tattle-seccomp strace strace-seccomp)
	for shape in $SHAPES; do
		say "[filtered] $shape"
		CONTEXT="filtered $shape"
		f="$Q_BUILD/filtered $shape $FILTERED_N 100"
		CMD[native]="$PREFIX $f"
		CMD[sfloor]="$PREFIX $Q_SFLOOR $f"
		CMD[tattle]="$PREFIX $Q_TATTLE -f -e trace=openat -o $OUT $f"
		CMD[tattle-seccomp]="$PREFIX $Q_TATTLE -f -e trace=openat --seccomp-bpf -o $OUT $f"
		CMD[strace]="$PREFIX $Q_STRACE -f -e trace=openat -o $OUT $f"
		CMD[strace-seccomp]="$PREFIX $Q_STRACE -f --seccomp-bpf -e trace=openat -o $OUT $f"
		MED[tattle]=n/a MED[tattle-seccomp]=n/a NRUN[tattle]=0 NRUN[tattle-seccomp]=0
		if ((TATTLE_OK)); then
			measure "${fnames[@]}"
		else
			measure native sfloor strace strace-seccomp
		fi
		for c in "${fnames[@]}"; do
			label=$c
			case $c in
			native) label="native" ;;
			sfloor) label="seccomp-floor" ;;
			tattle) label="tattle (default)" ;;
			tattle-seccomp) label="tattle --seccomp-bpf" ;;
			strace) label="strace" ;;
			strace-seccomp) label="strace --seccomp-bpf" ;;
			esac
			awk -v sh="$shape" -v l="$label" -v m="${MED[$c]}" -v n="${MED[native]}" \
				-v f="${MED[sfloor]}" -v r="${NRUN[$c]}" '
			function x(a, b) { return (a == "n/a" || b == "n/a" || b == 0) ? "n/a" : sprintf("%.2f", a / b) }
			BEGIN {
				printf "%-8s %-24s %9s %7s %8s %5s\n", sh, l,
					m == "n/a" ? "n/a" : sprintf("%.3f", m / 1e6), x(m, n), x(m, f), r
			}'
		done
	done
	echo
fi

if ((${#NOTES[@]})); then
	echo "== notes (commands that failed and show as n/a)"
	printf '  %s\n' "${NOTES[@]}"
fi
