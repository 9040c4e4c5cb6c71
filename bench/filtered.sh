#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
#
# bench/filtered.sh: the filtered workload (bench/filtered.c: 1,000,000
# getppid and 100 openat, shapes "single" and "threads") traced with
# -f -e trace=openat, against its floor: the same program under a bare
# allow-all seccomp filter and no tracer (bench/seccomp-floor). Every
# command runs in alternating rounds (the order rotates each round) and the
# median wall time is reported, with the exact commands. Beside it, the
# CPU time (user + system, the tracer's included) of the same runs: on a
# loaded machine it moves much less than the wall time.
#
# Goals (issue 4): tattle's default (seccomp-bpf, chosen as -f and a trace
# set are given) within 1.10x of the floor in both shapes, and at least
# 20x faster than tattle --no-seccomp-bpf. strace 6.1 with and without
# --seccomp-bpf beside them.
#
# Knobs: TATTLE=path STRACE=path RUNS=11 (fast commands) SLOW_RUNS=3
# (commands whose first run took over SLOW=5 s) N=1000000 SHAPES="single
# threads" PIN= (a CPU list for taskset; empty: unpinned) CC CFLAGS.

set -u
export LC_ALL=C
HERE=$(cd "$(dirname "$0")" && pwd)
TATTLE=${TATTLE:-$HERE/../src/tattle}
STRACE=${STRACE:-strace}
RUNS=${RUNS:-11}
SLOW_RUNS=${SLOW_RUNS:-3}
SLOW=${SLOW:-5}
N=${N:-1000000}
SHAPES=${SHAPES:-single threads}
PIN=${PIN-}
CC=${CC:-cc}
CFLAGS=${CFLAGS:--std=c11 -O2 -Wall -Wextra -pthread}
BUILD=$HERE/build

die() { echo "filtered.sh: $*" >&2; exit 1; }
mkdir -p "$BUILD" || die "cannot make $BUILD"
for p in filtered seccomp-floor; do
	if [[ ! -x $BUILD/$p || $HERE/$p.c -nt $BUILD/$p || $HERE/common.h -nt $BUILD/$p ]]; then
		# shellcheck disable=SC2086
		$CC $CFLAGS -o "$BUILD/$p" "$HERE/$p.c" || die "build of $p failed"
	fi
done
[[ -x $TATTLE ]] || die "no tattle at $TATTLE"
HAVE_STRACE=1
command -v "$STRACE" >/dev/null || HAVE_STRACE=0
PRE=
[[ -n $PIN ]] && PRE="taskset -c $PIN"
OUT=$(mktemp)
trap 'rm -f "$OUT" "$OUT.time"' EXIT

declare -A CMD TIMES CPU
TIMEFORMAT='%3R %3U %3S'
median() { tr ' ' '\n' <<<"$1" | sed '/^$/d' | sort -n | awk '{ v[NR] = $1 } END { if (NR == 0) print "n/a"; else if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

for shape in $SHAPES; do
	W="$BUILD/filtered $shape $N 100"
	names=(floor native tattle tattle-seccomp-bpf tattle-no-seccomp)
	CMD[floor]="$PRE $BUILD/seccomp-floor $W"
	CMD[native]="$PRE $W"
	CMD[tattle]="$PRE $TATTLE -f -e trace=openat -o $OUT $W"
	CMD[tattle-seccomp-bpf]="$PRE $TATTLE -f --seccomp-bpf -e trace=openat -o $OUT $W"
	CMD[tattle-no-seccomp]="$PRE $TATTLE -f --no-seccomp-bpf -e trace=openat -o $OUT $W"
	if ((HAVE_STRACE)); then
		names+=(strace strace-seccomp-bpf)
		CMD[strace]="$PRE $STRACE -f -e trace=openat -o $OUT $W"
		CMD[strace-seccomp-bpf]="$PRE $STRACE -f --seccomp-bpf -e trace=openat -o $OUT $W"
	fi
	declare -A want=()
	for c in "${names[@]}"; do TIMES[$c]=""; CPU[$c]=""; want[$c]=$RUNS; done
	echo "[filtered $shape] $RUNS rounds ($SLOW_RUNS for commands over ${SLOW}s)..." >&2
	for ((round = 0; round < RUNS; round++)); do
		k=${#names[@]}
		for ((i = 0; i < k; i++)); do
			c=${names[$(((i + round) % k))]}
			set -- ${TIMES[$c]}
			(($# >= want[$c])) && continue
			# shellcheck disable=SC2086
			{ time ${CMD[$c]} > /dev/null 2>&1; } 2> "$OUT.time" || echo "  ($c failed)" >&2
			read -r r u sy < "$OUT.time"
			us=$(awk -v r="$r" 'BEGIN { printf "%d", r * 1e6 }')
			TIMES[$c]="${TIMES[$c]} $us"
			CPU[$c]="${CPU[$c]} $(awk -v u="$u" -v s="$sy" 'BEGIN { printf "%d", (u + s) * 1e6 }')"
			((us > SLOW * 1000000)) && want[$c]=$SLOW_RUNS
		done
	done
	floor=$(median "${TIMES[floor]}")
	floor_cpu=$(median "${CPU[floor]}")
	echo "== filtered $shape: $N getppid + 100 openat (median of alternating runs)"
	printf "%-20s %8s %7s %8s %7s %4s   %s\n" config "wall s" "x floor" "cpu s" "x floor" runs command
	for c in "${names[@]}"; do
		m=$(median "${TIMES[$c]}")
		cm=$(median "${CPU[$c]}")
		set -- ${TIMES[$c]}
		awk -v c="$c" -v m="$m" -v f="$floor" -v cm="$cm" -v cf="$floor_cpu" -v r=$# -v cmd="${CMD[$c]}" 'BEGIN {
			printf "%-20s %8.3f %7.2f %8.3f %7.2f %4d   %s\n", c, m / 1e6, m / f, cm / 1e6, cm / cf, r, cmd }'
		eval "MED_${c//-/_}=$m"
	done
	awk -v t="$MED_tattle" -v f="$floor" -v s="$MED_tattle_no_seccomp" 'BEGIN {
		r1 = t / f; r2 = s / t
		printf "tattle / floor = %.3f (goal <= 1.10): %s\n", r1, (r1 <= 1.10) ? "met" : "NOT MET"
		printf "tattle --no-seccomp-bpf / tattle = %.1f (goal >= 20): %s\n", r2, (r2 >= 20) ? "met" : "NOT MET"
	}'
	echo
done
