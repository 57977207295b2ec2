/* Compares natmodgen's soft-float helpers (make/runtime-fallback/softfp.c compiled with
 * -DNATMODGEN_SOFTFP_TEST) with the host's hardware floating point: every pair of special
 * values, then N random bit patterns per function (argv[1], default 1000000), drawn so that
 * exponents collide, results fall into subnormals and overflow, and ties occur.
 * Results must be bit-identical; a NaN result must be a quiet NaN where the host's is a NaN
 * (payloads and the sign of NaNs differ between hosts and are not compared). Integer
 * results of out-of-range conversions (undefined in C) are checked against the saturation
 * softfp.c documents. Prints one line per function: "<name>: <cases> cases, <bad> differ". */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define T(n) natmodgen_test_##n
float T(addsf3)(float, float);
float T(subsf3)(float, float);
float T(mulsf3)(float, float);
float T(divsf3)(float, float);
float T(negsf2)(float);
float T(floatsisf)(int32_t);
float T(floatunsisf)(uint32_t);
float T(floatdisf)(int64_t);
float T(floatundisf)(uint64_t);
int32_t T(fixsfsi)(float);
uint32_t T(fixunssfsi)(float);
int64_t T(fixsfdi)(float);
uint64_t T(fixunssfdi)(float);
int T(eqsf2)(float, float);
int T(nesf2)(float, float);
int T(ltsf2)(float, float);
int T(lesf2)(float, float);
int T(gtsf2)(float, float);
int T(gesf2)(float, float);
int T(unordsf2)(float, float);
double T(extendsfdf2)(float);
float T(truncdfsf2)(double);
double T(adddf3)(double, double);
double T(subdf3)(double, double);
double T(muldf3)(double, double);
double T(divdf3)(double, double);
double T(negdf2)(double);
double T(floatsidf)(int32_t);
double T(floatunsidf)(uint32_t);
double T(floatdidf)(int64_t);
double T(floatundidf)(uint64_t);
int32_t T(fixdfsi)(double);
uint32_t T(fixunsdfsi)(double);
int64_t T(fixdfdi)(double);
uint64_t T(fixunsdfdi)(double);
int T(eqdf2)(double, double);
int T(nedf2)(double, double);
int T(ltdf2)(double, double);
int T(ledf2)(double, double);
int T(gtdf2)(double, double);
int T(gedf2)(double, double);
int T(unorddf2)(double, double);

static uint64_t state = 0x9e3779b97f4a7c15ull;
static uint64_t rnd(void) {
    state ^= state << 13;
    state ^= state >> 7;
    state ^= state << 17;
    return state;
}

static uint32_t fbits(float f) {
    uint32_t u;
    memcpy(&u, &f, 4);
    return u;
}
static float fval(uint32_t u) {
    float f;
    memcpy(&f, &u, 4);
    return f;
}
static uint64_t dbits(double d) {
    uint64_t u;
    memcpy(&u, &d, 8);
    return u;
}
static double dval(uint64_t u) {
    double d;
    memcpy(&d, &u, 8);
    return d;
}

static const uint32_t special32[] = {
    0x00000000, 0x00000001, 0x00000002, 0x007fffff, 0x00400000, 0x00800000, 0x00800001, 0x01000000,
    0x33800000, 0x33800001, 0x34000000, 0x3f000000, 0x3f7fffff, 0x3f800000, 0x3f800001, 0x3fc00000,
    0x40000000, 0x40400000, 0x4b000000, 0x4b7fffff, 0x4b800000, 0x4effffff, 0x4f000000, 0x4f800000,
    0x5effffff, 0x5f000000, 0x5f800000, 0x7effffff, 0x7f000000, 0x7f7fffff, 0x7f800000, 0x7fc00000,
    0x7f800001, 0x7fffffff, 0x0000ffff, 0x3effffff, 0x4effffff, 0x3e800000,
};
static const uint64_t special64[] = {
    0x0000000000000000ull, 0x0000000000000001ull, 0x000fffffffffffffull, 0x0008000000000000ull,
    0x0010000000000000ull, 0x0010000000000001ull, 0x3ca0000000000000ull, 0x3ca0000000000001ull,
    0x3fe0000000000000ull, 0x3fefffffffffffffull, 0x3ff0000000000000ull, 0x3ff0000000000001ull,
    0x3ff8000000000000ull, 0x4000000000000000ull, 0x4330000000000000ull, 0x433fffffffffffffull,
    0x41dfffffffc00000ull, 0x41e0000000000000ull, 0x41efffffffe00000ull, 0x41f0000000000000ull,
    0x43dfffffffffffffull, 0x43e0000000000000ull, 0x43f0000000000000ull, 0x7fefffffffffffffull,
    0x7fe0000000000000ull, 0x7ff0000000000000ull, 0x7ff8000000000000ull, 0x7ff0000000000001ull,
    0x7fffffffffffffffull, 0x36a0000000000000ull, 0x36a0000000000001ull, 0x3810000000000000ull,
    0x380fffffffffffffull, 0x47efffffe0000000ull, 0x47efffffefffffffull, 0x47effffff0000000ull,
    0x3698000000000000ull, 0x3690000000000000ull,
};
#define NS32 (sizeof special32 / sizeof special32[0])
#define NS64 (sizeof special64 / sizeof special64[0])

