// rtcheck: calls each MicroPython C API function that natmodgen's runtime library
// (runtime/) provides to natmods, in the modes the API has. Built into the unix
// port as a user C module and converted to a natmod, test.py must print the same.
#include <string.h>
#include <stdlib.h>
#include "py/runtime.h"
#include "py/objstr.h"
#include "py/binary.h"
#include "py/parsenum.h"
#include "py/unicode.h"
#include "py/gc.h"
#include "py/mphal.h"
#include "py/objlist.h"
#include "py/stream.h"
#include "py/pairheap.h"
#include "py/objstringio.h"
#include "py/formatfloat.h"
#include "py/smallint.h"
#include "py/ringbuf.h"
#include "py/mperrno.h"
#include "py/parsenumbase.h"
#include "py/objint.h"
#include "py/objarray.h"
#include "py/objtype.h"
#include "py/objnamedtuple.h"
#include "py/objmodule.h"
#include "py/objgenerator.h"
#include "py/builtin.h"
#include "py/cstack.h"
#include "py/stackctrl.h"
#include "py/bc.h"
#include "py/bc0.h"
#include "py/parse.h"
#include "py/persistentcode.h"
#include "extmod/vfs.h"
#include "extmod/virtpin.h"

static mp_obj_t tup2(mp_obj_t a, mp_obj_t b) {
    mp_obj_t items[2] = { a, b };
    return mp_obj_new_tuple(2, items);
}

static mp_obj_t tup3(mp_obj_t a, mp_obj_t b, mp_obj_t c) {
    mp_obj_t items[3] = { a, b, c };
    return mp_obj_new_tuple(3, items);
}

static mp_obj_t tup4(mp_obj_t a, mp_obj_t b, mp_obj_t c, mp_obj_t d) {
    mp_obj_t items[4] = { a, b, c, d };
    return mp_obj_new_tuple(4, items);
}

// vstr: every way to add, cut and finish a string.
static mp_obj_t rt_vstr(void) {
    mp_obj_t out[8];
    vstr_t v;
    vstr_init(&v, 0);
    vstr_add_str(&v, "abc");
    vstr_add_strn(&v, "defgh", 3);
    vstr_add_byte(&v, '!');
    vstr_add_char(&v, 'x');
    vstr_add_char(&v, 0xe9);
    vstr_add_char(&v, 0x20ac);
    vstr_add_char(&v, 0x1f600);
    out[0] = mp_obj_new_str_from_vstr(&v);

    vstr_init_len(&v, 4);
    memset(v.buf, 'z', 4);
    vstr_hint_size(&v, 100);
    char *ext = vstr_extend(&v, 3);
    (void)ext;
    vstr_cut_tail_bytes(&v, 1);
    vstr_ins_byte(&v, 0, 'A');
    vstr_printf(&v, "[%d|%s|%q]", -42, "s", MP_QSTR_rtcheck);
    vstr_cut_head_bytes(&v, 1);
    vstr_cut_out_bytes(&v, 1, 2);
    vstr_cut_out_bytes(&v, 100, 2);
    out[1] = mp_obj_new_bytes_from_vstr(&v);

    vstr_t *n = vstr_new(2);
    vstr_add_str(n, "heap");
    const char *z = vstr_null_terminated_str(n);
    out[2] = mp_obj_new_int(strlen(z));
    out[3] = mp_obj_new_str(vstr_str(n), vstr_len(n));
    vstr_cut_tail_bytes(n, 100);
    out[4] = mp_obj_new_int(vstr_len(n));
    vstr_free(n);

    VSTR_FIXED(f, 4);
    vstr_add_str(&f, "ab");
    out[5] = mp_obj_new_str(vstr_str(&f), vstr_len(&f));
    nlr_buf_t nlr;
    if (nlr_push(&nlr) == 0) {
        vstr_add_str(&f, "overflow");
        nlr_pop();
        out[6] = mp_const_none;
    } else {
        out[6] = mp_obj_new_str(mp_obj_get_type_str(MP_OBJ_FROM_PTR(nlr.ret_val)), strlen(mp_obj_get_type_str(MP_OBJ_FROM_PTR(nlr.ret_val))));
    }
    vstr_init(&v, 8);
    vstr_add_str(&v, "cleared");
    vstr_clear(&v);
    out[7] = mp_obj_new_bool(v.buf == NULL);
    return mp_obj_new_tuple(8, out);
}
static MP_DEFINE_CONST_FUN_OBJ_0(rt_vstr_obj, rt_vstr);

// mp_printf through a vstr printer: every format the firmware's printer supports.
static mp_obj_t rt_printf(mp_obj_t obj) {
    vstr_t v;
    mp_print_t print;
    vstr_init_print(&v, 16, &print);
    mp_printf(&print, "q=%q s=%s .*s=%.*s d=%d u=%u x=%x X=%X c=%c\n", MP_QSTR_rtcheck, "str", 3, "abcdef", -7, 7u, 255, 255, 'c');
    mp_printf(&print, "w=[%5d][%-5d][%05d][%5s][%-5s][%+d][%ld][%lu] %%\n", 42, 42, 42, "ab", "ab", 3, (long)-123456, (unsigned long)123456);
    int n = mp_print_str(&print, "print_str;");
    mp_printf(&print, "n=%d\n", n);
    mp_obj_print_helper(&print, obj, PRINT_REPR);
    mp_print_str(&print, " ");
    mp_obj_print_helper(&print, obj, PRINT_STR);
    return mp_obj_new_str_from_vstr(&v);
}
static MP_DEFINE_CONST_FUN_OBJ_1(rt_printf_obj, rt_printf);

// Formatted exceptions: returned (0, 1) or raised (2, 3).
static mp_obj_t rt_exc(mp_obj_t kind_in) {
    switch (mp_obj_get_int(kind_in)) {
        case 0:
            return mp_obj_new_exception_msg(&mp_type_ValueError, MP_ERROR_TEXT("plain message"));
        case 1:
            return mp_obj_new_exception_msg_varg(&mp_type_TypeError, MP_ERROR_TEXT("%s=%d (%q)"), "n", 5, MP_QSTR_rtcheck);
        case 2:
            mp_raise_msg_varg(&mp_type_KeyError, MP_ERROR_TEXT("missing %d"), 9);
        default:
            mp_raise_msg_varg(&mp_type_RuntimeError, MP_ERROR_TEXT("%.*s!"), 2, "abc");
    }
}
static MP_DEFINE_CONST_FUN_OBJ_1(rt_exc_obj, rt_exc);

// Iteration with and without an iterator buffer, to exhaustion.
static mp_obj_t rt_iter(mp_obj_t obj, mp_obj_t use_buf) {
    mp_obj_t list = mp_obj_new_list(0, NULL);
    mp_obj_iter_buf_t buf;
    mp_obj_t it = mp_getiter(obj, mp_obj_is_true(use_buf) ? &buf : NULL);
    mp_obj_t item;
    while ((item = mp_iternext(it)) != MP_OBJ_STOP_ITERATION) {
        mp_obj_list_append(list, item);
    }
    return list;
}
static MP_DEFINE_CONST_FUN_OBJ_2(rt_iter_obj, rt_iter);

// An ordinary map built in C: add, find, remove, grow; all three key kinds.
static mp_obj_t rt_map(void) {
    mp_map_t m;
    mp_map_init(&m, 0);
    for (int i = 0; i < 40; i++) {
        mp_map_lookup(&m, MP_OBJ_NEW_SMALL_INT(i * 7), MP_MAP_LOOKUP_ADD_IF_NOT_FOUND)->value = MP_OBJ_NEW_SMALL_INT(i);
    }
    mp_map_lookup(&m, MP_OBJ_NEW_QSTR(MP_QSTR_rtcheck), MP_MAP_LOOKUP_ADD_IF_NOT_FOUND)->value = mp_const_true;
    mp_obj_t skey = mp_obj_new_str("dynamic key", 11);
    mp_map_lookup(&m, skey, MP_MAP_LOOKUP_ADD_IF_NOT_FOUND)->value = mp_const_false;
    mp_obj_t out[7];
    out[0] = mp_map_lookup(&m, MP_OBJ_NEW_SMALL_INT(21), MP_MAP_LOOKUP)->value;
    mp_map_elem_t *e = mp_map_lookup(&m, MP_OBJ_NEW_SMALL_INT(22), MP_MAP_LOOKUP);
    out[1] = mp_obj_new_bool(e == NULL);
    out[2] = mp_map_lookup(&m, mp_obj_new_str("dynamic key", 11), MP_MAP_LOOKUP)->value;
    out[3] = mp_map_lookup(&m, MP_OBJ_NEW_QSTR(MP_QSTR_rtcheck), MP_MAP_LOOKUP)->value;
    e = mp_map_lookup(&m, MP_OBJ_NEW_SMALL_INT(14), MP_MAP_LOOKUP_REMOVE_IF_FOUND);
    out[4] = e->value;
    out[5] = mp_obj_new_bool(mp_map_lookup(&m, MP_OBJ_NEW_SMALL_INT(14), MP_MAP_LOOKUP) == NULL);
    out[6] = mp_obj_new_int(m.used);
    mp_map_clear(&m);
    mp_map_init(&m, 4);
    mp_map_deinit(&m);
    return mp_obj_new_tuple(7, out);
}
static MP_DEFINE_CONST_FUN_OBJ_0(rt_map_obj, rt_map);

// A fixed table map (as keyword arguments or ROM dicts are): look-ups only.
static mp_obj_t rt_fixed_map(mp_obj_t key) {
    mp_obj_t table[4] = { MP_OBJ_NEW_QSTR(MP_QSTR_alpha), MP_OBJ_NEW_SMALL_INT(1), MP_OBJ_NEW_QSTR(MP_QSTR_beta), MP_OBJ_NEW_SMALL_INT(2) };
    mp_map_t m;
    mp_map_init_fixed_table(&m, 2, table);
    mp_map_elem_t *e = mp_map_lookup(&m, key, MP_MAP_LOOKUP);
    return e == NULL ? mp_const_none : e->value;
}
static MP_DEFINE_CONST_FUN_OBJ_1(rt_fixed_map_obj, rt_fixed_map);

// The map of a dict or OrderedDict made in Python: change it from C, Python sees it.
static mp_obj_t rt_dict_map(mp_obj_t d, mp_obj_t key, mp_obj_t op) {
    mp_map_t *m = mp_obj_dict_get_map(d);
    switch (mp_obj_get_int(op)) {
        case 0: {
            mp_map_elem_t *e = mp_map_lookup(m, key, MP_MAP_LOOKUP);
            return e == NULL ? mp_const_none : e->value;
        }
        case 1:
            mp_map_lookup(m, key, MP_MAP_LOOKUP_ADD_IF_NOT_FOUND)->value = mp_obj_new_str("added", 5);
            return d;
        default: {
            mp_map_elem_t *e = mp_map_lookup(m, key, MP_MAP_LOOKUP_REMOVE_IF_FOUND);
            return e == NULL ? mp_const_none : e->value;
        }
    }
}
static MP_DEFINE_CONST_FUN_OBJ_3(rt_dict_map_obj, rt_dict_map);

// Keyword arguments arrive as a map.
static mp_obj_t rt_kw(size_t n_args, const mp_obj_t *args, mp_map_t *kw_args) {
    mp_map_elem_t *e = mp_map_lookup(kw_args, MP_OBJ_NEW_QSTR(MP_QSTR_alpha), MP_MAP_LOOKUP);
    return tup2(e == NULL ? mp_const_none : e->value, mp_obj_new_int(kw_args->used));
}
static MP_DEFINE_CONST_FUN_OBJ_KW(rt_kw_obj, 0, rt_kw);

static mp_obj_t rt_dict_get(mp_obj_t d, mp_obj_t key) {
    return tup2(mp_obj_new_bool(mp_obj_is_dict_or_ordereddict(d)), mp_obj_dict_get(d, key));
}
static MP_DEFINE_CONST_FUN_OBJ_2(rt_dict_get_obj, rt_dict_get);

static mp_obj_t rt_is_dict(mp_obj_t d) {
    return mp_obj_new_bool(mp_obj_is_dict_or_ordereddict(d));
}
static MP_DEFINE_CONST_FUN_OBJ_1(rt_is_dict_obj, rt_is_dict);

static mp_obj_t rt_index(mp_obj_t len, mp_obj_t index, mp_obj_t is_slice) {
    return mp_obj_new_int(mp_get_index(mp_obj_get_type(mp_const_empty_tuple), mp_obj_get_int(len), index, mp_obj_is_true(is_slice)));
}
static MP_DEFINE_CONST_FUN_OBJ_3(rt_index_obj, rt_index);

static mp_obj_t rt_slice(mp_obj_t slice, mp_obj_t len) {
    mp_bound_slice_t b;
    mp_obj_slice_indices(slice, mp_obj_get_int(len), &b);
    return tup3(mp_obj_new_int(b.start), mp_obj_new_int(b.stop), mp_obj_new_int(b.step));
}
static MP_DEFINE_CONST_FUN_OBJ_2(rt_slice_obj, rt_slice);

static mp_obj_t rt_new_slice(mp_obj_t a, mp_obj_t b, mp_obj_t c) {
    return mp_obj_new_slice(a, b, c);
}
static MP_DEFINE_CONST_FUN_OBJ_3(rt_new_slice_obj, rt_new_slice);

// Integers: which conversion, then the value.
static mp_obj_t rt_int(mp_obj_t which, mp_obj_t x) {
    switch (mp_obj_get_int(which)) {
        case 0:
            return mp_obj_new_int_from_uint(mp_obj_get_uint(x));
        case 1:
            return mp_obj_new_int_from_uint((mp_uint_t)mp_obj_int_get_truncated(x));
        case 2:
            return mp_obj_new_int(mp_obj_int_get_checked(x));
        case 3: {
            mp_int_t v;
            return mp_obj_get_int_maybe(x, &v) ? mp_obj_new_int(v) : mp_const_none;
        }
        default: {
            mp_obj_t *items;
            mp_obj_get_array_fixed_n(x, 2, &items);
            return items[1];
        }
    }
}
static MP_DEFINE_CONST_FUN_OBJ_2(rt_int_obj, rt_int);

static mp_obj_t rt_ll(mp_obj_t hi, mp_obj_t lo) {
    long long v = ((long long)mp_obj_get_int(hi) << 32) | (uint32_t)mp_obj_get_int(lo);
    unsigned long long u = ((unsigned long long)(uint32_t)mp_obj_get_int(hi) << 32) | (uint32_t)mp_obj_get_int(lo);
    return tup2(mp_obj_new_int_from_ll(v), mp_obj_new_int_from_ull(u));
}
static MP_DEFINE_CONST_FUN_OBJ_2(rt_ll_obj, rt_ll);

static mp_obj_t rt_parse(mp_obj_t s, mp_obj_t base) {
    size_t len;
    const char *str = mp_obj_str_get_data(s, &len);
    return mp_parse_num_integer(str, len, mp_obj_get_int(base), NULL);
}
static MP_DEFINE_CONST_FUN_OBJ_2(rt_parse_obj, rt_parse);

// Objects: len, id, equality, callability, type names, sets, bytearrays, calls.
static mp_obj_t rt_obj(mp_obj_t a, mp_obj_t b) {
    mp_obj_t len = mp_obj_len_maybe(a);
    const char *tn = mp_obj_get_type_str(a);
    mp_obj_t items[2] = { a, b };
    mp_obj_t out[7] = {
        len == MP_OBJ_NULL ? mp_const_none : len,
        mp_obj_new_bool(mp_obj_equal(mp_obj_id(a), mp_call_function_1(mp_load_global(MP_QSTR_id), a))),
        mp_obj_new_bool(mp_obj_equal(a, b)),
        mp_obj_new_bool(mp_obj_is_callable(a)),
        mp_obj_new_str(tn, strlen(tn)),
        mp_obj_new_set(2, items),
        mp_obj_new_bytearray(3, "xyz"),
    };
    return mp_obj_new_tuple(7, out);
}
static MP_DEFINE_CONST_FUN_OBJ_2(rt_obj_obj, rt_obj);

static mp_obj_t rt_call(mp_obj_t f, mp_obj_t obj) {
    mp_obj_t dest[4];
    mp_load_method(obj, MP_QSTR_count, dest);
    dest[2] = MP_OBJ_NEW_SMALL_INT(1);
    mp_obj_t count = mp_call_method_n_kw(1, 0, dest);
    mp_obj_t out[4] = { count, mp_call_function_0(f), mp_call_function_1(f, obj), mp_call_function_2(f, obj, count) };
    return mp_obj_new_tuple(4, out);
}
static MP_DEFINE_CONST_FUN_OBJ_2(rt_call_obj, rt_call);

static mp_obj_t rt_subclass(mp_obj_t a, mp_obj_t b) {
    return mp_obj_new_bool(mp_obj_is_subclass_fast(a, b));
}
static MP_DEFINE_CONST_FUN_OBJ_2(rt_subclass_obj, rt_subclass);

// Memory: zeroed, maybe, free.
static mp_obj_t rt_mem(void) {
    byte *p = m_malloc0(64);
    int sum = 0;
    for (int i = 0; i < 64; i++) {
        sum += p[i];
    }
    gc_free(p);
    void *q = m_malloc_maybe(32);
    mp_obj_t ok = mp_obj_new_bool(q != NULL);
    gc_free(q);
    return tup2(mp_obj_new_int(sum), ok);
}
static MP_DEFINE_CONST_FUN_OBJ_0(rt_mem_obj, rt_mem);

