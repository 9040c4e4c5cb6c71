/* SPDX-License-Identifier: MIT */
/* A strict JSON checker (RFC 8259) for the fuzz target: every record the
 * --json backend writes, whatever the tracee's bytes, must pass it. */
#include "json_valid.h"

struct in {
	const unsigned char *p, *end;
	int depth;
};

static void ws(struct in *s)
{
	while (s->p < s->end && (*s->p == ' ' || *s->p == '\t' || *s->p == '\n' || *s->p == '\r'))
		s->p++;
}

static bool lit(struct in *s, const char *w)
{
	for (; *w; w++, s->p++)
		if (s->p >= s->end || *s->p != (unsigned char)*w)
			return false;
	return true;
}

static bool digits(struct in *s)
{
	const unsigned char *start = s->p;
	while (s->p < s->end && *s->p >= '0' && *s->p <= '9')
		s->p++;
	return s->p > start;
}

static bool number(struct in *s)
{
	if (s->p < s->end && *s->p == '-')
		s->p++;
	if (s->p < s->end && *s->p == '0')
		s->p++;
	else if (!digits(s))
		return false;
	if (s->p < s->end && *s->p == '.') {
		s->p++;
		if (!digits(s))
			return false;
	}
	if (s->p < s->end && (*s->p == 'e' || *s->p == 'E')) {
		s->p++;
		if (s->p < s->end && (*s->p == '+' || *s->p == '-'))
			s->p++;
		if (!digits(s))
			return false;
	}
	return true;
}

/* one UTF-8 sequence: its length, or 0 when it is not valid */
static int utf8(const unsigned char *p, const unsigned char *end)
{
	unsigned c = p[0];
	int k = c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : 2;
	unsigned lo = 0x80, hi = 0xbf;
	if (c < 0xc2 || c > 0xf4)
		return 0;
	if (c == 0xe0) lo = 0xa0;
	if (c == 0xed) hi = 0x9f;
	if (c == 0xf0) lo = 0x90;
	if (c == 0xf4) hi = 0x8f;
	if (end - p < k || p[1] < lo || p[1] > hi)
		return 0;
	for (int i = 2; i < k; i++)
		if (p[i] < 0x80 || p[i] > 0xbf)
			return 0;
	return k;
}

static bool string(struct in *s)
{
	if (s->p >= s->end || *s->p++ != '"')
		return false;
	while (s->p < s->end) {
		unsigned c = *s->p;
		if (c == '"') {
			s->p++;
			return true;
		}
		if (c < 0x20)
			return false;
		if (c == '\\') {
			if (++s->p >= s->end)
				return false;
			c = *s->p++;
			if (c == 'u') {
				for (int i = 0; i < 4; i++, s->p++)
					if (s->p >= s->end || !((*s->p >= '0' && *s->p <= '9') || (*s->p >= 'a' && *s->p <= 'f') ||
								(*s->p >= 'A' && *s->p <= 'F')))
						return false;
			} else if (!strchr("\"\\/bfnrt", (int)c) || !c) {
				return false;
			}
		} else if (c >= 0x80) {
			int k = utf8(s->p, s->end);
			if (!k)
				return false;
			s->p += k;
		} else {
			s->p++;
		}
	}
	return false;
}

static bool value(struct in *s);

static bool members(struct in *s, char close, bool keys)
{
	s->p++;
	if (++s->depth > 256)
		return false;
	ws(s);
	if (s->p < s->end && *s->p == (unsigned char)close) {
		s->p++;
		s->depth--;
		return true;
	}
	for (;;) {
		ws(s);
		if (keys) {
			if (!string(s))
				return false;
			ws(s);
			if (s->p >= s->end || *s->p++ != ':')
				return false;
		}
		if (!value(s))
			return false;
		ws(s);
		if (s->p >= s->end)
			return false;
		if (*s->p == ',') {
			s->p++;
			continue;
		}
		if (*s->p++ != (unsigned char)close)
			return false;
		s->depth--;
		return true;
	}
}

static bool value(struct in *s)
{
	ws(s);
	if (s->p >= s->end)
		return false;
	switch (*s->p) {
	case '{': return members(s, '}', true);
	case '[': return members(s, ']', false);
	case '"': return string(s);
	case 't': return lit(s, "true");
	case 'f': return lit(s, "false");
	case 'n': return lit(s, "null");
	default: return number(s);
	}
}

bool json_valid(const char *p, size_t n)
{
	struct in s = { (const unsigned char *)p, (const unsigned char *)p + n, 0 };
	if (!value(&s))
		return false;
	ws(&s);
	return s.p == s.end;
}
