// rtextra: the C library and port services natmodgen's runtime builds for natmods that a
// firmware takes from its C library or its port: sscanf, setjmp/longjmp, mp_hal_stdin_rx_chr,
// the block-device calls of extmod/vfs.h, mp_reader_new_mem, mp_reader_new_file,
// mp_hal_stdio_poll, mp_warning, MP_STACK_CHECK() written in a header, m_malloc_fail,
// mp_hal_set_interrupt_char, #ifdef of names py/dynruntime.h makes macros, and
// MP_THREAD_GIL_EXIT/ENTER around plain C. Built into the
// unix port as a user C module (glibc's sscanf and setjmp, the port's HAL) and converted to a
// natmod, test.py must print the same. Small enough for every qemu board's heap.
#include <setjmp.h>
#include <stdio.h>
#include <string.h>
#include "py/runtime.h"
#include "py/mphal.h"
#include "py/reader.h"
#include "py/stream.h"
#include "extmod/vfs.h"
#include "rtextra_stack.h"

// sscanf(text, fmt) into six slots; the format is read here only to know each slot's type.
typedef union {
    long double ld;
    double d;
    float f;
    long long ll;
    char text[40];
} scan_slot_t;

static mp_obj_t rtx_scan(mp_obj_t fmt_in, mp_obj_t text_in) {
    const char *fmt = mp_obj_str_get_str(fmt_in);
    scan_slot_t slot[6];
    memset(slot, 0, sizeof(slot));
    const char *text = mp_obj_str_get_str(text_in);
    // plain C on the module's own buffers: the GIL may be released meanwhile (a natmod keeps it)
    MP_THREAD_GIL_EXIT();
    int r = sscanf(text, fmt, &slot[0], &slot[1], &slot[2], &slot[3], &slot[4], &slot[5]);
    MP_THREAD_GIL_ENTER();
    mp_obj_t out = mp_obj_new_list(0, NULL);
    mp_obj_list_append(out, MP_OBJ_NEW_SMALL_INT(r));
    size_t k = 0;
    for (const char *f = fmt; *f && k < 6; f++) {
        if (*f != '%') {
            continue;
        }
        f++;
        if (*f == '%') {
            continue;
        }
        bool suppress = *f == '*';
        f += suppress;
        size_t width = 0;
        while (*f >= '0' && *f <= '9') {
            width = width * 10 + (size_t)(*f++ - '0');
        }
        char len[3] = { 0, 0, 0 };
        for (size_t i = 0; i < 2 && strchr("hljztLq", *f); i++) {
            len[i] = *f++;
        }
        char conv = *f;
        if (conv == '[') {
            f++;
            if (*f == '^') {
                f++;
            }
            if (*f == ']') {
                f++;
            }
            while (*f && *f != ']') {
                f++;
            }
        }
        if (suppress) {
            continue;
        }
        scan_slot_t *s = &slot[k++];
        mp_obj_t v;
        if (strchr("diun", conv)) {
            bool sign = conv != 'u';
            long long x;
            if (!strcmp(len, "hh")) {
                x = sign ? (long long)*(signed char *)s : (long long)*(unsigned char *)s;
            } else if (!strcmp(len, "h")) {
                x = sign ? (long long)*(short *)s : (long long)*(unsigned short *)s;
            } else if (!strcmp(len, "l")) {
                x = sign ? (long long)*(long *)s : (long long)*(unsigned long *)s;
            } else if (!strcmp(len, "ll")) {
                x = s->ll;
            } else {
                x = sign ? (long long)*(int *)s : (long long)*(unsigned int *)s;
            }
            v = !strcmp(len, "ll") && !sign ? mp_obj_new_int_from_ull((unsigned long long)x) : mp_obj_new_int_from_ll(x);
        } else if (strchr("oxX", conv)) {
            unsigned long long x = !strcmp(len, "ll") ? (unsigned long long)s->ll : !strcmp(len, "l") ? *(unsigned long *)s : *(unsigned int *)s;
            v = mp_obj_new_int_from_ull(x);
        } else if (conv == 'p') {
            v = mp_obj_new_int_from_ull((uintptr_t) * (void **)s);
        #if MICROPY_PY_BUILTINS_FLOAT
        } else if (strchr("fegaFEGA", conv)) {
            v = mp_obj_new_float(!strcmp(len, "l") ? (mp_float_t)s->d : !strcmp(len, "L") ? (mp_float_t)s->ld : (mp_float_t)s->f);
        #endif
        } else if (conv == 'c') {
            v = mp_obj_new_bytes((const byte *)s->text, width ? width : 1);
        } else {
            v = mp_obj_new_str(s->text, strlen(s->text));
        }
        mp_obj_list_append(out, v);
    }
    return out;
}
static MP_DEFINE_CONST_FUN_OBJ_2(rtx_scan_obj, rtx_scan);

