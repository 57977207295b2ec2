/* natmodgen: IEEE 754 binary32 and binary64 arithmetic in integer C, for toolchains whose
 * libgcc lacks the soft-float routines GCC calls (Debian's xtensa-lx106 has __divsf3, the
 * comparisons and the 64-bit integer conversions, but no __addsf3, __mulsf3, __floatsisf,
 * __extendsfdf2, nor any binary64 arithmetic). Compiled by make/natmodgen-fallback.mk once
 * per function (-DNATMODGEN_FN_ONE -DNATMODGEN_FN_<name>) into an archive after libgcc: a natmod gets only the
 * members its link still lacks (and the rounding core they share, one member per format).
 *
 * Round to nearest, ties to even; subnormals in and out; signed zeros; infinities. A NaN
 * operand comes back quieted (the first NaN operand); an invalid operation (inf - inf,
 * 0 * inf, 0 / 0, inf / inf) gives the quiet NaN 0x7fc00000 / 0x7ff8000000000000. No
 * exception flags. Float to integer truncates toward zero and saturates out of range
 * (NaN gives 0; a negative value gives 0 for an unsigned result).
 *
 * Only integer operations on 32-bit words appear, besides 64-bit shifts, additions and
 * comparisons (inline, or libgcc members every toolchain here has): no multiplication or
 * division wider than 32 bits and no floating-point operator, which could compile into a
 * call of one of these very functions.
 *
 * test/unit/build/softfp.test.ts compiles the file for the host with
 * -DNATMODGEN_SOFTFP_TEST (all functions, named natmodgen_test_<name>) and compares each
 * with the host's hardware floating point.
 */
#include <stdint.h>

#ifdef NATMODGEN_SOFTFP_TEST
#define NMG_FN(name) natmodgen_test_##name
#else
#define NMG_FN(name) __##name
#endif

typedef union {
    float f;
    uint32_t u;
} nmg_f32;
typedef union {
    double f;
    uint64_t u;
} nmg_f64;

#define F32_SIGN 0x80000000u
#define F32_INF 0x7f800000u
#define F32_QUIET 0x00400000u
#define F32_HIDDEN 0x00800000u
#define F32_FRAC 0x007fffffu
#define F64_SIGN 0x8000000000000000ull
#define F64_INF 0x7ff0000000000000ull
#define F64_QUIET 0x0008000000000000ull
#define F64_HIDDEN 0x0010000000000000ull
#define F64_FRAC 0x000fffffffffffffull

/* The first NaN operand, quieted. */
static inline uint32_t nmg_nan32(uint32_t a, uint32_t b) {
    int a_nan = (a & ~F32_SIGN) > F32_INF;
    return (a_nan ? a : b) | F32_QUIET;
}

static inline uint64_t nmg_nan64(uint64_t a, uint64_t b) {
    int a_nan = (a & ~F64_SIGN) > F64_INF;
    return (a_nan ? a : b) | F64_QUIET;
}

/* The shared core, one member per format (natmodgen_softfp_*). */
uint32_t natmodgen_softfp_pack32(uint32_t sign, int32_t exp, uint32_t sig);
uint32_t natmodgen_softfp_norm32(uint32_t sign, int32_t exp, uint32_t sig);
uint32_t natmodgen_softfp_jam32(uint32_t x, int32_t n);
int natmodgen_softfp_clz32(uint32_t x);
int natmodgen_softfp_clz64(uint64_t x);
uint32_t natmodgen_softfp_add32(uint32_t a, uint32_t b);
int natmodgen_softfp_cmp32(uint32_t a, uint32_t b);
uint32_t natmodgen_softfp_from_u64_32(uint32_t sign, uint64_t u);
uint64_t natmodgen_softfp_to_u64_32(uint32_t a, int bits, int is_signed);
uint64_t natmodgen_softfp_pack64(uint64_t sign, int32_t exp, uint64_t sig);
uint64_t natmodgen_softfp_norm64(uint64_t sign, int32_t exp, uint64_t sig);
uint64_t natmodgen_softfp_add64(uint64_t a, uint64_t b);
int natmodgen_softfp_cmp64(uint64_t a, uint64_t b);
uint64_t natmodgen_softfp_from_u64_64(uint64_t sign, uint64_t u);
uint64_t natmodgen_softfp_to_u64_64(uint64_t a, int bits, int is_signed);

#if !defined(NATMODGEN_FN_ONE) || defined(NATMODGEN_FN_softfp_core)
/* Leading zeros of a non-zero word, by halving (no instruction or builtin assumed). */
int natmodgen_softfp_clz32(uint32_t x) {
    int n = 0;
    if (!(x & 0xffff0000u)) {
        n += 16;
        x <<= 16;
    }
    if (!(x & 0xff000000u)) {
        n += 8;
        x <<= 8;
    }
    if (!(x & 0xf0000000u)) {
        n += 4;
        x <<= 4;
    }
    if (!(x & 0xc0000000u)) {
        n += 2;
        x <<= 2;
    }
    if (!(x & 0x80000000u)) {
        n += 1;
    }
    return n;
}

