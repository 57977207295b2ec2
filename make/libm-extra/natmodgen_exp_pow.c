/*
 * exp and pow for natmods on x64 and x86, the architectures of the unix port.
 *
 * A natmod for x64 or x86 runs in the unix port, whose maths is the C library's: glibc's
 * exp and pow give the correctly rounded result in nearly every case, while lib/libm_dbl's
 * (what natmodgen compiles for natmods) are one unit in the last place off at times:
 * exp(1) gives 2.7182818284590455 and pow(10, 2.5) 316.2277660168379, where the firmware
 * prints 2.718281828459045 and 316.22776601683796, and a module truncating such a value to
 * an integer gets a different integer (ulab's logspace). These two compute in double-double
 * arithmetic (about 104 significant bits) and round once, so they give the correctly
 * rounded result unless the exact value lies within about 2^-94 of a rounding boundary.
 *
 * Only finite arguments with a normal, finite result take that path; zeros, infinities,
 * NaN, subnormals, overflow and underflow (and pow of a negative base with a non-integer
 * exponent) go to lib/libm_dbl's own functions, compiled under the names below.
 *
 * Build: one archive member per function (-DNATMODGEN_LIBM_EXP / -DNATMODGEN_LIBM_POW), with
 * -ffp-contract=off so that no fused multiply-add changes the error-free transformations.
 * The host test (test/unit/runtime/libm-accuracy.test.ts) renames exp and pow with -D.
 */
#include <stdint.h>


double natmodgen_fdlibm_exp(double x);
double natmodgen_fdlibm_pow(double x, double y);
double natmodgen_fdlibm_log(double x);
double exp(double x);
double pow(double x, double y);
double log(double x);

/* An unevaluated sum hi + lo with |lo| <= ulp(hi) / 2. */
typedef struct {
    double hi;
    double lo;
} nmg_dd;

#define NMG_DBL_MAX 1.7976931348623157e308
#define NMG_DBL_MIN_NORMAL 2.2250738585072014e-308

/* ln 2 to about 107 bits. */
static const nmg_dd nmg_ln2 = { 0x1.62e42fefa39efp-1, 0x1.abc9e3b39803fp-56 };

static nmg_dd nmg_two_sum(double a, double b) {
    double s = a + b;
    double v = s - a;
    nmg_dd r = { s, (a - (s - v)) + (b - v) };
    return r;
}

/* Needs |a| >= |b| (or a == 0). */
static nmg_dd nmg_fast_two_sum(double a, double b) {
    double s = a + b;
    nmg_dd r = { s, b - (s - a) };
    return r;
}

/* Veltkamp's split into two halves of 26 bits each; |a| stays far below overflow here. */
static void nmg_split(double a, double *hi, double *lo) {
    double t = 134217729.0 * a;
    *hi = t - (t - a);
    *lo = a - *hi;
}

/* The exact product as a double-double (Dekker). */
static nmg_dd nmg_two_prod(double a, double b) {
    double p = a * b;
    double ah, al, bh, bl;
    nmg_split(a, &ah, &al);
    nmg_split(b, &bh, &bl);
    nmg_dd r = { p, ((ah * bh - p) + ah * bl + al * bh) + al * bl };
    return r;
}

static nmg_dd nmg_dd_from(double a) {
    nmg_dd r = { a, 0.0 };
    return r;
}

static nmg_dd nmg_add(nmg_dd a, nmg_dd b) {
    nmg_dd s = nmg_two_sum(a.hi, b.hi);
    nmg_dd t = nmg_two_sum(a.lo, b.lo);
    s.lo += t.hi;
    s = nmg_fast_two_sum(s.hi, s.lo);
    s.lo += t.lo;
    return nmg_fast_two_sum(s.hi, s.lo);
}

static nmg_dd nmg_mul(nmg_dd a, nmg_dd b) {
    nmg_dd p = nmg_two_prod(a.hi, b.hi);
    p.lo += a.hi * b.lo + a.lo * b.hi;
    return nmg_fast_two_sum(p.hi, p.lo);
}

/* a / b by three rounds of long division. */
static nmg_dd nmg_div(nmg_dd a, nmg_dd b) {
    double q1 = a.hi / b.hi;
    nmg_dd r = nmg_add(a, nmg_mul(b, nmg_dd_from(-q1)));
    double q2 = r.hi / b.hi;
    r = nmg_add(r, nmg_mul(b, nmg_dd_from(-q2)));
    double q3 = r.hi / b.hi;
    return nmg_add(nmg_fast_two_sum(q1, q2), nmg_dd_from(q3));
}