// setjmp/longjmp: a jump from `depth` calls down, which use the registers a callee keeps, to a
// setjmp whose caller keeps values in such registers across it.
static volatile int rtx_sink;

static MP_NOINLINE int rtx_dive(jmp_buf *env, int depth, int val) {
    int a = depth * 3 + 1, b = depth * 5 + 2, c = depth * 7 + 3, d = depth * 11 + 4;
    if (depth <= 0) {
        if (env != NULL) {
            longjmp(*env, val);
        }
        return val;
    }
    int r = rtx_dive(env, depth - 1, val);
    rtx_sink = a + b + c + d + r;
    return a * b - c * d + r;
}

static MP_NOINLINE int rtx_catch(int depth, int val, int *returns) {
    jmp_buf env;
    volatile int count = 0;
    int r = setjmp(env);
    count++;
    if (r == 0) {
        rtx_dive(&env, depth, val);
    }
    *returns = count;
    return r;
}

static mp_obj_t rtx_jmp(mp_obj_t depth_in, mp_obj_t val_in) {
    int depth = mp_obj_get_int(depth_in);
    int val = mp_obj_get_int(val_in);
    // values live across the calls below, in registers a callee must keep
    int k1 = depth + 101, k2 = val * 3 + 7, k3 = k1 ^ k2, k4 = k1 * k2, k5 = k3 - k4, k6 = k5 + depth;
    int returns = 0, total = 0, all = 0;
    for (int i = 0; i < 200; i++) {
        total += rtx_catch(depth, val, &returns);
        all += returns;
    }
    mp_obj_t items[4] = {
        MP_OBJ_NEW_SMALL_INT(total / 200),
        MP_OBJ_NEW_SMALL_INT(returns),
        MP_OBJ_NEW_SMALL_INT(all),
        MP_OBJ_NEW_SMALL_INT(k1 + k2 + k3 + k4 + k5 + k6 - (depth + 101) - (val * 3 + 7)),
    };
    return mp_obj_new_tuple(4, items);
}
static MP_DEFINE_CONST_FUN_OBJ_2(rtx_jmp_obj, rtx_jmp);

// mp_hal_stdin_rx_chr, n times.
static mp_obj_t rtx_stdin(mp_obj_t n_in) {
    mp_obj_t out = mp_obj_new_list(0, NULL);
    for (mp_int_t i = mp_obj_get_int(n_in); i > 0; i--) {
        mp_obj_list_append(out, MP_OBJ_NEW_SMALL_INT(mp_hal_stdin_rx_chr()));
    }
    return out;
}
static MP_DEFINE_CONST_FUN_OBJ_1(rtx_stdin_obj, rtx_stdin);