int natmodgen_softfp_clz64(uint64_t x) {
    uint32_t hi = (uint32_t)(x >> 32);
    return hi ? natmodgen_softfp_clz32(hi) : 32 + natmodgen_softfp_clz32((uint32_t)x);
}

/* x >> n, with any bit shifted out ORed into the lowest bit (which only rounding reads). */
uint32_t natmodgen_softfp_jam32(uint32_t x, int32_t n) {
    if (n <= 0) {
        return x;
    }
    if (n >= 32) {
        return x != 0;
    }
    return (x >> n) | ((x << (32 - n)) != 0);
}

/* Rounds and packs sign * sig * 2^(exp - 156), sig < 2^31 with its leading one at bit 30
 * when exp > 0 (bits 6..0 below the last kept bit). exp is the biased exponent minus one:
 * the leading one adds the one back as it lands on bit 23. */
uint32_t natmodgen_softfp_pack32(uint32_t sign, int32_t exp, uint32_t sig) {
    if (exp >= 0xfd) {
        if (exp > 0xfd || sig + 0x40u >= 0x80000000u) {
            return sign | F32_INF;
        }
    } else if (exp < 0) {
        sig = natmodgen_softfp_jam32(sig, -exp);
        exp = 0;
    }
    uint32_t low = sig & 0x7fu;
    sig = (sig + 0x40u) >> 7;
    if (low == 0x40u) {
        sig &= ~1u;
    }
    if (sig == 0) {
        exp = 0;
    }
    return sign + ((uint32_t)exp << 23) + sig;
}

/* pack32 for a sig whose leading one may be anywhere (zero gives a zero of that sign). */
uint32_t natmodgen_softfp_norm32(uint32_t sign, int32_t exp, uint32_t sig) {
    if (sig == 0) {
        return sign;
    }
    if (sig & 0x80000000u) {
        return natmodgen_softfp_pack32(sign, exp + 1, natmodgen_softfp_jam32(sig, 1));
    }
    int shift = natmodgen_softfp_clz32(sig) - 1;
    return natmodgen_softfp_pack32(sign, exp - shift, sig << shift);
}

uint32_t natmodgen_softfp_add32(uint32_t a, uint32_t b) {
    uint32_t sa = a & F32_SIGN, sb = b & F32_SIGN;
    int32_t ea = (a >> 23) & 0xff, eb = (b >> 23) & 0xff;
    uint32_t ma = a & F32_FRAC, mb = b & F32_FRAC;
    if (ea == 0xff || eb == 0xff) {
        if ((ea == 0xff && ma) || (eb == 0xff && mb)) {
            return nmg_nan32(a, b);
        }
        if (ea == 0xff && eb == 0xff && sa != sb) {
            return 0x7fc00000u;
        }
        return ea == 0xff ? a : b;
    }
    if (ea) {
        ma |= F32_HIDDEN;
    } else {
        ea = 1;
    }
    if (eb) {
        mb |= F32_HIDDEN;
    } else {
        eb = 1;
    }
    /* leading one at bit 29: one bit of headroom for the carry, six below the last kept bit */
    ma <<= 6;
    mb <<= 6;
    if (ea < eb || (ea == eb && ma < mb)) {
        uint32_t t = ma;
        ma = mb;
        mb = t;
        t = sa;
        sa = sb;
        sb = t;
        int32_t e = ea;
        ea = eb;
        eb = e;
    }
    mb = natmodgen_softfp_jam32(mb, ea - eb);
    uint32_t sum;
    if (sa == sb) {
        sum = ma + mb;
    } else {
        sum = ma - mb;
        if (sum == 0) {
            return 0; /* x - x is +0 when rounding to nearest */
        }
    }
    return natmodgen_softfp_norm32(sa, ea, sum);
}

/* -1, 0, 1 for a <, ==, > b; 2 when either is a NaN. */
int natmodgen_softfp_cmp32(uint32_t a, uint32_t b) {
    if ((a & ~F32_SIGN) > F32_INF || (b & ~F32_SIGN) > F32_INF) {
        return 2;
    }
    if (((a | b) & ~F32_SIGN) == 0) {
        return 0;
    }
    int32_t ka = (a & F32_SIGN) ? -(int32_t)(a & ~F32_SIGN) : (int32_t)a;
    int32_t kb = (b & F32_SIGN) ? -(int32_t)(b & ~F32_SIGN) : (int32_t)b;
    return ka < kb ? -1 : ka > kb;
}