#if defined(NATMODGEN_LIBM_POW) || defined(NATMODGEN_LIBM_LOG)
/* 2 / (2n + 1) to about 107 bits, the coefficients of 2 atanh(s) / s in s^2. */
static const nmg_dd nmg_atanh_coef[25] = {
    { 0x1.0000000000000p+1, 0x0.0p+0 },
    { 0x1.5555555555555p-1, 0x1.5555555555555p-55 },
    { 0x1.999999999999ap-2, -0x1.999999999999ap-56 },
    { 0x1.2492492492492p-2, 0x1.2492492492492p-56 },
    { 0x1.c71c71c71c71cp-3, 0x1.c71c71c71c71cp-57 },
    { 0x1.745d1745d1746p-3, -0x1.745d1745d1746p-58 },
    { 0x1.3b13b13b13b14p-3, -0x1.3b13b13b13b14p-57 },
    { 0x1.1111111111111p-3, 0x1.1111111111111p-59 },
    { 0x1.e1e1e1e1e1e1ep-4, 0x1.e1e1e1e1e1e1ep-60 },
    { 0x1.af286bca1af28p-4, 0x1.af286bca1af28p-58 },
    { 0x1.8618618618618p-4, 0x1.8618618618618p-58 },
    { 0x1.642c8590b2164p-4, 0x1.642c8590b2164p-59 },
    { 0x1.47ae147ae147bp-4, -0x1.eb851eb851eb8p-60 },
    { 0x1.2f684bda12f68p-4, 0x1.2f684bda12f68p-58 },
    { 0x1.1a7b9611a7b96p-4, 0x1.1a7b9611a7b96p-60 },
    { 0x1.0842108421084p-4, 0x1.0842108421084p-59 },
    { 0x1.f07c1f07c1f08p-5, -0x1.f07c1f07c1f08p-60 },
    { 0x1.d41d41d41d41dp-5, 0x1.0750750750750p-59 },
    { 0x1.bacf914c1bad0p-5, -0x1.bacf914c1bad0p-59 },
    { 0x1.a41a41a41a41ap-5, 0x1.0690690690690p-59 },
    { 0x1.8f9c18f9c18fap-5, -0x1.f3831f3831f38p-60 },
    { 0x1.7d05f417d05f4p-5, 0x1.7d05f417d05f4p-61 },
    { 0x1.6c16c16c16c17p-5, -0x1.f49f49f49f49fp-60 },
    { 0x1.5c9882b931057p-5, 0x1.310572620ae4cp-60 },
    { 0x1.4e5e0a72f0539p-5, 0x1.e0a72f0539783p-59 },
};

/* ln x for a normal, finite x > 0: x = 2^k m with m in [sqrt(1/2), sqrt(2)], and
 * ln m = 2 atanh(s) = 2 (s + s^3/3 + s^5/5 + ...) with s = (m - 1) / (m + 1), |s| < 0.172. */
static nmg_dd nmg_dd_log(double x) {
    union {
        double d;
        uint64_t u;
    } v = { x };
    int k = (int)((v.u >> 52) & 0x7ff) - 1023;
    v.u = (v.u & 0x000fffffffffffffULL) | 0x3ff0000000000000ULL;
    double m = v.d;
    if (m > 1.4142135623730951) {
        m *= 0.5;
        k++;
    }
    /* m - 1 is exact for m in [1/2, 2]. */
    nmg_dd s = nmg_div(nmg_dd_from(m - 1.0), nmg_two_sum(m, 1.0));
    nmg_dd s2 = nmg_mul(s, s);
    /* s^2 < 0.0295: 24 terms reach below 2^-106 of the first. */
    nmg_dd sum = nmg_dd_from(0.0);
    for (int n = 24; n >= 0; n--) {
        sum = nmg_add(nmg_mul(sum, s2), nmg_atanh_coef[n]);
    }
    return nmg_add(nmg_mul(nmg_dd_from((double)k), nmg_ln2), nmg_mul(sum, s));
}
#endif

