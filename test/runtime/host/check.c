/*
 * Host checks of natmodgen's pure-C runtime pieces, run under ASan and UBSan by
 * test/unit/runtime/host.test.ts. The runtime files are included whole; the C
 * library names are renamed so they do not replace the host's own.
 */
#define memcpy rt_memcpy
#define memmove rt_memmove
#define memset rt_memset
#define memcmp rt_memcmp
#define memchr rt_memchr
#define strlen rt_strlen
#define strcmp rt_strcmp
#define strncmp rt_strncmp
#define strchr rt_strchr
#include "../../../runtime/libc.c"
#undef memcpy
#undef memmove
#undef memset
#undef memcmp
#undef memchr
#undef strlen
#undef strcmp
#undef strncmp
#undef strchr
#include "../../../runtime/armv6m.c"
#include "../../../runtime/unicode.c"
#include "../../../runtime/vstr.c"

#include <limits.h>
#include <stdio.h>
#include <string.h>

/* After the host's <stdio.h>, so that its declarations (and glibc's renaming) stay the host's. */
#define MICROPY_PY_BUILTINS_FLOAT (1)
#define sscanf rt_sscanf
#define vsscanf rt_vsscanf
#include "../../../runtime/cstdio_scan.c"
#undef sscanf
#undef vsscanf

static void *host_realloc(void *p, size_t n, bool allow_move) {
    (void)allow_move;
    if (n == 0) {
        free(p);
        return NULL;
    }
    return realloc(p, n);
}
const mp_fun_table_t mp_fun_table = { memset, memmove, host_realloc };
const mp_obj_type_t mp_type_RuntimeError = { "RuntimeError" };
jmp_buf test_raise_jmp;
const mp_obj_type_t *test_raised;

void mp_raise_msg(const mp_obj_type_t *type, mp_rom_error_text_t msg) {
    (void)msg;
    test_raised = type;
    longjmp(test_raise_jmp, 1);
}
void *m_malloc(size_t n) {
    void *p = malloc(n ? n : 1);
    if (!p) {
        abort();
    }
    return p;
}
void *m_realloc(void *p, size_t n) {
    void *q = realloc(p, n ? n : 1);
    if (!q) {
        abort();
    }
    return q;
}
void m_free(void *p) {
    free(p);
}
int mp_vprintf(const mp_print_t *print, const char *fmt, va_list args) {
    char buf[256];
    int n = vsnprintf(buf, sizeof(buf), fmt, args);
    print->print_strn(print->data, buf, (size_t)n);
    return n;
}

static int failures;
#define CHECK(cond) do { if (!(cond)) { printf("FAIL %s:%d: %s\n", __FILE__, __LINE__, #cond); failures++; } } while (0)

static void check_libc(void) {
    char a[32] = "hello world";
    CHECK(rt_strlen(a) == 11 && rt_strlen("") == 0);
    CHECK(rt_strcmp("abc", "abd") < 0 && rt_strcmp("abd", "abc") > 0 && rt_strcmp("abc", "abc") == 0);
    CHECK(rt_strcmp("ab", "abc") < 0 && rt_strcmp("\xff", "a") > 0);
    CHECK(rt_strncmp("abcx", "abcy", 3) == 0 && rt_strncmp("abcx", "abcy", 4) < 0 && rt_strncmp("a", "a", 10) == 0);
    CHECK(rt_strchr(a, 'o') == a + 4 && rt_strchr(a, 'z') == NULL && rt_strchr(a, '\0') == a + 11);
    CHECK(rt_memchr(a, 'w', 11) == a + 6 && rt_memchr(a, 'w', 6) == NULL);
    CHECK(rt_memcmp("ab\x80", "ab\x01", 3) > 0 && rt_memcmp("abc", "abc", 3) == 0 && rt_memcmp("a", "b", 0) == 0);
    rt_memmove(a + 2, a, 11);
    CHECK(memcmp(a, "hehello world", 13) == 0);
    rt_memmove(a, a + 2, 11);
    CHECK(memcmp(a, "hello world", 11) == 0);
    rt_memset(a, 'x', 3);
    CHECK(memcmp(a, "xxxlo", 5) == 0);
    char b[8];
    CHECK(rt_memcpy(b, "1234567", 8) == b && strcmp(b, "1234567") == 0);
}