/* sign * u rounded to binary32. */
uint32_t natmodgen_softfp_from_u64_32(uint32_t sign, uint64_t u) {
    if (u == 0) {
        return 0;
    }
    int n = natmodgen_softfp_clz64(u);
    uint64_t x = u << n;
    uint32_t sig = (uint32_t)(x >> 33) | ((x & 0x1ffffffffull) != 0);
    return natmodgen_softfp_pack32(sign, 189 - n, sig);
}

/* The binary32 a truncated to an integer of `bits` bits (32 or 64), as its two's
 * complement bits; saturated out of range. */
uint64_t natmodgen_softfp_to_u64_32(uint32_t a, int bits, int is_signed) {
    int32_t e = (a >> 23) & 0xff;
    uint32_t m = a & F32_FRAC;
    int neg = (a & F32_SIGN) != 0;
    uint64_t max = is_signed ? ((uint64_t)1 << (bits - 1)) - 1 : (bits == 64 ? ~(uint64_t)0 : 0xffffffffull);
    if (e == 0xff && m) {
        return 0;
    }
    if (e < 127) {
        return 0;
    }
    if (neg && !is_signed) {
        return 0;
    }
    if (e - 127 >= bits - is_signed) {
        return neg ? max + 1 : max;
    }
    uint64_t v = m | F32_HIDDEN;
    v = e >= 150 ? v << (e - 150) : v >> (150 - e);
    return neg ? 0 - v : v;
}
#endif

#if !defined(NATMODGEN_FN_ONE) || defined(NATMODGEN_FN_softfp_core64)
static uint64_t nmg_jam64(uint64_t x, int32_t n) {
    if (n <= 0) {
        return x;
    }
    if (n >= 64) {
        return x != 0;
    }
    return (x >> n) | ((x << (64 - n)) != 0);
}

/* As pack32: sig * 2^(exp - 1084), leading one at bit 62, ten bits below the last kept bit. */
uint64_t natmodgen_softfp_pack64(uint64_t sign, int32_t exp, uint64_t sig) {
    if (exp >= 0x7fd) {
        if (exp > 0x7fd || sig + 0x200u >= 0x8000000000000000ull) {
            return sign | F64_INF;
        }
    } else if (exp < 0) {
        sig = nmg_jam64(sig, -exp);
        exp = 0;
    }
    uint32_t low = (uint32_t)sig & 0x3ffu;
    sig = (sig + 0x200u) >> 10;
    if (low == 0x200u) {
        sig &= ~(uint64_t)1;
    }
    if (sig == 0) {
        exp = 0;
    }
    return sign + ((uint64_t)(uint32_t)exp << 52) + sig;
}

uint64_t natmodgen_softfp_norm64(uint64_t sign, int32_t exp, uint64_t sig) {
    if (sig == 0) {
        return sign;
    }
    if (sig & 0x8000000000000000ull) {
        return natmodgen_softfp_pack64(sign, exp + 1, nmg_jam64(sig, 1));
    }
    int shift = natmodgen_softfp_clz64(sig) - 1;
    return natmodgen_softfp_pack64(sign, exp - shift, sig << shift);
}

uint64_t natmodgen_softfp_add64(uint64_t a, uint64_t b) {
    uint64_t sa = a & F64_SIGN, sb = b & F64_SIGN;
    int32_t ea = (int32_t)(a >> 52) & 0x7ff, eb = (int32_t)(b >> 52) & 0x7ff;
    uint64_t ma = a & F64_FRAC, mb = b & F64_FRAC;
    if (ea == 0x7ff || eb == 0x7ff) {
        if ((ea == 0x7ff && ma) || (eb == 0x7ff && mb)) {
            return nmg_nan64(a, b);
        }
        if (ea == 0x7ff && eb == 0x7ff && sa != sb) {
            return 0x7ff8000000000000ull;
        }
        return ea == 0x7ff ? a : b;
    }
    if (ea) {
        ma |= F64_HIDDEN;
    } else {
        ea = 1;
    }
    if (eb) {
        mb |= F64_HIDDEN;
    } else {
        eb = 1;
    }
    ma <<= 9;
    mb <<= 9;
    if (ea < eb || (ea == eb && ma < mb)) {
        uint64_t t = ma;
        ma = mb;
        mb = t;
        t = sa;
        sa = sb;
        sb = t;
        int32_t e = ea;
        ea = eb;
        eb = e;
    }
    mb = nmg_jam64(mb, ea - eb);
    uint64_t sum;
    if (sa == sb) {
        sum = ma + mb;
    } else {
        sum = ma - mb;
        if (sum == 0) {
            return 0;
        }
    }
    return natmodgen_softfp_norm64(sa, ea, sum);
}

int natmodgen_softfp_cmp64(uint64_t a, uint64_t b) {
    if ((a & ~F64_SIGN) > F64_INF || (b & ~F64_SIGN) > F64_INF) {
        return 2;
    }
    if (((a | b) & ~F64_SIGN) == 0) {
        return 0;
    }
    int64_t ka = (a & F64_SIGN) ? -(int64_t)(a & ~F64_SIGN) : (int64_t)a;
    int64_t kb = (b & F64_SIGN) ? -(int64_t)(b & ~F64_SIGN) : (int64_t)b;
    return ka < kb ? -1 : ka > kb;
}

