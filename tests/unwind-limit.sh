#!/bin/sh
# SPDX-License-Identifier: MIT
# --stack-trace-frame-limit=N: N frames, then " > too many stack frames"
# (as strace ends a stack deeper than its limit); none when the stack fits.
. "$srcdir/tests/lib.sh"
run 30 "$TATTLE" -k --stack-trace-frame-limit=2 -e trace=write -o trace -- "$PROGS/unwind_chain" > /dev/null ||
	fail "tattle failed ($?)"
awk '/^write\(-1, "chain/ { on = 1; next } on { print; if (++n == 4) exit }' trace > block
sed -n 1p block | grep -q '^ > .*write+0x' || { cat trace; fail "first frame is not write's"; }
sed -n 2p block | grep -q '^ > .*(level2+0x' || { cat trace; fail "second frame is not level2"; }
[ "$(sed -n 3p block)" = " > too many stack frames" ] || { cat trace; fail "no 'too many stack frames' after 2"; }
sed -n 4p block | grep -q '^ > ' && fail "frames after the limit"
ok "2 frames, then too many stack frames"
run 30 "$TATTLE" -k -e trace=write -o trace2 -- "$PROGS/unwind_chain" > /dev/null || fail "tattle failed ($?)"
grep -q 'too many stack frames' trace2 && fail "the default limit cut a short stack"
run 30 "$TATTLE" -k --stack-trace-frame-limit=0 -- true > /dev/null 2>&1 && fail "a limit of 0 was accepted"
ok "default limit"
