// POSIX open/read/close, as micro-ecc's default RNG uses on Linux (kmackay/micro-ecc
// platform-specific.inc:53-80, reached from peterzuger/micro-ecc-micropython), and the rest of
// the descriptor calls (write, lseek) on a file the script can read.
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

// Writes data to a new file, then reads it back from offset 2 and from the end (lseek).
static mp_obj_t write_read(mp_obj_t path_in, mp_obj_t data_in) {
    const char *path = mp_obj_str_get_str(path_in);
    mp_buffer_info_t bi;
    mp_get_buffer_raise(data_in, &bi, MP_BUFFER_READ);
    int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
    ssize_t put = write(fd, bi.buf, bi.len);
    close(fd);
    char buf[32];
    fd = open(path, O_RDONLY);
    off_t end = lseek(fd, 0, SEEK_END);
    lseek(fd, 2, SEEK_SET);
    ssize_t got = read(fd, buf, sizeof(buf));
    ssize_t at_end = read(fd, buf + got, 1);
    int closed = close(fd);
    int closed_again = close(fd);
    mp_obj_t items[6] = {
        mp_obj_new_int(put), mp_obj_new_int(end), mp_obj_new_bytes((const byte *)buf, got),
        mp_obj_new_int(at_end), mp_obj_new_int(closed), mp_obj_new_int(closed_again),
    };
    return mp_obj_new_tuple(6, items);
}
static MP_DEFINE_CONST_FUN_OBJ_2(write_read_obj, write_read);

static mp_obj_t missing(mp_obj_t path_in) {
    return mp_obj_new_int(open(mp_obj_str_get_str(path_in), O_RDONLY));
}
static MP_DEFINE_CONST_FUN_OBJ_1(missing_obj, missing);

static const mp_rom_map_elem_t px_globals_table[] = {
    { MP_ROM_QSTR(MP_QSTR___name__), MP_ROM_QSTR(MP_QSTR_nmg_posixio) },
    { MP_ROM_QSTR(MP_QSTR_random_len), MP_ROM_PTR(&random_len_obj) },
    { MP_ROM_QSTR(MP_QSTR_write_read), MP_ROM_PTR(&write_read_obj) },
    { MP_ROM_QSTR(MP_QSTR_missing), MP_ROM_PTR(&missing_obj) },
};
static MP_DEFINE_CONST_DICT(px_globals, px_globals_table);
const mp_obj_module_t px_module = { .base = { &mp_type_module }, .globals = (mp_obj_dict_t *)&px_globals };
MP_REGISTER_MODULE(MP_QSTR_nmg_posixio, px_module);
