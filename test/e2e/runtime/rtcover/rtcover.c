// rtcover: runtime-library functions that no other end-to-end fixture compared with the firmware
// called (found by test/unit/facts/runtime-e2e-callers.test.ts). Built into the unix port as a
// user C module and converted to a natmod, test.py must print the same.
#include <stdarg.h>
#include <string.h>
#include "py/runtime.h"
#include "py/gc.h"
#include "py/mphal.h"
#include "py/objint.h"
#include "py/objstr.h"
#include "py/pairheap.h"
#include "py/parsenum.h"
#include "py/builtin.h"
#include "py/qstr.h"
#include "py/lexer.h"
#include "py/parse.h"

// alloca (declared by the port's configuration in the firmware): a buffer on the C stack, filled and summed.
static mp_obj_t rc_alloca(mp_obj_t n_in) {
    size_t n = mp_obj_get_int(n_in);
    byte *buf = alloca(n);
    mp_int_t sum = 0;
    for (size_t i = 0; i < n; i++) {
        buf[i] = (byte)(i * 7);
        sum += buf[i];
    }
    return mp_obj_new_int(sum);
}
static MP_DEFINE_CONST_FUN_OBJ_1(rc_alloca_obj, rc_alloca);

// gc_alloc and gc_realloc (moving allowed, then not): the bytes written survive the resize.
static mp_obj_t rc_gc(void) {
    byte *p = gc_alloc(8, 0);
    for (int i = 0; i < 8; i++) {
        p[i] = (byte)('a' + i);
    }
    p = gc_realloc(p, 64, true);
    for (int i = 8; i < 64; i++) {
        p[i] = (byte)('0' + i % 10);
    }
    byte *same = gc_realloc(p, 16, false);
    mp_obj_t out[2] = { mp_obj_new_bytes(p, 12), mp_obj_new_bool(same == p) };
    return mp_obj_new_tuple(2, out);
}
static MP_DEFINE_CONST_FUN_OBJ_0(rc_gc_obj, rc_gc);

// GET_STR_LEN and GET_STR_DATA_LEN on a qstr and on a heap str.
static mp_obj_t rc_str_macros(mp_obj_t s_in) {
    GET_STR_LEN(s_in, n);
    GET_STR_DATA_LEN(s_in, data, len);
    mp_obj_t out[3] = { mp_obj_new_int(n), mp_obj_new_int(len), mp_obj_new_bytes(data, len) };
    return mp_obj_new_tuple(3, out);
}
static MP_DEFINE_CONST_FUN_OBJ_1(rc_str_macros_obj, rc_str_macros);

// The allocation variants that may return NULL, and the finaliser ones.
typedef struct _rc_var_t {
    mp_obj_base_t base;
    size_t n;
    mp_int_t items[];
} rc_var_t;

static mp_obj_t rc_allocs(void) {
    mp_int_t *a = m_new_maybe(mp_int_t, 4);
    mp_obj_base_t *o = m_new_obj_maybe(mp_obj_base_t);
    rc_var_t *v = m_new_obj_var_maybe(rc_var_t, items, mp_int_t, 3);
    byte *f = m_malloc_with_finaliser(16);
    rc_var_t *fo = mp_obj_malloc_with_finaliser(rc_var_t, &mp_type_object);
    // The helper the macro stands for, called by name beside the macro.
    mp_obj_base_t *fh = mp_obj_malloc_with_finaliser_helper(sizeof(mp_obj_base_t), &mp_type_object);
    mp_int_t sum = 0;
    if (a && v && f) {
        for (int i = 0; i < 4; i++) {
            a[i] = i + 1;
        }
        v->n = 3;
        for (size_t i = 0; i < v->n; i++) {
            v->items[i] = 10 * (mp_int_t)(i + 1);
        }
        memset(f, 2, 16);
        sum = a[0] + a[1] + a[2] + a[3] + v->items[0] + v->items[1] + v->items[2] + f[0] + f[15];
    }
    mp_obj_t out[5] = {
        mp_obj_new_int(sum),
        mp_obj_new_bool(o != NULL),
        mp_obj_new_bool(fo->base.type == &mp_type_object),
        mp_obj_new_bool(mp_obj_get_type(MP_OBJ_FROM_PTR(fo)) == &mp_type_object),
        mp_obj_new_bool(fh->type == &mp_type_object),
    };
    return mp_obj_new_tuple(5, out);
}
static MP_DEFINE_CONST_FUN_OBJ_0(rc_allocs_obj, rc_allocs);