uint64_t natmodgen_softfp_from_u64_64(uint64_t sign, uint64_t u) {
    if (u == 0) {
        return 0;
    }
    int n = natmodgen_softfp_clz64(u);
    uint64_t x = u << n;
    return natmodgen_softfp_pack64(sign, 1085 - n, (x >> 1) | (x & 1));
}

uint64_t natmodgen_softfp_to_u64_64(uint64_t a, int bits, int is_signed) {
    int32_t e = (int32_t)(a >> 52) & 0x7ff;
    uint64_t m = a & F64_FRAC;
    int neg = (a & F64_SIGN) != 0;
    uint64_t max = is_signed ? ((uint64_t)1 << (bits - 1)) - 1 : (bits == 64 ? ~(uint64_t)0 : 0xffffffffull);
    if (e == 0x7ff && m) {
        return 0;
    }
    if (e < 1023) {
        return 0;
    }
    if (neg && !is_signed) {
        return 0;
    }
    if (e - 1023 >= bits - is_signed) {
        return neg ? max + 1 : max;
    }
    uint64_t v = m | F64_HIDDEN;
    v = e >= 1075 ? v << (e - 1075) : v >> (1075 - e);
    return neg ? 0 - v : v;
}
#endif

/* 32 x 32 -> 64-bit product from 16-bit halves (no wider multiply, which xtensa's libgcc lacks). */
static inline void nmg_mul32(uint32_t a, uint32_t b, uint32_t *hi, uint32_t *lo) {
    uint32_t al = a & 0xffffu, ah = a >> 16, bl = b & 0xffffu, bh = b >> 16;
    uint32_t ll = al * bl, lh = al * bh, hl = ah * bl, hh = ah * bh;
    uint32_t mid = (ll >> 16) + (lh & 0xffffu) + (hl & 0xffffu);
    *lo = (ll & 0xffffu) | (mid << 16);
    *hi = hh + (lh >> 16) + (hl >> 16) + (mid >> 16);
}

/* ---- binary32 ---- */

#if !defined(NATMODGEN_FN_ONE) || defined(NATMODGEN_FN_addsf3)
float NMG_FN(addsf3)(float a, float b) {
    nmg_f32 x = {a}, y = {b}, r;
    r.u = natmodgen_softfp_add32(x.u, y.u);
    return r.f;
}
#endif

#if !defined(NATMODGEN_FN_ONE) || defined(NATMODGEN_FN_subsf3)
float NMG_FN(subsf3)(float a, float b) {
    nmg_f32 x = {a}, y = {b}, r;
    /* a NaN b keeps its sign: only the NaN test of add32 sees it */
    r.u = (y.u & ~F32_SIGN) > F32_INF ? y.u : y.u ^ F32_SIGN;
    r.u = natmodgen_softfp_add32(x.u, r.u);
    return r.f;
}
#endif

#if !defined(NATMODGEN_FN_ONE) || defined(NATMODGEN_FN_negsf2)
float NMG_FN(negsf2)(float a) {
    nmg_f32 x = {a};
    x.u ^= F32_SIGN;
    return x.f;
}
#endif

#if !defined(NATMODGEN_FN_ONE) || defined(NATMODGEN_FN_mulsf3) || defined(NATMODGEN_FN_divsf3)
/* Splits a finite non-zero binary32 into exponent and significand with its leading one at bit 23. */
static inline uint32_t nmg_unpack32(uint32_t a, int32_t *e) {
    int32_t ex = (a >> 23) & 0xff;
    uint32_t m = a & F32_FRAC;
    if (ex) {
        *e = ex;
        return m | F32_HIDDEN;
    }
    int n = natmodgen_softfp_clz32(m) - 8;
    *e = 1 - n;
    return m << n;
}
#endif

#if !defined(NATMODGEN_FN_ONE) || defined(NATMODGEN_FN_mulsf3)
float NMG_FN(mulsf3)(float a, float b) {
    nmg_f32 x = {a}, y = {b}, r;
    uint32_t sign = (x.u ^ y.u) & F32_SIGN;
    uint32_t ax = x.u & ~F32_SIGN, ay = y.u & ~F32_SIGN;
    if (ax >= F32_INF || ay >= F32_INF) {
        if (ax > F32_INF || ay > F32_INF) {
            r.u = nmg_nan32(x.u, y.u);
        } else if (ax == 0 || ay == 0) {
            r.u = 0x7fc00000u; /* inf * 0 */
        } else {
            r.u = sign | F32_INF;
        }
        return r.f;
    }
    if (ax == 0 || ay == 0) {
        r.u = sign;
        return r.f;
    }
    int32_t ea, eb;
    uint32_t ma = nmg_unpack32(ax, &ea), mb = nmg_unpack32(ay, &eb);
    uint32_t hi, lo;
    nmg_mul32(ma, mb, &hi, &lo);
    /* the 48-bit product shifted right 17, leading one at bit 29 or 30 */
    uint32_t sig = (hi << 15) | (lo >> 17) | ((lo & 0x1ffffu) != 0);
    r.u = natmodgen_softfp_norm32(sign, ea + eb - 127, sig);
    return r.f;
}
#endif

