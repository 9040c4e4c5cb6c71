# SPDX-License-Identifier: MIT
# Reads the output of `diff STRACE TATTLE` (both normalised by
# tests/diff-normalise.awk) and writes, tab-separated:
#   R <strace lines> <tattle lines> <matched lines>
#   M <syscall> <strace line> <tattle line>    (one per differing line pair;
#                                                an empty side: no partner)
# -v S=N -v T=N: the line counts of both files, "=== Pk" lines excluded.
# In each changed hunk, lines are paired by syscall name, in order.

function key(l,	k) {
	if (l ~ /^<\.\.\. [A-Za-z0-9_]+ resumed>/) {
		k = l
		sub(/^<\.\.\. /, "", k)
		sub(/ .*/, "", k)
		return k
	}
	if (l ~ /^--- /) {
		k = l
		sub(/^--- /, "", k)
		sub(/ .*/, "", k)
		return "--- " k
	}
	if (l ~ /^\+\+\+ /)
		return "+++"
	if (match(l, /^[A-Za-z0-9_]+\(/))
		return substr(l, 1, RLENGTH - 1)
	k = l
	sub(/ .*/, "", k)
	return k
}

function flush_hunk(	i, j, ki) {
	for (i = 1; i <= na; i++) {
		ki = key(a[i])
		for (j = 1; j <= nb; j++)
			if (!used[j] && key(b[j]) == ki)
				break
		if (j <= nb) {
			used[j] = 1
			print "M\t" ki "\t" a[i] "\t" b[j]
		} else {
			print "M\t" ki "\t" a[i] "\t"
		}
	}
	for (j = 1; j <= nb; j++)
		if (!used[j])
			print "M\t" key(b[j]) "\t\t" b[j]
	na = nb = 0
	split("", used)
}

BEGIN { na = nb = 0; deleted = 0 }
/^[0-9]/ { flush_hunk(); next }
/^< / {
	l = substr($0, 3)
	if (l ~ /^=== P/)
		next
	a[++na] = l
	deleted++
	next
}
/^> / {
	l = substr($0, 3)
	if (l ~ /^=== P/)
		next
	b[++nb] = l
	next
}
END {
	flush_hunk()
	print "R\t" S "\t" T "\t" (S - deleted)
}
