/*
 * Host check of make/libm-extra/natmodgen_exp_pow.c: its exp, log and pow (renamed
 * nmg_exp, nmg_log, nmg_pow with -D) against libquadmath's 113-bit functions rounded to
 * double, over random arguments and exact integer powers; the special values go to the
 * natmodgen_fdlibm_* fallbacks, which this check maps to the C library's functions.
 * Prints one line per function and exits 1 on any difference.
 */
#include <math.h>
#include <quadmath.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

double nmg_exp(double);
double nmg_log(double);
double nmg_pow(double, double);

double natmodgen_fdlibm_exp(double x) {
    return exp(x);
}
double natmodgen_fdlibm_log(double x) {
    return log(x);
}
double natmodgen_fdlibm_pow(double x, double y) {
    return pow(x, y);
}

static uint64_t state = 0x9e3779b97f4a7c15ULL;
static double uniform(double a, double b) {
    state ^= state << 13;
    state ^= state >> 7;
    state ^= state << 17;
    return a + (b - a) * ((double)(state >> 11) * 0x1p-53);
}

static int same(double a, double b) {
    return memcmp(&a, &b, sizeof a) == 0 || (a != a && b != b);
}

static long failures;
static void check(const char *what, double x, double y, double got, double want) {
    if (!same(got, want)) {
        if (failures++ < 10) {
            printf("%s(%a, %a): got %a, want %a\n", what, x, y, got, want);
        }
    }
}

int main(void) {
    const long n = 20000;
    long before = failures;
    for (long i = 0; i < n; i++) {
        double x = uniform(-707.0, 708.0);
        check("exp", x, 0, nmg_exp(x), (double)expq(x));
    }
    printf("exp: %ld random arguments, %ld differ\n", n, failures - before);
    before = failures;
    for (long i = 0; i < n; i++) {
        double x = exp(uniform(-700.0, 700.0));
        check("log", x, 0, nmg_log(x), (double)logq(x));
    }
    printf("log: %ld random arguments, %ld differ\n", n, failures - before);
    before = failures;
    for (long i = 0; i < n; i++) {
        double x = exp(uniform(-20.0, 20.0));
        double y = uniform(-30.0, 30.0);
        check("pow", x, y, nmg_pow(x, y), (double)powq(x, y));
    }
    /* Exact integer powers, some of them exactly halfway between two doubles (ties to even). */
    long exact = 0;
    for (int b = 2; b <= 60; b++) {
        for (int e = 1; e <= 40; e++) {
            __float128 p = 1;
            for (int k = 0; k < e; k++) {
                p *= b;
            }
            if (p > (__float128)0x1p112) {
                break;
            }
            check("pow", b, e, nmg_pow(b, e), (double)p);
            check("pow", -b, e, nmg_pow(-b, e), (double)((e & 1) ? -p : p));
            exact += 2;
        }
    }
    printf("pow: %ld random and %ld exact integer powers, %ld differ\n", n, exact, failures - before);
    before = failures;
    const double specials[] = { 0.0, -0.0, 1.0, -1.0, 0.5, 2.0, -2.5, 1e-310, -1e-310, 1e308, -1e308, 710.0, -746.0, INFINITY, -INFINITY, NAN };
    const size_t ns = sizeof specials / sizeof specials[0];
    for (size_t i = 0; i < ns; i++) {
        check("exp", specials[i], 0, nmg_exp(specials[i]), exp(specials[i]));
        check("log", specials[i], 0, nmg_log(specials[i]), log(specials[i]));
        for (size_t j = 0; j < ns; j++) {
            check("pow", specials[i], specials[j], nmg_pow(specials[i], specials[j]), pow(specials[i], specials[j]));
        }
    }
    printf("special values: %zu, %ld differ\n", ns * (ns + 2), failures - before);
    return failures ? 1 : 0;
}