#if !defined(NATMODGEN_FN_ONE) || defined(NATMODGEN_FN_divsf3)
float NMG_FN(divsf3)(float a, float b) {
    nmg_f32 x = {a}, y = {b}, r;
    uint32_t sign = (x.u ^ y.u) & F32_SIGN;
    uint32_t ax = x.u & ~F32_SIGN, ay = y.u & ~F32_SIGN;
    if (ax > F32_INF || ay > F32_INF) {
        r.u = nmg_nan32(x.u, y.u);
    } else if (ax == F32_INF) {
        r.u = ay == F32_INF ? 0x7fc00000u : sign | F32_INF;
    } else if (ay == F32_INF) {
        r.u = sign;
    } else if (ay == 0) {
        r.u = ax == 0 ? 0x7fc00000u : sign | F32_INF;
    } else if (ax == 0) {
        r.u = sign;
    } else {
        int32_t ea, eb;
        uint32_t ma = nmg_unpack32(ax, &ea), mb = nmg_unpack32(ay, &eb);
        /* 31 quotient bits of ma / mb by shift and subtract; the remainder sets the sticky bit */
        uint32_t q = 0, rem = ma;
        for (int i = 0; i < 31; i++) {
            q <<= 1;
            if (rem >= mb) {
                rem -= mb;
                q |= 1;
            }
            rem <<= 1;
        }
        r.u = natmodgen_softfp_norm32(sign, ea - eb + 126, q | (rem != 0));
    }
    return r.f;
}
#endif

#if !defined(NATMODGEN_FN_ONE) || defined(NATMODGEN_FN_floatsisf)
float NMG_FN(floatsisf)(int32_t i) {
    nmg_f32 r;
    uint32_t u = (uint32_t)i;
    r.u = i < 0 ? natmodgen_softfp_from_u64_32(F32_SIGN, 0u - u) : natmodgen_softfp_from_u64_32(0, u);
    return r.f;
}
#endif

#if !defined(NATMODGEN_FN_ONE) || defined(NATMODGEN_FN_floatunsisf)
float NMG_FN(floatunsisf)(uint32_t u) {
    nmg_f32 r;
    r.u = natmodgen_softfp_from_u64_32(0, u);
    return r.f;
}
#endif

#if !defined(NATMODGEN_FN_ONE) || defined(NATMODGEN_FN_floatdisf)
float NMG_FN(floatdisf)(int64_t i) {
    nmg_f32 r;
    uint64_t u = (uint64_t)i;
    r.u = i < 0 ? natmodgen_softfp_from_u64_32(F32_SIGN, 0 - u) : natmodgen_softfp_from_u64_32(0, u);
    return r.f;
}
#endif

#if !defined(NATMODGEN_FN_ONE) || defined(NATMODGEN_FN_floatundisf)
float NMG_FN(floatundisf)(uint64_t u) {
    nmg_f32 r;
    r.u = natmodgen_softfp_from_u64_32(0, u);
    return r.f;
}
#endif

#if !defined(NATMODGEN_FN_ONE) || defined(NATMODGEN_FN_fixsfsi)
int32_t NMG_FN(fixsfsi)(float a) {
    nmg_f32 x = {a};
    return (int32_t)(uint32_t)natmodgen_softfp_to_u64_32(x.u, 32, 1);
}
#endif

#if !defined(NATMODGEN_FN_ONE) || defined(NATMODGEN_FN_fixunssfsi)
uint32_t NMG_FN(fixunssfsi)(float a) {
    nmg_f32 x = {a};
    return (uint32_t)natmodgen_softfp_to_u64_32(x.u, 32, 0);
}
#endif

#if !defined(NATMODGEN_FN_ONE) || defined(NATMODGEN_FN_fixsfdi)
int64_t NMG_FN(fixsfdi)(float a) {
    nmg_f32 x = {a};
    return (int64_t)natmodgen_softfp_to_u64_32(x.u, 64, 1);
}
#endif

#if !defined(NATMODGEN_FN_ONE) || defined(NATMODGEN_FN_fixunssfdi)
uint64_t NMG_FN(fixunssfdi)(float a) {
    nmg_f32 x = {a};
    return natmodgen_softfp_to_u64_32(x.u, 64, 0);
}
#endif

/* Comparisons, as libgcc defines their results: eq/ne zero when equal; lt/le below zero
 * when less (or equal), gt/ge above zero when greater (or equal); false for a NaN. */