// Character classes for code points 0..129, one letter per class.
static mp_obj_t rt_unichar(void) {
    vstr_t v;
    vstr_init(&v, 16);
    for (unichar c = 0; c < 130; c++) {
        int bits = unichar_isspace(c) | unichar_isalpha(c) << 1 | unichar_isdigit(c) << 2 | unichar_isxdigit(c) << 3
            | unichar_isupper(c) << 4 | unichar_islower(c) << 5 | unichar_isident(c) << 6 | unichar_isalnum(c) << 7;
        vstr_printf(&v, "%x:%x:%x:%x ", bits, (int)unichar_tolower(c), (int)unichar_toupper(c), (int)unichar_xdigit_value(c) & 0xff);
    }
    return mp_obj_new_str_from_vstr(&v);
}
static MP_DEFINE_CONST_FUN_OBJ_0(rt_unichar_obj, rt_unichar);

static mp_obj_t rt_utf8(mp_obj_t s) {
    size_t len;
    const byte *str = (const byte *)mp_obj_str_get_data(s, &len);
    const byte *second = utf8_next_char(str);
    mp_obj_t out[4] = {
        mp_obj_new_int(utf8_charlen(str, len)),
        mp_obj_new_int(utf8_ptr_to_index(str, str + len)),
        mp_obj_new_int(utf8_get_char(second)),
        mp_obj_new_int(second - str),
    };
    return mp_obj_new_tuple(4, out);
}
static MP_DEFINE_CONST_FUN_OBJ_1(rt_utf8_obj, rt_utf8);

// struct-style packing: every byte order, then read back.
static mp_obj_t rt_binary(mp_obj_t fmt_in, mp_obj_t val) {
    const char *fmt = mp_obj_str_get_str(fmt_in);
    byte buf[32];
    memset(buf, 0xaa, sizeof(buf));
    byte *p = buf + 1;
    mp_binary_set_val(fmt[0], 'b', MP_OBJ_NEW_SMALL_INT(-1), buf, &p);
    mp_binary_set_val(fmt[0], fmt[1], val, buf, &p);
    size_t n = p - buf;
    byte *r = buf + 1;
    mp_obj_t first = mp_binary_get_val(fmt[0], 'b', buf, &r);
    mp_obj_t back = mp_binary_get_val(fmt[0], fmt[1], buf, &r);
    return tup4(mp_obj_new_bytes(buf, n), first, back, mp_obj_new_int(r - buf));
}
static MP_DEFINE_CONST_FUN_OBJ_2(rt_binary_obj, rt_binary);

#if MICROPY_PY_BUILTINS_COMPLEX
static mp_obj_t rt_complex(mp_obj_t x) {
    mp_float_t re, im;
    mp_obj_get_complex(x, &re, &im);
    return mp_obj_new_complex(im, re);
}
static MP_DEFINE_CONST_FUN_OBJ_1(rt_complex_obj, rt_complex);
#endif

static mp_obj_t rt_strhash(mp_obj_t s) {
    size_t len;
    const char *d = mp_obj_str_get_data(s, &len);
    return mp_obj_new_int_from_uint(qstr_compute_hash((const byte *)d, len));
}
static MP_DEFINE_CONST_FUN_OBJ_1(rt_strhash_obj, rt_strhash);

static mp_obj_t rt_streq(mp_obj_t a, mp_obj_t b) {
    return mp_obj_new_bool(mp_obj_str_equal(a, b));
}
static MP_DEFINE_CONST_FUN_OBJ_2(rt_streq_obj, rt_streq);

static mp_obj_t rt_qstr(void) {
    size_t len;
    const byte *d = qstr_data(MP_QSTR_rtcheck, &len);
    return tup3(mp_obj_new_str(qstr_str(MP_QSTR_alpha), strlen(qstr_str(MP_QSTR_alpha))),
        mp_obj_new_int(qstr_len(MP_QSTR_beta)),
        mp_obj_new_str((const char *)d, len));
}
static MP_DEFINE_CONST_FUN_OBJ_0(rt_qstr_obj, rt_qstr);

// nlr_push catching what the runtime raises, nested, and falling through.
static mp_obj_t rt_nlr(mp_obj_t d, mp_obj_t key) {
    nlr_buf_t outer;
    mp_obj_t result = mp_const_none;
    if (nlr_push(&outer) == 0) {
        nlr_buf_t inner;
        if (nlr_push(&inner) == 0) {
            result = mp_obj_dict_get(d, key);
            nlr_pop();
        } else {
            mp_obj_t exc = MP_OBJ_FROM_PTR(inner.ret_val);
            vstr_t v;
            mp_print_t print;
            vstr_init_print(&v, 16, &print);
            mp_print_str(&print, "caught ");
            mp_obj_print_helper(&print, exc, PRINT_REPR);
            result = mp_obj_new_str_from_vstr(&v);
            if (mp_obj_equal(key, MP_OBJ_NEW_SMALL_INT(0))) {
                mp_raise_msg_varg(&mp_type_ValueError, MP_ERROR_TEXT("rethrown %d"), 0);
            }
        }
        nlr_pop();
    } else {
        mp_obj_t exc = MP_OBJ_FROM_PTR(outer.ret_val);
        result = tup2(mp_obj_new_str("outer", 5), exc);
    }
    return result;
}
static MP_DEFINE_CONST_FUN_OBJ_2(rt_nlr_obj, rt_nlr);

static mp_obj_t rt_ticks(void) {
    mp_uint_t t0 = mp_hal_ticks_ms();
    mp_uint_t u0 = mp_hal_ticks_us();
    mp_hal_delay_ms(20);
    mp_hal_delay_us(1000);
    mp_uint_t dt = mp_hal_ticks_ms() - t0;
    mp_uint_t du = mp_hal_ticks_us() - u0;
    return tup2(mp_obj_new_bool(dt >= 15 && dt < 2000), mp_obj_new_bool(du >= 15000 && du < 2000000));
}
static MP_DEFINE_CONST_FUN_OBJ_0(rt_ticks_obj, rt_ticks);

// C library functions, named by the source.
static mp_obj_t rt_libc(mp_obj_t a_in, mp_obj_t b_in) {
    const char *a = mp_obj_str_get_str(a_in);
    const char *b = mp_obj_str_get_str(b_in);
    char buf[16];
    memset(buf, 0, sizeof(buf));
    memcpy(buf, a, strlen(a) < 8 ? strlen(a) : 8);
    memmove(buf + 1, buf, 8);
    const char *ch = strchr(a, 'l');
    const char *mc = memchr(a, 'l', strlen(a));
    mp_obj_t out[8] = {
        mp_obj_new_int(strlen(a)),
        mp_obj_new_int(strcmp(a, b) < 0 ? -1 : strcmp(a, b) > 0),
        mp_obj_new_int(strncmp(a, b, 2) < 0 ? -1 : strncmp(a, b, 2) > 0),
        mp_obj_new_int(memcmp(a, b, 1) < 0 ? -1 : memcmp(a, b, 1) > 0),
        mp_obj_new_int(ch ? ch - a : -1),
        mp_obj_new_int(mc ? mc - a : -1),
        mp_obj_new_str(buf, strlen(buf)),
        mp_obj_new_int(strlen(buf)),
    };
    return mp_obj_new_tuple(8, out);
}
static MP_DEFINE_CONST_FUN_OBJ_2(rt_libc_obj, rt_libc);

// bytes.hex/fromhex as binascii calls them: str or bytes results, a separator, whitespace, bad digits.
static mp_obj_t rt_hex(size_t n_args, const mp_obj_t *args) {
    const mp_obj_type_t *type = mp_obj_is_true(args[1]) ? &mp_type_str : &mp_type_bytes;
    mp_obj_t hex_args[2] = { args[0], n_args > 2 ? args[2] : mp_const_none };
    return mp_obj_bytes_hex(n_args > 2 ? 2 : 1, hex_args, type);
}
static MP_DEFINE_CONST_FUN_OBJ_VAR_BETWEEN(rt_hex_obj, 2, 3, rt_hex);

static mp_obj_t rt_fromhex(mp_obj_t data) {
    return mp_obj_bytes_fromhex(MP_OBJ_FROM_PTR(&mp_type_bytes), data);
}
static MP_DEFINE_CONST_FUN_OBJ_1(rt_fromhex_obj, rt_fromhex);

// A list set up in caller-owned memory, then used through the list API.
static mp_obj_t rt_list_init(mp_obj_t n_in) {
    size_t n = mp_obj_get_int(n_in);
    mp_obj_list_t *l = m_new_obj(mp_obj_list_t);
    mp_obj_list_init(l, n);
    for (size_t i = 0; i < n; i++) {
        l->items[i] = MP_OBJ_NEW_SMALL_INT(i * i);
    }
    mp_obj_list_append(MP_OBJ_FROM_PTR(l), MP_OBJ_NEW_QSTR(MP_QSTR_alpha));
    return MP_OBJ_FROM_PTR(l);
}
static MP_DEFINE_CONST_FUN_OBJ_1(rt_list_init_obj, rt_list_init);

#if MICROPY_PY_BUILTINS_FLOAT
static mp_obj_t rt_parse_float(mp_obj_t s_in, mp_obj_t imag_in) {
    size_t len;
    const char *s = mp_obj_str_get_data(s_in, &len);
    return mp_parse_num_float(s, len, mp_obj_is_true(imag_in), NULL);
}
static MP_DEFINE_CONST_FUN_OBJ_2(rt_parse_float_obj, rt_parse_float);

static mp_obj_t rt_float_to_int(mp_obj_t x) {
    return mp_obj_new_int_from_float(mp_obj_get_float(x));
}
static MP_DEFINE_CONST_FUN_OBJ_1(rt_float_to_int_obj, rt_float_to_int);

// mp_format_float into a caller's buffer: (length returned, text), for a format letter,
// a precision and a sign character (0 for none).
static mp_obj_t rt_format_float(size_t n_args, const mp_obj_t *args) {
    char buf[40];
    size_t fmt_len;
    const char *fmt = mp_obj_str_get_data(args[1], &fmt_len);
    size_t sign_len;
    const char *sign = mp_obj_str_get_data(args[3], &sign_len);
    int n = mp_format_float(mp_obj_get_float(args[0]), buf, sizeof(buf), fmt[0], mp_obj_get_int(args[2]), sign_len ? sign[0] : 0);
    return tup2(MP_OBJ_NEW_SMALL_INT(n), mp_obj_new_str(buf, strlen(buf)));
}
static MP_DEFINE_CONST_FUN_OBJ_VAR_BETWEEN(rt_format_float_obj, 4, 4, rt_format_float);

// Interning: whether the text was a qstr before, the qstr's text, whether it is one after,
// its hash against hash() of the str, and the qstr of a str object of the same text.
static mp_obj_t rt_intern_text(mp_obj_t text_in) {
    size_t len;
    const char *text = mp_obj_str_get_data(text_in, &len);
    bool before = qstr_find_strn(text, len) != MP_QSTRnull;
    qstr q = qstr_from_strn(text, len);
    bool after = qstr_find_strn(text, len) == q;
    mp_obj_t hash = mp_unary_op(MP_UNARY_OP_HASH, mp_obj_new_str_copy(&mp_type_str, (const byte *)text, len));
    mp_obj_t items[6] = {
        mp_obj_new_bool(before),
        mp_obj_new_str(qstr_str(q), qstr_len(q)),
        mp_obj_new_bool(after),
        mp_obj_new_bool(mp_obj_equal(mp_obj_new_int_from_uint(qstr_hash(q)), hash)),
        mp_obj_new_bool(mp_obj_str_get_qstr(mp_obj_new_str_copy(&mp_type_str, (const byte *)text, len)) == q),
        mp_obj_new_bool(qstr_from_str(qstr_str(q)) == q),
    };
    return mp_obj_new_tuple(6, items);
}
static MP_DEFINE_CONST_FUN_OBJ_1(rt_intern_text_obj, rt_intern_text);

// mp_obj_str_get_qstr of any object: the text of the qstr, or the firmware's error.
static mp_obj_t rt_get_qstr(mp_obj_t o) {
    return mp_obj_new_str_via_qstr(qstr_str(mp_obj_str_get_qstr(o)), strlen(qstr_str(mp_obj_str_get_qstr(o))));
}
static MP_DEFINE_CONST_FUN_OBJ_1(rt_get_qstr_obj, rt_get_qstr);

// Interned objects are qstrs: (is a qstr, equal to the argument, type name).
static mp_obj_t rt_intern(mp_obj_t o) {
    mp_obj_t a = mp_obj_str_intern_checked(o);
    mp_obj_t b = mp_obj_is_exact_type(o, &mp_type_str) || mp_obj_is_qstr(o) ? mp_obj_str_intern(o) : a;
    mp_obj_t items[3] = { mp_obj_new_bool(mp_obj_is_qstr(a) && a == b), mp_obj_new_bool(mp_obj_equal(a, o)), mp_obj_new_str_from_cstr(qstr_str(mp_obj_get_type(a)->name)) };
    return mp_obj_new_tuple(3, items);
}
static MP_DEFINE_CONST_FUN_OBJ_1(rt_intern_obj, rt_intern);

static mp_obj_t rt_utf8_check(mp_obj_t data) {
    mp_buffer_info_t bufinfo;
    mp_get_buffer_raise(data, &bufinfo, MP_BUFFER_READ);
    return mp_obj_new_bool(utf8_check(bufinfo.buf, bufinfo.len));
}
static MP_DEFINE_CONST_FUN_OBJ_1(rt_utf8_check_obj, rt_utf8_check);

// A bytes object filled after mp_obj_new_str_copy with NULL data, as firmware code does.
static mp_obj_t rt_str_copy_fill(mp_obj_t n_in) {
    size_t n = mp_obj_get_int(n_in);
    mp_obj_str_t *o = MP_OBJ_TO_PTR(mp_obj_new_str_copy(&mp_type_bytes, NULL, n));
    byte *p = m_new(byte, n + 1);
    for (size_t i = 0; i < n; i++) {
        p[i] = (byte)('a' + i % 26);
    }
    p[n] = 0;
    o->data = p;
    o->hash = qstr_compute_hash(p, n);
    return MP_OBJ_FROM_PTR(o);
}
static MP_DEFINE_CONST_FUN_OBJ_1(rt_str_copy_fill_obj, rt_str_copy_fill);

// mp_print_strn(text, flags, fill, width) into a vstr: (count returned, text printed).
static mp_obj_t rt_print_strn(size_t n_args, const mp_obj_t *args) {
    vstr_t v;
    mp_print_t print;
    vstr_init_print(&v, 16, &print);
    size_t len;
    const char *text = mp_obj_str_get_data(args[0], &len);
    size_t fill_len;
    const char *fill = mp_obj_str_get_data(args[2], &fill_len);
    int n = mp_print_strn(&print, text, len, mp_obj_get_int(args[1]), fill_len ? fill[0] : 0, mp_obj_get_int(args[3]));
    return tup2(MP_OBJ_NEW_SMALL_INT(n), mp_obj_new_str_from_vstr(&v));
}
static MP_DEFINE_CONST_FUN_OBJ_VAR_BETWEEN(rt_print_strn_obj, 4, 4, rt_print_strn);

#if MICROPY_PY_BUILTINS_FLOAT
// mp_print_float(f, fmt, flags, fill, width, prec) into a vstr.
static mp_obj_t rt_print_float(size_t n_args, const mp_obj_t *args) {
    vstr_t v;
    mp_print_t print;
    vstr_init_print(&v, 16, &print);
    size_t fill_len;
    const char *fill = mp_obj_str_get_data(args[3], &fill_len);
    const char *fmt = mp_obj_str_get_str(args[1]);
    int n = mp_print_float(&print, mp_obj_get_float(args[0]), fmt[0], mp_obj_get_int(args[2]), fill_len ? fill[0] : 0,
        mp_obj_get_int(args[4]), mp_obj_get_int(args[5]));
    return tup2(MP_OBJ_NEW_SMALL_INT(n), mp_obj_new_str_from_vstr(&v));
}
static MP_DEFINE_CONST_FUN_OBJ_VAR_BETWEEN(rt_print_float_obj, 6, 6, rt_print_float);
#endif

static mp_obj_t rt_smallint(mp_obj_t a_in, mp_obj_t b_in) {
    mp_int_t a = mp_obj_get_int(a_in);
    mp_int_t b = mp_obj_get_int(b_in);
    return tup2(mp_obj_new_int(mp_small_int_floor_divide(a, b)), mp_obj_new_int(mp_small_int_modulo(a, b)));
}
static MP_DEFINE_CONST_FUN_OBJ_2(rt_smallint_obj, rt_smallint);

// Exceptions: (is type, is instance, is native instance, matches ValueError, matches OSError, value).
static mp_obj_t rt_exc_info(mp_obj_t o) {
    mp_obj_t items[6] = {
        mp_obj_new_bool(mp_obj_is_exception_type(o)),
        mp_obj_new_bool(mp_obj_is_exception_instance(o)),
        mp_obj_new_bool(mp_obj_is_native_exception_instance(o)),
        mp_obj_new_bool((mp_obj_is_exception_type(o) || mp_obj_is_exception_instance(o)) && mp_obj_exception_match(o, MP_OBJ_FROM_PTR(&mp_type_ValueError))),
        mp_obj_new_bool((mp_obj_is_exception_type(o) || mp_obj_is_exception_instance(o)) && mp_obj_exception_match(o, mp_load_global(MP_QSTR_OSError))),
        mp_obj_is_exception_instance(o) ? mp_obj_exception_get_value(o) : MP_OBJ_NEW_QSTR(MP_QSTR_none),
    };
    return mp_obj_new_tuple(6, items);
}
static MP_DEFINE_CONST_FUN_OBJ_1(rt_exc_info_obj, rt_exc_info);

// dict: (len, copy, copy is a new object of the same type), list: remove then sort(**kw).
static mp_obj_t rt_dict_copy(mp_obj_t d) {
    mp_obj_t c = mp_obj_dict_copy(d);
    mp_obj_t items[3] = { MP_OBJ_NEW_SMALL_INT(mp_obj_dict_len(d)), c, mp_obj_new_bool(c != d && mp_obj_get_type(c) == mp_obj_get_type(d)) };
    return mp_obj_new_tuple(3, items);
}
static MP_DEFINE_CONST_FUN_OBJ_1(rt_dict_copy_obj, rt_dict_copy);