// __import__ as the port's default handler: the same module object import gives.
static mp_obj_t rc_import(size_t n_args, const mp_obj_t *args) {
    return mp_builtin___import___default(n_args, args);
}
static MP_DEFINE_CONST_FUN_OBJ_VAR_BETWEEN(rc_import_obj, 1, 5, rc_import);

// mp_delete_name: deletes a name from the locals of the code calling the module (a script's globals at top level).
static mp_obj_t rc_delete_name(mp_obj_t name_in) {
    mp_delete_name(mp_obj_str_get_qstr(name_in));
    return mp_const_none;
}
static MP_DEFINE_CONST_FUN_OBJ_1(rc_delete_name_obj, rc_delete_name);

// mp_hal_ticks_cpu: the unix port's is 0 (a natmod's asks time.ticks_cpu, which is the port's).
static mp_obj_t rc_ticks_cpu(void) {
    return mp_obj_new_int_from_uint(mp_hal_ticks_cpu());
}
static MP_DEFINE_CONST_FUN_OBJ_0(rc_ticks_cpu_obj, rc_ticks_cpu);

static mp_obj_t rc_identity(mp_obj_t x) {
    return mp_obj_new_bool(mp_identity(x) == x);
}
static MP_DEFINE_CONST_FUN_OBJ_1(rc_identity_obj, rc_identity);

// mp_iternext_allow_raise to exhaustion: the items, then whether it ended with MP_OBJ_STOP_ITERATION.
static mp_obj_t rc_iternext(mp_obj_t iterable) {
    mp_obj_t iter = mp_getiter(iterable, NULL);
    mp_obj_t list = mp_obj_new_list(0, NULL);
    mp_obj_t item;
    while ((item = mp_iternext_allow_raise(iter)) != MP_OBJ_STOP_ITERATION) {
        mp_obj_list_append(list, item);
    }
    return list;
}
static MP_DEFINE_CONST_FUN_OBJ_1(rc_iternext_obj, rc_iternext);

// A big int (mpz in the unix port) as a float, and the unsigned checked conversion.
static mp_obj_t rc_int_as_float(mp_obj_t big) {
    return mp_obj_new_float(mp_obj_int_as_float_impl(big));
}
static MP_DEFINE_CONST_FUN_OBJ_1(rc_int_as_float_obj, rc_int_as_float);

static mp_obj_t rc_uint_checked(mp_obj_t x) {
    return mp_obj_new_int_from_uint(mp_obj_int_get_uint_checked(x));
}
static MP_DEFINE_CONST_FUN_OBJ_1(rc_uint_checked_obj, rc_uint_checked);

// mp_obj_new_exception_msg_vlist through a variadic helper, as modules wrap it.
static mp_obj_t rc_exc(const mp_obj_type_t *type, mp_rom_error_text_t fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    mp_obj_t e = mp_obj_new_exception_msg_vlist(type, fmt, ap);
    va_end(ap);
    return e;
}

static mp_obj_t rc_vlist(mp_obj_t n_in, mp_obj_t s_in) {
    nlr_raise(rc_exc(&mp_type_ValueError, MP_ERROR_TEXT("bad %d: %s!"), (int)mp_obj_get_int(n_in), mp_obj_str_get_str(s_in)));
}
static MP_DEFINE_CONST_FUN_OBJ_2(rc_vlist_obj, rc_vlist);

// A runtime call written only inside the module's macro (issue 9: it must not escape the check
// of what a natmod can call, and the natmod must get the runtime's definition).
#define RC_RAISE(fmt, ...) mp_raise_msg_varg(&mp_type_KeyError, MP_ERROR_TEXT(fmt), __VA_ARGS__)

static mp_obj_t rc_macro_raise(mp_obj_t n_in) {
    RC_RAISE("key %d of %q", (int)mp_obj_get_int(n_in), MP_QSTR_rtcover);
}
static MP_DEFINE_CONST_FUN_OBJ_1(rc_macro_raise_obj, rc_macro_raise);

// mp_obj_print to stdout, both kinds.
static mp_obj_t rc_print(mp_obj_t x) {
    mp_obj_print(x, PRINT_REPR);
    mp_obj_print(x, PRINT_STR);
    return mp_const_none;
}
static MP_DEFINE_CONST_FUN_OBJ_1(rc_print_obj, rc_print);

static mp_obj_t rc_set_store(mp_obj_t set, mp_obj_t item) {
    mp_obj_set_store(set, item);
    return set;
}
static MP_DEFINE_CONST_FUN_OBJ_2(rc_set_store_obj, rc_set_store);

