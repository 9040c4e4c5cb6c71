#!/bin/sh
# SPDX-License-Identifier: MIT
# Runs one self-checking test program: tests/progs/NAME makes its calls and
# prints, on stdout, the trace lines it expects; the options come from the
# line "NAME options..." of a tests/*.list file. Each expected line must
# appear in the trace, in order (other lines may come between). In an
# expected line, @@ matches any text.
prog=$1
case $prog in /*) ;; *) prog=$(pwd)/$prog ;; esac	# we cd below
name=$(basename "$prog")
: "${srcdir:=.}" "${TATTLE:=src/tattle}"
opts=$(cat "$srcdir"/tests/*.list | awk -v n="$name" '$1 == n { $1 = ""; print; found = 1; exit } END { if (!found) exit 1 }') || {
	echo "no options line for $name in tests/*.list"; exit 99; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM
cd "$tmp" || exit 99
# shellcheck disable=SC2086
timeout -k 5 60 "$TATTLE" $opts -o "$tmp/trace" -- "$prog" > "$tmp/expected" 2> "$tmp/stderr"
rc=$?
if [ $rc -ge 124 ] && [ $rc -le 137 ]; then
	echo "FAIL: $name timed out or was killed (rc $rc)"; exit 1
fi
exec "$srcdir/tests/match-lines.sh" "$tmp/expected" "$tmp/trace" "$name"