static mp_obj_t rt_list_remove(mp_obj_t l, mp_obj_t v) {
    mp_obj_t r = mp_obj_list_remove(l, v);
    return tup2(r, l);
}
static MP_DEFINE_CONST_FUN_OBJ_2(rt_list_remove_obj, rt_list_remove);

static mp_obj_t rt_list_sort(size_t n_args, const mp_obj_t *args, mp_map_t *kw_args) {
    mp_obj_t r = mp_obj_list_sort(n_args, args, kw_args);
    return tup2(r, args[0]);
}
static MP_DEFINE_CONST_FUN_OBJ_KW(rt_list_sort_obj, 1, rt_list_sort);

// The type slots: tuple, list, str, int, dict functions called directly.
// big: an int beyond the small-int range (the int slots take the firmware's long-int objects).
static mp_obj_t rt_slots(mp_obj_t t, mp_obj_t s, mp_obj_t big) {
    vstr_t v;
    mp_print_t print;
    vstr_init_print(&v, 16, &print);
    mp_obj_tuple_print(&print, t, PRINT_REPR);
    mp_print_str(&print, " ");
    mp_obj_int_print(&print, big, PRINT_STR);
    mp_obj_iter_buf_t buf;
    mp_obj_t it = mp_obj_tuple_getiter(t, &buf);
    mp_obj_t item;
    mp_obj_t list = mp_obj_new_list(0, NULL);
    while ((item = mp_iternext(it)) != MP_OBJ_STOP_ITERATION) {
        mp_obj_list_append(list, item);
    }
    mp_obj_t sargs[1] = { t };
    mp_buffer_info_t bi;
    mp_obj_str_get_buffer(s, &bi, MP_BUFFER_READ);
    mp_obj_t items[12] = {
        mp_obj_new_str_from_vstr(&v),
        mp_obj_tuple_unary_op(MP_UNARY_OP_LEN, t),
        mp_obj_tuple_binary_op(MP_BINARY_OP_ADD, t, t),
        mp_obj_tuple_subscr(t, MP_OBJ_NEW_SMALL_INT(-1), MP_OBJ_SENTINEL),
        list,
        mp_obj_list_make_new(&mp_type_list, 1, 0, sargs),
        mp_obj_str_make_new(&mp_type_str, 1, 0, sargs),
        mp_obj_str_binary_op(MP_BINARY_OP_MULTIPLY, s, MP_OBJ_NEW_SMALL_INT(2)),
        MP_OBJ_NEW_SMALL_INT(bi.len),
        mp_obj_int_unary_op(MP_UNARY_OP_NEGATIVE, big),
        mp_obj_int_binary_op(MP_BINARY_OP_MULTIPLY, big, big),
        mp_obj_dict_make_new(MP_OBJ_TO_PTR(mp_load_global(MP_QSTR_dict)), 0, 0, NULL),
    };
    return mp_obj_new_tuple(12, items);
}
static MP_DEFINE_CONST_FUN_OBJ_3(rt_slots_obj, rt_slots);

// A ring buffer of `size` bytes driven by ops: ints put a byte, -1 gets a byte, -2 puts
// 16 bits (0x1234), -3 peeks 16, -4 gets 16, -5 puts 3 bytes, -6 gets 3 bytes. Results in order.
static mp_obj_t rt_ringbuf(mp_obj_t size_in, mp_obj_t ops_in) {
    ringbuf_t r;
    ringbuf_alloc(&r, mp_obj_get_int(size_in));
    size_t n;
    mp_obj_t *ops;
    mp_obj_get_array(ops_in, &n, &ops);
    mp_obj_t out = mp_obj_new_list(0, NULL);
    for (size_t i = 0; i < n; i++) {
        mp_int_t op = mp_obj_get_int(ops[i]);
        int v;
        uint8_t three[3] = { 7, 8, 9 };
        if (op >= 0) {
            v = ringbuf_put(&r, (uint8_t)op);
        } else if (op == -1) {
            v = ringbuf_get(&r);
        } else if (op == -2) {
            v = ringbuf_put16(&r, 0x1234);
        } else if (op == -3) {
            v = ringbuf_peek16(&r);
        } else if (op == -4) {
            v = ringbuf_get16(&r);
        } else if (op == -5) {
            v = ringbuf_put_bytes(&r, three, 3);
        } else {
            v = ringbuf_get_bytes(&r, three, 3);
            if (v == 0) {
                v = three[0] * 10000 + three[1] * 100 + three[2];
            }
        }
        mp_obj_list_append(out, mp_obj_new_int(v));
        mp_obj_list_append(out, mp_obj_new_int(ringbuf_avail(&r)));
    }
    return out;
}
static MP_DEFINE_CONST_FUN_OBJ_2(rt_ringbuf_obj, rt_ringbuf);

// Native conversions, the class builder, raise objects, printed exceptions, protected calls.
static mp_obj_t rt_glue(mp_obj_t o) {
    mp_obj_t items[5] = {
        mp_native_to_obj(mp_native_from_obj(o, MP_NATIVE_TYPE_INT), MP_NATIVE_TYPE_INT),
        mp_native_to_obj(mp_native_from_obj(o, MP_NATIVE_TYPE_BOOL), MP_NATIVE_TYPE_BOOL),
        mp_native_to_obj(mp_native_from_obj(o, MP_NATIVE_TYPE_UINT), MP_NATIVE_TYPE_UINT),
        mp_obj_new_bool(mp_load_build_class() == mp_load_global(MP_QSTR___build_class__)),
        mp_make_raise_obj(o),
    };
    return mp_obj_new_tuple(5, items);
}
static MP_DEFINE_CONST_FUN_OBJ_1(rt_glue_obj, rt_glue);

static mp_obj_t rt_delete_global(mp_obj_t name) {
    mp_delete_global(mp_obj_str_get_qstr(name));
    return mp_const_none;
}
static MP_DEFINE_CONST_FUN_OBJ_1(rt_delete_global_obj, rt_delete_global);

static mp_obj_t rt_print_exception(mp_obj_t exc) {
    vstr_t v;
    mp_print_t print;
    vstr_init_print(&v, 16, &print);
    mp_obj_print_exception(&print, exc);
    return mp_obj_new_str_from_vstr(&v);
}
static MP_DEFINE_CONST_FUN_OBJ_1(rt_print_exception_obj, rt_print_exception);

static mp_obj_t rt_protected(mp_obj_t f, mp_obj_t a) {
    mp_obj_t r1 = mp_call_function_1_protected(f, a);
    mp_obj_t r2 = mp_call_function_2_protected(f, a, a);
    return tup2(r1 == MP_OBJ_NULL ? MP_OBJ_NEW_QSTR(MP_QSTR_null) : r1, r2 == MP_OBJ_NULL ? MP_OBJ_NEW_QSTR(MP_QSTR_null) : r2);
}
static MP_DEFINE_CONST_FUN_OBJ_2(rt_protected_obj, rt_protected);

#if MICROPY_PY_BUILTINS_FLOAT
static mp_obj_t rt_float_maybe(mp_obj_t o) {
    mp_float_t f = 0;
    bool ok = mp_obj_get_float_maybe(o, &f);
    return tup2(mp_obj_new_bool(ok), ok ? mp_obj_new_float(f) : mp_const_none);
}
static MP_DEFINE_CONST_FUN_OBJ_1(rt_float_maybe_obj, rt_float_maybe);
#endif

static mp_obj_t rt_errno_name(mp_obj_t e) {
    qstr q = mp_errno_to_str(e);
    return q == MP_QSTRnull ? mp_const_none : MP_OBJ_NEW_QSTR(q);
}
static MP_DEFINE_CONST_FUN_OBJ_1(rt_errno_name_obj, rt_errno_name);

static mp_obj_t rt_mul_ll(mp_obj_t a, mp_obj_t b) {
    long long r = 0;
    bool over = mp_mul_ll_overflow(mp_obj_get_ll(a), mp_obj_get_ll(b), &r);
    return tup2(mp_obj_new_bool(over), over ? mp_const_none : mp_obj_new_int_from_ll(r));
}
static MP_DEFINE_CONST_FUN_OBJ_2(rt_mul_ll_obj, rt_mul_ll);

// Sequences over a tuple's items: count, index(args...), cmp with another tuple for each op, slice, repeat.
static mp_obj_t rt_seq(size_t n_args, const mp_obj_t *args) {
    size_t n;
    mp_obj_t *items;
    mp_obj_get_array(args[0], &n, &items);
    size_t n2;
    mp_obj_t *items2;
    mp_obj_get_array(args[1], &n2, &items2);
    mp_obj_t cmp = mp_obj_new_list(0, NULL);
    mp_binary_op_t ops[5] = { MP_BINARY_OP_EQUAL, MP_BINARY_OP_LESS, MP_BINARY_OP_LESS_EQUAL, MP_BINARY_OP_MORE, MP_BINARY_OP_MORE_EQUAL };
    for (int i = 0; i < 5; i++) {
        mp_obj_list_append(cmp, mp_obj_new_bool(mp_seq_cmp_objs(ops[i], items, n, items2, n2)));
    }
    mp_bound_slice_t slice;
    mp_obj_slice_indices(args[2], n, &slice);
    // As mp_seq_get_fast_slice_indexes leaves them for mp_seq_extract_slice: a negative step stops at the last item.
    if (slice.step < 0) {
        slice.stop++;
    }
    if (slice.step > 0 && slice.start > slice.stop) {
        slice.stop = slice.start;
    } else if (slice.step < 0 && slice.start < slice.stop) {
        slice.stop = slice.start + 1;
    }
    mp_obj_t rep[6];
    size_t k = n < 2 ? n : 2;
    mp_seq_multiply(items, sizeof(mp_obj_t), k, 3, rep);
    mp_obj_t idx_args[4] = { args[0], n_args > 3 ? args[3] : mp_const_none, n_args > 4 ? args[4] : MP_OBJ_NEW_SMALL_INT(0), n_args > 5 ? args[5] : MP_OBJ_NEW_SMALL_INT(n) };
    mp_obj_t out[5] = {
        mp_seq_count_obj(items, n, n_args > 3 ? args[3] : mp_const_none),
        cmp,
        mp_seq_extract_slice(items, &slice),
        mp_obj_new_tuple(3 * k, rep),
        mp_seq_index_obj(items, n, n_args > 4 ? (n_args > 5 ? 4 : 3) : 2, idx_args),
    };
    return mp_obj_new_tuple(5, out);
}
static MP_DEFINE_CONST_FUN_OBJ_VAR_BETWEEN(rt_seq_obj, 4, 6, rt_seq);

static mp_obj_t rt_cmp_bytes(mp_obj_t a, mp_obj_t b) {
    mp_buffer_info_t x, y;
    mp_get_buffer_raise(a, &x, MP_BUFFER_READ);
    mp_get_buffer_raise(b, &y, MP_BUFFER_READ);
    mp_obj_t cmp = mp_obj_new_list(0, NULL);
    mp_binary_op_t ops[5] = { MP_BINARY_OP_EQUAL, MP_BINARY_OP_LESS, MP_BINARY_OP_LESS_EQUAL, MP_BINARY_OP_MORE, MP_BINARY_OP_MORE_EQUAL };
    for (int i = 0; i < 5; i++) {
        mp_obj_list_append(cmp, mp_obj_new_bool(mp_seq_cmp_bytes(ops[i], x.buf, x.len, y.buf, y.len)));
    }
    const byte *f = find_subbytes(x.buf, x.len, y.buf, y.len, 1);
    const byte *l = find_subbytes(x.buf, x.len, y.buf, y.len, -1);
    mp_obj_t out[3] = { cmp, f ? MP_OBJ_NEW_SMALL_INT(f - (const byte *)x.buf) : mp_const_none, l ? MP_OBJ_NEW_SMALL_INT(l - (const byte *)x.buf) : mp_const_none };
    return mp_obj_new_tuple(3, out);
}
static MP_DEFINE_CONST_FUN_OBJ_2(rt_cmp_bytes_obj, rt_cmp_bytes);

// str.split / str.format through the C names; JSON text of a str.
static mp_obj_t rt_str_split(size_t n_args, const mp_obj_t *args) {
    return mp_obj_str_split(n_args, args);
}
static MP_DEFINE_CONST_FUN_OBJ_VAR_BETWEEN(rt_str_split_obj, 1, 3, rt_str_split);

static mp_obj_t rt_str_format(size_t n_args, const mp_obj_t *args, mp_map_t *kw) {
    return mp_obj_str_format(n_args, args, kw);
}
static MP_DEFINE_CONST_FUN_OBJ_KW(rt_str_format_obj, 1, rt_str_format);

static mp_obj_t rt_json_str(mp_obj_t s) {
    vstr_t v;
    mp_print_t print;
    vstr_init_print(&v, 16, &print);
    size_t len;
    const byte *d = (const byte *)mp_obj_str_get_data(s, &len);
    mp_str_print_json(&print, d, len);
    return mp_obj_new_str_from_vstr(&v);
}
static MP_DEFINE_CONST_FUN_OBJ_1(rt_json_str_obj, rt_json_str);

// Ints: sign, hash == hash(), float, pow3, from_bytes both ways, format size.
static mp_obj_t rt_int_misc(mp_obj_t i, mp_obj_t m) {
    byte buf[3] = { 1, 2, 3 };
    mp_obj_t out[5] = {
        MP_OBJ_NEW_SMALL_INT(mp_obj_int_sign(i)),
        mp_obj_int_pow3(i, MP_OBJ_NEW_SMALL_INT(5), m),
        mp_obj_int_from_bytes_impl(true, 3, buf),
        mp_obj_int_from_bytes_impl(false, 3, buf),
        MP_OBJ_NEW_SMALL_INT(mp_int_format_size(64, 10, "0x", ',') * 100 + mp_int_format_size(33, 16, NULL, 0)),
    };
    return mp_obj_new_tuple(5, out);
}
static MP_DEFINE_CONST_FUN_OBJ_2(rt_int_misc_obj, rt_int_misc);

static mp_obj_t rt_check_sig(size_t n_args, const mp_obj_t *args) {
    mp_arg_check_num_sig(mp_obj_get_int(args[0]), mp_obj_get_int(args[1]), MP_OBJ_FUN_MAKE_SIG(mp_obj_get_int(args[2]), mp_obj_get_int(args[3]), mp_obj_is_true(args[4])));
    return mp_const_true;
}
static MP_DEFINE_CONST_FUN_OBJ_VAR_BETWEEN(rt_check_sig_obj, 5, 5, rt_check_sig);

static mp_obj_t rt_raise_kind(mp_obj_t k) {
    mp_int_t kind = mp_obj_get_int(k);
    if (kind == 0) {
        mp_raise_OSError_with_filename(2, "nofile.txt");
    } else if (kind == 1) {
        mp_arg_error_terse_mismatch();
    }
    mp_arg_error_unimpl_kw();
}
static MP_DEFINE_CONST_FUN_OBJ_1(rt_raise_kind_obj, rt_raise_kind);

static mp_obj_t rt_native_type(mp_obj_t name) {
    return MP_OBJ_NEW_SMALL_INT(mp_native_type_from_qstr(mp_obj_str_get_qstr(name)));
}
static MP_DEFINE_CONST_FUN_OBJ_1(rt_native_type_obj, rt_native_type);

static mp_obj_t rt_call_self(mp_obj_t meth, mp_obj_t self, mp_obj_t arg) {
    mp_obj_t args[3] = { arg, MP_OBJ_NEW_QSTR(MP_QSTR_kw), MP_OBJ_NEW_SMALL_INT(9) };
    return mp_call_method_self_n_kw(meth, self, 1, 1, args);
}
static MP_DEFINE_CONST_FUN_OBJ_3(rt_call_self_obj, rt_call_self);

static mp_obj_t rt_unpack(mp_obj_t seq, mp_obj_t n_in) {
    size_t n = mp_obj_get_int(n_in);
    mp_obj_t items[4];
    mp_unpack_sequence(seq, n, items);
    return mp_obj_new_tuple(n, items);
}
static MP_DEFINE_CONST_FUN_OBJ_2(rt_unpack_obj, rt_unpack);

static mp_obj_t rt_seek(mp_obj_t stream, mp_obj_t off, mp_obj_t whence) {
    int err = 0;
    mp_off_t r = mp_stream_seek(stream, mp_obj_get_int(off), mp_obj_get_int(whence), &err);
    return tup2(mp_obj_new_int(r), MP_OBJ_NEW_SMALL_INT(err));
}
static MP_DEFINE_CONST_FUN_OBJ_3(rt_seek_obj, rt_seek);

static mp_obj_t rt_num_base(mp_obj_t s, mp_obj_t b) {
    size_t len;
    const char *d = mp_obj_str_get_data(s, &len);
    int base = mp_obj_get_int(b);
    size_t n = mp_parse_num_base(d, len, &base);
    return tup2(MP_OBJ_NEW_SMALL_INT(n), MP_OBJ_NEW_SMALL_INT(base));
}
static MP_DEFINE_CONST_FUN_OBJ_2(rt_num_base_obj, rt_num_base);

