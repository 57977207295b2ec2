/*
 * A natmod's configuration has no unicode str, so py/misc.h makes these inline
 * byte-counting versions; the firmware's str is usually unicode. These names then
 * go to functions that check at run time which kind of str the firmware has.
 */
#ifndef NATMODGEN_RT_UNICODE_H
#define NATMODGEN_RT_UNICODE_H

#define utf8_charlen(str, len) natmodgen_rt_utf8_charlen((str), (len))
#define utf8_get_char(s) natmodgen_rt_utf8_get_char(s)
#define utf8_next_char(s) natmodgen_rt_utf8_next_char(s)

size_t natmodgen_rt_utf8_charlen(const byte *str, size_t len);
unichar natmodgen_rt_utf8_get_char(const byte *s);
const byte *natmodgen_rt_utf8_next_char(const byte *s);
bool natmodgen_rt_str_is_unicode(void);

#endif
