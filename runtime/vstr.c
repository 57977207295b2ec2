/*
 * Growable byte strings (py/misc.h vstr_*), as py/vstr.c defines them, over the
 * firmware's allocator (m_malloc/m_realloc/m_free through mp_fun_table).
 */
#include "py/dynruntime.h"
#include "natmodgen_rt.h"
#include "unicode.h"

/* Grows allocations in steps of 8, like py/vstr.c's ROUND_ALLOC. */
static size_t natmodgen_rt_vstr_round(size_t a) {
    return (a & ~(size_t)7) + 8;
}

void vstr_init(vstr_t *vstr, size_t alloc) {
    if (alloc < 1) {
        alloc = 1;
    }
    vstr->alloc = alloc;
    vstr->len = 0;
    vstr->buf = (char *)m_malloc(alloc);
    vstr->fixed_buf = false;
}

void vstr_init_len(vstr_t *vstr, size_t len) {
    vstr_init(vstr, len + 1);
    vstr->len = len;
}

void vstr_init_fixed_buf(vstr_t *vstr, size_t alloc, char *buf) {
    vstr->alloc = alloc;
    vstr->len = 0;
    vstr->buf = buf;
    vstr->fixed_buf = true;
}

void vstr_init_print(vstr_t *vstr, size_t alloc, struct _mp_print_t *print) {
    vstr_init(vstr, alloc);
    print->data = vstr;
    print->print_strn = (mp_print_strn_t)vstr_add_strn;
}

void vstr_clear(vstr_t *vstr) {
    if (!vstr->fixed_buf) {
        m_free(vstr->buf);
    }
    vstr->buf = NULL;
}

vstr_t *vstr_new(size_t alloc) {
    vstr_t *vstr = (vstr_t *)m_malloc(sizeof(vstr_t));
    vstr_init(vstr, alloc);
    return vstr;
}

void vstr_free(vstr_t *vstr) {
    if (vstr != NULL) {
        if (!vstr->fixed_buf) {
            m_free(vstr->buf);
        }
        m_free(vstr);
    }
}

char *vstr_extend(vstr_t *vstr, size_t size) {
    if (vstr->fixed_buf) {
        mp_raise_msg(&mp_type_RuntimeError, NULL);
    }
    char *new_buf = (char *)m_realloc(vstr->buf, vstr->alloc + size);
    char *p = new_buf + vstr->alloc;
    vstr->alloc += size;
    vstr->buf = new_buf;
    return p;
}

static void natmodgen_rt_vstr_ensure_extra(vstr_t *vstr, size_t size) {
    if (vstr->len + size > vstr->alloc) {
        if (vstr->fixed_buf) {
            mp_raise_msg(&mp_type_RuntimeError, NULL);
        }
        size_t new_alloc = natmodgen_rt_vstr_round(vstr->len + size + 16);
        vstr->buf = (char *)m_realloc(vstr->buf, new_alloc);
        vstr->alloc = new_alloc;
    }
}

void vstr_hint_size(vstr_t *vstr, size_t size) {
    natmodgen_rt_vstr_ensure_extra(vstr, size);
}

char *vstr_add_len(vstr_t *vstr, size_t len) {
    natmodgen_rt_vstr_ensure_extra(vstr, len);
    char *buf = vstr->buf + vstr->len;
    vstr->len += len;
    return buf;
}

char *vstr_null_terminated_str(vstr_t *vstr) {
    if (vstr->alloc == vstr->len) {
        vstr_extend(vstr, 1);
    }
    vstr->buf[vstr->len] = '\0';
    return vstr->buf;
}

void vstr_add_byte(vstr_t *vstr, byte b) {
    byte *buf = (byte *)vstr_add_len(vstr, 1);
    buf[0] = b;
}

/* UTF-8 when the firmware's str is unicode, as py/vstr.c built for that firmware does. */
void vstr_add_char(vstr_t *vstr, unichar c) {
    if (c < 0x80 || !natmodgen_rt_str_is_unicode()) {
        vstr_add_byte(vstr, (byte)c);
    } else if (c < 0x800) {
        byte *buf = (byte *)vstr_add_len(vstr, 2);
        buf[0] = (byte)((c >> 6) | 0xC0);
        buf[1] = (byte)((c & 0x3F) | 0x80);
    } else if (c < 0x10000) {
        byte *buf = (byte *)vstr_add_len(vstr, 3);
        buf[0] = (byte)((c >> 12) | 0xE0);
        buf[1] = (byte)(((c >> 6) & 0x3F) | 0x80);
        buf[2] = (byte)((c & 0x3F) | 0x80);
    } else {
        byte *buf = (byte *)vstr_add_len(vstr, 4);
        buf[0] = (byte)((c >> 18) | 0xF0);
        buf[1] = (byte)(((c >> 12) & 0x3F) | 0x80);
        buf[2] = (byte)(((c >> 6) & 0x3F) | 0x80);
        buf[3] = (byte)((c & 0x3F) | 0x80);
    }
}

void vstr_add_strn(vstr_t *vstr, const char *str, size_t len) {
    natmodgen_rt_vstr_ensure_extra(vstr, len);
    mp_fun_table.memmove_(vstr->buf + vstr->len, str, len);
    vstr->len += len;
}

NATMODGEN_RT_LOOP void vstr_add_str(vstr_t *vstr, const char *str) {
    size_t len = 0;
    while (str[len] != '\0') {
        len++;
    }
    vstr_add_strn(vstr, str, len);
}

char *vstr_ins_blank_bytes(vstr_t *vstr, size_t byte_pos, size_t byte_len) {
    size_t l = vstr->len;
    if (byte_pos > l) {
        byte_pos = l;
    }
    if (byte_len > 0) {
        natmodgen_rt_vstr_ensure_extra(vstr, byte_len);
        mp_fun_table.memmove_(vstr->buf + byte_pos + byte_len, vstr->buf + byte_pos, l - byte_pos);
        vstr->len += byte_len;
    }
    return vstr->buf + byte_pos;
}

void vstr_cut_head_bytes(vstr_t *vstr, size_t bytes_to_cut) {
    vstr_cut_out_bytes(vstr, 0, bytes_to_cut);
}

void vstr_cut_tail_bytes(vstr_t *vstr, size_t len) {
    if (len > vstr->len) {
        vstr->len = 0;
    } else {
        vstr->len -= len;
    }
}

void vstr_cut_out_bytes(vstr_t *vstr, size_t byte_pos, size_t bytes_to_cut) {
    if (byte_pos >= vstr->len) {
        return;
    } else if (byte_pos + bytes_to_cut >= vstr->len) {
        vstr->len = byte_pos;
    } else {
        mp_fun_table.memmove_(vstr->buf + byte_pos, vstr->buf + byte_pos + bytes_to_cut, vstr->len - byte_pos - bytes_to_cut);
        vstr->len -= bytes_to_cut;
    }
}

void vstr_vprintf(vstr_t *vstr, const char *fmt, va_list ap) {
    mp_print_t print = { vstr, (mp_print_strn_t)vstr_add_strn };
    mp_vprintf(&print, fmt, ap);
}

void vstr_printf(vstr_t *vstr, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    vstr_vprintf(vstr, fmt, ap);
    va_end(ap);
}
