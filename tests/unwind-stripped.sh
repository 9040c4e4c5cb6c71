#!/bin/sh
# SPDX-License-Identifier: MIT
# -k on a stripped copy of tests/progs/unwind_chain: no names, but the file
# offsets of level2, level1 and main, in that order, each inside the
# function nm(1) gives for the unstripped program.
. "$srcdir/tests/lib.sh"
command -v strip >/dev/null 2>&1 && command -v nm >/dev/null 2>&1 || skip "no strip or nm (binutils)"
strip -o "$T/chain_stripped" "$PROGS/unwind_chain" || fail "strip"
run 30 "$TATTLE" -k -e trace=write -o trace -- "$T/chain_stripped" > /dev/null || fail "tattle failed ($?)"
# the frames after the write(-1, "chain\n", 6) line, the program's own only
awk -v p="$T/chain_stripped" '
	/^write\(-1, "chain/ { on = 1; next }
	on && !/^ > / { exit }
	on && index($0, " > " p "() [") == 1 { sub(/.*\[/, ""); sub(/\].*/, ""); print }
' trace > offsets
[ "$(wc -l < offsets)" -ge 3 ] || { cat trace; fail "fewer than 3 frames of the stripped program"; }
# .text's address minus its file offset: 0 for a usual PIE, but ask
delta=$(LC_ALL=C readelf -SW "$PROGS/unwind_chain" 2>/dev/null |
	awk '$2 == ".text" { print "0x" $4, "0x" $5 }')
i=1
for f in level2 level1 main; do
	line=$(sed -n "${i}p" offsets)
	i=$((i + 1))
	LC_ALL=C nm -S "$PROGS/unwind_chain" | awk -v f="$f" -v off="$line" -v d="$delta" '
		function hex(s,    i, c, v) { s = tolower(s); sub(/^0x/, "", s); v = 0
			for (i = 1; i <= length(s); i++) { c = index("0123456789abcdef", substr(s, i, 1)) - 1; v = v * 16 + c }
			return v }
		BEGIN { split(d, dd, " "); delta = hex(dd[1]) - hex(dd[2]) }
		$4 == f { a = hex($1); s = hex($2); o = hex(off) + delta; found = 1
			exit !(o > a && o <= a + s) }
		END { if (!found) exit 1 }' || fail "frame offset $line is not inside $f"
	ok "stripped frame $line is inside $f"
done