// The block-device calls on a Python device, in the order a filesystem makes them; the _ext
// ones (an offset in the block) only when `ext` (old-protocol devices have no offset argument).
static mp_obj_t rtx_blockdev(mp_obj_t dev, mp_obj_t ext_in) {
    bool ext = mp_obj_is_true(ext_in);
    mp_vfs_blockdev_t bd;
    memset(&bd, 0, sizeof(bd));
    mp_vfs_blockdev_init(&bd, dev);
    mp_obj_t out = mp_obj_new_list(0, NULL);
    mp_obj_list_append(out, MP_OBJ_NEW_SMALL_INT(bd.flags));
    mp_obj_list_append(out, mp_vfs_blockdev_ioctl(&bd, MP_BLOCKDEV_IOCTL_INIT, 0));
    mp_obj_t size = mp_vfs_blockdev_ioctl(&bd, MP_BLOCKDEV_IOCTL_BLOCK_SIZE, 0);
    mp_obj_list_append(out, size);
    mp_obj_list_append(out, mp_vfs_blockdev_ioctl(&bd, MP_BLOCKDEV_IOCTL_BLOCK_COUNT, 0));
    bd.block_size = size == mp_const_none ? 512 : mp_obj_get_int(size);
    size_t n = 2 * bd.block_size;
    uint8_t *buf = m_new(uint8_t, n);
    for (size_t i = 0; i < n; i++) {
        buf[i] = (uint8_t)(i * 7);
    }
    mp_obj_list_append(out, MP_OBJ_NEW_SMALL_INT(mp_vfs_blockdev_write(&bd, 1, 1, buf)));
    if (ext) {
        mp_obj_list_append(out, MP_OBJ_NEW_SMALL_INT(mp_vfs_blockdev_write_ext(&bd, 2, 3, 5, buf + 10)));
    }
    memset(buf, 0, n);
    mp_obj_list_append(out, MP_OBJ_NEW_SMALL_INT(mp_vfs_blockdev_read(&bd, 1, 2, buf)));
    mp_obj_list_append(out, mp_obj_new_bytes(buf, n < 48 ? n : 48));
    m_del(uint8_t, buf, n);
    if (ext) {
        uint8_t part[6] = { 0 };
        mp_obj_list_append(out, MP_OBJ_NEW_SMALL_INT(mp_vfs_blockdev_read_ext(&bd, 2, 2, sizeof(part), part)));
        mp_obj_list_append(out, mp_obj_new_bytes(part, sizeof(part)));
    }
    mp_obj_list_append(out, mp_vfs_blockdev_ioctl(&bd, MP_BLOCKDEV_IOCTL_SYNC, 0));
    mp_obj_list_append(out, mp_vfs_blockdev_ioctl(&bd, MP_BLOCKDEV_IOCTL_BLOCK_ERASE, 3));
    return out;
}
static MP_DEFINE_CONST_FUN_OBJ_2(rtx_blockdev_obj, rtx_blockdev);

// mp_reader_new_mem over a copy the reader frees (owned) or over the bytes object's own data
// (as ROM: a bytes object's data stays in place), and mp_reader_try_read_rom.
static mp_obj_t rtx_reader(mp_obj_t data_in, mp_obj_t owned_in) {
    size_t len;
    const byte *data = (const byte *)mp_obj_str_get_data(data_in, &len);
    bool owned = mp_obj_is_true(owned_in);
    if (owned) {
        byte *copy = m_new(byte, len);
        memcpy(copy, data, len);
        data = copy;
    }
    mp_reader_t reader;
    mp_reader_new_mem(&reader, data, len, owned ? len : MP_READER_IS_ROM);
    // from ROM data the first two bytes come in place; the reader goes on after them
    const uint8_t *rom = len >= 2 ? mp_reader_try_read_rom(&reader, 2) : NULL;
    mp_obj_t in_place = rom == NULL ? mp_const_none : mp_obj_new_bool(rom == data);
    vstr_t got;
    vstr_init(&got, len);
    mp_uint_t c;
    while ((c = reader.readbyte(reader.data)) != MP_READER_EOF) {
        vstr_add_byte(&got, (byte)c);
    }
    bool eof_again = reader.readbyte(reader.data) == MP_READER_EOF;
    reader.close(reader.data);
    mp_obj_t items[3] = { mp_obj_new_bytes((const byte *)got.buf, got.len), mp_obj_new_bool(eof_again), in_place };
    vstr_clear(&got);
    return mp_obj_new_tuple(3, items);
}
static MP_DEFINE_CONST_FUN_OBJ_2(rtx_reader_obj, rtx_reader);

// mp_reader_new_file: every byte the reader gives, whether it gives MP_READER_EOF again after
// the end, then close (which closes the file).
static mp_obj_t rtx_reader_file(mp_obj_t name_in) {
    mp_reader_t reader;
    mp_reader_new_file(&reader, mp_obj_str_get_qstr(name_in));
    vstr_t got;
    vstr_init(&got, 16);
    mp_uint_t c;
    while ((c = reader.readbyte(reader.data)) != MP_READER_EOF) {
        vstr_add_byte(&got, (byte)c);
    }
    bool eof_again = reader.readbyte(reader.data) == MP_READER_EOF;
    reader.close(reader.data);
    mp_obj_t items[2] = { mp_obj_new_bytes((const byte *)got.buf, got.len), mp_obj_new_bool(eof_again) };
    vstr_clear(&got);
    return mp_obj_new_tuple(2, items);
}
static MP_DEFINE_CONST_FUN_OBJ_1(rtx_reader_file_obj, rtx_reader_file);

