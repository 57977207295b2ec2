// The C library's FILE functions as user C modules call them: PyDevices/graphics and
// PyDevices/pygraphics read and write BMP files and fonts (gfx_bmp565.c: fopen, fread, fwrite,
// fseek, ftell, fclose; gfx_font.c: fputs, fprintf). The unix firmware links the C library; a
// natmod has none, and reaches the files through the builtin open() instead.
#include <stdio.h>
#include <string.h>
#include "py/runtime.h"

// Writes a small file with each writing function; returns ftell at the end.
static mp_obj_t sf_write(mp_obj_t path_in) {
    FILE *f = fopen(mp_obj_str_get_str(path_in), "wb");
    if (!f) {
        mp_raise_OSError(MP_ENOENT);
    }
    fputs("head:", f);
    fprintf(f, "%d,%s,%02x\n", 42, "abc", 10);
    fputc('Z', f);
    putc('\n', f);
    static const unsigned char raw[4] = { 0, 1, 2, 0xff };
    size_t n = fwrite(raw, 2, 2, f);
    long end = ftell(f);
    int err = ferror(f);
    if (fclose(f) != 0) {
        mp_raise_OSError(MP_EIO);
    }
    mp_obj_t items[3] = { mp_obj_new_int(n), mp_obj_new_int(end), mp_obj_new_bool(err) };
    return mp_obj_new_tuple(3, items);
}
static MP_DEFINE_CONST_FUN_OBJ_1(sf_write_obj, sf_write);

// Reads the file back with each reading function.
static mp_obj_t sf_read(mp_obj_t path_in) {
    FILE *f = fopen(mp_obj_str_get_str(path_in), "r");
    if (f == NULL) {
        return mp_const_none;
    }
    char line[32];
    mp_obj_t items[9];
    char *got_line = fgets(line, sizeof(line), f);
    items[0] = mp_obj_new_str(got_line, strlen(got_line));
    int c = fgetc(f);
    ungetc(c, f);
    items[1] = mp_obj_new_int(ftell(f));
    items[2] = mp_obj_new_int(getc(f));
    fseek(f, -4, SEEK_END);
    unsigned char tail[8];
    size_t got = fread(tail, 1, sizeof(tail), f);
    items[3] = mp_obj_new_bytes(tail, got);
    items[4] = mp_obj_new_bool(feof(f));
    items[5] = mp_obj_new_int(fgetc(f));
    clearerr(f);
    items[6] = mp_obj_new_bool(feof(f));
    rewind(f);
    fseek(f, 2, SEEK_CUR);
    items[7] = mp_obj_new_int(fgetc(f));
    fseek(f, 0, SEEK_END);
    items[8] = mp_obj_new_int(ftell(f));
    fclose(f);
    return mp_obj_new_tuple(9, items);
}
static MP_DEFINE_CONST_FUN_OBJ_1(sf_read_obj, sf_read);

static const mp_rom_map_elem_t sf_module_globals_table[] = {
    { MP_ROM_QSTR(MP_QSTR___name__), MP_ROM_QSTR(MP_QSTR_nmg_stdiofile) },
    { MP_ROM_QSTR(MP_QSTR_write), MP_ROM_PTR(&sf_write_obj) },
    { MP_ROM_QSTR(MP_QSTR_read), MP_ROM_PTR(&sf_read_obj) },
};
static MP_DEFINE_CONST_DICT(sf_module_globals, sf_module_globals_table);

const mp_obj_module_t sf_module = {
    .base = { &mp_type_module },
    .globals = (mp_obj_dict_t *)&sf_module_globals,
};
MP_REGISTER_MODULE(MP_QSTR_nmg_stdiofile, sf_module);
