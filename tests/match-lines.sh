#!/bin/sh
# SPDX-License-Identifier: MIT
# match-lines.sh EXPECTED TRACE [NAME]: every line of EXPECTED appears in
# TRACE in order; "@@" in an expected line matches any text.
awk -v name="${3:-test}" '
function matches(pat, line,    parts, n, i, pos, p) {
	n = split(pat, parts, "@@")
	if (n == 1) return pat == line
	if (substr(line, 1, length(parts[1])) != parts[1]) return 0
	pos = length(parts[1]) + 1
	for (i = 2; i < n; i++) {
		p = index(substr(line, pos), parts[i])
		if (!p) return 0
		pos += p - 1 + length(parts[i])
	}
	return length(line) - pos + 1 >= length(parts[n]) && substr(line, length(line) - length(parts[n]) + 1) == parts[n]
}
FNR == NR { want[ne++] = $0; next }
{ tr[nt++] = $0 }
END {
	j = 0; bad = 0
	for (i = 0; i < ne; i++) {
		if (want[i] == "") continue
		for (k = j; k < nt; k++) if (matches(want[i], tr[k])) break
		if (k == nt) {
			printf "FAIL %s: expected line not found (after trace line %d):\n  %s\n", name, j, want[i]
			bad++
		} else j = k + 1
	}
	if (ne == 0) { print "FAIL " name ": the program expected nothing"; exit 1 }
	if (bad) {
		print "--- trace ---"
		for (k = 0; k < nt && k < 400; k++) print tr[k]
		exit 1
	}
	printf "ok %s: %d expected lines matched\n", name, ne
}' "$1" "$2"
