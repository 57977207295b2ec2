/*
 * Integers of any byte size and order in memory (py/binary.h), as the firmware reads
 * and writes them for struct, uctypes and int.from_bytes.
 */
#include "py/dynruntime.h"
#include "natmodgen_rt.h"

NATMODGEN_RT_LOOP long long mp_binary_get_int(size_t size, bool is_signed, bool big_endian, const byte *src) {
    unsigned long long val = 0;
    const byte *msb = big_endian ? src : src + size - 1;
    if (is_signed && (*msb & 0x80)) {
        val = ~0ULL;
    }
    for (size_t i = 0; i < size; i++) {
        val = (val << 8) | (big_endian ? src[i] : src[size - 1 - i]);
    }
    return (long long)val;
}

NATMODGEN_RT_LOOP void mp_binary_set_int(size_t val_sz, bool big_endian, byte *dest, mp_uint_t val) {
    for (size_t i = 0; i < val_sz; i++) {
        byte b = i < sizeof(mp_uint_t) ? (byte)(val >> (8 * i)) : 0;
        dest[big_endian ? val_sz - 1 - i : i] = b;
    }
}
