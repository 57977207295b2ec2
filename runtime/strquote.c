/*
 * mp_str_print_quoted (py/obj.h): the quoted form of str or bytes data, as repr shows it
 * without a b prefix: single quotes unless the text has a single quote and no double one,
 * backslash escapes for the quote, backslash, \n, \r, \t, and \xNN for other control bytes
 * (and, for bytes, every byte from 0x80); other bytes are printed as they are.
 */
#include "py/dynruntime.h"

void mp_str_print_quoted(const mp_print_t *print, const byte *str_data, size_t str_len, bool is_bytes) {
    bool single = false;
    bool dbl = false;
    for (size_t i = 0; i < str_len; i++) {
        single |= str_data[i] == '\'';
        dbl |= str_data[i] == '"';
    }
    int quote = single && !dbl ? '"' : '\'';
    mp_printf(print, "%c", quote);
    for (size_t i = 0; i < str_len; i++) {
        byte c = str_data[i];
        if (c == quote || c == '\\') {
            mp_printf(print, "\\%c", c);
        } else if (c >= 0x20 && c != 0x7f && !(is_bytes && c >= 0x80)) {
            mp_printf(print, "%c", c);
        } else if (c == '\n') {
            mp_printf(print, "\\n");
        } else if (c == '\r') {
            mp_printf(print, "\\r");
        } else if (c == '\t') {
            mp_printf(print, "\\t");
        } else {
            mp_printf(print, "\\x%02x", c);
        }
    }
    mp_printf(print, "%c", quote);
}
