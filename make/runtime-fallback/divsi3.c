/* natmodgen: 32-bit integer division helpers for toolchains whose libgcc lacks them
 * (Debian's xtensa-lx106 has only __modsi3). Linked by `natmodgen build` when the
 * objects need one of these and the toolchain's libgcc does not define it.
 * Shift-and-subtract only: no operator here may itself compile to a division call. */
#include <stdint.h>

static uint32_t natmodgen_udivmod(uint32_t n, uint32_t d, uint32_t *rem) {
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

uint32_t __udivsi3(uint32_t n, uint32_t d) {
    uint32_t r;
    return natmodgen_udivmod(n, d, &r);
}

uint32_t __umodsi3(uint32_t n, uint32_t d) {
    uint32_t r;
    natmodgen_udivmod(n, d, &r);
    return r;
}

int32_t __divsi3(int32_t n, int32_t d) {
    uint32_t r;
    uint32_t un = n < 0 ? 0u - (uint32_t)n : (uint32_t)n;
    uint32_t ud = d < 0 ? 0u - (uint32_t)d : (uint32_t)d;
    uint32_t q = natmodgen_udivmod(un, ud, &r);
    return (n < 0) != (d < 0) ? (int32_t)(0u - q) : (int32_t)q;
}

int32_t __modsi3(int32_t n, int32_t d) {
    uint32_t r;
    uint32_t un = n < 0 ? 0u - (uint32_t)n : (uint32_t)n;
    uint32_t ud = d < 0 ? 0u - (uint32_t)d : (uint32_t)d;
    natmodgen_udivmod(un, ud, &r);
    return n < 0 ? (int32_t)(0u - r) : (int32_t)r;
}
