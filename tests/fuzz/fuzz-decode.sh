#!/bin/sh
# SPDX-License-Identifier: MIT
# make check: builds the decoder fuzz target (tests/fuzz.inc) and runs it
# for $FUZZ_SECONDS (10) seconds. Skipped (77) when clang cannot link
# -fsanitize=fuzzer (Debian: clang and libclang-rt-dev). A crash, leak,
# undefined behaviour or timeout fails, and the input that caused it is
# kept in /tmp/tattle-fuzz.* (its path is in the log). tests/fuzz/seeds
# holds inputs that once failed: every run starts by running them again.
# The seed is fixed (FUZZ_SEED=1) so that a check runs the same inputs
# every time, on any commit; FUZZ_SEED=0 explores with a random one, which
# is how new seeds are found (run it for long, away from CI).
: "${srcdir:=.}" "${builddir:=.}" "${FUZZ_CC:=clang}" "${FUZZ_SECONDS:=10}" "${FUZZ_SEED:=1}"
tmp=$(mktemp -d) || exit 99
trap 'rm -rf "$tmp"' EXIT
trap 'exit 1' INT TERM HUP
printf '#include <stdint.h>\n#include <stddef.h>\nint LLVMFuzzerTestOneInput(const uint8_t *d, size_t n) { (void)d; (void)n; return 0; }\n' > "$tmp/probe.c"
if ! "$FUZZ_CC" -fsanitize=fuzzer,address,undefined -o "$tmp/probe" "$tmp/probe.c" > "$tmp/probe.log" 2>&1; then
	sed 's/^/  /' "$tmp/probe.log" | head -5
	echo "SKIP: $FUZZ_CC cannot build a libFuzzer target"
	exit 77
fi
if ! ${MAKE:-make} -s -C "$builddir" fuzz-build FUZZ_CC="$FUZZ_CC" > "$tmp/build.log" 2>&1; then
	cat "$tmp/build.log"
	echo "FAIL: the fuzz target does not build"
	exit 1
fi
grep -i 'warning' "$tmp/build.log" | head -20
fuzzer=$builddir/tests/tmp/fuzz/fuzz_decode
corpus=$builddir/tests/tmp/fuzz/corpus
mkdir -p "$corpus" || exit 99
art=$(mktemp -d /tmp/tattle-fuzz.XXXXXX) || exit 99
timeout -k 5 $((FUZZ_SECONDS + 60)) "$fuzzer" -max_total_time="$FUZZ_SECONDS" -seed="$FUZZ_SEED" -timeout=10 \
	-rss_limit_mb=2048 -print_final_stats=1 -artifact_prefix="$art/" "$corpus" "$srcdir/tests/fuzz/seeds" \
	> "$tmp/run.log" 2>&1
rc=$?
tail -40 "$tmp/run.log"
if [ $rc -ne 0 ] || [ -n "$(ls "$art")" ]; then
	echo "FAIL: the fuzz target stopped (rc $rc); reproducers in $art:"
	ls -l "$art"
	echo "(run one again with: $fuzzer FILE)"
	exit 1
fi
rmdir "$art"
echo "ok: $FUZZ_SECONDS s of fuzzing, no crash, leak or undefined behaviour"