// mp_hal_stdio_poll(flags). The unix port has neither the function (its mphalport.h defines the
// name away) nor a poll ioctl on stdin; its firmware build (RTEXTRA_FIRMWARE, set by micropython.mk)
// asks select.poll about sys.stdin, which is where the port's own readiness of stdin is. On a board
// the function is sys.stdin's poll ioctl (shared/runtime/sys_stdio_mphal.c), and test.py compares
// the natmod's answer with select.poll's there too.
#if defined(RTEXTRA_FIRMWARE) && defined(mp_hal_stdio_poll)
static uintptr_t rtx_hal_stdio_poll(uintptr_t flags) {
    mp_obj_t in = mp_load_attr(mp_import_name(MP_QSTR_sys, mp_const_none, MP_OBJ_NEW_SMALL_INT(0)), MP_QSTR_stdin);
    mp_obj_t select = mp_import_name(MP_QSTR_select, mp_const_none, MP_OBJ_NEW_SMALL_INT(0));
    mp_obj_t poller = mp_call_function_0(mp_load_attr(select, MP_QSTR_poll));
    mp_call_function_2(mp_load_attr(poller, MP_QSTR_register), in, mp_obj_new_int_from_uint(flags));
    mp_obj_t ready = mp_call_function_1(mp_load_attr(poller, MP_QSTR_poll), MP_OBJ_NEW_SMALL_INT(0));
    size_t n;
    mp_obj_t *items;
    mp_obj_get_array(ready, &n, &items);
    if (n == 0) {
        return 0;
    }
    mp_obj_get_array(items[0], &n, &items);
    return mp_obj_get_int(items[1]);
}
#else
#define rtx_hal_stdio_poll mp_hal_stdio_poll
#endif
static mp_obj_t rtx_stdio_poll(mp_obj_t flags_in) {
    return mp_obj_new_int_from_uint(rtx_hal_stdio_poll(mp_obj_get_int(flags_in)));
}
static MP_DEFINE_CONST_FUN_OBJ_1(rtx_stdio_poll_obj, rtx_stdio_poll);

// A C recursion checked only by the header's macro: past the firmware's limit it raises.
static mp_uint_t rtx_recurse(mp_uint_t depth, volatile char *prev) {
    volatile char frame[96];
    frame[0] = prev ? prev[0] + 1 : 0;
    RTX_CHECK_STACK();
    if (depth > 10000000) {
        return frame[0];
    }
    return 1 + rtx_recurse(depth + 1, frame) + (frame[0] & 0);
}
static mp_obj_t rtx_deep(void) {
    return mp_obj_new_int_from_uint(rtx_recurse(0, NULL));
}
static MP_DEFINE_CONST_FUN_OBJ_0(rtx_deep_obj, rtx_deep);

// m_malloc_fail(n) after an allocation of n bytes with m_malloc_maybe has failed, with the heap
// free or locked (micropython.heap_lock(), unlocked again before the exception leaves): the
// MemoryError's message is the firmware's.
static mp_obj_t rtx_alloc(mp_obj_t n_in, mp_obj_t locked_in) {
    size_t n = mp_obj_get_int(n_in);
    mp_obj_t micropython = mp_import_name(MP_QSTR_micropython, mp_const_none, MP_OBJ_NEW_SMALL_INT(0));
    bool locked = mp_obj_is_true(locked_in);
    if (locked) {
        mp_call_function_n_kw(mp_load_attr(micropython, MP_QSTR_heap_lock), 0, 0, NULL);
    }
    nlr_buf_t nlr;
    if (nlr_push(&nlr) == 0) {
        byte *p = m_malloc_maybe(n);
        if (p == NULL) {
            m_malloc_fail(n);
        }
        m_del(byte, p, n);
        nlr_pop();
    } else if (locked) {
        mp_call_function_n_kw(mp_load_attr(micropython, MP_QSTR_heap_unlock), 0, 0, NULL);
        nlr_jump(nlr.ret_val);
    } else {
        nlr_jump(nlr.ret_val);
    }
    if (locked) {
        mp_call_function_n_kw(mp_load_attr(micropython, MP_QSTR_heap_unlock), 0, 0, NULL);
    }
    return mp_const_none;
}
static MP_DEFINE_CONST_FUN_OBJ_2(rtx_alloc_obj, rtx_alloc);