#if !defined(NATMODGEN_FN_ONE) || defined(NATMODGEN_FN_eqsf2)
int NMG_FN(eqsf2)(float a, float b) {
    nmg_f32 x = {a}, y = {b};
    return natmodgen_softfp_cmp32(x.u, y.u);
}
#endif
#if !defined(NATMODGEN_FN_ONE) || defined(NATMODGEN_FN_nesf2)
int NMG_FN(nesf2)(float a, float b) {
    nmg_f32 x = {a}, y = {b};
    return natmodgen_softfp_cmp32(x.u, y.u);
}
#endif
#if !defined(NATMODGEN_FN_ONE) || defined(NATMODGEN_FN_ltsf2)
int NMG_FN(ltsf2)(float a, float b) {
    nmg_f32 x = {a}, y = {b};
    int c = natmodgen_softfp_cmp32(x.u, y.u);
    return c == 2 ? 1 : c;
}
#endif
#if !defined(NATMODGEN_FN_ONE) || defined(NATMODGEN_FN_lesf2)
int NMG_FN(lesf2)(float a, float b) {
    nmg_f32 x = {a}, y = {b};
    int c = natmodgen_softfp_cmp32(x.u, y.u);
    return c == 2 ? 1 : c;
}
#endif
#if !defined(NATMODGEN_FN_ONE) || defined(NATMODGEN_FN_gtsf2)
int NMG_FN(gtsf2)(float a, float b) {
    nmg_f32 x = {a}, y = {b};
    int c = natmodgen_softfp_cmp32(x.u, y.u);
    return c == 2 ? -1 : c;
}
#endif
#if !defined(NATMODGEN_FN_ONE) || defined(NATMODGEN_FN_gesf2)
int NMG_FN(gesf2)(float a, float b) {
    nmg_f32 x = {a}, y = {b};
    int c = natmodgen_softfp_cmp32(x.u, y.u);
    return c == 2 ? -1 : c;
}
#endif
#if !defined(NATMODGEN_FN_ONE) || defined(NATMODGEN_FN_unordsf2)
int NMG_FN(unordsf2)(float a, float b) {
    nmg_f32 x = {a}, y = {b};
    return natmodgen_softfp_cmp32(x.u, y.u) == 2;
}
#endif

/* ---- conversions between the formats ---- */

#if !defined(NATMODGEN_FN_ONE) || defined(NATMODGEN_FN_extendsfdf2)
double NMG_FN(extendsfdf2)(float a) {
    nmg_f32 x = {a};
    nmg_f64 r;
    uint64_t sign = (uint64_t)(x.u & F32_SIGN) << 32;
    int32_t e = (x.u >> 23) & 0xff;
    uint32_t m = x.u & F32_FRAC;
    if (e == 0xff) {
        r.u = sign | F64_INF | ((uint64_t)m << 29) | (m ? F64_QUIET : 0);
    } else if (e == 0 && m == 0) {
        r.u = sign;
    } else {
        if (e == 0) {
            int n = natmodgen_softfp_clz32(m) - 8;
            m = (m << n) & F32_FRAC;
            e = 1 - n;
        }
        r.u = sign | ((uint64_t)(uint32_t)(e + 1023 - 127) << 52) | ((uint64_t)m << 29);
    }
    return r.f;
}
#endif

#if !defined(NATMODGEN_FN_ONE) || defined(NATMODGEN_FN_truncdfsf2)
float NMG_FN(truncdfsf2)(double a) {
    nmg_f64 x = {a};
    nmg_f32 r;
    uint32_t sign = (uint32_t)(x.u >> 32) & F32_SIGN;
    int32_t e = (int32_t)(x.u >> 52) & 0x7ff;
    uint64_t m = x.u & F64_FRAC;
    if (e == 0x7ff) {
        r.u = sign | F32_INF | (m ? F32_QUIET | (uint32_t)(m >> 29) : 0);
    } else if (e == 0 && m == 0) {
        r.u = sign;
    } else {
        if (e) {
            m |= F64_HIDDEN;
        } else {
            e = 1;
        }
        /* the 53-bit significand shifted right 22 (sticky kept): leading one at bit 30 */
        uint32_t sig = (uint32_t)(m >> 22) | ((m & 0x3fffffu) != 0);
        r.u = natmodgen_softfp_norm32(sign, e - 897, sig);
    }
    return r.f;
}
#endif

/* ---- binary64 ---- */

#if !defined(NATMODGEN_FN_ONE) || defined(NATMODGEN_FN_adddf3)
double NMG_FN(adddf3)(double a, double b) {
    nmg_f64 x = {a}, y = {b}, r;
    r.u = natmodgen_softfp_add64(x.u, y.u);
    return r.f;
}
#endif

