/*
 * The C library's <ctype.h> classification, in the "C" locale. The C libraries' own macros
 * read locale tables (glibc's __ctype_b_loc, newlib's _ctype_) that a natmod cannot link:
 * <ctype.h> is included first, so a later include of it does nothing, and each name then
 * becomes a small inline test of the character's code.
 */
#ifndef NATMODGEN_RT_CTYPE_H
#define NATMODGEN_RT_CTYPE_H

#include <ctype.h>

static inline int natmodgen_rt_isdigit(int c) {
    return (unsigned)c - '0' < 10;
}
static inline int natmodgen_rt_isupper(int c) {
    return (unsigned)c - 'A' < 26;
}
static inline int natmodgen_rt_islower(int c) {
    return (unsigned)c - 'a' < 26;
}
static inline int natmodgen_rt_isalpha(int c) {
    return natmodgen_rt_isupper(c) || natmodgen_rt_islower(c);
}
static inline int natmodgen_rt_isalnum(int c) {
    return natmodgen_rt_isalpha(c) || natmodgen_rt_isdigit(c);
}
static inline int natmodgen_rt_isxdigit(int c) {
    return natmodgen_rt_isdigit(c) || (unsigned)(c | 32) - 'a' < 6;
}
static inline int natmodgen_rt_isspace(int c) {
    return c == ' ' || (unsigned)c - '\t' < 5;
}
static inline int natmodgen_rt_isblank(int c) {
    return c == ' ' || c == '\t';
}
static inline int natmodgen_rt_iscntrl(int c) {
    return (unsigned)c < 32 || c == 127;
}
static inline int natmodgen_rt_isprint(int c) {
    return (unsigned)c - ' ' < 95;
}
static inline int natmodgen_rt_isgraph(int c) {
    return (unsigned)c - '!' < 94;
}
static inline int natmodgen_rt_ispunct(int c) {
    return natmodgen_rt_isgraph(c) && !natmodgen_rt_isalnum(c);
}
static inline int natmodgen_rt_toupper(int c) {
    return natmodgen_rt_islower(c) ? c - 32 : c;
}
static inline int natmodgen_rt_tolower(int c) {
    return natmodgen_rt_isupper(c) ? c + 32 : c;
}
#undef isdigit
#define isdigit(c) natmodgen_rt_isdigit(c)
#undef isupper
#define isupper(c) natmodgen_rt_isupper(c)
#undef islower
#define islower(c) natmodgen_rt_islower(c)
#undef isalpha
#define isalpha(c) natmodgen_rt_isalpha(c)
#undef isalnum
#define isalnum(c) natmodgen_rt_isalnum(c)
#undef isxdigit
#define isxdigit(c) natmodgen_rt_isxdigit(c)
#undef isspace
#define isspace(c) natmodgen_rt_isspace(c)
#undef isblank
#define isblank(c) natmodgen_rt_isblank(c)
#undef iscntrl
#define iscntrl(c) natmodgen_rt_iscntrl(c)
#undef isprint
#define isprint(c) natmodgen_rt_isprint(c)
#undef isgraph
#define isgraph(c) natmodgen_rt_isgraph(c)
#undef ispunct
#define ispunct(c) natmodgen_rt_ispunct(c)
#undef toupper
#define toupper(c) natmodgen_rt_toupper(c)
#undef tolower
#define tolower(c) natmodgen_rt_tolower(c)

#endif
