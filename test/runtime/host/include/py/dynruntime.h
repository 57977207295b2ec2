/*
 * A stand-in for py/dynruntime.h for host tests of natmodgen's pure-C runtime
 * pieces (libc, division, utf8, vstr): the few types and mp_fun_table entries they
 * use, backed by the host C library. Raising longjmps back to the test.
 */
#ifndef NATMODGEN_TEST_DYNRUNTIME_H
#define NATMODGEN_TEST_DYNRUNTIME_H

#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

typedef unsigned char byte;
typedef uintptr_t mp_uint_t;
typedef intptr_t mp_int_t;
typedef uint32_t unichar;
typedef void *mp_obj_t;
typedef const char *mp_rom_error_text_t;
typedef struct _mp_obj_type_t { const char *name; } mp_obj_type_t;

typedef struct _vstr_t {
    size_t alloc;
    size_t len;
    char *buf;
    bool fixed_buf;
} vstr_t;

typedef void (*mp_print_strn_t)(void *data, const char *str, size_t len);
typedef struct _mp_print_t {
    void *data;
    mp_print_strn_t print_strn;
} mp_print_t;

typedef struct {
    void *(*memset_)(void *s, int c, size_t n);
    void *(*memmove_)(void *dest, const void *src, size_t n);
    void *(*realloc_)(void *ptr, size_t n_bytes, bool allow_move);
    mp_obj_t (*unary_op)(int op, mp_obj_t arg);
} mp_fun_table_t;
extern const mp_fun_table_t mp_fun_table;

extern const mp_obj_type_t mp_type_RuntimeError;
extern jmp_buf test_raise_jmp;
extern const mp_obj_type_t *test_raised;
#define MP_NORETURN __attribute__((noreturn))
#define MP_ERROR_TEXT(s) (s)
MP_NORETURN void mp_raise_msg(const mp_obj_type_t *type, mp_rom_error_text_t msg);
void *m_malloc(size_t n);
void *m_realloc(void *p, size_t n);
void m_free(void *p);
int mp_vprintf(const mp_print_t *print, const char *fmt, va_list args);

#define UTF8_IS_NONASCII(ch) ((ch) & 0x80)
#define UTF8_IS_CONT(ch) (((ch) & 0xC0) == 0x80)

/* Only the unicode probe uses objects; tests set natmodgen_rt_str_kind instead. */
#define mp_obj_new_str(s, n) ((void)(s), (void)(n), abort(), (mp_obj_t)0)
#define MP_UNARY_OP_LEN 4
#define MP_OBJ_NEW_SMALL_INT(i) ((mp_obj_t)((((mp_uint_t)(i)) << 1) | 1))
#define MP_OBJ_SMALL_INT_VALUE(o) (((mp_int_t)(o)) >> 1)

/* py/misc.h's vstr prototypes. */
void vstr_init(vstr_t *vstr, size_t alloc);
void vstr_init_len(vstr_t *vstr, size_t len);
void vstr_init_fixed_buf(vstr_t *vstr, size_t alloc, char *buf);
void vstr_init_print(vstr_t *vstr, size_t alloc, struct _mp_print_t *print);
void vstr_clear(vstr_t *vstr);
vstr_t *vstr_new(size_t alloc);
void vstr_free(vstr_t *vstr);
void vstr_hint_size(vstr_t *vstr, size_t size);
char *vstr_extend(vstr_t *vstr, size_t size);
char *vstr_add_len(vstr_t *vstr, size_t len);
char *vstr_null_terminated_str(vstr_t *vstr);
void vstr_add_byte(vstr_t *vstr, byte v);
void vstr_add_char(vstr_t *vstr, unichar chr);
void vstr_add_str(vstr_t *vstr, const char *str);
void vstr_add_strn(vstr_t *vstr, const char *str, size_t len);
char *vstr_ins_blank_bytes(vstr_t *vstr, size_t byte_pos, size_t byte_len);
void vstr_cut_head_bytes(vstr_t *vstr, size_t bytes_to_cut);
void vstr_cut_tail_bytes(vstr_t *vstr, size_t bytes_to_cut);
void vstr_cut_out_bytes(vstr_t *vstr, size_t byte_pos, size_t bytes_to_cut);
void vstr_printf(vstr_t *vstr, const char *fmt, ...);
void vstr_vprintf(vstr_t *vstr, const char *fmt, va_list ap);
bool unichar_isspace(unichar c);
mp_uint_t utf8_ptr_to_index(const byte *s, const byte *ptr);

#endif