// The C library's number parsing: strtol(base 0, 10, 16, 36), strtoul(16), atoi, atol, strtod, atof; end offsets.
static mp_obj_t rt_strtonum(mp_obj_t s_in) {
    const char *s = mp_obj_str_get_str(s_in);
    mp_obj_t out = mp_obj_new_list(0, NULL);
    int bases[4] = { 0, 10, 16, 36 };
    for (int i = 0; i < 4; i++) {
        char *end;
        long v = strtol(s, &end, bases[i]);
        mp_obj_list_append(out, mp_obj_new_int_from_ll(v));
        mp_obj_list_append(out, MP_OBJ_NEW_SMALL_INT(end - s));
    }
    char *end;
    unsigned long u = strtoul(s, &end, 16);
    mp_obj_list_append(out, mp_obj_new_int_from_ull(u));
    mp_obj_list_append(out, MP_OBJ_NEW_SMALL_INT(end - s));
    mp_obj_list_append(out, mp_obj_new_int(atoi(s)));
    mp_obj_list_append(out, mp_obj_new_int_from_ll(atol(s)));
    #if MICROPY_PY_BUILTINS_FLOAT
    double d = strtod(s, &end);
    mp_obj_list_append(out, mp_obj_new_float(d));
    mp_obj_list_append(out, MP_OBJ_NEW_SMALL_INT(end - s));
    mp_obj_list_append(out, mp_obj_new_float(atof(s)));
    #endif
    return out;
}
static MP_DEFINE_CONST_FUN_OBJ_1(rt_strtonum_obj, rt_strtonum);
#endif

// Integers of 1..8 bytes in either order, read and written back.
static mp_obj_t rt_binint(mp_obj_t data, mp_obj_t signed_in, mp_obj_t big_in) {
    mp_buffer_info_t bufinfo;
    mp_get_buffer_raise(data, &bufinfo, MP_BUFFER_READ);
    bool big = mp_obj_is_true(big_in);
    long long v = mp_binary_get_int(bufinfo.len, mp_obj_is_true(signed_in), big, bufinfo.buf);
    byte out[8];
    memset(out, 0x55, sizeof(out));
    mp_binary_set_int(bufinfo.len, big, out, (mp_uint_t)v);
    return tup2(mp_obj_new_int_from_ll(v), mp_obj_new_bytes(out, bufinfo.len));
}
static MP_DEFINE_CONST_FUN_OBJ_3(rt_binint_obj, rt_binint);

// Writing to a stream: mp_stream_write, mp_printf through mp_stream_write_adaptor, and the ioctl method.
static mp_obj_t rt_stream_write(mp_obj_t stream, mp_obj_t data, mp_obj_t request) {
    mp_buffer_info_t bufinfo;
    mp_get_buffer_raise(data, &bufinfo, MP_BUFFER_READ);
    mp_obj_t n = mp_stream_write(stream, bufinfo.buf, bufinfo.len, MP_STREAM_RW_WRITE);
    mp_print_t print = { MP_OBJ_TO_PTR(stream), mp_stream_write_adaptor };
    mp_printf(&print, "<%d|%s>", 42, "adaptor");
    mp_obj_t ioctl_args[2] = { stream, request };
    mp_obj_t r = mp_call_function_n_kw(MP_OBJ_FROM_PTR(&mp_stream_ioctl_obj), 2, 0, ioctl_args);
    return tup2(n, r);
}
static MP_DEFINE_CONST_FUN_OBJ_3(rt_stream_write_obj, rt_stream_write);

// Reading exactly n bytes (fewer at EOF), and once.
static mp_obj_t rt_stream_read(mp_obj_t stream, mp_obj_t n_in) {
    byte buf[16];
    size_t n = MIN((size_t)mp_obj_get_int(n_in), sizeof(buf));
    int err;
    mp_uint_t got = mp_stream_read_exactly(stream, buf, n, &err);
    mp_uint_t once = mp_stream_rw(stream, buf + got, sizeof(buf) - got, &err, MP_STREAM_RW_READ | MP_STREAM_RW_ONCE);
    return tup3(mp_obj_new_bytes(buf, got), mp_obj_new_int(once), mp_obj_new_int(err));
}
static MP_DEFINE_CONST_FUN_OBJ_2(rt_stream_read_obj, rt_stream_read);

#if MICROPY_PY_IO
// A StringIO in this function's frame over the caller's bytes, as json.loads makes one.
static mp_obj_t rt_stringio(mp_obj_t data) {
    mp_buffer_info_t bufinfo;
    mp_get_buffer_raise(data, &bufinfo, MP_BUFFER_READ);
    vstr_t vstr = {bufinfo.len, bufinfo.len, (char *)bufinfo.buf, true};
    mp_obj_stringio_t sio = {{&mp_type_stringio}, &vstr, 0, MP_OBJ_NULL};
    byte buf[8];
    int err;
    mp_uint_t got = mp_stream_read_exactly(MP_OBJ_FROM_PTR(&sio), buf, 3, &err);
    return tup3(mp_obj_new_bytes(buf, got), mp_obj_new_int(sio.pos),
        mp_obj_new_bool(mp_obj_get_type(MP_OBJ_FROM_PTR(&sio)) == &mp_type_stringio));
}
static MP_DEFINE_CONST_FUN_OBJ_1(rt_stringio_obj, rt_stringio);
#endif

// Pairing heap: push (key, id) pairs, delete one, pop the rest; the id order shows how ties go.
typedef struct _rt_ph_node_t {
    mp_pairheap_t ph;
    mp_int_t key;
    mp_int_t id;
} rt_ph_node_t;

static int rt_ph_lt(mp_pairheap_t *a, mp_pairheap_t *b) {
    return ((rt_ph_node_t *)a)->key < ((rt_ph_node_t *)b)->key;
}

static mp_obj_t rt_pairheap(mp_obj_t keys_in, mp_obj_t del_in) {
    size_t n;
    mp_obj_t *keys;
    mp_obj_get_array(keys_in, &n, &keys);
    mp_int_t del = mp_obj_get_int(del_in);
    rt_ph_node_t *nodes = m_new(rt_ph_node_t, n);
    mp_pairheap_t *heap = mp_pairheap_new(rt_ph_lt);
    for (size_t i = 0; i < n; i++) {
        nodes[i].key = mp_obj_get_int(keys[i]);
        nodes[i].id = i;
        mp_pairheap_init_node(rt_ph_lt, &nodes[i].ph);
        heap = mp_pairheap_push(rt_ph_lt, heap, &nodes[i].ph);
    }
    if (del >= 0 && (size_t)del < n) {
        heap = mp_pairheap_delete(rt_ph_lt, heap, &nodes[del].ph);
        // Deleting a node that is no longer in the heap changes nothing.
        heap = mp_pairheap_delete(rt_ph_lt, heap, &nodes[del].ph);
    }
    mp_obj_t order = mp_obj_new_list(0, NULL);
    while (!mp_pairheap_is_empty(rt_ph_lt, heap)) {
        rt_ph_node_t *top = (rt_ph_node_t *)mp_pairheap_peek(rt_ph_lt, heap);
        mp_obj_list_append(order, MP_OBJ_NEW_SMALL_INT(top->id));
        heap = mp_pairheap_pop(rt_ph_lt, heap);
    }
    return order;
}
static MP_DEFINE_CONST_FUN_OBJ_2(rt_pairheap_obj, rt_pairheap);

// A type with no print slot: mp_obj_print_helper prints <plain>.
MP_DEFINE_CONST_OBJ_TYPE(rt_plain_type, MP_QSTR_plain, MP_TYPE_FLAG_NONE);

static mp_obj_t rt_plain(void) {
    mp_obj_base_t *o = mp_obj_malloc(mp_obj_base_t, &rt_plain_type);
    return MP_OBJ_FROM_PTR(o);
}
static MP_DEFINE_CONST_FUN_OBJ_0(rt_plain_obj, rt_plain);

// Sets: the table after each step shows the probing and growth are the firmware's.
static mp_obj_t rt_set_table(mp_set_t *s) {
    mp_obj_t l = mp_obj_new_list(0, NULL);
    for (size_t i = 0; i < s->alloc; i++) {
        mp_obj_t e = s->table[i];
        mp_obj_list_append(l, e == MP_OBJ_NULL ? mp_const_none : e == MP_OBJ_SENTINEL ? MP_OBJ_NEW_QSTR(MP_QSTR_del) : e);
    }
    return tup3(mp_obj_new_int(s->used), mp_obj_new_int(s->alloc), l);
}

static mp_obj_t rt_or_none(mp_obj_t o) {
    return o == MP_OBJ_NULL ? mp_const_none : o;
}

static mp_obj_t rt_set(mp_obj_t add_in, mp_obj_t remove_in, mp_obj_t n_in) {
    mp_set_t s;
    mp_set_init(&s, mp_obj_get_int(n_in));
    mp_obj_t out = mp_obj_new_list(0, NULL);
    size_t n;
    mp_obj_t *items;
    mp_obj_get_array(add_in, &n, &items);
    for (size_t i = 0; i < n; i++) {
        mp_obj_list_append(out, rt_or_none(mp_set_lookup(&s, items[i], MP_MAP_LOOKUP_ADD_IF_NOT_FOUND)));
    }
    mp_obj_list_append(out, rt_set_table(&s));
    mp_obj_get_array(remove_in, &n, &items);
    for (size_t i = 0; i < n; i++) {
        mp_obj_list_append(out, rt_or_none(mp_set_lookup(&s, items[i], MP_MAP_LOOKUP)));
        mp_obj_list_append(out, rt_or_none(mp_set_lookup(&s, items[i], MP_MAP_LOOKUP_REMOVE_IF_FOUND)));
        mp_obj_list_append(out, rt_or_none(mp_set_lookup(&s, items[i], MP_MAP_LOOKUP_REMOVE_IF_FOUND)));
    }
    mp_obj_list_append(out, rt_set_table(&s));
    mp_obj_list_append(out, rt_or_none(mp_set_lookup(&s, MP_OBJ_NEW_SMALL_INT(99), MP_MAP_LOOKUP_ADD_IF_NOT_FOUND_OR_REMOVE_IF_FOUND)));
    mp_obj_list_append(out, rt_or_none(mp_set_lookup(&s, MP_OBJ_NEW_SMALL_INT(99), MP_MAP_LOOKUP_ADD_IF_NOT_FOUND_OR_REMOVE_IF_FOUND)));
    mp_obj_list_append(out, rt_or_none(mp_set_remove_first(&s)));
    mp_obj_list_append(out, rt_set_table(&s));
    mp_set_clear(&s);
    mp_obj_list_append(out, rt_set_table(&s));
    mp_obj_list_append(out, rt_or_none(mp_set_remove_first(&s)));
    mp_obj_list_append(out, rt_or_none(mp_set_lookup(&s, MP_OBJ_NEW_SMALL_INT(1), MP_MAP_LOOKUP)));
    mp_obj_list_append(out, rt_or_none(mp_set_lookup(&s, MP_OBJ_NEW_SMALL_INT(1), MP_MAP_LOOKUP_ADD_IF_NOT_FOUND)));
    mp_obj_list_append(out, rt_set_table(&s));
    return out;
}
static MP_DEFINE_CONST_FUN_OBJ_3(rt_set_obj, rt_set);

static mp_obj_t rt_eqne(mp_obj_t a, mp_obj_t b) {
    return tup2(mp_obj_equal_not_equal(MP_BINARY_OP_EQUAL, a, b), mp_obj_equal_not_equal(MP_BINARY_OP_NOT_EQUAL, a, b));
}
static MP_DEFINE_CONST_FUN_OBJ_2(rt_eqne_obj, rt_eqne);

static mp_obj_t rt_fast_slice(mp_obj_t len_in, mp_obj_t slice) {
    mp_bound_slice_t b;
    bool fast = mp_seq_get_fast_slice_indexes(mp_obj_get_int(len_in), slice, &b);
    return tup4(mp_obj_new_bool(fast), mp_obj_new_int(b.start), mp_obj_new_int(b.stop), mp_obj_new_int(b.step));
}
static MP_DEFINE_CONST_FUN_OBJ_2(rt_fast_slice_obj, rt_fast_slice);

// self None stands for MP_OBJ_NULL (a lookup on the type itself).
static mp_obj_t rt_member(mp_obj_t self, mp_obj_t type, mp_obj_t member) {
    mp_obj_t dest[2] = { MP_OBJ_NULL, MP_OBJ_NULL };
    mp_convert_member_lookup(self == mp_const_none ? MP_OBJ_NULL : self, MP_OBJ_TO_PTR(type), member, dest);
    return tup2(rt_or_none(dest[0]), rt_or_none(dest[1]));
}
static MP_DEFINE_CONST_FUN_OBJ_3(rt_member_obj, rt_member);

// A big int's bytes: the firmware has the function with any long-int implementation.
static mp_obj_t rt_to_bytes(mp_obj_t value, mp_obj_t len_in, mp_obj_t big) {
    size_t len = mp_obj_get_int(len_in);
    byte buf[32];
    memset(buf, 0xaa, sizeof(buf));
    bool ok = mp_obj_int_to_bytes_impl(value, mp_obj_is_true(big), len, buf);
    return tup2(mp_obj_new_bool(ok), mp_obj_new_bytes(buf, len + 1));
}
static MP_DEFINE_CONST_FUN_OBJ_3(rt_to_bytes_obj, rt_to_bytes);

static mp_obj_t rt_memview(mp_obj_t buf_in, mp_obj_t typecode_in) {
    mp_buffer_info_t bi;
    mp_get_buffer_raise(buf_in, &bi, MP_BUFFER_RW);
    size_t tlen;
    const char *tc = mp_obj_str_get_data(typecode_in, &tlen);
    size_t sz = mp_binary_get_size('@', tc[0], NULL);
    return mp_obj_new_memoryview(tc[0] | (tlen > 1 ? 0x80 : 0), bi.len / sz, bi.buf);
}
static MP_DEFINE_CONST_FUN_OBJ_2(rt_memview_obj, rt_memview);

static mp_obj_t rt_instance(mp_obj_t obj, mp_obj_t mode) {
    switch (mp_obj_get_int(mode)) {
        case 0: {
            mp_obj_t args[3] = { MP_OBJ_NEW_SMALL_INT(1), MP_OBJ_NEW_QSTR(MP_QSTR_alpha), MP_OBJ_NEW_SMALL_INT(2) };
            return mp_obj_instance_call(obj, 1, 1, args);
        }
        case 1: {
            mp_obj_iter_buf_t buf;
            mp_obj_t it = mp_obj_instance_getiter(obj, &buf);
            if (it == MP_OBJ_NULL) {
                return mp_const_none;
            }
            mp_obj_t l = mp_obj_new_list(0, NULL);
            mp_obj_t x;
            while ((x = mp_iternext(it)) != MP_OBJ_STOP_ITERATION) {
                mp_obj_list_append(l, x);
            }
            return l;
        }
        default:
            return mp_obj_new_bool(mp_obj_instance_is_callable(obj));
    }
}
static MP_DEFINE_CONST_FUN_OBJ_2(rt_instance_obj, rt_instance);

// The firmware has the no-message raises only when built with MICROPY_ERROR_REPORTING_NONE;
// elsewhere the reference is what they do there: raise the bare type (mp_raise_type).
#if MICROPY_ERROR_REPORTING == MICROPY_ERROR_REPORTING_NONE || !defined(RTCHECK_FIRMWARE)
#if MICROPY_ERROR_REPORTING != MICROPY_ERROR_REPORTING_NONE
MP_NORETURN void mp_raise_ValueError_no_msg(void);
MP_NORETURN void mp_raise_TypeError_no_msg(void);
MP_NORETURN void mp_raise_NotImplementedError_no_msg(void);
#endif
#define RT_RAISE_BARE(kind) mp_raise_##kind##_no_msg()
#else
#define RT_RAISE_BARE(kind) nlr_raise(mp_obj_new_exception(&mp_type_##kind))
#endif

static mp_obj_t rt_raise_bare(mp_obj_t k) {
    mp_int_t kind = mp_obj_get_int(k);
    if (kind == 0) {
        RT_RAISE_BARE(ValueError);
    } else if (kind == 1) {
        RT_RAISE_BARE(TypeError);
    } else if (kind == 2) {
        RT_RAISE_BARE(NotImplementedError);
    }
    mp_raise_recursion_depth();
}
static MP_DEFINE_CONST_FUN_OBJ_1(rt_raise_bare_obj, rt_raise_bare);

// f(a, *seq, k=1, **kw) through mp_call_method_n_kw_var (the star arguments marked in the
// bitmap after the keyword pairs, a **dict as a pair with a NULL key); seq or kw None: not given.
static mp_obj_t rt_call_var(size_t n_args, const mp_obj_t *args) {
    mp_obj_t call[9];
    size_t n = 0, pos = 1, kw = 1, star = 0;
    call[n++] = args[0];
    call[n++] = args[1];
    if (args[2] != mp_const_none) {
        star |= 1 << pos;
        call[n++] = args[2];
        pos++;
    }
    call[n++] = MP_OBJ_NEW_QSTR(MP_QSTR_k);
    call[n++] = MP_OBJ_NEW_SMALL_INT(1);
    if (args[3] != mp_const_none) {
        call[n++] = MP_OBJ_NULL;
        call[n++] = args[3];
        kw++;
    }
    call[n++] = MP_OBJ_NEW_SMALL_INT(star);
    return mp_call_method_n_kw_var(false, pos | (kw << 8), call);
}
static MP_DEFINE_CONST_FUN_OBJ_VAR_BETWEEN(rt_call_var_obj, 4, 4, rt_call_var);

static mp_obj_t rt_unpack_ex(mp_obj_t seq, mp_obj_t before, mp_obj_t after) {
    size_t b = mp_obj_get_int(before), a = mp_obj_get_int(after);
    mp_obj_t items[8];
    mp_unpack_ex(seq, b | (a << 8), items);
    return mp_obj_new_list(b + a + 1, items);
}
static MP_DEFINE_CONST_FUN_OBJ_3(rt_unpack_ex_obj, rt_unpack_ex);

static mp_obj_t rt_closure(mp_obj_t fun, mp_obj_t closed_in) {
    size_t n;
    mp_obj_t *items;
    mp_obj_get_array(closed_in, &n, &items);
    return mp_obj_new_closure(fun, n, items);
}
static MP_DEFINE_CONST_FUN_OBJ_2(rt_closure_obj, rt_closure);