static void check_division(void) {
    CHECK(__aeabi_idiv(INT_MIN, 1) == INT_MIN);
    CHECK(__aeabi_idiv(INT_MIN, -1) == INT_MIN);
    CHECK(__aeabi_idiv(INT_MAX, -1) == -INT_MAX);
    CHECK(__aeabi_uidiv(UINT_MAX, 1) == UINT_MAX);
    unsigned long long r = __aeabi_idivmod(INT_MIN, 1);
    CHECK((int)(unsigned)r == INT_MIN && (int)(unsigned)(r >> 32) == 0);
    r = __aeabi_idivmod(INT_MIN, 7);
    CHECK((int)(unsigned)r == INT_MIN / 7 && (int)(unsigned)(r >> 32) == INT_MIN % 7);
    static const int vals[] = { 0, 1, -1, 2, -2, 3, 7, -7, 100, -100, 12345, -12345, INT_MAX, INT_MIN, INT_MAX - 1, INT_MIN + 1, 0x40000000, -0x40000000 };
    size_t n = sizeof(vals) / sizeof(vals[0]);
    for (size_t i = 0; i < n; i++) {
        for (size_t j = 0; j < n; j++) {
            int x = vals[i], y = vals[j];
            if (y == 0 || (x == INT_MIN && y == -1)) {
                continue;
            }
            CHECK(__aeabi_idiv(x, y) == x / y);
            unsigned long long qr = __aeabi_idivmod(x, y);
            CHECK((int)(unsigned)qr == x / y && (int)(unsigned)(qr >> 32) == x % y);
            unsigned ux = (unsigned)x, uy = (unsigned)y;
            CHECK(__aeabi_uidiv(ux, uy) == ux / uy);
            unsigned long long uqr = __aeabi_uidivmod(ux, uy);
            CHECK((unsigned)uqr == ux / uy && (unsigned)(uqr >> 32) == ux % uy);
        }
    }
}

static void check_utf8(void) {
    const byte *s = (const byte *)"h\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80!";
    size_t len = strlen((const char *)s);
    natmodgen_rt_str_kind = 1;
    CHECK(natmodgen_rt_utf8_charlen(s, len) == 5);
    CHECK(utf8_ptr_to_index(s, s + 3) == 2);
    CHECK(natmodgen_rt_utf8_get_char(s + 1) == 0xe9 && natmodgen_rt_utf8_get_char(s + 3) == 0x20ac);
    CHECK(natmodgen_rt_utf8_get_char(s + 6) == 0x1f600 && natmodgen_rt_utf8_get_char(s) == 'h');
    CHECK(natmodgen_rt_utf8_next_char(s + 1) == s + 3 && natmodgen_rt_utf8_next_char(s + 6) == s + 10);
    natmodgen_rt_str_kind = 2;
    CHECK(natmodgen_rt_utf8_charlen(s, len) == len && utf8_ptr_to_index(s, s + 3) == 3);
    CHECK(natmodgen_rt_utf8_get_char(s + 1) == 0xc3 && natmodgen_rt_utf8_next_char(s + 1) == s + 2);
    CHECK(unichar_isspace(' ') && unichar_isspace('\t') && !unichar_isspace('a') && !unichar_isspace(0xa0));
    CHECK(unichar_xdigit_value('f') == 15 && unichar_xdigit_value('F') == 15 && unichar_xdigit_value('9') == 9);
    CHECK(unichar_tolower('Q') == 'q' && unichar_toupper('q') == 'Q' && unichar_toupper('1') == '1');
}

