#!/bin/sh
# SPDX-License-Identifier: MIT
# check-tables.sh [--list]
#   --list (make check-tables): the system calls still printed raw - those
#   without a signature line in tables/syscall_args/*.tbl, and those marked
#   @raw - grouped by class, with counts.
#   no argument (make check): every __NR_ of the installed <asm/unistd_64.h>
#   has the same number and name in tables/syscall_64.tbl, and the table
#   has no name there that the header lacks; then prints the raw list.
# tests/progs/nr_table checks the numbers past the header (file_setattr).
: "${srcdir:=.}"
LC_ALL=C
export LC_ALL
tbl=$srcdir/tables/syscall_64.tbl
args_dir=$srcdir/tables/syscall_args
if [ ! -f "$tbl" ]; then
	echo "FAIL: no $tbl"
	exit 99
fi

# "nr name entry" for the native rows of the table
table_rows() {
	awk '{ sub(/#.*/, "") } NF >= 3 && ($2 == "common" || $2 == "64") { print $1, $3, ($4 == "" ? "-" : $4) }' "$tbl"
}

raw_list() {
	table_rows > "$tmp/rows"
	cat "$args_dir"/*.tbl | awk '{ sub(/#.*/, "") } NF { print }' > "$tmp/sigs"
	awk '
	FNR == NR { sig[$1] = 1; if ($4 == "@raw") { raw[$1] = 1; cls[$1] = $3 } next }
	{
		nr = $1; name = $2
		total++
		if ($3 == "-") { reserved[++nres] = name; next }
		if (!(name in sig)) { nosig[++nns] = name; next }
		if (name in raw) {
			n = split(cls[name] == "-" ? "unclassified" : cls[name], c, ",")
			for (i = 1; i <= n; i++) {
				byclass[c[i]] = byclass[c[i]] " " name
				cnt[c[i]]++
			}
			nraw++
		}
	}
	function show(title, n, list,	i, s, w) {
		printf "%s (%d):\n", title, n
		s = "   "
		for (i = 1; i <= n; i++) {
			w = list[i]
			if (length(s) + length(w) + 1 > 78) { print s; s = "   " }
			s = s " " w
		}
		if (n) print s
	}
	END {
		printf "system calls printed raw: %d of %d numbers (%d without a signature line, %d marked @raw); %d reserved numbers\n",
			nns + nraw, total - nres, nns, nraw, nres
		show("without a signature line (no class known)", nns, nosig)
		nk = 0
		for (k in byclass) {
			for (j = ++nk; j > 1 && keys[j - 1] > k; j--)
				keys[j] = keys[j - 1]
			keys[j] = k
		}
		for (j = 1; j <= nk; j++) {
			k = keys[j]
			m = split(substr(byclass[k], 2), l, " ")
			show("@raw, class " k, m, l)
		}
		show("reserved or removed, no entry point (ENOSYS, printed by name)", nres, reserved)
	}' "$tmp/sigs" "$tmp/rows"
}

tmp=$(mktemp -d) || exit 99
trap 'rm -rf "$tmp"' EXIT
trap 'exit 1' INT TERM HUP

if [ "$1" = --list ]; then
	raw_list
	exit 0
fi

# the installed header, through the compiler so that its include path counts
hdr_defs() {
	printf '#include <asm/unistd_64.h>\n' | ${CC:-cc} -E -dM - 2>/dev/null && return 0
	for f in /usr/include/x86_64-linux-gnu/asm/unistd_64.h /usr/include/asm/unistd_64.h; do
		[ -f "$f" ] && { cat "$f"; return 0; }
	done
	return 1
}
if ! hdr_defs > "$tmp/defs" || ! grep -q '__NR_read ' "$tmp/defs"; then
	echo "SKIP: no <asm/unistd_64.h> installed"
	exit 77
fi
awk '$1 == "#define" && $2 ~ /^__NR_/ && $3 ~ /^[0-9]+$/ { print $3, substr($2, 6) }' "$tmp/defs" | sort -n > "$tmp/hdr"
table_rows > "$tmp/rows"
status=0
awk '
FNR == NR { name[$1] = $2; nr[$2] = $1; next }
{
	n++
	if (!($1 in name)) { printf "FAIL: __NR_%s = %s is missing from the table\n", $2, $1; bad++ }
	else if (name[$1] != $2) { printf "FAIL: %s is __NR_%s in the header but \"%s\" in the table\n", $1, $2, name[$1]; bad++ }
	if (($2 in nr) && nr[$2] != $1) { printf "FAIL: %s is %s in the header but %s in the table\n", $2, $1, nr[$2]; bad++ }
	hdr[$1] = 1
	if ($1 + 0 > max) max = $1 + 0
}
END {
	for (k in name)
		if (k + 0 <= max && !(k in hdr)) { printf "FAIL: the table has %s %s, the header has no such number\n", k, name[k]; bad++ }
	printf "%d numbers of <asm/unistd_64.h> (up to %d) checked against the table: %d problems\n", n, max, bad
	exit bad ? 1 : 0
}' "$tmp/rows" "$tmp/hdr" || status=1
echo
raw_list
exit $status