// mp_obj_str_set_data on a str object the module makes itself (data, length and hash).
static mp_obj_t rc_str_set_data(void) {
    static const byte text[] = "natmod";
    mp_obj_str_t *s = mp_obj_malloc(mp_obj_str_t, &mp_type_str);
    mp_obj_str_set_data(s, text, 6);
    return MP_OBJ_FROM_PTR(s);
}
static MP_DEFINE_CONST_FUN_OBJ_0(rc_str_set_data_obj, rc_str_set_data);

// The pairing heap: nodes melded one by one, then popped through mp_pairheap_pairing.
typedef struct _rc_node_t {
    mp_pairheap_t ph;
    mp_int_t key;
} rc_node_t;

static int rc_node_lt(mp_pairheap_t *a, mp_pairheap_t *b) {
    return ((rc_node_t *)a)->key < ((rc_node_t *)b)->key;
}

static mp_obj_t rc_pairheap(mp_obj_t keys_in) {
    size_t n;
    mp_obj_t *keys;
    mp_obj_get_array(keys_in, &n, &keys);
    rc_node_t *nodes = m_new0(rc_node_t, n);
    mp_pairheap_t *heap = NULL;
    for (size_t i = 0; i < n; i++) {
        nodes[i].key = mp_obj_get_int(keys[i]);
        mp_pairheap_init_node(rc_node_lt, &nodes[i].ph);
        heap = mp_pairheap_meld(rc_node_lt, &nodes[i].ph, heap);
    }
    mp_obj_t out = mp_obj_new_list(0, NULL);
    while (heap != NULL) {
        mp_obj_list_append(out, mp_obj_new_int(((rc_node_t *)heap)->key));
        heap = mp_pairheap_pairing(rc_node_lt, heap->child);
    }
    return out;
}
static MP_DEFINE_CONST_FUN_OBJ_1(rc_pairheap_obj, rc_pairheap);

// mp_parse_num_decimal: plain, forced complex, imaginary allowed.
static mp_obj_t rc_decimal(mp_obj_t s_in, mp_obj_t mode_in) {
    size_t len;
    const char *s = mp_obj_str_get_data(s_in, &len);
    mp_int_t mode = mp_obj_get_int(mode_in);
    return mp_parse_num_decimal(s, len, mode >= 1, mode == 2, NULL);
}
static MP_DEFINE_CONST_FUN_OBJ_2(rc_decimal_obj, rc_decimal);

// mp_parse_tree_clear after a parse that is not compiled (a port's syntax check).
static mp_obj_t rc_parse_clear(mp_obj_t src_in) {
    size_t len;
    const char *src = mp_obj_str_get_data(src_in, &len);
    mp_lexer_t *lex = mp_lexer_new_from_str_len(MP_QSTR__lt_string_gt_, src, len, 0);
    mp_parse_tree_t tree = mp_parse(lex, MP_PARSE_FILE_INPUT);
    mp_parse_tree_clear(&tree);
    return mp_const_true;
}
static MP_DEFINE_CONST_FUN_OBJ_1(rc_parse_clear_obj, rc_parse_clear);

static mp_obj_t rc_stop_iteration(mp_obj_t arg) {
    mp_raise_StopIteration(arg);
}
static MP_DEFINE_CONST_FUN_OBJ_1(rc_stop_iteration_obj, rc_stop_iteration);

static mp_obj_t rc_int_conversion(mp_obj_t arg) {
    mp_raise_TypeError_int_conversion(arg);
}
static MP_DEFINE_CONST_FUN_OBJ_1(rc_int_conversion_obj, rc_int_conversion);

// The VFS as import and open() see it.
static mp_obj_t rc_import_stat(mp_obj_t path_in) {
    return MP_OBJ_NEW_SMALL_INT(mp_vfs_import_stat(mp_obj_str_get_str(path_in)));
}
static MP_DEFINE_CONST_FUN_OBJ_1(rc_import_stat_obj, rc_import_stat);

static mp_obj_t rc_open(size_t n_args, const mp_obj_t *args, mp_map_t *kw_args) {
    return mp_vfs_open(n_args, args, kw_args);
}
static MP_DEFINE_CONST_FUN_OBJ_KW(rc_open_obj, 1, rc_open);

// A qstr made from a static string, and the vstr insertions and vprintf.
static mp_obj_t rc_qstr_static(void) {
    static const char name[] = "rtcover_static_name";
    qstr q = qstr_from_strn_static(name, sizeof(name) - 1);
    return MP_OBJ_NEW_QSTR(q);
}
static MP_DEFINE_CONST_FUN_OBJ_0(rc_qstr_static_obj, rc_qstr_static);

