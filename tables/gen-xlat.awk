# SPDX-License-Identifier: MIT
# tables/xlat/*.in -> C data (one struct xlat per family) and, per family, a
# C file that static-asserts every value against the system headers.
# usage: awk -f gen-xlat.awk -v out_c=C -v out_names=N -v chkdir=D tables/xlat/*.in

function die(msg) { printf "%s:%d: %s\n", FILENAME, FNR, msg > "/dev/stderr"; failed = 1; exit 1 }
function flush_family() {
	if (fam == "") return
	if (kind == "") { FILENAME = lastfile; die("no #kind line") }
	printf "static const struct xlat_entry xe_%s[] = {\n%s};\n", fam, body > out_c
	printf "const struct xlat xlat_%s = { XLAT_KIND_%s, %d, xe_%s, \"%s\", %s };\n", fam, toupper(kind), count, fam, fam, unknown > out_c
	print fam > out_names
	chk = chkdir "/" fam ".c"
	print "/* generated from tables/xlat/" fam ".in; do not edit */" > chk
	print "#define _GNU_SOURCE" > chk
	printf "%s", hdrs > chk
	printf "%s", asserts > chk
	print "int xlat_check_" fam ";" > chk
	close(chk)
	fams[nfam++] = fam
}
BEGIN {
	print "/* generated from the files in tables/xlat/; do not edit */" > out_c
	print "#include \"xlat.h\"" > out_c
	fam = ""; nfam = 0
}
FNR == 1 {
	flush_family()
	fam = FILENAME; sub(/^.*\//, "", fam); sub(/\.in$/, "", fam)
	kind = ""; body = ""; count = 0; hdrs = ""; asserts = ""; lastfile = FILENAME; unknown = "0"
	delete seen
}
# "# unknown: TEXT": the comment strace prints after a value with no name
/^# unknown: / { u = $0; sub(/^# unknown: /, "", u); gsub(/"/, "\\\"", u); gsub(/\?/, "\\?", u); unknown = "\"" u "\""; next }
/^#kind[ \t]/ { kind = $2; if (kind != "flags" && kind != "enum" && kind != "bits") die("unknown kind " kind); next }
/^#header[ \t]/ { hdrs = hdrs "#include " $2 "\n"; next }
/^[ \t]*#/ || /^[ \t]*$/ { next }
{
	sub(/[ \t]+#.*$/, "")
	if (NF != 2) die("expected NAME VALUE")
	if ($1 in seen) die("duplicate name " $1)
	seen[$1] = 1
	v = $2
	body = body sprintf("\t{ (unsigned long long)(%s), \"%s\" },\n", v, $1)
	# composite names ("FUTEX_WAIT|FUTEX_CLOCK_REALTIME") are not macros; a
	# 32-bit constant may be negative in C (MS_NOUSER is 1<<31)
	if ($1 ~ /^[A-Za-z_][A-Za-z0-9_]*$/)
		asserts = asserts sprintf("#ifdef %s\n_Static_assert((long long)(%s) == (long long)(%s) || (unsigned)(%s) == (unsigned)(%s), \"%s\");\n#endif\n", $1, $1, v, $1, v, $1)
	count++
}
END {
	if (failed) exit 1
	flush_family()
	print "const struct xlat *const xlat_table[] = {" > out_c
	for (i = 0; i < nfam; i++) printf "\t&xlat_%s,\n", fams[i] > out_c
	print "};" > out_c
}
