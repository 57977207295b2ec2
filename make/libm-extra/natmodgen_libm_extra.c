/*
 * natmodgen: maths functions a natmod may call that MicroPython's lib/libm and lib/libm_dbl do
 * not define, in terms of those that they do. Compiled into the same archive
 * (make/natmodgen-libm.mk) with -fno-builtin, so GCC cannot turn a body back into a call of
 * the function it defines.
 *
 * sincos/sincosf: GCC merges sin(x) and cos(x) of one argument into one sincos call where the
 * C library has it (glibc), even though the source never names it (py/modcmath.c does this).
 * log2/log2f: as py/modmath.c computes it for ports whose libm lacks it (MP_NEED_LOG2).
 */
#include <math.h>

/* One definition per member, so a module takes only what it calls. */
#if defined(NATMODGEN_LIBM_SINCOS)
void sincos(double x, double *s, double *c) {
    *s = sin(x);
    *c = cos(x);
}
#elif defined(NATMODGEN_LIBM_SINCOSF)
void sincosf(float x, float *s, float *c) {
    *s = sinf(x);
    *c = cosf(x);
}
#elif defined(NATMODGEN_LIBM_LOG2)
double log2(double x) {
    /* 1.442695040888963407354163704 is 1/ln(2) */
    return log(x) * 1.442695040888963407354163704;
}
#elif defined(NATMODGEN_LIBM_LOG2F)
float log2f(float x) {
    return logf(x) * 1.442695040888963407354163704f;
}
#endif