static void rc_vstr_printf(vstr_t *v, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    vstr_vprintf(v, fmt, ap);
    va_end(ap);
}

static mp_obj_t rc_vstr(void) {
    vstr_t v;
    vstr_init(&v, 4);
    vstr_add_str(&v, "ace");
    char *blank = vstr_ins_blank_bytes(&v, 1, 2);
    blank[0] = '[';
    blank[1] = ']';
    vstr_ins_char(&v, 0, 'Z');
    vstr_ins_strn(&v, 2, "xyz", 3);
    rc_vstr_printf(&v, "|%d|%s|%x|%c", -42, "s", 255, 'q');
    return mp_obj_new_str_from_vstr(&v);
}
static MP_DEFINE_CONST_FUN_OBJ_0(rc_vstr_obj, rc_vstr);

static const mp_rom_map_elem_t rtcover_globals_table[] = {
    { MP_ROM_QSTR(MP_QSTR___name__), MP_ROM_QSTR(MP_QSTR_rtcover) },
    { MP_ROM_QSTR(MP_QSTR_alloca), MP_ROM_PTR(&rc_alloca_obj) },
    { MP_ROM_QSTR(MP_QSTR_gc), MP_ROM_PTR(&rc_gc_obj) },
    { MP_ROM_QSTR(MP_QSTR_str_macros), MP_ROM_PTR(&rc_str_macros_obj) },
    { MP_ROM_QSTR(MP_QSTR_allocs), MP_ROM_PTR(&rc_allocs_obj) },
    { MP_ROM_QSTR(MP_QSTR_import_), MP_ROM_PTR(&rc_import_obj) },
    { MP_ROM_QSTR(MP_QSTR_delete_name), MP_ROM_PTR(&rc_delete_name_obj) },
    { MP_ROM_QSTR(MP_QSTR_ticks_cpu), MP_ROM_PTR(&rc_ticks_cpu_obj) },
    { MP_ROM_QSTR(MP_QSTR_identity), MP_ROM_PTR(&rc_identity_obj) },
    { MP_ROM_QSTR(MP_QSTR_iternext), MP_ROM_PTR(&rc_iternext_obj) },
    { MP_ROM_QSTR(MP_QSTR_int_as_float), MP_ROM_PTR(&rc_int_as_float_obj) },
    { MP_ROM_QSTR(MP_QSTR_uint_checked), MP_ROM_PTR(&rc_uint_checked_obj) },
    { MP_ROM_QSTR(MP_QSTR_vlist), MP_ROM_PTR(&rc_vlist_obj) },
    { MP_ROM_QSTR(MP_QSTR_macro_raise), MP_ROM_PTR(&rc_macro_raise_obj) },
    { MP_ROM_QSTR(MP_QSTR_print), MP_ROM_PTR(&rc_print_obj) },
    { MP_ROM_QSTR(MP_QSTR_set_store), MP_ROM_PTR(&rc_set_store_obj) },
    { MP_ROM_QSTR(MP_QSTR_str_set_data), MP_ROM_PTR(&rc_str_set_data_obj) },
    { MP_ROM_QSTR(MP_QSTR_pairheap), MP_ROM_PTR(&rc_pairheap_obj) },
    { MP_ROM_QSTR(MP_QSTR_decimal), MP_ROM_PTR(&rc_decimal_obj) },
    { MP_ROM_QSTR(MP_QSTR_parse_clear), MP_ROM_PTR(&rc_parse_clear_obj) },
    { MP_ROM_QSTR(MP_QSTR_stop_iteration), MP_ROM_PTR(&rc_stop_iteration_obj) },
    { MP_ROM_QSTR(MP_QSTR_int_conversion), MP_ROM_PTR(&rc_int_conversion_obj) },
    { MP_ROM_QSTR(MP_QSTR_import_stat), MP_ROM_PTR(&rc_import_stat_obj) },
    { MP_ROM_QSTR(MP_QSTR_open), MP_ROM_PTR(&rc_open_obj) },
    { MP_ROM_QSTR(MP_QSTR_qstr_static), MP_ROM_PTR(&rc_qstr_static_obj) },
    { MP_ROM_QSTR(MP_QSTR_vstr), MP_ROM_PTR(&rc_vstr_obj) },
};
static MP_DEFINE_CONST_DICT(rtcover_globals, rtcover_globals_table);

const mp_obj_module_t rtcover_module = {
    .base = { &mp_type_module },
    .globals = (mp_obj_dict_t *)&rtcover_globals,
};

MP_REGISTER_MODULE(MP_QSTR_rtcover, rtcover_module);