static void check_vstr(void) {
    natmodgen_rt_str_kind = 1;
    vstr_t v;
    vstr_init(&v, 0);
    vstr_add_str(&v, "abc");
    vstr_add_strn(&v, "defgh", 2);
    vstr_add_byte(&v, '!');
    vstr_add_char(&v, 0xe9);
    vstr_add_char(&v, 0x1f600);
    CHECK(v.len == 12 && memcmp(v.buf, "abcde!\xc3\xa9\xf0\x9f\x98\x80", 12) == 0);
    for (int i = 0; i < 100; i++) {
        vstr_add_str(&v, "0123456789");
    }
    CHECK(v.len == 1012 && v.alloc >= v.len);
    vstr_cut_tail_bytes(&v, 1000);
    vstr_ins_blank_bytes(&v, 0, 2)[0] = '<';
    v.buf[1] = '>';
    vstr_cut_out_bytes(&v, 2, 3);
    vstr_cut_head_bytes(&v, 1);
    CHECK(strcmp(vstr_null_terminated_str(&v), ">de!\xc3\xa9\xf0\x9f\x98\x80") == 0);
    vstr_printf(&v, "[%d:%s]", -5, "x");
    CHECK(strcmp(vstr_null_terminated_str(&v), ">de!\xc3\xa9\xf0\x9f\x98\x80[-5:x]") == 0);
    vstr_cut_tail_bytes(&v, 1000);
    CHECK(v.len == 0);
    vstr_clear(&v);
    CHECK(v.buf == NULL);

    vstr_init_len(&v, 5);
    CHECK(v.len == 5 && v.alloc == 6);
    char *p = vstr_extend(&v, 10);
    CHECK(p == v.buf + 6 && v.alloc == 16);
    vstr_clear(&v);

    char fixed[4];
    vstr_init_fixed_buf(&v, sizeof(fixed), fixed);
    vstr_add_str(&v, "abc");
    test_raised = NULL;
    if (setjmp(test_raise_jmp) == 0) {
        vstr_add_str(&v, "de");
    }
    CHECK(test_raised == &mp_type_RuntimeError && v.len == 3);
    test_raised = NULL;
    if (setjmp(test_raise_jmp) == 0) {
        vstr_add_byte(&v, 'x');
        vstr_null_terminated_str(&v);
    }
    CHECK(test_raised == &mp_type_RuntimeError);

    mp_print_t print;
    vstr_init_print(&v, 4, &print);
    print.print_strn(print.data, "printer", 7);
    CHECK(v.len == 7 && memcmp(v.buf, "printer", 7) == 0);
    vstr_clear(&v);
    vstr_t *h = vstr_new(1);
    vstr_add_str(h, "on the heap");
    CHECK(h->len == 11);
    vstr_free(h);
    vstr_free(NULL);
}

/* One sscanf case: the runtime's and the host C library's, into slots filled alike beforehand. */
typedef union {
    long double ld;
    char text[48];
} scan_slot_t;

static void check_scan_case(const char *fmt, const char *input) {
    scan_slot_t mine[6], host[6];
    memset(mine, 0x5a, sizeof(mine));
    memset(host, 0x5a, sizeof(host));
    int a = rt_sscanf(input, fmt, &mine[0], &mine[1], &mine[2], &mine[3], &mine[4], &mine[5]);
    int b = sscanf(input, fmt, &host[0], &host[1], &host[2], &host[3], &host[4], &host[5]);
    if (a != b || memcmp(mine, host, sizeof(mine)) != 0) {
        printf("FAIL sscanf(\"%s\", \"%s\"): runtime %d, host %d%s\n", input, fmt, a, b, a == b ? " (stored values differ)" : "");
        failures++;
    }
}