/* 1 / n to about 107 bits, for the Taylor series of e^r - 1. */
static const nmg_dd nmg_inv[13] = {
    { 0.0, 0.0 },
    { 0x1.0000000000000p+0, 0x0.0p+0 },
    { 0x1.0000000000000p-1, 0x0.0p+0 },
    { 0x1.5555555555555p-2, 0x1.5555555555555p-56 },
    { 0x1.0000000000000p-2, 0x0.0p+0 },
    { 0x1.999999999999ap-3, -0x1.999999999999ap-57 },
    { 0x1.5555555555555p-3, 0x1.5555555555555p-57 },
    { 0x1.2492492492492p-3, 0x1.2492492492492p-57 },
    { 0x1.0000000000000p-3, 0x0.0p+0 },
    { 0x1.c71c71c71c71cp-4, 0x1.c71c71c71c71cp-58 },
    { 0x1.999999999999ap-4, -0x1.999999999999ap-58 },
    { 0x1.745d1745d1746p-4, -0x1.745d1745d1746p-59 },
    { 0x1.5555555555555p-4, 0x1.5555555555555p-58 },
};

/* e^z rounded to double, for -708 < z.hi < 709 (a normal, finite result). */
static double nmg_dd_exp(nmg_dd z) {
    double t = z.hi * 1.4426950408889634;
    double kf = (double)(int64_t)(t >= 0.0 ? t + 0.5 : t - 0.5);
    int k = (int)kf;
    /* r = z - k ln 2, |r| <= ln 2 / 2 (plus rounding), then divided by 2^9 (exactly). */
    nmg_dd r = nmg_add(z, nmg_mul(nmg_dd_from(-kf), nmg_ln2));
    r.hi *= 0x1p-9;
    r.lo *= 0x1p-9;
    /* e^r - 1 = r (1 + r/2 (1 + r/3 (1 + ...))): |r| < 6.8e-4, 12 terms are far beyond 2^-106. */
    nmg_dd p = nmg_dd_from(0.0);
    for (int n = 12; n >= 1; n--) {
        p = nmg_mul(nmg_mul(r, nmg_inv[n]), nmg_add(nmg_dd_from(1.0), p));
    }
    /* e^(2r) - 1 = 2 (e^r - 1) + (e^r - 1)^2, nine times. */
    for (int i = 0; i < 9; i++) {
        p = nmg_add(nmg_add(p, p), nmg_mul(p, p));
    }
    nmg_dd e = nmg_add(nmg_dd_from(1.0), p);
    /* e.hi is e rounded to double, unless e is a midpoint between two doubles (an exact
     * power such as (-29)^11 needs 54 bits): then e.lo is half an ulp of e.hi up to the
     * error of the arithmetic, and the tie goes to the even neighbour as the C library's. */
    union {
        double d;
        uint64_t u;
    } scale, ulp, hi = { e.hi };
    ulp.u = hi.u & 0x7ff0000000000000ULL;
    ulp.d *= 0x1p-52;
    double lo = e.lo < 0.0 ? -e.lo : e.lo;
    double off = lo - 0.5 * ulp.d;
    if ((off < 0.0 ? -off : off) < ulp.d * 0x1p-40 && (hi.u & 1)) {
        e.hi += e.lo < 0.0 ? -ulp.d : ulp.d;
    }
    scale.u = (uint64_t)(k + 1023) << 52;
    return e.hi * scale.d;
}

#if defined(NATMODGEN_LIBM_EXP)
double exp(double x) {
    if (x > -708.0 && x < 709.0) {
        return nmg_dd_exp(nmg_dd_from(x));
    }
    return natmodgen_fdlibm_exp(x);
}
#endif

#if defined(NATMODGEN_LIBM_LOG)
double log(double x) {
    if (x >= NMG_DBL_MIN_NORMAL && x <= NMG_DBL_MAX) {
        return nmg_dd_log(x).hi;
    }
    return natmodgen_fdlibm_log(x);
}
#endif

#if defined(NATMODGEN_LIBM_POW)
double pow(double x, double y) {
    if (y != 0.0 && y > -1e300 && y < 1e300) {
        if (x >= NMG_DBL_MIN_NORMAL && x <= NMG_DBL_MAX && x != 1.0) {
            nmg_dd z = nmg_mul(nmg_dd_from(y), nmg_dd_log(x));
            if (z.hi > -708.0 && z.hi < 709.0) {
                return nmg_dd_exp(z);
            }
        } else if (x <= -NMG_DBL_MIN_NORMAL && x >= -NMG_DBL_MAX && y > -0x1p53 && y < 0x1p53 && y == (double)(int64_t)y) {
            /* A negative base with an integer exponent: |x|^y, negated for an odd y. */
            double r = pow(-x, y);
            return ((int64_t)y & 1) ? -r : r;
        }
    }
    return natmodgen_fdlibm_pow(x, y);
}
#endif
