#!/bin/sh
# SPDX-License-Identifier: MIT
# 4 threads x 100,000 getppid: every call traced exactly once, no hang.
. "$srcdir/tests/lib.sh"
N=100000
run 300 "$TATTLE" -f -o trace -- "$PROGS/core_threads" $N || fail "tattle failed or timed out ($?)"
n=$(grep -c 'getppid(' trace)
[ "$n" -eq $((4 * N)) ] || fail "$n getppid calls in the trace, expected $((4 * N))"
r=$(grep -c '<\.\.\. getppid resumed>' trace)
u=$(grep -c 'getppid( <unfinished \.\.\.>' trace)
[ "$r" -eq "$u" ] || fail "$u unfinished but $r resumed"
ok "$n getppid lines ($u cut and resumed)"
run 300 "$TATTLE" -f -c -o sum -- "$PROGS/core_threads" $N || fail "tattle -c failed ($?)"
c=$(summary_counts sum | awk '$1 == "getppid" { print $2 }')
[ "$c" -eq $((4 * N)) ] || fail "-c counted $c getppid, expected $((4 * N))"
ok "-c counts $c"