static void check_scan(void) {
    static const char *const cases[][2] = {
        { "%d", "42" }, { "%d", "  -17 rest" }, { "%d", "+8" }, { "%d", "-" }, { "%d", "+" }, { "%d", "4294967297" },
        { "%i", "0x1F" }, { "%i", "-010" }, { "%i", "08" }, { "%i", "-0x" }, { "%5i", "0x12345" }, { "%1i", "0x" },
        { "%u", "-1" }, { "%o", "777" }, { "%o", "78" }, { "%x", "ff" }, { "%X", "0XfF" }, { "%x", "0xg" }, { "%x", "0x" },
        { "%2x", "0x1" }, { "%3d%d", "12345" }, { "%*d %d", "1 2" }, { "%*d%d", "1" }, { "%hhd", "300" }, { "%hhu", "-1" },
        { "%hd", "70000" }, { "%ld", "-9223372036854775807" }, { "%lld", "9223372036854775807" },
        { "%lld", "-9223372036854775808" }, { "%llu", "18446744073709551615" }, { "%llx", "ffffffffffffffff" },
        { "%lli", "-0x7fffffffffffffff" }, { "%jd", "-5" }, { "%zu", "123" }, { "%td", "-9" }, { "%qd", "77" },
        { "%d%n", "12ab" }, { "%n", "" }, { "%s%n", "abc" }, { "%d%hhn%d", "1 2" }, { "%s", "  hello world" },
        { "%3s%s", "abcdef" }, { "%*s %s", "a b" }, { "%c", " x" }, { "%c%c", "ab" }, { " %c", " x" }, { "%3c", "abcdef" },
        { "%5c", "abc" }, { "%[a-c]", "abcabd" }, { "%[^,],%d", "name,5" }, { "%[]a]", "]a]b" }, { "%[^]]", "xy]z" },
        { "%2[a-z]", "abc" }, { "%[a-]", "a-b" }, { "%[0-9]%s", "x1" }, { "%*[ab]%c", "abz" }, { "%f", "3.25" },
        { "%lf", "-1.5e3" }, { "%e", "1e" }, { "%lf", "1e+x" }, { "%g", "inf" }, { "%lf", "-Infinity" }, { "%lf", "NaN(1)" },
        { "%lf", "infin" }, { "%lf", "." }, { "%lf", "-.5" }, { "%lf", "5." }, { "%4lf", "12.3456" }, { "%Lf", "2.5" },
        { "%lf", "0.1" }, { "%lf", "123456789.123456789" }, { "%le", "2.2250738585072014e-308" }, { "%lf", "1e400" },
        { "%10lf%n", "1.5e+300junk" }, { "%lf%lf", "1.5 2.5" }, { "%G", "1E5" }, { "%d %d", "1" }, { "%d", "" },
        { "%d", "   " }, { "x%d", "x" }, { "x%d", "y1" }, { "%d%%%d", "5% 6" }, { "%d %% %d", "5 % 6" }, { "%d%%", "5" },
        { "%p", "0x1234" }, { "%d,%d", "1 ,2" }, { "%d ,%d", "1 ,2" }, { "abc", "abd" }, { "", "x" }, { "%d\n%d", "1\n\n 2" },
        { "%d:%d:%d", "12:34:56" }, { "%4d-%2d-%2d", "20241231" }, { "%s %d %f", "temp 21 36.6" }, { "%%", "%" },
        { "%%%d", " % 4" }, { "%d%", "5" }, { "%y", "5" }, { "%lc", "x" }, { "%3lc", "xyz" },
        { "%ls", " ab c" }, { "%l[a-c]", "abcd" }, { "%2ls", "abc" }, { "%c", "" }, { "%3c", "ab" }, { "%*3c%d", "abc4" },
    };
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        check_scan_case(cases[i][0], cases[i][1]);
    }
}

int main(void) {
    check_scan();
    check_libc();
    check_division();
    check_utf8();
    check_vstr();
    if (failures) {
        printf("%d check(s) failed\n", failures);
        return 1;
    }
    printf("runtime host checks passed\n");
    return 0;
}