/* A binary32 operand: random bits, or built near `near` (exponent within a few), tiny,
 * huge, or with a sparse or dense significand (ties and long carries). */
static uint32_t gen32(uint32_t near) {
    uint64_t r = rnd();
    uint32_t sign = (uint32_t)(r >> 63) << 31, m = (uint32_t)rnd() & 0x7fffff;
    uint32_t e;
    switch (r % 8) {
        case 0:
        case 1:
            return (uint32_t)rnd();
        case 2: {
            int32_t ne = (int32_t)((near >> 23) & 0xff) + (int32_t)(rnd() % 61) - 30;
            e = ne < 0 ? 0 : ne > 254 ? 254 : (uint32_t)ne;
            break;
        }
        case 3: {
            int32_t ne = (int32_t)((near >> 23) & 0xff) + (int32_t)(rnd() % 5) - 2;
            e = ne < 0 ? 0 : ne > 254 ? 254 : (uint32_t)ne;
            break;
        }
        case 4:
            e = (uint32_t)(rnd() % 4);
            break;
        case 5:
            e = 250 + (uint32_t)(rnd() % 5);
            break;
        case 6:
            e = 100 + (uint32_t)(rnd() % 55);
            m &= (uint32_t)rnd() & (uint32_t)rnd();
            break;
        default:
            e = 100 + (uint32_t)(rnd() % 55);
            m |= (uint32_t)rnd() | (uint32_t)rnd();
            m &= 0x7fffff;
            break;
    }
    return sign | (e << 23) | m;
}

static uint64_t gen64(uint64_t near) {
    uint64_t r = rnd();
    uint64_t sign = (r >> 63) << 63, m = rnd() & 0xfffffffffffffull;
    uint64_t e;
    switch (r % 9) {
        case 0:
        case 1:
            return rnd();
        case 2: {
            int32_t ne = (int32_t)((near >> 52) & 0x7ff) + (int32_t)(rnd() % 121) - 60;
            e = ne < 0 ? 0 : ne > 2046 ? 2046 : (uint64_t)ne;
            break;
        }
        case 3: {
            int32_t ne = (int32_t)((near >> 52) & 0x7ff) + (int32_t)(rnd() % 5) - 2;
            e = ne < 0 ? 0 : ne > 2046 ? 2046 : (uint64_t)ne;
            break;
        }
        case 4:
            e = rnd() % 4;
            break;
        case 5:
            e = 2042 + rnd() % 5;
            break;
        case 6:
            /* around binary32's range, for the narrowing conversion */
            e = 1023 - 160 + rnd() % 300;
            break;
        case 7:
            e = 1000 + rnd() % 50;
            m &= rnd() & rnd();
            break;
        default:
            e = 1000 + rnd() % 50;
            m |= rnd() | rnd();
            m &= 0xfffffffffffffull;
            break;
    }
    return sign | (e << 52) | m;
}

/* An integer of random width and sign. */
static uint64_t genint(void) {
    uint64_t x = rnd() >> (rnd() % 64);
    if (rnd() & 1) x = ~x + 1;
    return x;
}