static mp_obj_t rt_list_arg(mp_obj_t arg, mp_obj_t min_len, mp_obj_t optional) {
    size_t n = mp_obj_get_int(min_len);
    mp_obj_t a = arg == MP_OBJ_NEW_QSTR(MP_QSTR_absent) ? MP_OBJ_NULL : arg;
    mp_obj_list_t *l = mp_obj_is_true(optional) ? mp_obj_list_optional_arg(a, n) : mp_obj_list_ensure(a, n);
    if (MP_OBJ_FROM_PTR(l) != arg) {
        // A new list's items are for the caller to fill.
        for (size_t i = 0; i < l->len; i++) {
            l->items[i] = mp_const_none;
        }
    }
    return tup2(MP_OBJ_FROM_PTR(l), mp_obj_new_bool(MP_OBJ_FROM_PTR(l) == arg));
}
static MP_DEFINE_CONST_FUN_OBJ_3(rt_list_arg_obj, rt_list_arg);

static mp_obj_t rt_dict_init(mp_obj_t n_in) {
    mp_obj_dict_t *d = m_new_obj(mp_obj_dict_t);
    mp_obj_dict_init(d, mp_obj_get_int(n_in));
    mp_obj_t before = mp_obj_new_int(d->map.alloc);
    for (mp_int_t i = 0; i < 5; i++) {
        mp_obj_dict_store(MP_OBJ_FROM_PTR(d), MP_OBJ_NEW_SMALL_INT(i), MP_OBJ_NEW_SMALL_INT(i * i));
    }
    return tup2(before, MP_OBJ_FROM_PTR(d));
}
static MP_DEFINE_CONST_FUN_OBJ_1(rt_dict_init_obj, rt_dict_init);

// Loads, stores and deletes one name (str) in a two-entry table; returns the result and the table.
static mp_obj_t rt_module_attr(mp_obj_t name, mp_obj_t op, mp_obj_t value) {
    uint16_t keys[3] = { MP_QSTR_alpha, MP_QSTR_beta, MP_QSTRnull };
    mp_obj_t values[2] = { MP_OBJ_NEW_SMALL_INT(1), MP_OBJ_NEW_SMALL_INT(2) };
    mp_obj_t dest[2] = { MP_OBJ_NULL, MP_OBJ_NULL };
    mp_int_t k = mp_obj_get_int(op);
    if (k == 1) {
        dest[0] = MP_OBJ_SENTINEL;
        dest[1] = value;
    } else if (k == 2) {
        dest[0] = MP_OBJ_SENTINEL;
        dest[1] = MP_OBJ_NULL;
    }
    mp_module_generic_attr(mp_obj_str_get_qstr(name), dest, keys, values);
    mp_obj_t d0 = dest[0] == MP_OBJ_NULL ? mp_const_none : dest[0] == MP_OBJ_SENTINEL ? MP_OBJ_NEW_QSTR(MP_QSTR_sentinel) : dest[0];
    return tup3(d0, rt_or_none(values[0]), rt_or_none(values[1]));
}
static MP_DEFINE_CONST_FUN_OBJ_3(rt_module_attr_obj, rt_module_attr);

static mp_obj_t rt_quoted(mp_obj_t data, mp_obj_t is_bytes) {
    mp_buffer_info_t bi;
    mp_get_buffer_raise(data, &bi, MP_BUFFER_READ);
    vstr_t v;
    mp_print_t print;
    vstr_init_print(&v, 16, &print);
    mp_str_print_quoted(&print, bi.buf, bi.len, mp_obj_is_true(is_bytes));
    return mp_obj_new_str_from_vstr(&v);
}
static MP_DEFINE_CONST_FUN_OBJ_2(rt_quoted_obj, rt_quoted);

static mp_obj_t rt_stream_lines(mp_obj_t stream) {
    mp_obj_t l = mp_obj_new_list(0, NULL);
    mp_obj_t line;
    while ((line = mp_stream_unbuffered_iter(stream)) != MP_OBJ_STOP_ITERATION) {
        mp_obj_list_append(l, line);
    }
    return l;
}
static MP_DEFINE_CONST_FUN_OBJ_1(rt_stream_lines_obj, rt_stream_lines);

static mp_obj_t rt_load_protected(mp_obj_t obj, mp_obj_t attr, mp_obj_t catch_all) {
    mp_obj_t dest[2] = { MP_OBJ_NULL, MP_OBJ_NULL };
    mp_load_method_protected(obj, mp_obj_str_get_qstr(attr), dest, mp_obj_is_true(catch_all));
    return tup2(rt_or_none(dest[0]), mp_obj_new_bool(dest[1] != MP_OBJ_NULL));
}
static MP_DEFINE_CONST_FUN_OBJ_3(rt_load_protected_obj, rt_load_protected);

static mp_obj_t rt_set_from_int(mp_obj_t typecode, mp_obj_t val) {
    uint64_t store[3] = { 0, 0, 0 };
    size_t tlen;
    const char *tc = mp_obj_str_get_data(typecode, &tlen);
    size_t sz = mp_binary_get_size('@', tc[0], NULL);
    mp_binary_set_val_array_from_int(tc[0], store, 1, mp_obj_get_int(val));
    return mp_obj_new_bytes((const byte *)store, 3 * sz);
}
static MP_DEFINE_CONST_FUN_OBJ_2(rt_set_from_int_obj, rt_set_from_int);

#if MICROPY_PY_COLLECTIONS
static mp_obj_t rt_namedtuple(mp_obj_t fields_in, mp_obj_t names_in) {
    size_t n, m;
    mp_obj_t *fields, *names;
    mp_obj_get_array(fields_in, &n, &fields);
    mp_obj_get_array(names_in, &m, &names);
    mp_obj_namedtuple_type_t *t = mp_obj_new_namedtuple_base(n, fields);
    mp_obj_t l = mp_obj_new_list(0, NULL);
    mp_obj_list_append(l, mp_obj_new_int(t->n_fields));
    for (size_t i = 0; i < n; i++) {
        mp_obj_list_append(l, MP_OBJ_NEW_QSTR(t->fields[i]));
    }
    for (size_t i = 0; i < m; i++) {
        mp_obj_list_append(l, mp_obj_new_int((mp_int_t)mp_obj_namedtuple_find_field(t, mp_obj_str_get_qstr(names[i]))));
    }
    return l;
}
static MP_DEFINE_CONST_FUN_OBJ_2(rt_namedtuple_obj, rt_namedtuple);
#endif

static mp_obj_t rt_attrtuple_print(mp_obj_t names_in, mp_obj_t values) {
    size_t n;
    mp_obj_t *names;
    mp_obj_get_array(names_in, &n, &names);
    qstr fields[8];
    for (size_t i = 0; i < n && i < 8; i++) {
        fields[i] = mp_obj_str_get_qstr(names[i]);
    }
    vstr_t v;
    mp_print_t print;
    vstr_init_print(&v, 16, &print);
    mp_obj_attrtuple_print_helper(&print, fields, MP_OBJ_TO_PTR(values));
    return mp_obj_new_str_from_vstr(&v);
}
static MP_DEFINE_CONST_FUN_OBJ_2(rt_attrtuple_print_obj, rt_attrtuple_print);

// Traceback entries added here are printed by the firmware's sys.print_exception.
static mp_obj_t rt_traceback(mp_obj_t exc, mp_obj_t n_in) {
    mp_obj_exception_clear_traceback(exc);
    for (mp_int_t i = 0; i < mp_obj_get_int(n_in); i++) {
        mp_obj_exception_add_traceback(exc, MP_QSTR_rtcheck, 10 + i, i & 1 ? MP_QSTR_beta : MP_QSTR_alpha);
    }
    size_t n;
    size_t *values;
    mp_obj_exception_get_traceback(exc, &n, &values);
    mp_obj_t l = mp_obj_new_list(0, NULL);
    for (size_t i = 0; i + 2 < n; i += 3) {
        mp_obj_list_append(l, tup3(MP_OBJ_NEW_QSTR(values[i]), mp_obj_new_int(values[i + 1]), MP_OBJ_NEW_QSTR(values[i + 2])));
    }
    return l;
}
static MP_DEFINE_CONST_FUN_OBJ_2(rt_traceback_obj, rt_traceback);

static mp_obj_t rt_traceback_clear(mp_obj_t exc) {
    mp_obj_exception_clear_traceback(exc);
    size_t n;
    size_t *values;
    mp_obj_exception_get_traceback(exc, &n, &values);
    return tup2(mp_obj_new_int(n), mp_obj_new_bool(values == NULL));
}
static MP_DEFINE_CONST_FUN_OBJ_1(rt_traceback_clear_obj, rt_traceback_clear);

static void rt_set_flag(void *arg) {
    mp_obj_list_append(MP_OBJ_FROM_PTR(arg), MP_OBJ_NEW_QSTR(MP_QSTR_called));
}

// nlr_jump with an exception object (caught by the caller), or the jump-callback function runner.
static mp_obj_t rt_nlr_jump(mp_obj_t what) {
    if (mp_obj_is_small_int(what)) {
        mp_obj_t l = mp_obj_new_list(0, NULL);
        MP_DEFINE_NLR_JUMP_CALLBACK_FUNCTION_1(ctx, rt_set_flag, MP_OBJ_TO_PTR(l));
        mp_call_function_1_from_nlr_jump_callback(&ctx);
        return l;
    }
    nlr_jump(MP_OBJ_TO_PTR(what));
}
static MP_DEFINE_CONST_FUN_OBJ_1(rt_nlr_jump_obj, rt_nlr_jump);

static mp_obj_t rt_bound_meth(mp_obj_t meth, mp_obj_t self) {
    return mp_obj_new_bound_meth(meth, self);
}
static MP_DEFINE_CONST_FUN_OBJ_2(rt_bound_meth_obj, rt_bound_meth);

#if MICROPY_PY_BUILTINS_PROPERTY
static mp_obj_t rt_property(mp_obj_t prop) {
    const mp_obj_t *p = mp_obj_property_get(prop);
    return tup3(p[0], p[1], p[2]);
}
static MP_DEFINE_CONST_FUN_OBJ_1(rt_property_obj, rt_property);
#endif

static mp_obj_t rt_new_module(mp_obj_t name) {
    return mp_obj_new_module(mp_obj_str_get_qstr(name));
}
static MP_DEFINE_CONST_FUN_OBJ_1(rt_new_module_obj, rt_new_module);

// The getitem iterator over obj's __getitem__, run to the end.
static mp_obj_t rt_getitem_iter(mp_obj_t obj) {
    mp_obj_t args[2];
    mp_load_method(obj, MP_QSTR___getitem__, args);
    mp_obj_iter_buf_t buf;
    mp_obj_t it = mp_obj_new_getitem_iter(args, &buf);
    mp_obj_t l = mp_obj_new_list(0, NULL);
    mp_obj_t x;
    while ((x = mp_iternext(it)) != MP_OBJ_STOP_ITERATION) {
        mp_obj_list_append(l, x);
    }
    return tup2(mp_obj_new_str(mp_obj_get_type_str(it), strlen(mp_obj_get_type_str(it))), l);
}
static MP_DEFINE_CONST_FUN_OBJ_1(rt_getitem_iter_obj, rt_getitem_iter);

#if MICROPY_PY_ATTRTUPLE
static qstr rt_attr_fields[3];
static mp_obj_t rt_attrtuple(mp_obj_t a, mp_obj_t b) {
    rt_attr_fields[0] = MP_QSTR_alpha;
    rt_attr_fields[1] = MP_QSTR_beta;
    mp_obj_t items[2] = { a, b };
    return mp_obj_new_attrtuple(rt_attr_fields, 2, items);
}
static MP_DEFINE_CONST_FUN_OBJ_2(rt_attrtuple_obj, rt_attrtuple);
#endif

#if MICROPY_PY_BUILTINS_FLOAT
static const mp_binary_op_t rt_ops[] = {
    MP_BINARY_OP_ADD, MP_BINARY_OP_SUBTRACT, MP_BINARY_OP_MULTIPLY, MP_BINARY_OP_TRUE_DIVIDE, MP_BINARY_OP_FLOOR_DIVIDE,
    MP_BINARY_OP_MODULO, MP_BINARY_OP_POWER, MP_BINARY_OP_LESS, MP_BINARY_OP_EQUAL, MP_BINARY_OP_INPLACE_ADD, MP_BINARY_OP_AND,
};

// The operation op (an index into rt_ops) of a C float (or complex when imag is given) and rhs; None: not supported.
static mp_obj_t rt_num_binop(size_t n_args, const mp_obj_t *args) {
    mp_binary_op_t op = rt_ops[mp_obj_get_int(args[0]) % MP_ARRAY_SIZE(rt_ops)];
    mp_obj_t r;
    #if MICROPY_PY_BUILTINS_COMPLEX
    if (n_args == 4) {
        r = mp_obj_complex_binary_op(op, mp_obj_get_float(args[1]), mp_obj_get_float(args[3]), args[2]);
    } else
    #endif
    {
        r = mp_obj_float_binary_op(op, mp_obj_get_float(args[1]), args[2]);
    }
    return rt_or_none(r);
}
static MP_DEFINE_CONST_FUN_OBJ_VAR_BETWEEN(rt_num_binop_obj, 3, 4, rt_num_binop);
#endif

#if MICROPY_PY_BUILTINS_COMPLEX
static mp_obj_t rt_complex_maybe(mp_obj_t arg) {
    mp_float_t re = 0, im = 0;
    bool ok = mp_obj_get_complex_maybe(arg, &re, &im);
    mp_obj_t out = tup3(mp_obj_new_bool(ok), mp_obj_new_float(re), mp_obj_new_float(im));
    if (ok && mp_obj_is_type(arg, &mp_type_complex)) {
        mp_float_t r2, i2;
        mp_obj_complex_get(arg, &r2, &i2);
        return tup2(out, tup2(mp_obj_new_float(r2), mp_obj_new_float(i2)));
    }
    return out;
}
static MP_DEFINE_CONST_FUN_OBJ_1(rt_complex_maybe_obj, rt_complex_maybe);
#endif

// The byte offset str_index_to_ptr gives for item index of a str or bytes.
static mp_obj_t rt_str_index(mp_obj_t s, mp_obj_t index, mp_obj_t is_slice) {
    size_t len;
    const byte *data = (const byte *)mp_obj_str_get_data(s, &len);
    const byte *p = str_index_to_ptr(mp_obj_get_type(s), data, len, index, mp_obj_is_true(is_slice));
    return mp_obj_new_int(p - data);
}
static MP_DEFINE_CONST_FUN_OBJ_3(rt_str_index_obj, rt_str_index);

static mp_obj_t rt_new_instance(mp_obj_t cls) {
    const mp_obj_type_t *native = NULL;
    mp_obj_instance_t *o = mp_obj_new_instance(MP_OBJ_TO_PTR(cls), &native);
    return tup3(MP_OBJ_FROM_PTR(o), native == NULL ? mp_const_none : MP_OBJ_FROM_PTR(native), mp_obj_new_int(o->members.used));
}
static MP_DEFINE_CONST_FUN_OBJ_1(rt_new_instance_obj, rt_new_instance);

static mp_obj_t rt_int_from_str(mp_obj_t s, mp_obj_t neg, mp_obj_t base) {
    size_t len;
    const char *start = mp_obj_str_get_data(s, &len);
    const char *p = start;
    mp_obj_t v = mp_obj_new_int_from_str_len(&p, len, mp_obj_is_true(neg), mp_obj_get_int(base));
    return tup2(v, mp_obj_new_int(p - start));
}
static MP_DEFINE_CONST_FUN_OBJ_3(rt_int_from_str_obj, rt_int_from_str);

static mp_obj_t rt_is_str_or_bytes(mp_obj_t o) {
    return mp_obj_new_bool(mp_obj_is_str_or_bytes(o));
}
static MP_DEFINE_CONST_FUN_OBJ_1(rt_is_str_or_bytes_obj, rt_is_str_or_bytes);

// A cell holding obj (MP_OBJ_NULL for None): its type's name, whether two cells share the
// type, and what it holds before and after a store.
static mp_obj_t rt_cell(mp_obj_t obj) {
    mp_obj_t c = mp_obj_new_cell(obj == mp_const_none ? MP_OBJ_NULL : obj);
    mp_obj_t other = mp_obj_new_cell(MP_OBJ_NEW_SMALL_INT(1));
    mp_obj_t before = mp_obj_cell_get(c);
    mp_obj_cell_set(c, mp_obj_new_int(42));
    return tup4(MP_OBJ_NEW_QSTR(mp_obj_get_type(c)->name), mp_obj_new_bool(mp_obj_get_type(c) == mp_obj_get_type(other)),
        before == MP_OBJ_NULL ? MP_OBJ_NEW_QSTR(MP_QSTR_null) : before, mp_obj_cell_get(c));
}
static MP_DEFINE_CONST_FUN_OBJ_1(rt_cell_obj, rt_cell);

