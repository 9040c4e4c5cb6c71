/* SPDX-License-Identifier: MIT */
/* Helpers shared by the socket, polling and IPC decoders
 * (src/structs/{sockaddr,msghdr,poll,netlink}.c, src/custom/{net,poll,ipc}.c)
 * and the netlink lookups of src/fdinfo.c. */
#ifndef TATTLE_STRUCTS_NET_H
#define TATTLE_STRUCTS_NET_H
#include "structs.h"

/* an enum value as strace's printxval prints it: NAME, or "0x2a /\* AF_??? *\/"
 * (unknown in hex, with the family's marker); honours -X */
void net_sb_enum(struct sbuf *b, const struct xlat *x, unsigned long long v, const char *unknown);
void net_emit_enum(struct emit *e, const char *name, const struct xlat *x, unsigned long long v, const char *unknown);
/* flags as strace's printflags prints them: NAME|NAME|0x..., and
 * "0x.. /\* X_??? *\/" when no name matched; returns the number of names
 * (with -X raw: 1 for any non-zero value), which decides whether strace
 * puts "|" before what follows */
int net_sb_flags(struct sbuf *b, const struct xlat *x, unsigned long long v, const char *unknown);
void net_emit_flags(struct emit *e, const char *name, const struct xlat *x, unsigned long long v, const char *unknown);

/* strace's verbose(tcp) and abbrev(tcp): -e verbose=, -e abbrev=, -v */
bool net_verbose(const struct call *c);
bool net_abbrev(const struct call *c);
/* fetch_struct(), and the address alone under -e verbose=none */
bool net_fetch(struct call *c, struct emit *e, const char *name, unsigned long addr, void *buf, size_t n);
/* the array length limit: -s when abbreviating, else unlimited */
unsigned long net_array_max(const struct call *c);
/* an array whose element at addr could not be read: "..." and the address */
void net_emit_cut(struct emit *e, unsigned long addr);
/* element i of an array being printed, read into buf (sz bytes): 1 when
 * read (the array is opened at the first), 0 when the array ends here with
 * "..." (the caller closes it), -1 when the whole array has been printed */
int net_array_elem(struct call *c, struct emit *e, const char *name, unsigned long addr,
		   unsigned long i, unsigned long max, void *buf, size_t sz);
/* the start of an array of n elements of elem bytes: NULL, [] and the
 * non-verbose or impossible cases print in full and return false */
bool net_array_start(struct call *c, struct emit *e, const char *name, unsigned long addr, unsigned long n,
		     unsigned long elem);

/* a socket address of len bytes at addr ({sa_family=AF_INET, ...}, the
 * address itself when len < 2 or unreadable); returns the family or -1 */
int sockaddr_print(struct call *c, struct emit *e, const char *name, unsigned long addr, long len);
/* network-order fields as strace shows them, honouring -X and -x:
 * sin_port=htons(80), sin_addr=inet_addr("127.0.0.1"), if_nametoindex("lo") */
void net_emit_port(struct emit *e, const char *name, const void *port);
void net_emit_inet_addr(struct emit *e, const char *name, int family, const void *addr);
void net_emit_ifindex(struct emit *e, const char *name, unsigned idx);
/* "\x00\x50": bytes in hex escapes whatever -x says */
void net_sb_hexstr(struct sbuf *b, const void *p, size_t n);
/* a value decoded from raw bytes, under -X: net_raw_open() writes the
 * bytes (-X raw, verbose) and an opening comment (verbose), and says whether the
 * decoded form follows; net_raw_close() ends it */
bool net_raw_open(struct sbuf *b, const void *p, size_t n);
void net_raw_close(struct sbuf *b);
/* an address already read (len bytes at p), e.g. from a control message */
void sockaddr_print_mem(struct emit *e, const char *name, const void *p, long len);

/* struct msghdr at addr. user_namelen: msg_namelen as the caller passed it
 * (recvmsg: "110 => 8"), or NULL; data_size: bytes of iov data to show
 * (the return value of recvmsg), or -1 for each buffer's length */
void msghdr_print(struct call *c, struct emit *e, const char *name, unsigned long addr,
		  const int *user_namelen, long data_size);
/* a struct msghdr already read from the tracee */
struct msghdr;
void msghdr_print_fetched(struct call *c, struct emit *e, const char *name, const struct msghdr *m,
			  const int *user_namelen, long data_size);
/* an array of struct mmsghdr: n elements; the first with_len of them show
 * msg_len; user_namelens (nuser of them): msg_namelen of each element at
 * entry, or NULL; use_len: iov data limited by each msg_len (recvmmsg) */
void mmsghdr_print_array(struct call *c, struct emit *e, const char *name, unsigned long addr,
			 unsigned long n, unsigned long with_len, const int *user_namelens,
			 unsigned long nuser, bool use_len);

/* netlink messages at addr (len bytes) of a socket of the given netlink
 * family (-1: unknown), as a socket buffer (src/structs/netlink.c) */
void netlink_print(struct call *c, struct emit *e, const char *name, int family, unsigned long addr,
		   unsigned long len);
/* src/fdinfo.c: is fd of pid a netlink socket (by its protocol name)?
 * and its netlink family from its sock_diag details (-1 when unknown) */
bool fdinfo_is_netlink(pid_t pid, int fd);
int fdinfo_netlink_family(pid_t pid, int fd);
/* when set, answers both in place of /proc: the family, -1 for a netlink
 * socket of unknown family, -2 for no netlink socket; the fuzz target's
 * fake task has no /proc entry, and this is how its input reaches the
 * netlink decoders */
extern int (*fdinfo_netlink_override)(pid_t pid, int fd);

/* a timespec or timeval at addr into b ("{tv_sec=0, tv_nsec=100}"), or the
 * address when unreadable; for the "left ..." annotations */
/* the SIOC*IF* ioctls (src/structs/ifreq.c): false for other requests */
bool ifreq_ioctl(struct call *c, struct emit *e, unsigned req, int phase);

void net_sb_timespec(struct call *c, struct sbuf *b, unsigned long addr);
void net_sb_timeval(struct call *c, struct sbuf *b, unsigned long addr);
/* a timespec (nsec) or timeval argument at addr, as an item */
void net_emit_time(struct call *c, struct emit *e, const char *name, unsigned long addr, bool nsec);
#endif
