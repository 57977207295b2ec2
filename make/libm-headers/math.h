/*
 * natmodgen: the <math.h> MicroPython's lib/libm and lib/libm_dbl are compiled against when
 * natmodgen builds them into a natmod. Those sources bring their own internal declarations
 * (libm.h, fdlibm.h: float_t, double_t, __sin, __cos, ...), which a C library's own math.h
 * may declare differently (glibc: __sin as an alias of sin, float_t as long double on i386).
 * This header declares only the standard names, through the compiler's builtins, so the
 * sources compile the same against any C library or none.
 */
#ifndef NATMODGEN_LIBM_MATH_H
#define NATMODGEN_LIBM_MATH_H

#include <float.h>
#include <stdint.h>

/* lib/libm_dbl requires FLT_EVAL_METHOD == 0 (natmodgen compiles it for x86 with SSE maths). */
typedef float float_t;
typedef double double_t;

/* The fixed-width names lib/libm's fdlibm.h takes from newlib (a redeclaration of the same type elsewhere). */
typedef int32_t __int32_t;
typedef uint32_t __uint32_t;
typedef uint8_t __uint8_t;

#define HUGE_VAL (__builtin_huge_val())
#define HUGE_VALF (__builtin_huge_valf())
#define INFINITY (__builtin_inff())
#define NAN (__builtin_nanf(""))

#define FP_NAN 0
#define FP_INFINITE 1
#define FP_ZERO 2
#define FP_SUBNORMAL 3
#define FP_NORMAL 4

#define fpclassify(x) __builtin_fpclassify(FP_NAN, FP_INFINITE, FP_NORMAL, FP_SUBNORMAL, FP_ZERO, x)
#define isnan(x) __builtin_isnan(x)
#define isinf(x) __builtin_isinf_sign(x)
#define isfinite(x) __builtin_isfinite(x)
#define isnormal(x) __builtin_isnormal(x)
#define signbit(x) __builtin_signbit(x)

#define NATMODGEN_LIBM_FUNS(T, S) \
    T acos##S(T); T asin##S(T); T atan##S(T); T atan2##S(T, T); T cos##S(T); T sin##S(T); T tan##S(T); \
    T acosh##S(T); T asinh##S(T); T atanh##S(T); T cosh##S(T); T sinh##S(T); T tanh##S(T); \
    T exp##S(T); T exp2##S(T); T expm1##S(T); T log##S(T); T log10##S(T); T log1p##S(T); T log2##S(T); \
    T frexp##S(T, int *); T ldexp##S(T, int); T modf##S(T, T *); T scalbn##S(T, int); \
    T pow##S(T, T); T sqrt##S(T); T cbrt##S(T); T hypot##S(T, T); T fabs##S(T); \
    T ceil##S(T); T floor##S(T); T trunc##S(T); T round##S(T); T rint##S(T); T nearbyint##S(T); \
    T fmod##S(T, T); T copysign##S(T, T); T nan##S(const char *); \
    T erf##S(T); T erfc##S(T); T lgamma##S(T); T tgamma##S(T);

NATMODGEN_LIBM_FUNS(double, )
NATMODGEN_LIBM_FUNS(float, f)
#undef NATMODGEN_LIBM_FUNS

#endif
