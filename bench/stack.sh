#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
#
# bench/stack.sh: what -k costs. Two workloads, each traced by strace -k and
# tattle -k with the same options, alternately, RUNS times; the medians,
# their ratio, and tattle's -k cost per traced call (tattle -k minus tattle
# with the same options but -k, over the calls that print a stack):
#   openclose  -k -e trace=openat -- bench/build/openclose N
#   python     -f -k -- /usr/bin/python3 -c 'import json'
# With perf(1) installed, also tattle's own CPU time (perf stat --no-inherit
# -e task-clock) with and without -k: the per-call cost without the noise
# of the machine's load.
#
# Knobs (environment): TATTLE (default bench/../src/tattle), STRACE
# (strace), RUNS=7, N=20000 (openclose iterations), PIN= (a CPU list for
# taskset; empty: unpinned), WORKLOADS="openclose python".
set -u
export LC_ALL=C PYTHONHASHSEED=0 PYTHONDONTWRITEBYTECODE=1

HERE=$(cd "$(dirname "$0")" && pwd)
TATTLE=${TATTLE:-$HERE/../src/tattle}
STRACE=${STRACE:-strace}
RUNS=${RUNS:-7}
N=${N:-20000}
PIN=${PIN-}
WORKLOADS=${WORKLOADS:-openclose python}

die() { echo "stack.sh: $*" >&2; exit 1; }
[[ -x $TATTLE ]] || die "no tattle at $TATTLE (make first)"
command -v "$STRACE" >/dev/null || die "no strace"
"$STRACE" -k -e trace=getpid -o /dev/null true 2>/dev/null || die "$STRACE has no -k"
mkdir -p "$HERE/build"
if [[ ! -x $HERE/build/openclose || $HERE/openclose.c -nt $HERE/build/openclose ]]; then
	${CC:-cc} -std=c11 -O2 -o "$HERE/build/openclose" "$HERE/openclose.c" || die "cannot build openclose"
fi
PINCMD=()
[[ -n $PIN ]] && PINCMD=(taskset -c "$PIN")
TMP=$(mktemp -d) || exit 1
trap 'rm -rf "$TMP"' EXIT

now() { echo "${EPOCHREALTIME/./}"; }	# microseconds
# one timed run, in seconds: timed TRACER ARGS...
timed() {
	local t0 t1
	t0=$(now)
	timeout -k 5 300 "${PINCMD[@]}" "$@" >/dev/null 2>&1 </dev/null
	t1=$(now)
	awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.4f\n", (b - a) / 1e6 }'
}
median() { sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

# bench NAME "OPTS with -k" "OPTS without -k" CMD...
bench() {
	local name=$1 kopts=$2 nokopts=$3
	shift 3
	# the calls that print a stack: one traced run, its call lines
	# shellcheck disable=SC2086
	"$TATTLE" $kopts -o "$TMP/trace" -- "$@" >/dev/null 2>&1 </dev/null
	local calls
	calls=$(sed -E 's/^[0-9]+ +//' "$TMP/trace" | grep -cE '^[a-z_0-9]+\(|^<\.\.\. ')
	local frames
	frames=$(grep -c '^ > ' "$TMP/trace")
	: > "$TMP/s"; : > "$TMP/t"; : > "$TMP/n"
	# shellcheck disable=SC2086
	for ((i = 0; i < RUNS; i++)); do
		timed "$STRACE" $kopts -o /dev/null -- "$@" >> "$TMP/s"
		timed "$TATTLE" $kopts -o /dev/null -- "$@" >> "$TMP/t"
		timed "$TATTLE" $nokopts -o /dev/null -- "$@" >> "$TMP/n"
	done
	local s t n
	s=$(median < "$TMP/s"); t=$(median < "$TMP/t"); n=$(median < "$TMP/n")
	printf '%-10s strace %s: %8.3f s   tattle: %7.3f s   ratio %5.1fx   tattle without -k: %7.3f s\n' \
		"$name" "$kopts" "$s" "$t" "$(awk -v a="$s" -v b="$t" 'BEGIN { print a / b }')" "$n"
	printf '%-10s %d calls with a stack (%d frames): tattle -k costs %.1f us per call, strace -k %.1f ms per call\n' \
		"" "$calls" "$frames" "$(awk -v a="$t" -v b="$n" -v c="$calls" 'BEGIN { print (a - b) * 1e6 / c }')" \
		"$(awk -v a="$s" -v c="$calls" 'BEGIN { print a * 1e3 / c }')"
	# tattle's own CPU time (not the tracee's, not the wait): the same
	# difference, much less sensitive to the machine's load
	command -v perf >/dev/null || return 0
	: > "$TMP/ck"; : > "$TMP/cn"
	for ((i = 0; i < RUNS; i++)); do
		# shellcheck disable=SC2086
		perf stat --no-inherit -x, -e task-clock -o "$TMP/p" "$TATTLE" $kopts -o /dev/null -- "$@" \
			>/dev/null 2>&1 </dev/null && awk -F, '/task-clock/ { print $1 }' "$TMP/p" >> "$TMP/ck"
		# shellcheck disable=SC2086
		perf stat --no-inherit -x, -e task-clock -o "$TMP/p" "$TATTLE" $nokopts -o /dev/null -- "$@" \
			>/dev/null 2>&1 </dev/null && awk -F, '/task-clock/ { print $1 }' "$TMP/p" >> "$TMP/cn"
	done
	[[ -s $TMP/ck && -s $TMP/cn ]] || return 0
	local ck cn
	ck=$(median < "$TMP/ck"); cn=$(median < "$TMP/cn")
	printf '%-10s tattle CPU (perf task-clock): %.1f ms with -k, %.1f ms without: %.1f us per call\n' \
		"" "$ck" "$cn" "$(awk -v a="$ck" -v b="$cn" -v c="$calls" 'BEGIN { print (a - b) * 1e3 / c }')"
}

echo "runs: $RUNS alternating (strace -k, tattle -k, tattle), medians; $(nproc) CPUs${PIN:+, pinned to $PIN}"
for w in $WORKLOADS; do
	case $w in
	openclose) bench openclose "-k -e trace=openat" "-e trace=openat" "$HERE/build/openclose" "$N" ;;
	python) bench python "-f -k" "-f" /usr/bin/python3 -c 'import json' ;;
	*) die "unknown workload $w" ;;
	esac
done
