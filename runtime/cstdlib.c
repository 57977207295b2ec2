/*
 * The C library's allocator, random numbers and clock, as firmware without a C library
 * defines them (ports/esp8266/posix_helpers.c): malloc and friends allocate from the GC
 * heap through the firmware's gc_realloc (mp_fun_table.realloc_), so memory that nothing
 * the GC scans points to may be reclaimed, as on such firmware. gc_alloc and gc_realloc
 * (py/gc.h) are the same calls.
 */
#include "py/dynruntime.h"
#include <time.h>

/* GC_ALLOC_FLAG_HAS_FINALISER cannot be set through mp_fun_table: the block is allocated without it. */
void *gc_alloc(size_t n_bytes, unsigned int alloc_flags) {
    (void)alloc_flags;
    return mp_fun_table.realloc_(NULL, n_bytes, false);
}

void *gc_realloc(void *ptr, size_t n_bytes, bool allow_move) {
    return mp_fun_table.realloc_(ptr, n_bytes, allow_move);
}

void *malloc(size_t size) {
    return mp_fun_table.realloc_(NULL, size, false);
}

void *calloc(size_t nmemb, size_t size) {
    if (size && nmemb > (size_t)-1 / size) {
        return NULL;
    }
    void *p = mp_fun_table.realloc_(NULL, nmemb * size, false);
    if (p != NULL) {
        mp_fun_table.memset_(p, 0, nmemb * size);
    }
    return p;
}

void *realloc(void *ptr, size_t size) {
    return mp_fun_table.realloc_(ptr, size, true);
}

void free(void *ptr) {
    if (ptr != NULL) {
        mp_fun_table.realloc_(ptr, 0, false);
    }
}

/*
 * rand as glibc's TYPE_0 generator: a 31-bit linear congruential sequence, RAND_MAX 2**31-1,
 * seed 1 until srand. Natmods cannot have initialised data, so the state is kept XOR 1; mpy_ld places only
 * non-static variables in bss.
 */
unsigned int natmodgen_rt_rand_state_x1;

void srand(unsigned int seed) {
    natmodgen_rt_rand_state_x1 = seed ^ 1u;
}

int rand(void) {
    unsigned int next = ((natmodgen_rt_rand_state_x1 ^ 1u) * 1103515245u + 12345u) & 0x7fffffffu;
    natmodgen_rt_rand_state_x1 = next ^ 1u;
    return (int)next;
}

/*
 * Seconds since the epoch from the time module: int(time.time()), as the port's own clock gives
 * them (a float on ports with float time).
 */
time_t time(time_t *t) {
    mp_obj_t mod = mp_import_name(MP_QSTR_time, mp_const_none, MP_OBJ_NEW_SMALL_INT(0));
    mp_obj_t secs = mp_call_function_0(mp_load_attr(mod, MP_QSTR_time));
    time_t now = (time_t)mp_obj_get_int(mp_call_function_1(MP_OBJ_FROM_PTR(&mp_type_int), secs));
    if (t != NULL) {
        *t = now;
    }
    return now;
}