// mp_resume (gen_only: mp_obj_gen_resume) with send (throw None: no throw) or throw: the
// result kind and value; an exception as its type name and args.
static mp_obj_t rt_resume(size_t n_args, const mp_obj_t *args) {
    mp_obj_t self = args[0];
    mp_obj_t throw_value = args[2] == mp_const_none ? MP_OBJ_NULL : args[2];
    mp_obj_t send_value = throw_value == MP_OBJ_NULL ? args[1] : MP_OBJ_NULL;
    bool gen_only = mp_obj_is_true(args[3]);
    mp_obj_t ret = MP_OBJ_NULL;
    mp_vm_return_kind_t kind = gen_only ? mp_obj_gen_resume(self, send_value, throw_value, &ret) : mp_resume(self, send_value, throw_value, &ret);
    qstr name = kind == MP_VM_RETURN_NORMAL ? MP_QSTR_normal : kind == MP_VM_RETURN_YIELD ? MP_QSTR_yield : MP_QSTR_exception;
    if (kind == MP_VM_RETURN_EXCEPTION) {
        return tup3(MP_OBJ_NEW_QSTR(name), MP_OBJ_NEW_QSTR(mp_obj_get_type(ret)->name), mp_load_attr(ret, MP_QSTR_args));
    }
    return tup2(MP_OBJ_NEW_QSTR(name), ret == MP_OBJ_STOP_ITERATION ? MP_OBJ_NEW_QSTR(MP_QSTR_StopIteration) : ret);
}
static MP_DEFINE_CONST_FUN_OBJ_VAR_BETWEEN(rt_resume_obj, 4, 4, rt_resume);

// A call written f(*a, k=v, **m): fun, self (None: no self), the positional arguments (a
// tuple), the bit mask of the starred ones, the keyword pairs (key None: a **mapping).
// The natmod prepares the arguments with mp_call_prepare_args_n_kw_var and calls; the firmware
// (not stackless, where that function is static) does the same inside mp_call_method_n_kw_var.
// RTCHECK_FIRMWARE: defined by micropython.mk for the firmware build only.
static mp_obj_t rt_call_prepare(size_t n_args, const mp_obj_t *args) {
    size_t n_pos, n_kwp;
    mp_obj_t *pos, *kwp;
    mp_obj_get_array(args[2], &n_pos, &pos);
    mp_obj_get_array(args[4], &n_kwp, &kwp);
    bool have_self = args[1] != mp_const_none;
    mp_obj_t all[24];
    size_t n = 0;
    all[n++] = args[0];
    if (have_self) {
        all[n++] = args[1];
    }
    for (size_t i = 0; i < n_pos; i++) {
        all[n++] = pos[i];
    }
    for (size_t i = 0; i < n_kwp; i++) {
        mp_obj_t *pair;
        mp_obj_get_array_fixed_n(kwp[i], 2, &pair);
        all[n++] = pair[0] == mp_const_none ? MP_OBJ_NULL : pair[0];
        all[n++] = pair[1];
    }
    all[n++] = args[3];
    size_t n_args_n_kw = n_pos | (n_kwp << 8);
    #if MICROPY_STACKLESS || !defined(RTCHECK_FIRMWARE)
    mp_call_args_t out;
    mp_call_prepare_args_n_kw_var(have_self, n_args_n_kw, all, &out);
    mp_obj_t res = mp_call_function_n_kw(out.fun, out.n_args, out.n_kw, out.args);
    m_del(mp_obj_t, out.args, out.n_alloc);
    return res;
    #else
    return mp_call_method_n_kw_var(have_self, n_args_n_kw, all);
    #endif
}
static MP_DEFINE_CONST_FUN_OBJ_VAR_BETWEEN(rt_call_prepare_obj, 5, 5, rt_call_prepare);

// mp_obj_int_formatted (impl: mp_obj_int_formatted_impl, long ints only) of x in base with
// prefix, base_char and comma (0: none): the text and its reported length.
static mp_obj_t rt_int_formatted(size_t n_args, const mp_obj_t *args) {
    char small[8];
    char *buf = small;
    size_t buf_size = sizeof(small), fmt_size = 0;
    const char *prefix = args[2] == mp_const_none ? NULL : mp_obj_str_get_str(args[2]);
    char base_char = (char)mp_obj_get_int(args[3]);
    char comma = (char)mp_obj_get_int(args[4]);
    int base = mp_obj_get_int(args[1]);
    char *s = mp_obj_is_true(args[5])
        ? mp_obj_int_formatted_impl(&buf, &buf_size, &fmt_size, args[0], base, prefix, base_char, comma)
        : mp_obj_int_formatted(&buf, &buf_size, &fmt_size, args[0], base, prefix, base_char, comma);
    mp_obj_t out = tup2(mp_obj_new_str(s, strlen(s)), mp_obj_new_int(fmt_size));
    if (buf != small) {
        m_del(char, buf, buf_size);
    }
    return out;
}
static MP_DEFINE_CONST_FUN_OBJ_VAR_BETWEEN(rt_int_formatted_obj, 6, 6, rt_int_formatted);

// mp_print_mp_int into a str: x, base, base_char, flags, fill, width, prec; the text and the count returned.
static mp_obj_t rt_print_mp_int(size_t n_args, const mp_obj_t *args) {
    vstr_t vstr;
    mp_print_t print;
    vstr_init_print(&vstr, 16, &print);
    int n = mp_print_mp_int(&print, args[0], mp_obj_get_int(args[1]), mp_obj_get_int(args[2]), mp_obj_get_int(args[3]),
        (char)mp_obj_get_int(args[4]), mp_obj_get_int(args[5]), mp_obj_get_int(args[6]));
    return tup2(mp_obj_new_str_from_vstr(&vstr), mp_obj_new_int(n));
}
static MP_DEFINE_CONST_FUN_OBJ_VAR_BETWEEN(rt_print_mp_int_obj, 7, 7, rt_print_mp_int);

// mp_obj_int_binary_op_extra_cases (op: 0 add, 1 multiply, 2 lshift, 3 less): the result, or
// the str "unsupported" for MP_OBJ_NULL.
static mp_obj_t rt_int_extra(mp_obj_t op, mp_obj_t lhs, mp_obj_t rhs) {
    static const mp_binary_op_t ops[4] = { MP_BINARY_OP_ADD, MP_BINARY_OP_MULTIPLY, MP_BINARY_OP_LSHIFT, MP_BINARY_OP_LESS };
    mp_obj_t r = mp_obj_int_binary_op_extra_cases(ops[mp_obj_get_int(op) & 3], lhs, rhs);
    return r == MP_OBJ_NULL ? MP_OBJ_NEW_QSTR(MP_QSTR_unsupported) : r;
}
static MP_DEFINE_CONST_FUN_OBJ_3(rt_int_extra_obj, rt_int_extra);

#if MICROPY_PY_BUILTINS_FLOAT
// mp_parse_float_internal of text: (value, characters read) or None when it gives NULL; and
// mp_decimal_exp(num, e).
static mp_obj_t rt_parse_float_internal(mp_obj_t text) {
    size_t len;
    const char *s = mp_obj_str_get_data(text, &len);
    mp_float_t f = -1;
    const char *end = mp_parse_float_internal(s, len, &f);
    return end == NULL ? mp_const_none : tup2(mp_obj_new_float(f), mp_obj_new_int(end - s));
}
static MP_DEFINE_CONST_FUN_OBJ_1(rt_parse_float_internal_obj, rt_parse_float_internal);

static mp_obj_t rt_decimal_exp(mp_obj_t num, mp_obj_t e) {
    return mp_obj_new_float((mp_float_t)mp_decimal_exp((mp_large_float_t)mp_obj_get_float(num), mp_obj_get_int(e)));
}
static MP_DEFINE_CONST_FUN_OBJ_2(rt_decimal_exp_obj, rt_decimal_exp);
#endif

// mp_module_get_builtin(name, extensible): the module's __name__, or None for MP_OBJ_NULL.
static mp_obj_t rt_get_builtin(mp_obj_t name, mp_obj_t extensible) {
    mp_obj_t m = mp_module_get_builtin(mp_obj_str_get_qstr(name), mp_obj_is_true(extensible));
    return m == MP_OBJ_NULL ? mp_const_none : mp_load_attr(m, MP_QSTR___name__);
}
static MP_DEFINE_CONST_FUN_OBJ_2(rt_get_builtin_obj, rt_get_builtin);

// The heap lock as gc_lock / gc_unlock / gc_is_locked see it, with an allocation refused
// while locked; gc_collect; mp_builtin___import__ of name.
static mp_obj_t rt_gc_misc(mp_obj_t name) {
    bool before = gc_is_locked();
    gc_lock();
    bool locked = gc_is_locked();
    void *p = m_malloc_maybe(8);
    gc_lock();
    gc_unlock();
    bool still = gc_is_locked();
    gc_unlock();
    bool after = gc_is_locked();
    gc_collect();
    mp_obj_t args[1] = { name };
    mp_obj_t module = mp_builtin___import__(1, args);
    mp_obj_t items[6] = {
        mp_obj_new_bool(before), mp_obj_new_bool(locked), mp_obj_new_bool(p == NULL), mp_obj_new_bool(still), mp_obj_new_bool(after),
        mp_load_attr(module, MP_QSTR___name__),
    };
    return mp_obj_new_tuple(6, items);
}
static MP_DEFINE_CONST_FUN_OBJ_1(rt_gc_misc_obj, rt_gc_misc);

// mp_cstack_usage and mp_stack_usage (test.py compares them at different depths).
static mp_obj_t rt_stack_usage(void) {
    mp_uint_t here = mp_cstack_usage();
    return tup2(mp_obj_new_int(here), mp_obj_new_int(mp_stack_usage()));
}
static MP_DEFINE_CONST_FUN_OBJ_0(rt_stack_usage_obj, rt_stack_usage);

#if MICROPY_PY_TSTRINGS || !defined(RTCHECK_FIRMWARE)
// mp_obj_new_template with the arguments as given (checked by template.py against the
// firmware's own __template__ builtin, which is that function, on a firmware with t-strings).
static mp_obj_t rt_template(size_t n_args, const mp_obj_t *args) {
    return mp_obj_new_template(n_args, args);
}
static MP_DEFINE_CONST_FUN_OBJ_VAR_BETWEEN(rt_template_obj, 1, MP_OBJ_FUN_ARGS_MAX, rt_template);
#endif

// mp_import_stat of a path: 0 nothing, 1 a directory, 2 a file.
static mp_obj_t rt_import_stat(mp_obj_t path) {
    return MP_OBJ_NEW_SMALL_INT(mp_import_stat(mp_obj_str_get_str(path)));
}
static MP_DEFINE_CONST_FUN_OBJ_1(rt_import_stat_obj, rt_import_stat);

// RTCHECK_BOARDS: defined by the qemu boards' build (runtime.test.ts), whose heaps cannot hold the
// whole module in one allocation; what follows is checked on the host (x64 natmod and firmware) only.
#ifndef RTCHECK_BOARDS
// --- rt9: C library extras, float value, HAL console/clock, VFS and interpreter services,
// bytecode varints and virtual pins: runtime files provided where the firmware has them.

// <string.h>/<strings.h> extras on s and t, in every mode that differs (bounds, empty sets, case).
static int rt_sign(int v) {
    return v < 0 ? -1 : v > 0;
}

static mp_obj_t rt_libc_ext(mp_obj_t s_in, mp_obj_t t_in) {
    const char *s = mp_obj_str_get_str(s_in);
    const char *t = mp_obj_str_get_str(t_in);
    mp_obj_t out = mp_obj_new_list(0, NULL);
    for (size_t n = 0; n < 5; n += 2) {
        char buf[48] = "[";
        strncat(buf, s, n);
        strncat(buf, "]x", 1);
        mp_obj_list_append(out, mp_obj_new_str(buf, strlen(buf)));
        mp_obj_list_append(out, MP_OBJ_NEW_SMALL_INT(strnlen(s, n)));
    }
    mp_obj_list_append(out, MP_OBJ_NEW_SMALL_INT(strnlen(s, 100)));
    mp_obj_list_append(out, MP_OBJ_NEW_SMALL_INT(strspn(s, t)));
    mp_obj_list_append(out, MP_OBJ_NEW_SMALL_INT(strcspn(s, t)));
    mp_obj_list_append(out, MP_OBJ_NEW_SMALL_INT(strspn(s, "")));
    mp_obj_list_append(out, MP_OBJ_NEW_SMALL_INT(strcspn(s, "")));
    const char *brk = strpbrk(s, t);
    mp_obj_list_append(out, brk ? MP_OBJ_NEW_SMALL_INT(brk - s) : mp_const_none);
    mp_obj_list_append(out, MP_OBJ_NEW_SMALL_INT(rt_sign(strcasecmp(s, t))));
    for (size_t n = 0; n < 4; n++) {
        mp_obj_list_append(out, MP_OBJ_NEW_SMALL_INT(rt_sign(strncasecmp(s, t, n))));
    }
    char *d = strdup(s);
    mp_obj_list_append(out, mp_obj_new_str(d, strlen(d)));
    free(d);
    d = strndup(s, 3);
    mp_obj_list_append(out, mp_obj_new_str(d, strlen(d)));
    free(d);
    char tok[48];
    strncpy(tok, s, sizeof(tok) - 1);
    tok[sizeof(tok) - 1] = '\0';
    for (char *p = strtok(tok, t); p != NULL; p = strtok(NULL, t)) {
        mp_obj_list_append(out, mp_obj_new_str(p, strlen(p)));
    }
    strncpy(tok, s, sizeof(tok) - 1);
    char *save = NULL;
    mp_obj_t toks = mp_obj_new_list(0, NULL);
    for (char *p = strtok_r(tok, t, &save); p != NULL; p = strtok_r(NULL, t, &save)) {
        mp_obj_list_append(toks, mp_obj_new_str(p, strlen(p)));
    }
    mp_obj_list_append(out, toks);
    return out;
}
static MP_DEFINE_CONST_FUN_OBJ_2(rt_libc_ext_obj, rt_libc_ext);

typedef struct _rt_pair_t {
    int key;
    int value;
} rt_pair_t;

static int rt_cmp_int(const void *a, const void *b) {
    int x = *(const int *)a, y = *(const int *)b;
    return (x > y) - (x < y);
}

static int rt_cmp_pair(const void *a, const void *b) {
    return rt_cmp_int(&((const rt_pair_t *)a)->key, &((const rt_pair_t *)b)->key);
}

// qsort/bsearch of the ints of a list (and of key/position pairs), then div, ldiv and lldiv on them.
static mp_obj_t rt_stdlib_ext(mp_obj_t list_in) {
    size_t n;
    mp_obj_t *items;
    mp_obj_get_array(list_in, &n, &items);
    int *v = m_new(int, n + 1);
    rt_pair_t *pairs = m_new(rt_pair_t, n + 1);
    for (size_t i = 0; i < n; i++) {
        v[i] = mp_obj_get_int(items[i]);
        pairs[i].key = v[i];
        pairs[i].value = (int)i;
    }
    qsort(v, n, sizeof(int), rt_cmp_int);
    qsort(pairs, n, sizeof(rt_pair_t), rt_cmp_pair);
    mp_obj_t sorted = mp_obj_new_list(0, NULL);
    mp_obj_t keys = mp_obj_new_list(0, NULL);
    mp_obj_t found = mp_obj_new_list(0, NULL);
    for (size_t i = 0; i < n; i++) {
        mp_obj_list_append(sorted, mp_obj_new_int(v[i]));
        mp_obj_list_append(keys, mp_obj_new_int(pairs[i].key));
        for (int delta = -1; delta <= 1; delta++) {
            int key = v[i] + delta;
            int *f = bsearch(&key, v, n, sizeof(int), rt_cmp_int);
            // with equal keys, bsearch may find any of them: the value found is what C specifies
            mp_obj_list_append(found, f ? mp_obj_new_int(*f) : mp_const_none);
        }
    }
    mp_obj_t divs = mp_obj_new_list(0, NULL);
    for (size_t i = 0; i + 1 < n; i++) {
        if (v[i + 1] == 0) {
            continue;
        }
        div_t d = div(v[i], v[i + 1]);
        ldiv_t ld = ldiv((long)v[i] * 1000, v[i + 1]);
        lldiv_t lld = lldiv((long long)v[i] * 3000000000LL, v[i + 1]);
        mp_obj_t q[6] = {
            mp_obj_new_int(d.quot), mp_obj_new_int(d.rem), mp_obj_new_int_from_ll(ld.quot),
            mp_obj_new_int_from_ll(ld.rem), mp_obj_new_int_from_ll(lld.quot), mp_obj_new_int_from_ll(lld.rem)
        };
        mp_obj_list_append(divs, mp_obj_new_tuple(6, q));
    }
    m_del(int, v, n + 1);
    m_del(rt_pair_t, pairs, n + 1);
    return tup4(sorted, keys, found, divs);
}
static MP_DEFINE_CONST_FUN_OBJ_1(rt_stdlib_ext_obj, rt_stdlib_ext);

// strtoll, strtoull and atoll on s, in the bases strtonum uses.
static mp_obj_t rt_strtoll(mp_obj_t s_in) {
    const char *s = mp_obj_str_get_str(s_in);
    mp_obj_t out = mp_obj_new_list(0, NULL);
    int bases[4] = { 0, 10, 16, 36 };
    for (int i = 0; i < 4; i++) {
        char *end;
        long long v = strtoll(s, &end, bases[i]);
        mp_obj_list_append(out, mp_obj_new_int_from_ll(v));
        mp_obj_list_append(out, MP_OBJ_NEW_SMALL_INT(end - s));
        unsigned long long u = strtoull(s, &end, bases[i]);
        mp_obj_list_append(out, mp_obj_new_int_from_ull(u));
        mp_obj_list_append(out, MP_OBJ_NEW_SMALL_INT(end - s));
    }
    mp_obj_list_append(out, mp_obj_new_int_from_ll(atoll(s)));
    return out;
}
static MP_DEFINE_CONST_FUN_OBJ_1(rt_strtoll_obj, rt_strtoll);

#if MICROPY_PY_BUILTINS_FLOAT
static mp_obj_t rt_float_get(mp_obj_t f) {
    return mp_obj_new_float(mp_obj_float_get(f) * 2);
}
static MP_DEFINE_CONST_FUN_OBJ_1(rt_float_get_obj, rt_float_get);
#endif

