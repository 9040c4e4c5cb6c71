# SPDX-License-Identifier: MIT
# Joins tables/syscall_64.tbl with the signature tables into C data.
# usage: awk -f gen-sysent.awk -v out_h=H -v out_c=C -v out_p=P types.list structs.list \
#            xlat-names syscall_64.tbl syscall_args/*.tbl
# The input files are recognised by name; any unknown syscall, type, xlat
# family or struct in a signature line fails the build with file:line.

function die(msg) { printf "%s:%d: %s\n", FILENAME, FNR, msg > "/dev/stderr"; failed = 1; exit 1 }
function strip(s) { sub(/[ \t]*#.*$/, "", s); return s }

BEGIN {
	nclass = split("desc file process net signal ipc memory creds clock stat lstat fstat stat_any statfs fstatfs statfs_any pure", classlist, " ")
	for (i = 1; i <= nclass; i++) classbit[classlist[i]] = i - 1
	nret = split("int ssize uint fd hex pid off none octal long ulong", retlist, " ")
	for (i = 1; i <= nret; i++) retok[retlist[i]] = 1
	ntypes = 0; nstructs = 0; nxlat = 0; maxnr = -1
}

FILENAME ~ /types\.list$/ {
	$0 = strip($0); if (NF == 0) next
	types[$1] = $2; typeorder[ntypes++] = $1; next
}
FILENAME ~ /structs\.list$/ {
	$0 = strip($0); if (NF == 0) next
	structs[$1] = nstructs; structorder[nstructs++] = $1; next
}
FILENAME ~ /xlat-names$/ {
	if (NF == 0) next
	xlats[$1] = nxlat; xlatorder[nxlat++] = $1; next
}
FILENAME ~ /syscall_64\.tbl$/ {
	$0 = strip($0); if (NF == 0) next
	if (NF < 3) die("expected: number abi name [entry]")
	if ($2 != "common" && $2 != "64") next
	nr = $1 + 0
	if ($3 in bynum_name) die("duplicate name " $3)
	numname[nr] = $3; bynum_name[$3] = nr
	if (nr > maxnr) maxnr = nr
	next
}
# signature lines: name ret classes args...
#   args: name:type[(param)][/out|/inout][=length-source] ..., or
#   - (no arguments), @custom N (src/custom/ decodes its N arguments), @raw (classes
#   known, arguments printed raw in hex)
{
	$0 = strip($0); if (NF == 0) next
	name = $1
	if (!(name in bynum_name)) die("unknown system call '" name "'")
	if (name in sig_seen) die("second signature for '" name "'")
	sig_seen[name] = 1
	nr = bynum_name[name]
	if (NF < 4) die("expected: name ret classes args (use - for no arguments)")
	if (!($2 in retok)) die("unknown return type '" $2 "'")
	ret[nr] = "RET_" toupper($2)
	cl = ""
	if ($3 != "-") {
		n = split($3, cls, ",")
		for (i = 1; i <= n; i++) {
			if (!(cls[i] in classbit)) die("unknown class '" cls[i] "'")
			cl = cl (cl == "" ? "" : "|") "CLASS_" toupper(cls[i])
		}
	}
	class[nr] = (cl == "" ? "0" : cl)
	nargs[nr] = 0; custom[nr] = ""
	if ($4 == "@custom") {
		# the count is the real number of arguments: -e raw= prints that many
		if ($5 !~ /^[0-6]$/) die("@custom needs the number of arguments (0-6)")
		custom[nr] = "custom_" name; nargs[nr] = $5 + 0; argtext[nr] = ""; next
	}
	if ($4 == "-") { argtext[nr] = ""; next }
	if ($4 == "@raw") { raw[nr] = 1; argtext[nr] = ""; next }
	if (NF - 3 > 6) die("more than six arguments")
	# first pass: names, so that =length sources can name a later argument
	delete argidx
	for (i = 4; i <= NF; i++) { split($i, p, ":"); argidx[p[1]] = i - 4 }
	txt = ""
	for (i = 4; i <= NF; i++) {
		a = $i
		if (split(a, p, ":") != 2) die("argument '" a "' is not name:type")
		aname = p[1]; spec = p[2]
		len = "-1"
		if (spec ~ /=/) {
			src = spec; sub(/^[^=]*=/, "", src); sub(/=.*$/, "", spec)
			if (src == "ret") len = "LEN_RET"
			else if (src in argidx) len = argidx[src]
			else die("length source '" src "' is neither ret nor an argument")
		}
		dir = "DIR_IN"
		if (spec ~ /\/out$/) { dir = "DIR_OUT"; sub(/\/out$/, "", spec) }
		else if (spec ~ /\/inout$/) { dir = "DIR_INOUT"; sub(/\/inout$/, "", spec) }
		param = ""
		if (spec ~ /\(/) {
			param = spec; sub(/^[^(]*\(/, "", param); sub(/\)$/, "", param)
			sub(/\(.*$/, "", spec)
		}
		if (!(spec in types)) die("unknown type '" spec "'")
		pk = types[spec]; pv = "0"
		if (pk == "xlat") {
			if (param == "") die("type " spec " needs (family)")
			if (!(param in xlats)) die("unknown xlat family '" param "' (no tables/xlat/" param ".in)")
			pv = "XLAT_" param
		} else if (pk == "struct") {
			if (param == "") die("type struct needs (name)")
			if (!(param in structs)) die("unknown struct '" param "' (not in tables/structs.list)")
			pv = "STRUCT_" param
		} else if (param != "") die("type " spec " takes no parameter")
		txt = txt sprintf("{ \"%s\", ARG_%s, %s, %s, %s }, ", aname, spec, dir, pv, len)
		nargs[nr]++
	}
	argtext[nr] = txt
	next
}

END {
	if (failed) exit 1
	print "/* generated from tables/types.list, tables/structs.list, tables/xlat/; do not edit */" > out_h
	print "#ifndef TATTLE_GEN_SYSENT_H\n#define TATTLE_GEN_SYSENT_H" > out_h
	printf "enum argtype {\n" > out_h
	for (i = 0; i < ntypes; i++) printf "\tARG_%s,\n", typeorder[i] > out_h
	printf "\tARGTYPE_COUNT\n};\n" > out_h
	printf "enum struct_id {\n" > out_h
	for (i = 0; i < nstructs; i++) printf "\tSTRUCT_%s,\n", structorder[i] > out_h
	printf "\tSTRUCT_COUNT\n};\n" > out_h
	printf "enum xlat_id {\n" > out_h
	for (i = 0; i < nxlat; i++) printf "\tXLAT_%s,\n", xlatorder[i] > out_h
	printf "\tXLAT_COUNT\n};\n" > out_h
	printf "enum sysclass {\n" > out_h
	for (i = 1; i <= nclass; i++) printf "\tCLASS_%s = 1u << %d,\n", toupper(classlist[i]), i - 1 > out_h
	printf "};\n#define CLASS_NAMES" > out_h
	for (i = 1; i <= nclass; i++) printf " \"%s\",", classlist[i] > out_h
	printf "\n#define SYSCALL_MAX %d\n", maxnr + 1 > out_h
	print "#endif" > out_h

	print "/* generated from tables/syscall_64.tbl and tables/syscall_args/; do not edit */" > out_c
	print "#include \"systab.h\"" > out_c
	for (nr = 0; nr <= maxnr; nr++)
		if ((nr in custom) && custom[nr] != "")
			printf "void %s(struct call *, struct emit *, int) __attribute__((weak));\n", custom[nr] > out_c
	print "const struct sysent sysent[SYSCALL_MAX] = {" > out_c
	for (nr = 0; nr <= maxnr; nr++) {
		if (!(nr in numname)) continue
		if (nr in ret)
			printf "\t[%d] = { \"%s\", %s, %s, %d, %d, %s, { %s} },\n", nr, numname[nr], ret[nr], class[nr], nargs[nr], (nr in raw) ? 0 : 1, (custom[nr] == "" ? "0" : custom[nr]), (argtext[nr] == "" ? "{ 0 } " : argtext[nr]) > out_c
		else
			printf "\t[%d] = { \"%s\", RET_INT, 0, 6, 0, 0, { { 0 } } },\n", nr, numname[nr] > out_c
	}
	print "};" > out_c
	# name index, sorted, for name -> number lookups by binary search
	n = 0
	for (nr = 0; nr <= maxnr; nr++) if (nr in numname) sorted[n++] = numname[nr]
	for (i = 1; i < n; i++) { v = sorted[i]; for (j = i - 1; j >= 0 && sorted[j] > v; j--) sorted[j + 1] = sorted[j]; sorted[j + 1] = v }
	print "const struct sysname sysname_index[] = {" > out_c
	for (i = 0; i < n; i++) printf "\t{ \"%s\", %d },\n", sorted[i], bynum_name[sorted[i]] > out_c
	print "};" > out_c
	printf "const unsigned sysname_count = %d;\n", n > out_c

	# printer tables: weak references, so a struct or type whose printer is
	# not written yet prints as an address instead of failing the link
	print "/* generated from tables/structs.list and tables/types.list; do not edit */" > out_p
	print "#include \"structs/structs.h\"" > out_p
	for (i = 0; i < nstructs; i++)
		printf "void struct_%s_print(struct call *, struct emit *, const char *, unsigned long, long) __attribute__((weak));\n", structorder[i] > out_p
	print "const struct_printer struct_printers[STRUCT_COUNT] = {" > out_p
	for (i = 0; i < nstructs; i++) printf "\t[STRUCT_%s] = struct_%s_print,\n", structorder[i], structorder[i] > out_p
	print "};" > out_p
	for (i = 0; i < ntypes; i++)
		printf "void argtype_%s_print(struct call *, struct emit *, const struct argdesc *, unsigned long) __attribute__((weak));\n", typeorder[i] > out_p
	print "const arg_printer arg_printers[ARGTYPE_COUNT] = {" > out_p
	for (i = 0; i < ntypes; i++) printf "\t[ARG_%s] = argtype_%s_print,\n", typeorder[i], typeorder[i] > out_p
	print "};" > out_p
}
