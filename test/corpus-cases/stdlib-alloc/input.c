// The C library's allocator and rand, and py/gc.h's gc_alloc/gc_realloc/gc_free, as user C
// modules call them (v923z/micropython-usermod sillyerrors: malloc; dmazzella/uaesgcm:
// srand/rand/time; peterzuger/bitstruct-micropython and Carglglz/mpy-yaml: gc_alloc).
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "py/gc.h"
#include "py/runtime.h"

static mp_obj_t al_run(mp_obj_t n_in) {
    size_t n = mp_obj_get_int(n_in);
    char *a = malloc(n + 1);
    memset(a, 'a', n);
    a[n] = '\0';
    char *b = realloc(a, 2 * n + 1);
    memset(b + n, 'b', n);
    b[2 * n] = '\0';
    int *z = calloc(n, sizeof(int));
    int zeros = 0;
    for (size_t i = 0; i < n; i++) {
        zeros += z[i] == 0;
    }
    unsigned char *g = gc_alloc(n, 0);
    memset(g, 7, n);
    g = gc_realloc(g, 2 * n, true);
    int sum = 0;
    for (size_t i = 0; i < n; i++) {
        sum += g[i];
    }
    srand(1);
    int r1 = rand();
    srand(1);
    int same = rand() == r1 && r1 >= 0 && r1 <= RAND_MAX;
    mp_obj_t items[5] = {
        mp_obj_new_str(b, strlen(b)),
        mp_obj_new_int(zeros),
        mp_obj_new_int(sum),
        mp_obj_new_bool(same),
        mp_obj_new_bool(time(NULL) > 1000000000),
    };
    free(b);
    free(z);
    free(NULL);
    gc_free(g);
    return mp_obj_new_tuple(5, items);
}
static MP_DEFINE_CONST_FUN_OBJ_1(al_run_obj, al_run);

static const mp_rom_map_elem_t al_module_globals_table[] = {
    { MP_ROM_QSTR(MP_QSTR___name__), MP_ROM_QSTR(MP_QSTR_nmg_alloc) },
    { MP_ROM_QSTR(MP_QSTR_run), MP_ROM_PTR(&al_run_obj) },
};
static MP_DEFINE_CONST_DICT(al_module_globals, al_module_globals_table);

const mp_obj_module_t al_module = {
    .base = { &mp_type_module },
    .globals = (mp_obj_dict_t *)&al_module_globals,
};
MP_REGISTER_MODULE(MP_QSTR_nmg_alloc, al_module);
