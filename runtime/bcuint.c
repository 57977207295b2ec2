/*
 * The variable-length unsigned integers of bytecode and .mpy files (py/bc.h): seven bits a
 * byte, most significant group first, the top bit set on every byte but the last. Plain
 * byte arithmetic, so a natmod has them as the firmware does (a module reading .mpy data or
 * writing its own compact format calls them).
 */
#include "py/dynruntime.h"
#include "py/bc.h"

#include "natmodgen_rt.h"

/* Asks the allocator for exactly the bytes needed, and writes nothing if it gives NULL. */
NATMODGEN_RT_LOOP void mp_encode_uint(void *env, mp_encode_uint_allocator_t allocator, mp_uint_t val) {
    size_t n = 1;
    for (mp_uint_t rest = val >> 7; rest != 0; rest >>= 7) {
        ++n;
    }
    byte *out = allocator(env, n);
    if (out == NULL) {
        return;
    }
    for (size_t i = n; i-- > 0;) {
        out[i] = (byte)((val & 0x7f) | (i + 1 < n ? 0x80 : 0));
        val >>= 7;
    }
}

NATMODGEN_RT_LOOP mp_uint_t mp_decode_uint(const byte **ptr) {
    const byte *p = *ptr;
    mp_uint_t v = 0;
    byte b;
    do {
        b = *p++;
        v = (v << 7) | (b & 0x7f);
    } while (b & 0x80);
    *ptr = p;
    return v;
}

mp_uint_t mp_decode_uint_value(const byte *ptr) {
    return mp_decode_uint(&ptr);
}

NATMODGEN_RT_LOOP const byte *mp_decode_uint_skip(const byte *ptr) {
    while (*ptr++ & 0x80) {
    }
    return ptr;
}
