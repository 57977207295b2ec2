/* natmodgen: integer division and multiplication helpers for toolchains whose libgcc lacks
 * them (Debian's xtensa-lx106 has only __modsi3 of the 32-bit divisions, and neither
 * __muldi3, __umulsidi3, __udivdi3, __divdi3 nor __umoddi3, which its own __moddi3 and
 * __divmoddi4 call). Compiled by make/natmodgen-fallback.mk once per function
 * (-DNATMODGEN_FN_ONE -DNATMODGEN_FN_<name>) into an archive that `natmodgen build` reads
 * after libgcc, so a natmod gets only what its link lacks. Shift-and-subtract and 16-bit
 * partial products only: no operator here may itself compile to a call of these. */
#include <stdint.h>

static inline uint32_t natmodgen_udivmod(uint32_t n, uint32_t d, uint32_t *rem) {
    uint32_t q = 0, r = 0;
    for (int i = 31; i >= 0; --i) {
        r = (r << 1) | ((n >> i) & 1u);
        if (r >= d) {
            r -= d;
            q |= 1u << i;
        }
    }
    *rem = r;
    return q;
}

#if !defined(NATMODGEN_FN_ONE) || defined(NATMODGEN_FN_udivsi3)
uint32_t __udivsi3(uint32_t n, uint32_t d) {
    uint32_t r;
    return natmodgen_udivmod(n, d, &r);
}
#endif

#if !defined(NATMODGEN_FN_ONE) || defined(NATMODGEN_FN_umodsi3)
uint32_t __umodsi3(uint32_t n, uint32_t d) {
    uint32_t r;
    natmodgen_udivmod(n, d, &r);
    return r;
}
#endif

#if !defined(NATMODGEN_FN_ONE) || defined(NATMODGEN_FN_divsi3)
int32_t __divsi3(int32_t n, int32_t d) {
    uint32_t r;
    uint32_t un = n < 0 ? 0u - (uint32_t)n : (uint32_t)n;
    uint32_t ud = d < 0 ? 0u - (uint32_t)d : (uint32_t)d;
    uint32_t q = natmodgen_udivmod(un, ud, &r);
    return (n < 0) != (d < 0) ? (int32_t)(0u - q) : (int32_t)q;
}
#endif

#if !defined(NATMODGEN_FN_ONE) || defined(NATMODGEN_FN_modsi3)
int32_t __modsi3(int32_t n, int32_t d) {
    uint32_t r;
    uint32_t un = n < 0 ? 0u - (uint32_t)n : (uint32_t)n;
    uint32_t ud = d < 0 ? 0u - (uint32_t)d : (uint32_t)d;
    natmodgen_udivmod(un, ud, &r);
    return n < 0 ? (int32_t)(0u - r) : (int32_t)r;
}
#endif

static inline uint64_t natmodgen_udivmod64(uint64_t n, uint64_t d, uint64_t *rem) {
    uint64_t q = 0, r = 0;
    for (int i = 63; i >= 0; --i) {
        r = (r << 1) | ((n >> i) & 1u);
        if (r >= d) {
            r -= d;
            q |= (uint64_t)1 << i;
        }
    }
    *rem = r;
    return q;
}

/* 32 x 32 -> 64 from 16-bit halves. */
static inline uint64_t natmodgen_mul32x32(uint32_t a, uint32_t b) {
    uint32_t al = a & 0xffffu, ah = a >> 16, bl = b & 0xffffu, bh = b >> 16;
    uint32_t ll = al * bl, lh = al * bh, hl = ah * bl, hh = ah * bh;
    uint32_t mid = (ll >> 16) + (lh & 0xffffu) + (hl & 0xffffu);
    uint32_t lo = (ll & 0xffffu) | (mid << 16);
    uint32_t hi = hh + (lh >> 16) + (hl >> 16) + (mid >> 16);
    return ((uint64_t)hi << 32) | lo;
}

#if !defined(NATMODGEN_FN_ONE) || defined(NATMODGEN_FN_umulsidi3)
uint64_t __umulsidi3(uint32_t a, uint32_t b) {
    return natmodgen_mul32x32(a, b);
}
#endif

#if !defined(NATMODGEN_FN_ONE) || defined(NATMODGEN_FN_muldi3)
uint64_t __muldi3(uint64_t a, uint64_t b) {
    uint32_t al = (uint32_t)a, ah = (uint32_t)(a >> 32), bl = (uint32_t)b, bh = (uint32_t)(b >> 32);
    /* the high words' cross products only reach the upper half (modulo 2^64) */
    uint32_t cross = natmodgen_mul32x32(al, bh) + natmodgen_mul32x32(ah, bl);
    return natmodgen_mul32x32(al, bl) + ((uint64_t)cross << 32);
}
#endif

#if !defined(NATMODGEN_FN_ONE) || defined(NATMODGEN_FN_udivdi3)
uint64_t __udivdi3(uint64_t n, uint64_t d) {
    uint64_t r;
    return natmodgen_udivmod64(n, d, &r);
}
#endif

#if !defined(NATMODGEN_FN_ONE) || defined(NATMODGEN_FN_umoddi3)
uint64_t __umoddi3(uint64_t n, uint64_t d) {
    uint64_t r;
    natmodgen_udivmod64(n, d, &r);
    return r;
}
#endif

#if !defined(NATMODGEN_FN_ONE) || defined(NATMODGEN_FN_divdi3)
int64_t __divdi3(int64_t n, int64_t d) {
    uint64_t r;
    uint64_t un = n < 0 ? 0 - (uint64_t)n : (uint64_t)n;
    uint64_t ud = d < 0 ? 0 - (uint64_t)d : (uint64_t)d;
    uint64_t q = natmodgen_udivmod64(un, ud, &r);
    return (n < 0) != (d < 0) ? (int64_t)(0 - q) : (int64_t)q;
}
#endif
