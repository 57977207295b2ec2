/*
 * Character classes and UTF-8 helpers (py/misc.h, py/unicode.h) as py/unicode.c
 * defines them: the classes cover ASCII only. The UTF-8 helpers count characters
 * when the firmware's str is unicode and bytes otherwise, as the firmware does.
 */
#include "py/dynruntime.h"
#include "py/unicode.h"
#include "unicode.h"
#include "natmodgen_rt.h"

bool unichar_isspace(unichar c) {
    return c == ' ' || (c >= '\t' && c <= '\r');
}

bool unichar_isalpha(unichar c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

bool unichar_isdigit(unichar c) {
    return c >= '0' && c <= '9';
}

bool unichar_isxdigit(unichar c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

bool unichar_isident(unichar c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

bool unichar_isalnum(unichar c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

bool unichar_isupper(unichar c) {
    return c >= 'A' && c <= 'Z';
}

bool unichar_islower(unichar c) {
    return c >= 'a' && c <= 'z';
}

unichar unichar_tolower(unichar c) {
    return c >= 'A' && c <= 'Z' ? c + 0x20 : c;
}

unichar unichar_toupper(unichar c) {
    return c >= 'a' && c <= 'z' ? c - 0x20 : c;
}

mp_uint_t unichar_xdigit_value(unichar c) {
    mp_uint_t n = c - '0';
    if (n > 9) {
        n &= ~('a' - 'A');
        n -= ('A' - ('9' + 1));
    }
    return n;
}

/* 0 until asked, then 1 when the firmware's str is unicode, 2 when not. Not static: mpy_ld cannot relocate static bss. */
int natmodgen_rt_str_kind;

/*
 * Whether the firmware's str counts characters: len() of the two-byte UTF-8 text of
 * U+00E9 (the LEN unary operation directly: one call, and the result is a small int).
 */
bool natmodgen_rt_str_is_unicode(void) {
    if (natmodgen_rt_str_kind == 0) {
        mp_obj_t len = mp_fun_table.unary_op(MP_UNARY_OP_LEN, mp_obj_new_str("\xc3\xa9", 2));
        /* 1 or 2 characters: the kind itself (a shift, not a comparison and a choice). */
        natmodgen_rt_str_kind = MP_OBJ_SMALL_INT_VALUE(len);
    }
    return natmodgen_rt_str_kind == 1;
}

mp_uint_t utf8_ptr_to_index(const byte *s, const byte *ptr) {
    if (!natmodgen_rt_str_is_unicode()) {
        return ptr - s;
    }
    mp_uint_t i = 0;
    while (ptr > s) {
        if (!UTF8_IS_CONT(*--ptr)) {
            i++;
        }
    }
    return i;
}

size_t natmodgen_rt_utf8_charlen(const byte *str, size_t len) {
    return utf8_ptr_to_index(str, str + len);
}

unichar natmodgen_rt_utf8_get_char(const byte *s) {
    unichar ord = *s++;
    if (!natmodgen_rt_str_is_unicode() || !UTF8_IS_NONASCII(ord)) {
        return ord;
    }
    ord &= 0x7F;
    for (unichar mask = 0x40; ord & mask; mask >>= 1) {
        ord &= ~mask;
    }
    while (UTF8_IS_CONT(*s)) {
        ord = (ord << 6) | (*s++ & 0x3F);
    }
    return ord;
}

const byte *natmodgen_rt_utf8_next_char(const byte *s) {
    ++s;
    if (natmodgen_rt_str_is_unicode()) {
        while (UTF8_IS_CONT(*s)) {
            ++s;
        }
    }
    return s;
}

/* py/unicode.c: the firmware's check, which counts continuation bytes only (a lead byte
 * 0xc0-0xdf takes one, 0xe0-0xef two, 0xf0-0xf7 three); 0x80-0xbf alone and 0xf8-0xff fail. Defined whatever the
 * natmod's configuration says of unicode: the firmware's str may be unicode all the same. */
NATMODGEN_RT_LOOP bool utf8_check(const byte *p, size_t len) {
    unsigned int need = 0;
    for (size_t i = 0; i < len; i++) {
        byte c = p[i];
        if (need != 0) {
            if ((c & 0xc0) != 0x80) {
                return false;
            }
            need--;
        } else if (c >= 0xf8) {
            return false;
        } else if (c >= 0xf0) {
            need = 3;
        } else if (c >= 0xe0) {
            need = 2;
        } else if (c >= 0xc0) {
            need = 1;
        } else if (c >= 0x80) {
            return false;
        }
    }
    return need == 0;
}