static int same32(uint32_t got, float want) {
    uint32_t w = fbits(want);
    if (isnan(want)) return (got & 0x7fffffff) > 0x7f800000 && (got & 0x00400000);
    return got == w;
}
static int same64(uint64_t got, double want) {
    if (isnan(want)) return (got & 0x7fffffffffffffffull) > 0x7ff0000000000000ull && (got & 0x0008000000000000ull);
    return got == dbits(want);
}

static long cases, bad;
static int total_bad;
static void report(const char *name) {
    printf("%s: %ld cases, %ld differ\n", name, cases, bad);
    total_bad += bad != 0;
    cases = bad = 0;
}
static void note(int ok, const char *name, uint64_t a, uint64_t b) {
    cases++;
    if (!ok && bad++ < 5) fprintf(stderr, "%s(0x%llx, 0x%llx) differs\n", name, (unsigned long long)a, (unsigned long long)b);
}

/* the saturation softfp.c documents for conversions C leaves undefined */
static uint64_t expect_int(double v, int bits, int is_signed) {
    uint64_t max = is_signed ? ((uint64_t)1 << (bits - 1)) - 1 : bits == 64 ? ~(uint64_t)0 : 0xffffffffull;
    if (isnan(v)) return 0;
    if (is_signed) {
        double lim = ldexp(1.0, bits - 1);
        if (v >= lim) return max;
        if (v < -lim) return max + 1;
        return bits == 64 ? (uint64_t)(int64_t)v : (uint64_t)(uint32_t)(int32_t)v;
    }
    if (v <= -1.0) return 0;
    if (v >= ldexp(1.0, bits)) return max;
    return bits == 64 ? (uint64_t)v : (uint64_t)(uint32_t)v;
}

