// POSIX open/read/close, as micro-ecc's default RNG uses on Linux (kmackay/micro-ecc
// platform-specific.inc:53-80, reached from peterzuger/micro-ecc-micropython).
#include <fcntl.h>
#include <unistd.h>
#include "py/runtime.h"

static mp_obj_t random_len(mp_obj_t n_in) {
    size_t n = mp_obj_get_int(n_in);
    unsigned char buf[64];
    if (n > sizeof(buf)) {
        n = sizeof(buf);
    }
    int fd = open("/dev/urandom", O_RDONLY | O_CLOEXEC);
    if (fd == -1) {
        return mp_const_none;
    }
    ssize_t got = read(fd, buf, n);
    close(fd);
    return mp_obj_new_int(got);
}
static MP_DEFINE_CONST_FUN_OBJ_1(random_len_obj, random_len);

static const mp_rom_map_elem_t px_globals_table[] = {
    { MP_ROM_QSTR(MP_QSTR___name__), MP_ROM_QSTR(MP_QSTR_nmg_posixio) },
    { MP_ROM_QSTR(MP_QSTR_random_len), MP_ROM_PTR(&random_len_obj) },
};
static MP_DEFINE_CONST_DICT(px_globals, px_globals_table);
const mp_obj_module_t px_module = { .base = { &mp_type_module }, .globals = (mp_obj_dict_t *)&px_globals };
MP_REGISTER_MODULE(MP_QSTR_nmg_posixio, px_module);
