/*
 * Division helpers of the ARM EABI for Cortex-M0 (armv6m), which has no divide
 * instruction: GCC calls these for every / and %. mpy_ld links no libgcc unless
 * LINK_RUNTIME=1. Semantics of the run-time ABI for the ARM architecture: quotients
 * truncate towards zero, INT_MIN / -1 wraps to INT_MIN (as the hardware divide of
 * armv7m does), and nothing overflows in between. Division by zero is undefined in
 * C; here it gives an all-ones quotient.
 */
#include "py/dynruntime.h"

#if defined(__ARM_ARCH_6M__)
__attribute__((noipa)) static unsigned natmodgen_rt_udiv(unsigned n, unsigned d, unsigned *rem) {
    unsigned q = 0;
    unsigned r = 0;
    for (int i = 31; i >= 0; --i) {
        r = (r << 1) | ((n >> i) & 1);
        if (r >= d) {
            r -= d;
            q |= 1u << i;
        }
    }
    *rem = r;
    return q;
}
#endif

#if defined(__ARM_ARCH_6M__)
/* The magnitude of a signed int as unsigned: well defined for INT_MIN too. */
static inline unsigned natmodgen_rt_abs(int v) {
    return v < 0 ? 0u - (unsigned)v : (unsigned)v;
}
#endif

#if defined(__ARM_ARCH_6M__)
/* Applies a sign to an unsigned magnitude without signed overflow (2**31 becomes INT_MIN). */
static inline int natmodgen_rt_signed(unsigned mag, int negative) {
    unsigned v = negative ? 0u - mag : mag;
    return v <= 0x7fffffffu ? (int)v : -(int)(~v) - 1;
}
#endif

#if defined(__ARM_ARCH_6M__)
unsigned __aeabi_uidiv(unsigned n, unsigned d);
unsigned __aeabi_uidiv(unsigned n, unsigned d) {
    unsigned r;
    return natmodgen_rt_udiv(n, d, &r);
}
#endif

#if defined(__ARM_ARCH_6M__)
int __aeabi_idiv(int n, int d);
int __aeabi_idiv(int n, int d) {
    unsigned r;
    unsigned q = natmodgen_rt_udiv(natmodgen_rt_abs(n), natmodgen_rt_abs(d), &r);
    return natmodgen_rt_signed(q, (n < 0) != (d < 0));
}
#endif

#if defined(__ARM_ARCH_6M__)
unsigned long long __aeabi_uidivmod(unsigned n, unsigned d);
unsigned long long __aeabi_uidivmod(unsigned n, unsigned d) {
    unsigned r;
    unsigned q = natmodgen_rt_udiv(n, d, &r);
    return ((unsigned long long)r << 32) | q;
}
#endif

#if defined(__ARM_ARCH_6M__)
unsigned long long __aeabi_idivmod(int n, int d);
unsigned long long __aeabi_idivmod(int n, int d) {
    unsigned r;
    unsigned q = natmodgen_rt_udiv(natmodgen_rt_abs(n), natmodgen_rt_abs(d), &r);
    int qs = natmodgen_rt_signed(q, (n < 0) != (d < 0));
    int rs = natmodgen_rt_signed(r, n < 0);
    return ((unsigned long long)(unsigned)rs << 32) | (unsigned)qs;
}
#endif