// mp_warning with and without a category.
static mp_obj_t rtx_warn(mp_obj_t n_in) {
    mp_warning(NULL, "value %d is odd", (int)mp_obj_get_int(n_in));
    mp_warning("UserWarning", "%s and %d", "text", 42);
    return mp_const_none;
}
static MP_DEFINE_CONST_FUN_OBJ_1(rtx_warn_obj, rtx_warn);

// mp_hal_set_interrupt_char(c): the character that raises KeyboardInterrupt, -1 for none.
static mp_obj_t rtx_interrupt_char(mp_obj_t c_in) {
    mp_hal_set_interrupt_char(mp_obj_get_int(c_in));
    return mp_const_none;
}
static MP_DEFINE_CONST_FUN_OBJ_1(rtx_interrupt_char_obj, rtx_interrupt_char);

// Tests of whether names are defined that the firmware has as functions and py/dynruntime.h as
// macros: the branches the firmware build takes (none of them is defined there).
static mp_obj_t rtx_defined(void) {
    mp_obj_t items[4] = { mp_const_true, mp_const_true, mp_const_false, mp_const_false };
    #ifdef mp_obj_new_list
    items[0] = mp_const_false;
    #endif
    #if defined(mp_obj_get_int) || defined mp_obj_list_append
    items[1] = mp_const_false;
    #endif
    #ifndef mp_obj_new_str
    items[2] = mp_const_true;
    #endif
    #if 0
    #elif !defined(m_malloc)
    items[3] = mp_const_true;
    #endif
    return mp_obj_new_tuple(4, items);
}
static MP_DEFINE_CONST_FUN_OBJ_0(rtx_defined_obj, rtx_defined);

static const mp_rom_map_elem_t rtextra_globals_table[] = {
    { MP_ROM_QSTR(MP_QSTR___name__), MP_ROM_QSTR(MP_QSTR_rtextra) },
    { MP_ROM_QSTR(MP_QSTR_scan), MP_ROM_PTR(&rtx_scan_obj) },
    { MP_ROM_QSTR(MP_QSTR_jmp), MP_ROM_PTR(&rtx_jmp_obj) },
    { MP_ROM_QSTR(MP_QSTR_stdin), MP_ROM_PTR(&rtx_stdin_obj) },
    { MP_ROM_QSTR(MP_QSTR_blockdev), MP_ROM_PTR(&rtx_blockdev_obj) },
    { MP_ROM_QSTR(MP_QSTR_reader), MP_ROM_PTR(&rtx_reader_obj) },
    { MP_ROM_QSTR(MP_QSTR_warn), MP_ROM_PTR(&rtx_warn_obj) },
    { MP_ROM_QSTR(MP_QSTR_reader_file), MP_ROM_PTR(&rtx_reader_file_obj) },
    { MP_ROM_QSTR(MP_QSTR_stdio_poll), MP_ROM_PTR(&rtx_stdio_poll_obj) },
    { MP_ROM_QSTR(MP_QSTR_deep), MP_ROM_PTR(&rtx_deep_obj) },
    { MP_ROM_QSTR(MP_QSTR_alloc), MP_ROM_PTR(&rtx_alloc_obj) },
    { MP_ROM_QSTR(MP_QSTR_interrupt_char), MP_ROM_PTR(&rtx_interrupt_char_obj) },
    { MP_ROM_QSTR(MP_QSTR_defined), MP_ROM_PTR(&rtx_defined_obj) },
};
static MP_DEFINE_CONST_DICT(rtextra_globals, rtextra_globals_table);

const mp_obj_module_t rtextra_user_cmodule = {
    .base = { &mp_type_module },
    .globals = (mp_obj_dict_t *)&rtextra_globals,
};

MP_REGISTER_MODULE(MP_QSTR_rtextra, rtextra_user_cmodule);