#if !defined(NATMODGEN_FN_ONE) || defined(NATMODGEN_FN_subdf3)
double NMG_FN(subdf3)(double a, double b) {
    nmg_f64 x = {a}, y = {b}, r;
    r.u = (y.u & ~F64_SIGN) > F64_INF ? y.u : y.u ^ F64_SIGN;
    r.u = natmodgen_softfp_add64(x.u, r.u);
    return r.f;
}
#endif

#if !defined(NATMODGEN_FN_ONE) || defined(NATMODGEN_FN_negdf2)
double NMG_FN(negdf2)(double a) {
    nmg_f64 x = {a};
    x.u ^= F64_SIGN;
    return x.f;
}
#endif

#if !defined(NATMODGEN_FN_ONE) || defined(NATMODGEN_FN_muldf3) || defined(NATMODGEN_FN_divdf3)
static inline uint64_t nmg_unpack64(uint64_t a, int32_t *e) {
    int32_t ex = (int32_t)(a >> 52) & 0x7ff;
    uint64_t m = a & F64_FRAC;
    if (ex) {
        *e = ex;
        return m | F64_HIDDEN;
    }
    int n = natmodgen_softfp_clz64(m) - 11;
    *e = 1 - n;
    return m << n;
}
#endif

#if !defined(NATMODGEN_FN_ONE) || defined(NATMODGEN_FN_muldf3)
static inline uint64_t nmg_mul32_64(uint32_t a, uint32_t b) {
    uint32_t hi, lo;
    nmg_mul32(a, b, &hi, &lo);
    return ((uint64_t)hi << 32) | lo;
}

double NMG_FN(muldf3)(double a, double b) {
    nmg_f64 x = {a}, y = {b}, r;
    uint64_t sign = (x.u ^ y.u) & F64_SIGN;
    uint64_t ax = x.u & ~F64_SIGN, ay = y.u & ~F64_SIGN;
    if (ax >= F64_INF || ay >= F64_INF) {
        if (ax > F64_INF || ay > F64_INF) {
            r.u = nmg_nan64(x.u, y.u);
        } else if (ax == 0 || ay == 0) {
            r.u = 0x7ff8000000000000ull;
        } else {
            r.u = sign | F64_INF;
        }
        return r.f;
    }
    if (ax == 0 || ay == 0) {
        r.u = sign;
        return r.f;
    }
    int32_t ea, eb;
    uint64_t ma = nmg_unpack64(ax, &ea), mb = nmg_unpack64(ay, &eb);
    /* the 106-bit product from four 32 x 32 products */
    uint32_t al = (uint32_t)ma, ah = (uint32_t)(ma >> 32), bl = (uint32_t)mb, bh = (uint32_t)(mb >> 32);
    uint64_t ll = nmg_mul32_64(al, bl), lh = nmg_mul32_64(al, bh), hl = nmg_mul32_64(ah, bl), hh = nmg_mul32_64(ah, bh);
    uint64_t mid = (ll >> 32) + (uint32_t)lh + (uint32_t)hl;
    uint64_t lo = (uint32_t)ll | (mid << 32);
    uint64_t hi = hh + (lh >> 32) + (hl >> 32) + (mid >> 32);
    /* shifted right 43: leading one at bit 61 or 62 */
    uint64_t sig = (hi << 21) | (lo >> 43) | ((lo & 0x7ffffffffffull) != 0);
    r.u = natmodgen_softfp_norm64(sign, ea + eb - 1023, sig);
    return r.f;
}
#endif

#if !defined(NATMODGEN_FN_ONE) || defined(NATMODGEN_FN_divdf3)
double NMG_FN(divdf3)(double a, double b) {
    nmg_f64 x = {a}, y = {b}, r;
    uint64_t sign = (x.u ^ y.u) & F64_SIGN;
    uint64_t ax = x.u & ~F64_SIGN, ay = y.u & ~F64_SIGN;
    if (ax > F64_INF || ay > F64_INF) {
        r.u = nmg_nan64(x.u, y.u);
    } else if (ax == F64_INF) {
        r.u = ay == F64_INF ? 0x7ff8000000000000ull : sign | F64_INF;
    } else if (ay == F64_INF) {
        r.u = sign;
    } else if (ay == 0) {
        r.u = ax == 0 ? 0x7ff8000000000000ull : sign | F64_INF;
    } else if (ax == 0) {
        r.u = sign;
    } else {
        int32_t ea, eb;
        uint64_t ma = nmg_unpack64(ax, &ea), mb = nmg_unpack64(ay, &eb);
        uint64_t q = 0, rem = ma;
        for (int i = 0; i < 63; i++) {
            q <<= 1;
            if (rem >= mb) {
                rem -= mb;
                q |= 1;
            }
            rem <<= 1;
        }
        r.u = natmodgen_softfp_norm64(sign, ea - eb + 1022, q | (rem != 0));
    }
    return r.f;
}
#endif