#define BIN32(name, op)                                                              \
    static void check_##name(long n) {                                               \
        for (size_t i = 0; i < NS32 * 2; i++)                                        \
            for (size_t j = 0; j < NS32 * 2; j++) {                                  \
                uint32_t a = special32[i / 2] | (uint32_t)(i & 1) << 31;             \
                uint32_t b = special32[j / 2] | (uint32_t)(j & 1) << 31;             \
                note(same32(fbits(T(name)(fval(a), fval(b))), fval(a) op fval(b)), #name, a, b); \
            }                                                                        \
        for (long k = 0; k < n; k++) {                                               \
            uint32_t a = gen32(0x3f800000), b = gen32(a);                            \
            note(same32(fbits(T(name)(fval(a), fval(b))), fval(a) op fval(b)), #name, a, b); \
        }                                                                            \
        report(#name);                                                               \
    }
#define BIN64(name, op)                                                              \
    static void check_##name(long n) {                                               \
        for (size_t i = 0; i < NS64 * 2; i++)                                        \
            for (size_t j = 0; j < NS64 * 2; j++) {                                  \
                uint64_t a = special64[i / 2] | (uint64_t)(i & 1) << 63;             \
                uint64_t b = special64[j / 2] | (uint64_t)(j & 1) << 63;             \
                note(same64(dbits(T(name)(dval(a), dval(b))), dval(a) op dval(b)), #name, a, b); \
            }                                                                        \
        for (long k = 0; k < n; k++) {                                               \
            uint64_t a = gen64(0x3ff0000000000000ull), b = gen64(a);                 \
            note(same64(dbits(T(name)(dval(a), dval(b))), dval(a) op dval(b)), #name, a, b); \
        }                                                                            \
        report(#name);                                                               \
    }
BIN32(addsf3, +)
BIN32(subsf3, -)
BIN32(mulsf3, *)
BIN32(divsf3, /)
BIN64(adddf3, +)
BIN64(subdf3, -)
BIN64(muldf3, *)
BIN64(divdf3, /)

/* comparisons: the sign of the result, read as libgcc's callers read it */
#define CMP32(name, test, want)                                                      \
    static void check_##name(long n) {                                               \
        for (long k = -(long)(NS32 * NS32 * 4); k < n; k++) {                        \
            uint32_t a, b;                                                           \
            if (k < 0) {                                                             \
                long idx = k + (long)(NS32 * NS32 * 4);                              \
                a = special32[idx / (NS32 * 2) / 2] | (uint32_t)(idx / (NS32 * 2) & 1) << 31; \
                b = special32[idx % (NS32 * 2) / 2] | (uint32_t)(idx & 1) << 31;     \
            } else if (k & 1) {                                                      \
                a = gen32(0x3f800000);                                               \
                b = gen32(a);                                                        \
            } else {                                                                 \
                a = gen32(0x3f800000);                                               \
                b = (rnd() & 1) ? a : a ^ 0x80000000u;                              \
            }                                                                        \
            float x = fval(a), y = fval(b);                                          \
            int r = T(name)(x, y);                                                   \
            note((test) == (want), #name, a, b);                                     \
        }                                                                            \
        report(#name);                                                               \
    }
#define CMP64(name, test, want)                                                      \
    static void check_##name(long n) {                                               \
        for (long k = -(long)(NS64 * NS64 * 4); k < n; k++) {                        \
            uint64_t a, b;                                                           \
            if (k < 0) {                                                             \
                long idx = k + (long)(NS64 * NS64 * 4);                              \
                a = special64[idx / (NS64 * 2) / 2] | (uint64_t)(idx / (NS64 * 2) & 1) << 63; \
                b = special64[idx % (NS64 * 2) / 2] | (uint64_t)(idx & 1) << 63;     \
            } else if (k & 1) {                                                      \
                a = gen64(0x3ff0000000000000ull);                                    \
                b = gen64(a);                                                        \
            } else {                                                                 \
                a = gen64(0x3ff0000000000000ull);                                    \
                b = (rnd() & 1) ? a : a ^ 0x8000000000000000ull;                    \
            }                                                                        \
            double x = dval(a), y = dval(b);                                         \
            int r = T(name)(x, y);                                                   \
            note((test) == (want), #name, a, b);                                     \
        }                                                                            \
        report(#name);                                                               \
    }
CMP32(eqsf2, r == 0, x == y)
CMP32(nesf2, r != 0, x != y)
CMP32(ltsf2, r < 0, x < y)
CMP32(lesf2, r <= 0, x <= y)
CMP32(gtsf2, r > 0, x > y)
CMP32(gesf2, r >= 0, x >= y)
CMP32(unordsf2, r != 0, isnan(x) || isnan(y))
CMP64(eqdf2, r == 0, x == y)
CMP64(nedf2, r != 0, x != y)
CMP64(ltdf2, r < 0, x < y)
CMP64(ledf2, r <= 0, x <= y)
CMP64(gtdf2, r > 0, x > y)
CMP64(gedf2, r >= 0, x >= y)
CMP64(unorddf2, r != 0, isnan(x) || isnan(y))

/* one-operand functions of a binary32 / binary64 operand */
#define UN32(name, check)                                                            \
    static void check_##name(long n) {                                               \
        for (long k = -(long)(NS32 * 2); k < n; k++) {                               \
            uint32_t a = k < 0 ? special32[(k + NS32 * 2) / 2] | (uint32_t)((k + NS32 * 2) & 1) << 31 : gen32(0x3f800000 + (uint32_t)(rnd() % 64) * 0x800000u); \
            float x = fval(a);                                                       \
            note(check, #name, a, 0);                                                \
        }                                                                            \
        report(#name);                                                               \
    }
#define UN64(name, check)                                                            \
    static void check_##name(long n) {                                               \
        for (long k = -(long)(NS64 * 2); k < n; k++) {                               \
            uint64_t a = k < 0 ? special64[(k + NS64 * 2) / 2] | (uint64_t)((k + NS64 * 2) & 1) << 63 : gen64(0x3ff0000000000000ull + (rnd() % 70) * 0x10000000000000ull); \
            double x = dval(a);                                                      \
            note(check, #name, a, 0);                                                \
        }                                                                            \
        report(#name);                                                               \
    }
UN32(negsf2, fbits(T(negsf2)(x)) == (a ^ 0x80000000u))
UN32(fixsfsi, (uint64_t)(uint32_t)T(fixsfsi)(x) == expect_int(x, 32, 1))
UN32(fixunssfsi, (uint64_t)T(fixunssfsi)(x) == expect_int(x, 32, 0))
UN32(fixsfdi, (uint64_t)T(fixsfdi)(x) == expect_int(x, 64, 1))
UN32(fixunssfdi, T(fixunssfdi)(x) == expect_int(x, 64, 0))
UN32(extendsfdf2, same64(dbits(T(extendsfdf2)(x)), (double)x))
UN64(negdf2, dbits(T(negdf2)(x)) == (a ^ 0x8000000000000000ull))
UN64(fixdfsi, (uint64_t)(uint32_t)T(fixdfsi)(x) == expect_int(x, 32, 1))
UN64(fixunsdfsi, (uint64_t)T(fixunsdfsi)(x) == expect_int(x, 32, 0))
UN64(fixdfdi, (uint64_t)T(fixdfdi)(x) == expect_int(x, 64, 1))
UN64(fixunsdfdi, T(fixunsdfdi)(x) == expect_int(x, 64, 0))
UN64(truncdfsf2, same32(fbits(T(truncdfsf2)(x)), (float)x))

/* integer to floating point */
static const uint64_t specialint[] = {
    0, 1, 2, 3, 0x7fffffff, 0x80000000ull, 0xffffffffull, 0x100000000ull, 0x00ffffff, 0x01000000, 0x01000001,
    0x01000003, 0x7fffff80, 0x7fffffc0, 0x7fffffbf, 0xffffff7full, 0xffffff80ull, 0x20000000000001ull,
    0x20000000000003ull, 0x7fffffffffffffffull, 0x8000000000000000ull, 0xffffffffffffffffull,
    0xfffffffffffffc00ull, 0xfffffffffffffbffull, 0x7ffffffffffffe00ull, 0x7ffffffffffffdffull,
};
#define NSI (sizeof specialint / sizeof specialint[0])
#define FROMINT(name, type, check)                                                   \
    static void check_##name(long n) {                                               \
        for (long k = -(long)(NSI * 2); k < n; k++) {                                \
            uint64_t u = k < 0 ? specialint[(k + NSI * 2) / 2] : genint();           \
            if (k < 0 && ((k + NSI * 2) & 1)) u = ~u + 1;                            \
            type v = (type)u;                                                        \
            note(check, #name, u, 0);                                                \
        }                                                                            \
        report(#name);                                                               \
    }
FROMINT(floatsisf, int32_t, same32(fbits(T(floatsisf)(v)), (float)v))
FROMINT(floatunsisf, uint32_t, same32(fbits(T(floatunsisf)(v)), (float)v))
FROMINT(floatdisf, int64_t, same32(fbits(T(floatdisf)(v)), (float)v))
FROMINT(floatundisf, uint64_t, same32(fbits(T(floatundisf)(v)), (float)v))
FROMINT(floatsidf, int32_t, same64(dbits(T(floatsidf)(v)), (double)v))
FROMINT(floatunsidf, uint32_t, same64(dbits(T(floatunsidf)(v)), (double)v))
FROMINT(floatdidf, int64_t, same64(dbits(T(floatdidf)(v)), (double)v))
FROMINT(floatundidf, uint64_t, same64(dbits(T(floatundidf)(v)), (double)v))

int main(int argc, char **argv) {
    long n = argc > 1 ? atol(argv[1]) : 1000000;
    check_addsf3(n);
    check_subsf3(n);
    check_mulsf3(n);
    check_divsf3(n);
    check_negsf2(n);
    check_eqsf2(n);
    check_nesf2(n);
    check_ltsf2(n);
    check_lesf2(n);
    check_gtsf2(n);
    check_gesf2(n);
    check_unordsf2(n);
    check_floatsisf(n);
    check_floatunsisf(n);
    check_floatdisf(n);
    check_floatundisf(n);
    check_fixsfsi(n);
    check_fixunssfsi(n);
    check_fixsfdi(n);
    check_fixunssfdi(n);
    check_extendsfdf2(n);
    check_truncdfsf2(n);
    check_adddf3(n);
    check_subdf3(n);
    check_muldf3(n);
    check_divdf3(n);
    check_negdf2(n);
    check_eqdf2(n);
    check_nedf2(n);
    check_ltdf2(n);
    check_ledf2(n);
    check_gtdf2(n);
    check_gedf2(n);
    check_unorddf2(n);
    check_floatsidf(n);
    check_floatunsidf(n);
    check_floatdidf(n);
    check_floatundidf(n);
    check_fixdfsi(n);
    check_fixunsdfsi(n);
    check_fixdfdi(n);
    check_fixunsdfdi(n);
    return total_bad ? 1 : 0;
}