// The console: cooked, raw (with its count) and NUL-terminated, in that order; then the clock.
static mp_obj_t rt_hal_out(mp_obj_t s_in) {
    size_t len;
    const char *s = mp_obj_str_get_data(s_in, &len);
    mp_hal_stdout_tx_strn_cooked(s, len);
    mp_uint_t n = mp_hal_stdout_tx_strn(s, len);
    mp_hal_stdout_tx_str(s);
    return mp_obj_new_int_from_uint(n);
}
static MP_DEFINE_CONST_FUN_OBJ_1(rt_hal_out_obj, rt_hal_out);

static mp_obj_t rt_time_ns(void) {
    return mp_obj_new_int_from_ull(mp_hal_time_ns());
}
static MP_DEFINE_CONST_FUN_OBJ_0(rt_time_ns_obj, rt_time_ns);

// The VFS functions in turn (each result or exception recorded), inside folder `dir`.
static mp_obj_t rt_vfs_step(mp_obj_t out, int step, mp_obj_t dir) {
    mp_obj_t sub = mp_obj_new_str("sub", 3);
    mp_obj_t renamed = mp_obj_new_str("renamed", 7);
    mp_obj_t dot = mp_obj_new_str(".", 1);
    switch (step) {
        case 0:
            return mp_vfs_chdir(dir);
        case 1:
            return mp_vfs_mkdir(sub);
        case 2:
            return mp_vfs_mkdir(sub);
        case 3:
            return mp_vfs_listdir(0, NULL);
        case 4:
            return mp_vfs_listdir(1, &dot);
        case 5: {
            mp_obj_t st = mp_vfs_stat(sub);
            mp_obj_t mode = mp_obj_subscr(st, MP_OBJ_NEW_SMALL_INT(0), MP_OBJ_SENTINEL);
            return mp_obj_new_bool((mp_obj_get_int(mode) & 0x4000) != 0);
        }
        case 6:
            return mp_vfs_rename(sub, renamed);
        case 7: {
            mp_obj_t it = mp_vfs_ilistdir(0, NULL);
            mp_obj_t names = mp_obj_new_list(0, NULL);
            for (mp_obj_t e; (e = mp_iternext(it)) != MP_OBJ_STOP_ITERATION;) {
                mp_obj_list_append(names, mp_obj_subscr(e, MP_OBJ_NEW_SMALL_INT(0), MP_OBJ_SENTINEL));
            }
            return names;
        }
        case 8: {
            mp_obj_t sv = mp_vfs_statvfs(dot);
            return mp_obj_len(sv);
        }
        case 9:
            return mp_vfs_remove(renamed);
        case 10:
            return mp_vfs_rmdir(renamed);
        case 11:
            return mp_vfs_rmdir(renamed);
        case 12: {
            mp_obj_t cwd = mp_vfs_getcwd();
            size_t len;
            const char *c = mp_obj_str_get_data(cwd, &len);
            size_t dlen;
            const char *d = mp_obj_str_get_data(dir, &dlen);
            return mp_obj_new_bool(len >= dlen && memcmp(c + len - dlen, d, dlen) == 0);
        }
        case 13:
            return mp_vfs_chdir(mp_obj_new_str("..", 2));
        default:
            (void)out;
            return MP_OBJ_NULL;
    }
}

static mp_obj_t rt_vfs(mp_obj_t dir) {
    mp_obj_t out = mp_obj_new_list(0, NULL);
    for (int step = 0;; step++) {
        nlr_buf_t nlr;
        if (nlr_push(&nlr) == 0) {
            mp_obj_t r = rt_vfs_step(out, step, dir);
            nlr_pop();
            if (r == MP_OBJ_NULL) {
                break;
            }
            mp_obj_list_append(out, r);
        } else {
            mp_obj_t exc = MP_OBJ_FROM_PTR(nlr.ret_val);
            mp_obj_t args = mp_load_attr(exc, MP_QSTR_args);
            mp_obj_list_append(out, tup2(MP_OBJ_NEW_QSTR(mp_obj_get_type(exc)->name), args));
        }
    }
    return out;
}
static MP_DEFINE_CONST_FUN_OBJ_1(rt_vfs_obj, rt_vfs);

// vfs.mount with a keyword argument, then vfs.umount; open() with a keyword mode.
static mp_obj_t rt_mount(mp_obj_t fs, mp_obj_t point) {
    mp_obj_t args[2] = { fs, point };
    mp_map_elem_t kw_elems[1] = { { MP_OBJ_NEW_QSTR(MP_QSTR_readonly), mp_const_true } };
    mp_map_t kw = { .all_keys_are_qstrs = 1, .is_fixed = 1, .is_ordered = 1, .used = 1, .alloc = 1, .table = kw_elems };
    mp_obj_t r = mp_vfs_mount(2, args, &kw);
    mp_obj_t listed = mp_vfs_listdir(1, &point);
    mp_obj_t u = mp_vfs_umount(point);
    return tup3(r, listed, u);
}
static MP_DEFINE_CONST_FUN_OBJ_2(rt_mount_obj, rt_mount);

static mp_obj_t rt_builtin_open(mp_obj_t path, mp_obj_t mode) {
    mp_map_elem_t kw_elems[1] = { { MP_OBJ_NEW_QSTR(MP_QSTR_mode), mode } };
    mp_map_t kw = { .all_keys_are_qstrs = 1, .is_fixed = 1, .is_ordered = 1, .used = 1, .alloc = 1, .table = kw_elems };
    return mp_builtin_open(1, &path, &kw);
}
static MP_DEFINE_CONST_FUN_OBJ_2(rt_builtin_open_obj, rt_builtin_open);

// Interpreter services: the natmod's configuration does not declare what exists only on some ports.
#if !MICROPY_ENABLE_SCHEDULER
bool mp_sched_schedule(mp_obj_t function, mp_obj_t arg);
#endif
#if !MICROPY_PY_THREAD
mp_uint_t mp_thread_get_id(void);
#endif
#if !MICROPY_MEM_STATS
size_t m_get_total_bytes_allocated(void);
size_t m_get_current_bytes_allocated(void);
size_t m_get_peak_bytes_allocated(void);
#endif

// Schedules f(i) for i in 0..n-1 until the queue refuses: the list of results (True/False).
static mp_obj_t rt_schedule(mp_obj_t f, mp_obj_t n_in) {
    mp_obj_t out = mp_obj_new_list(0, NULL);
    for (mp_int_t i = 0; i < mp_obj_get_int(n_in); i++) {
        mp_obj_list_append(out, mp_obj_new_bool(mp_sched_schedule(f, MP_OBJ_NEW_SMALL_INT(i))));
    }
    return out;
}
static MP_DEFINE_CONST_FUN_OBJ_2(rt_schedule_obj, rt_schedule);

static mp_obj_t rt_thread_id(void) {
    return mp_obj_new_int_from_uint(mp_thread_get_id());
}
static MP_DEFINE_CONST_FUN_OBJ_0(rt_thread_id_obj, rt_thread_id);

static mp_obj_t rt_mem_stats(void) {
    return tup3(mp_obj_new_int_from_uint(m_get_total_bytes_allocated()), mp_obj_new_int_from_uint(m_get_current_bytes_allocated()),
        mp_obj_new_int_from_uint(m_get_peak_bytes_allocated()));
}
static MP_DEFINE_CONST_FUN_OBJ_0(rt_mem_stats_obj, rt_mem_stats);

// Bytecode varints: each value of the list encoded, the bytes, and what the three decoders read back.
typedef struct _rt_enc_buf_t {
    byte data[64];
    size_t len;
    bool refuse;
} rt_enc_buf_t;

static uint8_t *rt_enc_alloc(void *env, size_t nbytes) {
    rt_enc_buf_t *b = env;
    if (b->refuse || b->len + nbytes > sizeof(b->data)) {
        return NULL;
    }
    b->len += nbytes;
    return b->data + b->len - nbytes;
}

static mp_obj_t rt_varint(mp_obj_t list_in, mp_obj_t refuse) {
    size_t n;
    mp_obj_t *items;
    mp_obj_get_array(list_in, &n, &items);
    rt_enc_buf_t b = { .len = 0, .refuse = mp_obj_is_true(refuse) };
    for (size_t i = 0; i < n; i++) {
        mp_encode_uint(&b, rt_enc_alloc, (mp_uint_t)mp_obj_get_int_truncated(items[i]));
    }
    mp_obj_t decoded = mp_obj_new_list(0, NULL);
    const byte *p = b.data;
    for (size_t i = 0; i < n && !b.refuse; i++) {
        mp_uint_t value = mp_decode_uint_value(p);
        const byte *skipped = mp_decode_uint_skip(p);
        mp_uint_t v = mp_decode_uint(&p);
        mp_obj_list_append(decoded, tup3(mp_obj_new_int_from_uint(v), mp_obj_new_bool(value == v), mp_obj_new_bool(skipped == p)));
    }
    return tup2(mp_obj_new_bytes(b.data, b.len), decoded);
}
static MP_DEFINE_CONST_FUN_OBJ_2(rt_varint_obj, rt_varint);

// A pin of this module's own type, read and written through the pin protocol.
typedef struct _rt_pin_obj_t {
    mp_obj_base_t base;
    mp_int_t level;
    mp_int_t writes;
} rt_pin_obj_t;

static mp_uint_t rt_pin_ioctl(mp_obj_t self_in, mp_uint_t request, uintptr_t arg, int *errcode) {
    (void)errcode;
    rt_pin_obj_t *self = MP_OBJ_TO_PTR(self_in);
    if (request == MP_PIN_READ) {
        return (mp_uint_t)self->level;
    }
    if (request == MP_PIN_WRITE) {
        self->level = (mp_int_t)arg;
        self->writes++;
    }
    return 0;
}

static const mp_pin_p_t rt_pin_p = {
    .ioctl = rt_pin_ioctl,
};

static MP_DEFINE_CONST_OBJ_TYPE(
    rt_pin_type,
    MP_QSTR_RtPin,
    MP_TYPE_FLAG_NONE,
    protocol, &rt_pin_p
    );

static mp_obj_t rt_vpin(mp_obj_t values) {
    rt_pin_obj_t *pin = mp_obj_malloc(rt_pin_obj_t, &rt_pin_type);
    pin->level = 7;
    pin->writes = 0;
    mp_obj_t out = mp_obj_new_list(0, NULL);
    mp_obj_list_append(out, MP_OBJ_NEW_SMALL_INT(mp_virtual_pin_read(MP_OBJ_FROM_PTR(pin))));
    mp_obj_t it = mp_getiter(values, NULL);
    for (mp_obj_t v; (v = mp_iternext(it)) != MP_OBJ_STOP_ITERATION;) {
        mp_virtual_pin_write(MP_OBJ_FROM_PTR(pin), mp_obj_get_int(v));
        mp_obj_list_append(out, MP_OBJ_NEW_SMALL_INT(mp_virtual_pin_read(MP_OBJ_FROM_PTR(pin))));
    }
    mp_obj_list_append(out, MP_OBJ_NEW_SMALL_INT(pin->writes));
    return out;
}
static MP_DEFINE_CONST_FUN_OBJ_1(rt_vpin_obj, rt_vpin);

// The current globals and locals: read, replaced by d (a name looked up in d), and restored.
static mp_obj_t rt_globals(mp_obj_t d) {
    mp_obj_dict_t *old = mp_globals_get();
    mp_obj_dict_t *loc = mp_locals_get();
    mp_globals_set(MP_OBJ_TO_PTR(d));
    mp_obj_dict_t *now = mp_globals_get();
    mp_obj_t x = mp_load_global(MP_QSTR_rt9x);
    mp_globals_set(old);
    mp_obj_dict_t *back = mp_globals_get();
    mp_obj_t out[6] = {
        MP_OBJ_FROM_PTR(old), MP_OBJ_FROM_PTR(loc), mp_obj_new_bool(now == MP_OBJ_TO_PTR(d)), x, mp_obj_new_bool(back == old),
        mp_obj_new_bool(mp_globals_get() == old)
    };
    return mp_obj_new_tuple(6, out);
}
static MP_DEFINE_CONST_FUN_OBJ_1(rt_globals_obj, rt_globals);
// Plain-C macros and inlines of py/bc.h, py/bc0.h, py/parse.h and py/persistentcode.h (provided through the headers).
static mp_obj_t rt_plain_c(mp_obj_t prelude_in, mp_obj_t n_in) {
    mp_buffer_info_t bufinfo;
    mp_get_buffer_raise(prelude_in, &bufinfo, MP_BUFFER_READ);
    const byte *ip = bufinfo.buf;
    size_t S, E, F, A, K, D, I, C;
    MP_BC_PRELUDE_SIG_DECODE_INTO(ip, S, E, F, A, K, D);
    MP_BC_PRELUDE_SIZE_DECODE_INTO(ip, I, C);
    mp_obj_t sig[9] = {
        MP_OBJ_NEW_SMALL_INT(S), MP_OBJ_NEW_SMALL_INT(E), MP_OBJ_NEW_SMALL_INT(F), MP_OBJ_NEW_SMALL_INT(A), MP_OBJ_NEW_SMALL_INT(K),
        MP_OBJ_NEW_SMALL_INT(D), MP_OBJ_NEW_SMALL_INT(I), MP_OBJ_NEW_SMALL_INT(C), MP_OBJ_NEW_SMALL_INT(ip - (const byte *)bufinfo.buf)
    };
    mp_int_t n = mp_obj_get_int(n_in);
    mp_parse_node_t pn = mp_parse_node_new_small_int(n);
    mp_parse_node_t leaf = mp_parse_node_new_leaf(MP_PARSE_NODE_ID, n & 0xffff);
    mp_obj_t parse[9] = {
        mp_obj_new_bool(MP_PARSE_NODE_IS_SMALL_INT(pn)), mp_obj_new_int(MP_PARSE_NODE_LEAF_SMALL_INT(pn)),
        mp_obj_new_bool(MP_PARSE_NODE_IS_LEAF(leaf)), mp_obj_new_bool(MP_PARSE_NODE_IS_ID(leaf)),
        mp_obj_new_int_from_uint(MP_PARSE_NODE_LEAF_ARG(leaf)), MP_OBJ_NEW_SMALL_INT(MP_PARSE_NODE_LEAF_KIND(leaf)),
        mp_obj_new_bool(MP_PARSE_NODE_IS_NULL(MP_PARSE_NODE_NULL)), mp_obj_new_bool(MP_PARSE_NODE_IS_STRUCT(leaf)),
        mp_obj_new_bool(MP_PARSE_NODE_IS_TOKEN_KIND(mp_parse_node_new_leaf(MP_PARSE_NODE_TOKEN, n & 0xff), n & 0xff))
    };
    mp_obj_t word = MP_OBJ_NULL;
    void *tagged = MP_TAGPTR_MAKE(&word, n & 3);
    mp_obj_t tag[3] = {
        mp_obj_new_bool(MP_TAGPTR_PTR(tagged) == (void *)&word), mp_obj_new_bool(MP_TAGPTR_TAG0(tagged)), mp_obj_new_bool(MP_TAGPTR_TAG1(tagged))
    };
    mp_obj_t feature[4] = {
        MP_OBJ_NEW_SMALL_INT(MPY_FEATURE_DECODE_ARCH(MPY_FEATURE_ENCODE_ARCH(n & 0xf) | MPY_FEATURE_ENCODE_SUB_VERSION(n & 3))),
        MP_OBJ_NEW_SMALL_INT(MPY_FEATURE_DECODE_SUB_VERSION(MPY_FEATURE_ENCODE_ARCH(n & 0xf) | MPY_FEATURE_ENCODE_SUB_VERSION(n & 3))),
        mp_obj_new_bool(MPY_FEATURE_ARCH_FLAGS_TEST(n & 0xff)), MP_OBJ_NEW_SMALL_INT(MP_BC_FORMAT(n & 0xff))
    };
    static const byte lines[] = { 0x25, 0x83, 0x07, 0x1f, 0x41 };
    mp_obj_t line = MP_OBJ_NEW_SMALL_INT(mp_bytecode_get_source_line(lines, lines + sizeof(lines), n & 63));
    return tup4(mp_obj_new_tuple(9, sig), mp_obj_new_tuple(9, parse), mp_obj_new_tuple(3, tag), tup2(mp_obj_new_tuple(4, feature), line));
}
static MP_DEFINE_CONST_FUN_OBJ_2(rt_plain_c_obj, rt_plain_c);
#endif // RTCHECK_BOARDS

