/*
 * Printing (py/mpprint.h, py/obj.h) over the firmware's printer: mp_printf and
 * mp_vprintf are mp_fun_table entries, so every format the firmware supports
 * (%q, %s, %.*s, %d, %u, %x, %c, %p...) behaves as in the firmware.
 */
#include "py/dynruntime.h"
#include "natmodgen_rt.h"

NATMODGEN_RT_LOOP int mp_print_str(const mp_print_t *print, const char *str) {
    size_t len = 0;
    while (str[len] != '\0') {
        len++;
    }
    if (len) {
        print->print_strn(print->data, str, len);
    }
    return len;
}

void mp_obj_print_helper(const mp_print_t *print, mp_obj_t o_in, mp_print_kind_t kind) {
    #ifndef NDEBUG
    if (o_in == MP_OBJ_NULL) {
        mp_print_str(print, "(nil)");
        return;
    }
    #endif
    const mp_obj_type_t *type = mp_obj_get_type(o_in);
    if (MP_OBJ_TYPE_HAS_SLOT(type, print)) {
        MP_OBJ_TYPE_GET_SLOT(type, print)((mp_print_t *)print, o_in, kind);
    } else {
        mp_printf(print, "<%q>", (qstr)type->name);
    }
}

void mp_obj_print(mp_obj_t o_in, mp_print_kind_t kind) {
    mp_obj_print_helper(&mp_plat_print, o_in, kind);
}

/* One run of padding: fill characters, or with zero fill and digit grouping ('_' every
 * five, ',' every four, counted from the firmware's starting point) the separators too. */
static void natmodgen_rt_pad(const mp_print_t *print, int n, char fill, char sep, int period, int phase) {
    char chunk[16];
    int i = 0;
    while (n > 0) {
        int k = 0;
        while (k < (int)sizeof(chunk) && k < n) {
            chunk[k] = period && (i + k) % period == phase ? sep : fill;
            k++;
        }
        print->print_strn(print->data, chunk, k);
        i += k;
        n -= k;
    }
}

/* py/mpprint.c: str padded to width, left, right or centred, as the firmware pads. */
int mp_print_strn(const mp_print_t *print, const char *str, size_t len, unsigned int flags, char fill, int width) {
    int pad = width - (int)len;
    char sep = (char)(flags >> PF_FLAG_SEP_POS);
    int period = 0;
    if (!fill) {
        fill = ' ';
    } else if (fill == '0' && sep) {
        /* A group never starts with its separator: one more zero then. */
        period = sep == '_' ? 5 : 4;
        if (width % period == 0) {
            pad++;
            width++;
        }
    }
    int phase = period ? width % period : 0;
    int left = 0;
    int right = 0;
    if (flags & PF_FLAG_CENTER_ADJUST) {
        left = pad / 2;
        right = pad - left;
    } else if (flags & PF_FLAG_LEFT_ADJUST) {
        right = pad;
    } else {
        left = pad;
    }
    int total = 0;
    if (left > 0) {
        natmodgen_rt_pad(print, left, fill, sep, period, phase);
        total += left;
    }
    if (len) {
        print->print_strn(print->data, str, len);
        total += (int)len;
    }
    if (right > 0) {
        natmodgen_rt_pad(print, right, fill, sep, period, phase);
        total += right;
    }
    return total;
}