#if !defined(NATMODGEN_FN_ONE) || defined(NATMODGEN_FN_floatsidf)
double NMG_FN(floatsidf)(int32_t i) {
    nmg_f64 r;
    uint32_t u = (uint32_t)i;
    r.u = i < 0 ? natmodgen_softfp_from_u64_64(F64_SIGN, 0u - u) : natmodgen_softfp_from_u64_64(0, u);
    return r.f;
}
#endif

#if !defined(NATMODGEN_FN_ONE) || defined(NATMODGEN_FN_floatunsidf)
double NMG_FN(floatunsidf)(uint32_t u) {
    nmg_f64 r;
    r.u = natmodgen_softfp_from_u64_64(0, u);
    return r.f;
}
#endif

#if !defined(NATMODGEN_FN_ONE) || defined(NATMODGEN_FN_floatdidf)
double NMG_FN(floatdidf)(int64_t i) {
    nmg_f64 r;
    uint64_t u = (uint64_t)i;
    r.u = i < 0 ? natmodgen_softfp_from_u64_64(F64_SIGN, 0 - u) : natmodgen_softfp_from_u64_64(0, u);
    return r.f;
}
#endif

#if !defined(NATMODGEN_FN_ONE) || defined(NATMODGEN_FN_floatundidf)
double NMG_FN(floatundidf)(uint64_t u) {
    nmg_f64 r;
    r.u = natmodgen_softfp_from_u64_64(0, u);
    return r.f;
}
#endif

#if !defined(NATMODGEN_FN_ONE) || defined(NATMODGEN_FN_fixdfsi)
int32_t NMG_FN(fixdfsi)(double a) {
    nmg_f64 x = {a};
    return (int32_t)(uint32_t)natmodgen_softfp_to_u64_64(x.u, 32, 1);
}
#endif

#if !defined(NATMODGEN_FN_ONE) || defined(NATMODGEN_FN_fixunsdfsi)
uint32_t NMG_FN(fixunsdfsi)(double a) {
    nmg_f64 x = {a};
    return (uint32_t)natmodgen_softfp_to_u64_64(x.u, 32, 0);
}
#endif

#if !defined(NATMODGEN_FN_ONE) || defined(NATMODGEN_FN_fixdfdi)
int64_t NMG_FN(fixdfdi)(double a) {
    nmg_f64 x = {a};
    return (int64_t)natmodgen_softfp_to_u64_64(x.u, 64, 1);
}
#endif

#if !defined(NATMODGEN_FN_ONE) || defined(NATMODGEN_FN_fixunsdfdi)
uint64_t NMG_FN(fixunsdfdi)(double a) {
    nmg_f64 x = {a};
    return natmodgen_softfp_to_u64_64(x.u, 64, 0);
}
#endif

#if !defined(NATMODGEN_FN_ONE) || defined(NATMODGEN_FN_eqdf2)
int NMG_FN(eqdf2)(double a, double b) {
    nmg_f64 x = {a}, y = {b};
    return natmodgen_softfp_cmp64(x.u, y.u);
}
#endif
#if !defined(NATMODGEN_FN_ONE) || defined(NATMODGEN_FN_nedf2)
int NMG_FN(nedf2)(double a, double b) {
    nmg_f64 x = {a}, y = {b};
    return natmodgen_softfp_cmp64(x.u, y.u);
}
#endif
#if !defined(NATMODGEN_FN_ONE) || defined(NATMODGEN_FN_ltdf2)
int NMG_FN(ltdf2)(double a, double b) {
    nmg_f64 x = {a}, y = {b};
    int c = natmodgen_softfp_cmp64(x.u, y.u);
    return c == 2 ? 1 : c;
}
#endif
#if !defined(NATMODGEN_FN_ONE) || defined(NATMODGEN_FN_ledf2)
int NMG_FN(ledf2)(double a, double b) {
    nmg_f64 x = {a}, y = {b};
    int c = natmodgen_softfp_cmp64(x.u, y.u);
    return c == 2 ? 1 : c;
}
#endif
#if !defined(NATMODGEN_FN_ONE) || defined(NATMODGEN_FN_gtdf2)
int NMG_FN(gtdf2)(double a, double b) {
    nmg_f64 x = {a}, y = {b};
    int c = natmodgen_softfp_cmp64(x.u, y.u);
    return c == 2 ? -1 : c;
}
#endif
#if !defined(NATMODGEN_FN_ONE) || defined(NATMODGEN_FN_gedf2)
int NMG_FN(gedf2)(double a, double b) {
    nmg_f64 x = {a}, y = {b};
    int c = natmodgen_softfp_cmp64(x.u, y.u);
    return c == 2 ? -1 : c;
}
#endif
#if !defined(NATMODGEN_FN_ONE) || defined(NATMODGEN_FN_unorddf2)
int NMG_FN(unorddf2)(double a, double b) {
    nmg_f64 x = {a}, y = {b};
    return natmodgen_softfp_cmp64(x.u, y.u) == 2;
}
#endif