static const mp_rom_map_elem_t rtcheck_globals_table[] = {
    { MP_ROM_QSTR(MP_QSTR_import_stat), MP_ROM_PTR(&rt_import_stat_obj) },
    #if MICROPY_PY_TSTRINGS || !defined(RTCHECK_FIRMWARE)
    { MP_ROM_QSTR(MP_QSTR_template), MP_ROM_PTR(&rt_template_obj) },
    #endif
    { MP_ROM_QSTR(MP_QSTR_stack_usage), MP_ROM_PTR(&rt_stack_usage_obj) },
    { MP_ROM_QSTR(MP_QSTR_cell), MP_ROM_PTR(&rt_cell_obj) },
    { MP_ROM_QSTR(MP_QSTR_resume), MP_ROM_PTR(&rt_resume_obj) },
    { MP_ROM_QSTR(MP_QSTR_call_prepare), MP_ROM_PTR(&rt_call_prepare_obj) },
    { MP_ROM_QSTR(MP_QSTR_int_formatted), MP_ROM_PTR(&rt_int_formatted_obj) },
    { MP_ROM_QSTR(MP_QSTR_print_mp_int), MP_ROM_PTR(&rt_print_mp_int_obj) },
    { MP_ROM_QSTR(MP_QSTR_int_extra), MP_ROM_PTR(&rt_int_extra_obj) },
    #if MICROPY_PY_BUILTINS_FLOAT
    { MP_ROM_QSTR(MP_QSTR_parse_float_internal), MP_ROM_PTR(&rt_parse_float_internal_obj) },
    { MP_ROM_QSTR(MP_QSTR_decimal_exp), MP_ROM_PTR(&rt_decimal_exp_obj) },
    #endif
    { MP_ROM_QSTR(MP_QSTR_get_builtin), MP_ROM_PTR(&rt_get_builtin_obj) },
    { MP_ROM_QSTR(MP_QSTR_gc_misc), MP_ROM_PTR(&rt_gc_misc_obj) },
    { MP_ROM_QSTR(MP_QSTR_is_str_or_bytes), MP_ROM_PTR(&rt_is_str_or_bytes_obj) },
    { MP_ROM_QSTR(MP_QSTR_int_from_str), MP_ROM_PTR(&rt_int_from_str_obj) },
    { MP_ROM_QSTR(MP_QSTR_new_instance), MP_ROM_PTR(&rt_new_instance_obj) },
    { MP_ROM_QSTR(MP_QSTR_str_index), MP_ROM_PTR(&rt_str_index_obj) },
    #if MICROPY_PY_BUILTINS_FLOAT
    { MP_ROM_QSTR(MP_QSTR_num_binop), MP_ROM_PTR(&rt_num_binop_obj) },
    #endif
    #if MICROPY_PY_BUILTINS_COMPLEX
    { MP_ROM_QSTR(MP_QSTR_complex_maybe), MP_ROM_PTR(&rt_complex_maybe_obj) },
    #endif
    { MP_ROM_QSTR(MP_QSTR_getitem_iter), MP_ROM_PTR(&rt_getitem_iter_obj) },
    #if MICROPY_PY_ATTRTUPLE
    { MP_ROM_QSTR(MP_QSTR_attrtuple), MP_ROM_PTR(&rt_attrtuple_obj) },
    #endif
    { MP_ROM_QSTR(MP_QSTR_traceback), MP_ROM_PTR(&rt_traceback_obj) },
    { MP_ROM_QSTR(MP_QSTR_traceback_clear), MP_ROM_PTR(&rt_traceback_clear_obj) },
    { MP_ROM_QSTR(MP_QSTR_nlr_jump), MP_ROM_PTR(&rt_nlr_jump_obj) },
    { MP_ROM_QSTR(MP_QSTR_bound_meth), MP_ROM_PTR(&rt_bound_meth_obj) },
    #if MICROPY_PY_BUILTINS_PROPERTY
    { MP_ROM_QSTR(MP_QSTR_property), MP_ROM_PTR(&rt_property_obj) },
    #endif
    { MP_ROM_QSTR(MP_QSTR_new_module), MP_ROM_PTR(&rt_new_module_obj) },
    { MP_ROM_QSTR(MP_QSTR_set), MP_ROM_PTR(&rt_set_obj) },
    { MP_ROM_QSTR(MP_QSTR_eqne), MP_ROM_PTR(&rt_eqne_obj) },
    { MP_ROM_QSTR(MP_QSTR_fast_slice), MP_ROM_PTR(&rt_fast_slice_obj) },
    { MP_ROM_QSTR(MP_QSTR_member), MP_ROM_PTR(&rt_member_obj) },
    { MP_ROM_QSTR(MP_QSTR_to_bytes), MP_ROM_PTR(&rt_to_bytes_obj) },
    { MP_ROM_QSTR(MP_QSTR_memview), MP_ROM_PTR(&rt_memview_obj) },
    { MP_ROM_QSTR(MP_QSTR_instance), MP_ROM_PTR(&rt_instance_obj) },
    { MP_ROM_QSTR(MP_QSTR_raise_bare), MP_ROM_PTR(&rt_raise_bare_obj) },
    { MP_ROM_QSTR(MP_QSTR_call_var), MP_ROM_PTR(&rt_call_var_obj) },
    { MP_ROM_QSTR(MP_QSTR_unpack_ex), MP_ROM_PTR(&rt_unpack_ex_obj) },
    { MP_ROM_QSTR(MP_QSTR_closure), MP_ROM_PTR(&rt_closure_obj) },
    { MP_ROM_QSTR(MP_QSTR_list_arg), MP_ROM_PTR(&rt_list_arg_obj) },
    { MP_ROM_QSTR(MP_QSTR_dict_init), MP_ROM_PTR(&rt_dict_init_obj) },
    { MP_ROM_QSTR(MP_QSTR_module_attr), MP_ROM_PTR(&rt_module_attr_obj) },
    { MP_ROM_QSTR(MP_QSTR_quoted), MP_ROM_PTR(&rt_quoted_obj) },
    { MP_ROM_QSTR(MP_QSTR_stream_lines), MP_ROM_PTR(&rt_stream_lines_obj) },
    { MP_ROM_QSTR(MP_QSTR_load_protected), MP_ROM_PTR(&rt_load_protected_obj) },
    { MP_ROM_QSTR(MP_QSTR_set_from_int), MP_ROM_PTR(&rt_set_from_int_obj) },
    #if MICROPY_PY_COLLECTIONS
    { MP_ROM_QSTR(MP_QSTR_namedtuple), MP_ROM_PTR(&rt_namedtuple_obj) },
    #endif
    { MP_ROM_QSTR(MP_QSTR_attrtuple_print), MP_ROM_PTR(&rt_attrtuple_print_obj) },
    { MP_ROM_QSTR(MP_QSTR_plain), MP_ROM_PTR(&rt_plain_obj) },
    { MP_ROM_QSTR(MP_QSTR___name__), MP_ROM_QSTR(MP_QSTR_rtcheck) },
    { MP_ROM_QSTR(MP_QSTR_vstr), MP_ROM_PTR(&rt_vstr_obj) },
    { MP_ROM_QSTR(MP_QSTR_printf), MP_ROM_PTR(&rt_printf_obj) },
    { MP_ROM_QSTR(MP_QSTR_exc), MP_ROM_PTR(&rt_exc_obj) },
    { MP_ROM_QSTR(MP_QSTR_iter), MP_ROM_PTR(&rt_iter_obj) },
    { MP_ROM_QSTR(MP_QSTR_map), MP_ROM_PTR(&rt_map_obj) },
    { MP_ROM_QSTR(MP_QSTR_fixed_map), MP_ROM_PTR(&rt_fixed_map_obj) },
    { MP_ROM_QSTR(MP_QSTR_dict_map), MP_ROM_PTR(&rt_dict_map_obj) },
    { MP_ROM_QSTR(MP_QSTR_kw), MP_ROM_PTR(&rt_kw_obj) },
    { MP_ROM_QSTR(MP_QSTR_dict_get), MP_ROM_PTR(&rt_dict_get_obj) },
    { MP_ROM_QSTR(MP_QSTR_is_dict), MP_ROM_PTR(&rt_is_dict_obj) },
    { MP_ROM_QSTR(MP_QSTR_index), MP_ROM_PTR(&rt_index_obj) },
    { MP_ROM_QSTR(MP_QSTR_slice), MP_ROM_PTR(&rt_slice_obj) },
    { MP_ROM_QSTR(MP_QSTR_new_slice), MP_ROM_PTR(&rt_new_slice_obj) },
    { MP_ROM_QSTR(MP_QSTR_int), MP_ROM_PTR(&rt_int_obj) },
    { MP_ROM_QSTR(MP_QSTR_ll), MP_ROM_PTR(&rt_ll_obj) },
    { MP_ROM_QSTR(MP_QSTR_parse), MP_ROM_PTR(&rt_parse_obj) },
    { MP_ROM_QSTR(MP_QSTR_obj), MP_ROM_PTR(&rt_obj_obj) },
    { MP_ROM_QSTR(MP_QSTR_call), MP_ROM_PTR(&rt_call_obj) },
    { MP_ROM_QSTR(MP_QSTR_subclass), MP_ROM_PTR(&rt_subclass_obj) },
    { MP_ROM_QSTR(MP_QSTR_mem), MP_ROM_PTR(&rt_mem_obj) },
    { MP_ROM_QSTR(MP_QSTR_unichar), MP_ROM_PTR(&rt_unichar_obj) },
    { MP_ROM_QSTR(MP_QSTR_utf8), MP_ROM_PTR(&rt_utf8_obj) },
    { MP_ROM_QSTR(MP_QSTR_binary), MP_ROM_PTR(&rt_binary_obj) },
    #if MICROPY_PY_BUILTINS_COMPLEX
    { MP_ROM_QSTR(MP_QSTR_complex), MP_ROM_PTR(&rt_complex_obj) },
    #endif
    { MP_ROM_QSTR(MP_QSTR_qstr), MP_ROM_PTR(&rt_qstr_obj) },
    { MP_ROM_QSTR(MP_QSTR_strhash), MP_ROM_PTR(&rt_strhash_obj) },
    { MP_ROM_QSTR(MP_QSTR_streq), MP_ROM_PTR(&rt_streq_obj) },
    { MP_ROM_QSTR(MP_QSTR_nlr), MP_ROM_PTR(&rt_nlr_obj) },
    { MP_ROM_QSTR(MP_QSTR_ticks), MP_ROM_PTR(&rt_ticks_obj) },
    { MP_ROM_QSTR(MP_QSTR_libc), MP_ROM_PTR(&rt_libc_obj) },
    { MP_ROM_QSTR(MP_QSTR_identity), MP_ROM_PTR(&mp_identity_obj) },
    { MP_ROM_QSTR(MP_QSTR_hex), MP_ROM_PTR(&rt_hex_obj) },
    { MP_ROM_QSTR(MP_QSTR_fromhex), MP_ROM_PTR(&rt_fromhex_obj) },
    { MP_ROM_QSTR(MP_QSTR_list_init), MP_ROM_PTR(&rt_list_init_obj) },
    #if MICROPY_PY_BUILTINS_FLOAT
    { MP_ROM_QSTR(MP_QSTR_parse_float), MP_ROM_PTR(&rt_parse_float_obj) },
    { MP_ROM_QSTR(MP_QSTR_float_to_int), MP_ROM_PTR(&rt_float_to_int_obj) },
    { MP_ROM_QSTR(MP_QSTR_format_float), MP_ROM_PTR(&rt_format_float_obj) },
    { MP_ROM_QSTR(MP_QSTR_intern_text), MP_ROM_PTR(&rt_intern_text_obj) },
    { MP_ROM_QSTR(MP_QSTR_get_qstr), MP_ROM_PTR(&rt_get_qstr_obj) },
    { MP_ROM_QSTR(MP_QSTR_intern), MP_ROM_PTR(&rt_intern_obj) },
    { MP_ROM_QSTR(MP_QSTR_utf8_check), MP_ROM_PTR(&rt_utf8_check_obj) },
    { MP_ROM_QSTR(MP_QSTR_str_copy_fill), MP_ROM_PTR(&rt_str_copy_fill_obj) },
    { MP_ROM_QSTR(MP_QSTR_print_strn), MP_ROM_PTR(&rt_print_strn_obj) },
    #if MICROPY_PY_BUILTINS_FLOAT
    { MP_ROM_QSTR(MP_QSTR_print_float), MP_ROM_PTR(&rt_print_float_obj) },
    #endif
    { MP_ROM_QSTR(MP_QSTR_smallint), MP_ROM_PTR(&rt_smallint_obj) },
    { MP_ROM_QSTR(MP_QSTR_exc_info), MP_ROM_PTR(&rt_exc_info_obj) },
    { MP_ROM_QSTR(MP_QSTR_dict_copy), MP_ROM_PTR(&rt_dict_copy_obj) },
    { MP_ROM_QSTR(MP_QSTR_list_remove), MP_ROM_PTR(&rt_list_remove_obj) },
    { MP_ROM_QSTR(MP_QSTR_list_sort), MP_ROM_PTR(&rt_list_sort_obj) },
    { MP_ROM_QSTR(MP_QSTR_slots), MP_ROM_PTR(&rt_slots_obj) },
    { MP_ROM_QSTR(MP_QSTR_ringbuf), MP_ROM_PTR(&rt_ringbuf_obj) },
    { MP_ROM_QSTR(MP_QSTR_glue), MP_ROM_PTR(&rt_glue_obj) },
    { MP_ROM_QSTR(MP_QSTR_delete_global), MP_ROM_PTR(&rt_delete_global_obj) },
    { MP_ROM_QSTR(MP_QSTR_print_exception), MP_ROM_PTR(&rt_print_exception_obj) },
    { MP_ROM_QSTR(MP_QSTR_protected), MP_ROM_PTR(&rt_protected_obj) },
    #if MICROPY_PY_BUILTINS_FLOAT
    { MP_ROM_QSTR(MP_QSTR_float_maybe), MP_ROM_PTR(&rt_float_maybe_obj) },
    #endif
    { MP_ROM_QSTR(MP_QSTR_errno_name), MP_ROM_PTR(&rt_errno_name_obj) },
    { MP_ROM_QSTR(MP_QSTR_mul_ll), MP_ROM_PTR(&rt_mul_ll_obj) },
    { MP_ROM_QSTR(MP_QSTR_seq), MP_ROM_PTR(&rt_seq_obj) },
    { MP_ROM_QSTR(MP_QSTR_cmp_bytes), MP_ROM_PTR(&rt_cmp_bytes_obj) },
    { MP_ROM_QSTR(MP_QSTR_str_split), MP_ROM_PTR(&rt_str_split_obj) },
    { MP_ROM_QSTR(MP_QSTR_str_format), MP_ROM_PTR(&rt_str_format_obj) },
    { MP_ROM_QSTR(MP_QSTR_json_str), MP_ROM_PTR(&rt_json_str_obj) },
    { MP_ROM_QSTR(MP_QSTR_int_misc), MP_ROM_PTR(&rt_int_misc_obj) },
    { MP_ROM_QSTR(MP_QSTR_check_sig), MP_ROM_PTR(&rt_check_sig_obj) },
    { MP_ROM_QSTR(MP_QSTR_raise_kind), MP_ROM_PTR(&rt_raise_kind_obj) },
    { MP_ROM_QSTR(MP_QSTR_native_type), MP_ROM_PTR(&rt_native_type_obj) },
    { MP_ROM_QSTR(MP_QSTR_call_self), MP_ROM_PTR(&rt_call_self_obj) },
    { MP_ROM_QSTR(MP_QSTR_unpack), MP_ROM_PTR(&rt_unpack_obj) },
    { MP_ROM_QSTR(MP_QSTR_seek), MP_ROM_PTR(&rt_seek_obj) },
    { MP_ROM_QSTR(MP_QSTR_num_base), MP_ROM_PTR(&rt_num_base_obj) },
    { MP_ROM_QSTR(MP_QSTR_strtonum), MP_ROM_PTR(&rt_strtonum_obj) },
    #endif
    { MP_ROM_QSTR(MP_QSTR_binint), MP_ROM_PTR(&rt_binint_obj) },
    { MP_ROM_QSTR(MP_QSTR_stream_write), MP_ROM_PTR(&rt_stream_write_obj) },
    { MP_ROM_QSTR(MP_QSTR_stream_read), MP_ROM_PTR(&rt_stream_read_obj) },
    #if MICROPY_PY_IO
    { MP_ROM_QSTR(MP_QSTR_stringio), MP_ROM_PTR(&rt_stringio_obj) },
    #endif
    { MP_ROM_QSTR(MP_QSTR_pairheap), MP_ROM_PTR(&rt_pairheap_obj) },
    #ifndef RTCHECK_BOARDS
    { MP_ROM_QSTR(MP_QSTR_libc_ext), MP_ROM_PTR(&rt_libc_ext_obj) },
    { MP_ROM_QSTR(MP_QSTR_stdlib_ext), MP_ROM_PTR(&rt_stdlib_ext_obj) },
    { MP_ROM_QSTR(MP_QSTR_strtoll), MP_ROM_PTR(&rt_strtoll_obj) },
    #if MICROPY_PY_BUILTINS_FLOAT
    { MP_ROM_QSTR(MP_QSTR_float_get), MP_ROM_PTR(&rt_float_get_obj) },
    #endif
    { MP_ROM_QSTR(MP_QSTR_hal_out), MP_ROM_PTR(&rt_hal_out_obj) },
    { MP_ROM_QSTR(MP_QSTR_time_ns), MP_ROM_PTR(&rt_time_ns_obj) },
    { MP_ROM_QSTR(MP_QSTR_vfs), MP_ROM_PTR(&rt_vfs_obj) },
    { MP_ROM_QSTR(MP_QSTR_mount), MP_ROM_PTR(&rt_mount_obj) },
    { MP_ROM_QSTR(MP_QSTR_builtin_open), MP_ROM_PTR(&rt_builtin_open_obj) },
    { MP_ROM_QSTR(MP_QSTR_schedule), MP_ROM_PTR(&rt_schedule_obj) },
    { MP_ROM_QSTR(MP_QSTR_thread_id), MP_ROM_PTR(&rt_thread_id_obj) },
    { MP_ROM_QSTR(MP_QSTR_mem_stats), MP_ROM_PTR(&rt_mem_stats_obj) },
    { MP_ROM_QSTR(MP_QSTR_varint), MP_ROM_PTR(&rt_varint_obj) },
    { MP_ROM_QSTR(MP_QSTR_vpin), MP_ROM_PTR(&rt_vpin_obj) },
    { MP_ROM_QSTR(MP_QSTR_globals), MP_ROM_PTR(&rt_globals_obj) },
    { MP_ROM_QSTR(MP_QSTR_plain_c), MP_ROM_PTR(&rt_plain_c_obj) },
    #endif
};
static MP_DEFINE_CONST_DICT(rtcheck_globals, rtcheck_globals_table);

const mp_obj_module_t rtcheck_user_cmodule = {
    .base = { &mp_type_module },
    .globals = (mp_obj_dict_t *)&rtcheck_globals,
};

MP_REGISTER_MODULE(MP_QSTR_rtcheck, rtcheck_user_cmodule);
