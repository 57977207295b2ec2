# Prints what each rtcheck function returns or raises; the firmware build and the
# natmod build must print the same.
import rtcheck


def show(label, f, *args, **kw):
    try:
        print(label, repr(f(*args, **kw)))
    except Exception as e:
        print(label, "raised", type(e).__name__, e.args)


show("vstr", rtcheck.vstr)
show("printf", rtcheck.printf, [1, "two", (3,)])
show("printf-noprint", rtcheck.printf, rtcheck.plain())
for k in range(4):
    r = None
    try:
        r = rtcheck.exc(k)
        print("exc", k, "returned", type(r).__name__, r.args)
    except Exception as e:
        print("exc", k, "raised", type(e).__name__, e.args)


def gen(n, fail):
    for i in range(n):
        yield i * i
    if fail:
        raise OSError(5)


for use_buf in (False, True):
    show("iter list", rtcheck.iter, [1, 2, 3], use_buf)
    show("iter str", rtcheck.iter, "héllo", use_buf)
    show("iter range", rtcheck.iter, range(2, 11, 3), use_buf)
    show("iter gen", rtcheck.iter, gen(4, False), use_buf)
    show("iter gen raising", rtcheck.iter, gen(3, True), use_buf)
    show("iter dict", rtcheck.iter, {"a": 1}, use_buf)
    show("iter empty", rtcheck.iter, (), use_buf)
    show("iter not iterable", rtcheck.iter, 5, use_buf)

show("map", rtcheck.map)
for key in ("alpha", "beta", "gamma", 1, "al" + "pha"):
    show("fixed_map", rtcheck.fixed_map, key)
try:
    from collections import OrderedDict
except ImportError:
    OrderedDict = None
dicts = [{"x": 1, "y": 2, 3: "three", "long " + "key": 4}]
if OrderedDict:
    dicts.append(OrderedDict([("x", 1), ("y", 2), (3, "three")]))
for d in dicts:
    show("dict_map find x", rtcheck.dict_map, d, "x", 0)
    show("dict_map find 3", rtcheck.dict_map, d, 3, 0)
    show("dict_map find runtime str", rtcheck.dict_map, d, "long " + "key", 0)
    show("dict_map find missing", rtcheck.dict_map, d, "zz", 0)
    rtcheck.dict_map(d, "new", 1)
    rtcheck.dict_map(d, 99, 1)
    show("dict_map remove y", rtcheck.dict_map, d, "y", 2)
    show("dict_map remove missing", rtcheck.dict_map, d, "y", 2)
    print("dict after", sorted((str(k), v) for k, v in d.items()), d.get("new"), d.get(99))
    print("dict order", [str(k) for k in d] if type(d) is not dict else len(d))
big = {}
for i in range(50):
    rtcheck.dict_map(big, i, 1)
print("dict grown", len(big), big[0], big[49], sum(big.keys()))
show("kw", rtcheck.kw, alpha=5, beta=6)
show("kw none", rtcheck.kw)
show("dict_get", rtcheck.dict_get, {"a": 1}, "a")
show("dict_get missing", rtcheck.dict_get, {"a": 1}, "b")
show("is_dict list", rtcheck.is_dict, [1])
if OrderedDict:
    show("is_dict ordered", rtcheck.is_dict, OrderedDict())
for args in ((5, 0, False), (5, -1, False), (5, 5, False), (5, -6, False), (5, True, False), (5, 7, True), (5, -9, True), (5, "x", False), (5, 2**70, False)):
    show("index %r" % (args,), rtcheck.index, *args)
# Slices come from mp_obj_new_slice: not every port lets Python call slice().
for a in ((None, None, None), (1, None, None), (-2, None, None), (None, None, -1), (-100, 100, 2), (10, -10, -3), (None, None, 0), (1, 4, None), (2**70, 1, 1), ("x", 1, 1)):
    show("slice %r" % (a,), rtcheck.slice, rtcheck.new_slice(*a), 7)
    show("slice[] %r" % (a,), lambda s: [0, 1, 2, 3, 4, 5, 6][s], rtcheck.new_slice(*a))
for which in range(5):
    for x in (0, 7, -7, True, 2**31, 2**40, -(2**40), 2**64 - 1, 2**64, 3.5, "s", (1, 2), [1, 2, 3]):
        # mp_obj_int_get_truncated/_checked take int objects only (the firmware's crash on others).
        if which in (1, 2) and type(x) is not int:
            continue
        show("int %d %r" % (which, x), rtcheck.int, which, x)
for hi, lo in ((0, 5), (1, 0), (-1, -1), (-2, 7), (0x7FFFFFFF, -1), (-0x80000000, 0)):
    show("ll %d %d" % (hi, lo), rtcheck.ll, hi, lo)
for s, base in (("123", 10), ("-ff", 16), ("0x1f", 0), ("  77  ", 8), ("12345678901234567890123", 10), ("z", 10), ("1", 99)):
    show("parse %r %d" % (s, base), rtcheck.parse, s, base)


class Foo:
    def __call__(self):
        return 1


class Bar:
    pass


for a, b in ((1, 1), ("abc", "abc"), (b"xy", b"xy"), ([1], [1]), (1, 1.0), (None, 0), (Foo(), 1), (Bar(), 1), (len, 2), (Foo, 3), (range(5), 0), ({1: 2}, 1)):
    try:
        r = rtcheck.obj(a, b)
        print("obj", type(a).__name__, r[0], r[1], r[2], r[3], r[4], sorted(type(x).__name__ for x in r[5]), r[6])
    except Exception as e:
        print("obj", type(a).__name__, "raised", type(e).__name__, e.args)


def f(*args):
    return len(args)


show("call", rtcheck.call, f, [1, 1, 2])
show("subclass", rtcheck.subclass, bool, int)
show("subclass no", rtcheck.subclass, int, bool)


class Sub(Bar):
    pass


class Diamond(Sub, Foo):
    pass


show("subclass user", rtcheck.subclass, Diamond, Foo)
show("subclass user no", rtcheck.subclass, Bar, Foo)
show("mem", rtcheck.mem)
show("unichar", rtcheck.unichar)
for s in ("abc", "héllo", "€uro", "😀!"):
    show("utf8 %s" % s, rtcheck.utf8, s)
for fmt in ("<b", ">h", "<H", "!i", "<I", ">q", "<Q", "@h", "@i", "@q", "=i", "<f", ">d", "@?", "<B"):
    for v in (0, 1, -2, 300, 2**33 + 5, 1.5, True):
        if fmt[1] in "fd" and not isinstance(v, float):
            continue
        if fmt[1] not in "fd" and isinstance(v, float):
            continue
        show("binary %s %r" % (fmt, v), rtcheck.binary, fmt, v)
if hasattr(rtcheck, "complex"):

    class WithFloat:
        def __float__(self):
            return 1.5

    class WithComplex:
        def __complex__(self):
            return complex(-0.0, 4)

    # the imaginary part of the result is the real part given: -0.0 must stay -0.0
    for x in (1, 2.5, complex(1, -2), True, "x", -0.0, complex(-0.0, 3), WithFloat(), WithComplex(), object()):
        show("complex %s" % type(x).__name__, rtcheck.complex, x)
show("qstr", rtcheck.qstr)
# the firmware's hash of the text (its mask is the port's), equal to hash() of the same bytes
for s in ("", "a", "rtcheck", "a longer text than any qstr", b"\x00\xff", "".join(chr(65 + i % 26) for i in range(300))):
    show("strhash %d" % len(s), lambda s: (rtcheck.strhash(s), rtcheck.strhash(s) == hash(s if isinstance(s, bytes) else s.encode())), s)
long = "x" * 40
for a, b in (("a", "a"), ("a", "b"), (long, "x" * 40), (long, "x" * 39 + "y"), (b"ab", b"ab"), (b"ab", b"a"), ("ab", "a" + "b")):
    show("streq %r %r" % (a, b), rtcheck.streq, a, b)
show("nlr found", rtcheck.nlr, {1: "one"}, 1)
show("nlr caught", rtcheck.nlr, {1: "one"}, 2)
show("nlr rethrown", rtcheck.nlr, {1: "one"}, 0)
show("nlr unhashable", rtcheck.nlr, {1: "one"}, [3])
show("ticks", rtcheck.ticks)
show("libc", rtcheck.libc, "hello world", "help")
show("libc", rtcheck.libc, "abc", "abc")
show("identity", rtcheck.identity, 42)
for data in (b"", b"\x00\x01\xab\xff", bytearray(b"natmod")):
    show("hex str %r" % (data,), rtcheck.hex, data, True)
    show("hex bytes %r" % (data,), rtcheck.hex, data, False)
    show("hex sep %r" % (data,), rtcheck.hex, data, True, ":")
for text in ("00ff10", " 0a 0B\n", "abc", "0g", "", 12):
    show("fromhex %r" % (text,), rtcheck.fromhex, text)
for n in (0, 1, 6):
    show("list_init %d" % n, rtcheck.list_init, n)
if hasattr(rtcheck, "parse_float"):
    for text in ("1.5", " 2e3 ", "-0.0", "inf", "1j", "1.5J ", "x1", ""):
        for imag in (False, True):
            show("parse_float %r %r" % (text, imag), rtcheck.parse_float, text, imag)
    for x in (2.7, -3.5, 1e30, float("inf"), float("nan")):
        show("float_to_int %r" % (x,), rtcheck.float_to_int, x)
    # natmodgen's mp_format_float gives the firmware's text wherever it fits in 30
    # characters (runtime/formatfloat.c): 'f' of values below 1e12 and every 'e'/'g' form.
    small = (0.0, -0.0, 1.0, -2.5, 3.14159265358979, 1e-7, 123456.789, float("inf"), -float("inf"), float("nan"))
    for fmt in ("f", "e", "g", "G", "a"):
        for x in small if fmt == "f" else small + (1e12, -1e22, 1e-300):
            for prec in (-1, 0, 3, 16, 99):
                for sign in ("", "+", "j"):
                    show("format_float %r %s %d %r" % (x, fmt, prec, sign), rtcheck.format_float, x, fmt, prec, sign)
for text in ("print", "", "natmodgen_fresh_name_%d" % 7, "\u00e9t\u00e9", "x" * 300):
    show("intern_text %r" % (text[:20],), rtcheck.intern_text, text)
for o in ("len", "runtime_made_" + str(12), b"bytes", 5, None):
    show("get_qstr %r" % (o,), rtcheck.get_qstr, o)
for o in ("intern_me_" + str(3), "print", "x"):
    show("intern %r" % (o,), rtcheck.intern, o)
for data in (b"", b"abc", b"\xc3\xa9", b"\xc3", b"\x80", b"\xe2\x82\xac", b"\xe2\x82", b"\xf0\x9f\x98\x80", b"\xf8\x80", b"\xc3(", b"a\xff"):
    show("utf8_check %r" % (data,), rtcheck.utf8_check, data)
for n in (0, 5, 30):
    b = rtcheck.str_copy_fill(n)
    show("str_copy_fill %d" % n, lambda: (b, len(b), hash(b) == hash(bytes(b)), b == bytes(b)))
LEFT, SIGN, SPACE, AFTER_SIGN, CENTER, PERCENT, DECIMAL = 1, 2, 4, 16, 32, 64, 256
for text in ("", "ab", "-1234567"):
    for flags in (0, LEFT, CENTER, ord("_") << 9, ord(",") << 9):
        for fill in ("", "*", "0"):
            for width in (0, 5, 12, 20):
                show("print_strn %r %d %r %d" % (text, flags, fill, width), rtcheck.print_strn, text, flags, fill, width)
if hasattr(rtcheck, "print_float"):
    for x in (0.0, -1.5, 2.0, 1e20, float("nan")):
        for fmt in ("f", "g", "e"):
            for flags in (0, SIGN, SPACE, DECIMAL, PERCENT, AFTER_SIGN | SIGN, LEFT):
                for fill, width in (("", 0), ("0", 12), (" ", 9)):
                    show("print_float %r %s %d %r %d" % (x, fmt, flags, fill, width), rtcheck.print_float, x, fmt, flags, fill, width, 3)
for a in (7, -7, 0, 100, -100):
    for b in (3, -3, 1, -1, 7):
        show("smallint %d %d" % (a, b), rtcheck.smallint, a, b)
class MyError(ValueError):
    pass
for o in (ValueError, ValueError("v", 2), OSError(5), MyError("mine"), MyError, KeyError(), Exception, 5, "x", int):
    show("exc_info %r" % (o,), rtcheck.exc_info, o)
import collections
for d in ({}, {1: 2, "a": [3]}, collections.OrderedDict([("z", 1), ("a", 2)])):
    show("dict_copy %r" % (d,), rtcheck.dict_copy, d)
for v in (2, 9):
    show("list_remove %r" % v, rtcheck.list_remove, [1, 2, 3, 2], v)
show("list_sort", rtcheck.list_sort, [3, 1, 2])
show("list_sort kw", rtcheck.list_sort, ["bb", "a", "ccc"], key=len, reverse=True)
show("list_sort bad", rtcheck.list_sort, [1, 2], bad=1)
show("slots", rtcheck.slots, (1, "two", 3.5), "abc", -(2**70 + 12345))
for size, ops in ((4, [1, 2, 3, 4, -1, -1, -1, -1]), (5, [-2, -3, -4, -4, 9, -2, -2]), (8, [-5, -5, -5, -6, -6, -6]), (3, [-5, -6, -2, 1, -3])):
    show("ringbuf %d %r" % (size, ops), rtcheck.ringbuf, size, ops)
for o in (0, 5, -3, True, None, ValueError, KeyError("k"), 7.5, "s"):
    show("glue %r" % (o,), rtcheck.glue, o)
gone = 1
show("delete_global", rtcheck.delete_global, "gone")
show("deleted", lambda: "gone" in globals())
show("delete_global missing", rtcheck.delete_global, "never_there")
def fails(*a):
    raise ValueError("boom", len(a))
for e in (ValueError("v"), KeyError(3), OSError(2, "x")):
    show("print_exception %r" % (e,), rtcheck.print_exception, e)
try:
    fails()
except ValueError as e:
    show("print_exception traceback", lambda: rtcheck.print_exception(e).replace(__file__, "FILE"))
show("protected ok", rtcheck.protected, lambda *a: len(a), 1)
show("protected raising", rtcheck.protected, int, "x")
if hasattr(rtcheck, "float_maybe"):
    class F:
        def __float__(self):
            return 2.5
    for o in (False, True, 3, 2**70, 1.25, F(), "1.5", None, [1]):
        show("float_maybe %r" % (type(o).__name__,), rtcheck.float_maybe, o)
for e in (1, 2, 13, 110, 9999, "x"):
    show("errno_name %r" % (e,), rtcheck.errno_name, e)
for a, b in ((3, 4), (2**31, 2**31), (2**40, 2**30), (-(2**62), 2), (-(2**62), 3), (0, -5)):
    show("mul_ll %d %d" % (a, b), rtcheck.mul_ll, a, b)
class Sl:
    def __getitem__(self, s):
        return s
sl = Sl()
for t, other, sl, extra in (((1, 2, 3, 2), (1, 2, 4), sl[::-1], (2,)), ((), (1,), sl[1:5], (7,)), (("a", "b"), ("a", "b"), sl[-1:], ("b", -1)), ((1, 2, 3, 2, 5), (1, 2, 3), sl[0:5:2], (2, 2, 4))):
    show("seq %r %r %r %r" % (t, other, sl, extra), rtcheck.seq, t, other, sl, *extra)
for a, b in ((b"abcab", b"ab"), (b"abc", b"abd"), (b"", b""), (b"ab", b"abc"), (b"xyz", b"q")):
    show("cmp_bytes %r %r" % (a, b), rtcheck.cmp_bytes, a, b)
for args in (("a b  c",), ("a,b,,c", ","), ("a,b,c", ",", 1), ("x", "")):
    show("str_split %r" % (args,), rtcheck.str_split, *args)
show("str_format", rtcheck.str_format, "{} {x} {}", "a", 2.5, x=[1])
show("str_format mixed", rtcheck.str_format, "{} {0!r}", "a")
show("str_format missing", rtcheck.str_format, "{y}")
for s in ("plain", 'q"uote', "new\nline\t\u00e9\x01"):
    show("json_str %r" % (s,), rtcheck.json_str, s)
for i, m in ((7, 5), (-(2**70), 1000), (0, 7), (2**65 + 3, 2**40)):
    show("int_misc %d" % i, rtcheck.int_misc, i, m)
for sig in ((1, 0, 1, 1, False), (2, 0, 1, 1, False), (0, 0, 1, 3, False), (4, 0, 1, 3, False), (1, 1, 1, 1, False), (1, 1, 1, 1, True), (2, 0, 0, 65535, False)):
    show("check_sig %r" % (sig,), rtcheck.check_sig, *sig)
for k in (0, 1, 2):
    show("raise_kind %d" % k, rtcheck.raise_kind, k)
for name in ("object", "bool", "int", "uint", "ptr", "ptr8", "ptr16", "ptr32", "float"):
    show("native_type %s" % name, rtcheck.native_type, name)
class Meth:
    def m(self, a, kw=0):
        return (type(self).__name__, a, kw)
show("call_self", rtcheck.call_self, Meth.m, Meth(), "arg")
show("call_self bad", rtcheck.call_self, lambda self: self, 1, 2)
for seq, n in (((1, 2, 3), 3), ([1, 2], 3), ((1, 2, 3, 4), 3), (range(3), 3), (iter([1]), 2), ("ab", 2), (range(5), 2)):
    show("unpack %r %d" % (seq, n), rtcheck.unpack, seq, n)
import io
f = io.BytesIO(b"0123456789")
for off, whence in ((3, 0), (2, 1), (-1, 2), (-20, 0)):
    show("seek %d %d" % (off, whence), rtcheck.seek, f, off, whence)
for s, b in (("0x1f", 0), ("0x1f", 16), ("0x1f", 10), ("0o7", 0), ("0b1", 2), ("017", 0), ("0", 0), ("12", 0), ("0B1", 0), ("0xz", 8)):
    show("num_base %r %d" % (s, b), rtcheck.num_base, s, b)
for s in ("42", "  -17xyz", "+0x1F", "0x", "0777", "z9", "", "  ", "99999999999999999999999", "-99999999999999999999999", "1.5e3abc", ".5", "-.e1", "1e", "1e+", "INF", "-infinity!", "nanx", "3.14159265358979323846", "1e400", "0.000000000000000000000000000001", "0x1.8p3", "-0X.8P-2z", "0x10"):
    show("strtonum %r" % s, rtcheck.strtonum, s)
for data in (b"\x80", b"\x01\x80", b"\xff\xfe\xfd", b"\x12\x34\x56\x78", b"\x80\0\0\0\0\0\0\x01"):
    for signed in (False, True):
        for big in (False, True):
            show("binint %r %r %r" % (data, signed, big), rtcheck.binint, data, signed, big)
import io

for request in (1, 99):
    s = io.BytesIO()
    show("stream_write %d" % request, rtcheck.stream_write, s, b"hello", request)
    print("stream_write wrote", s.getvalue())
for n in (0, 3, 20):
    show("stream_read %d" % n, rtcheck.stream_read, io.BytesIO(b"0123456789"), n)
if hasattr(rtcheck, "stringio"):
    show("stringio", rtcheck.stringio, b"abcdef")
    show("stringio short", rtcheck.stringio, b"a")
for keys, delete in (([5, 3, 8, 1], -1), ([2, 2, 2, 2, 1, 1], -1), ([4, 4, 1, 4, 1, 0, 4], 3), ([3, 1, 2, 1, 3], 1), ([7, 6, 5, 4, 3, 2, 1], 0), ([1, 2, 3], 2)):
    show("pairheap %r del %d" % (keys, delete), rtcheck.pairheap, keys, delete)

# sets, compared slot by slot with the firmware's tables
show("set ints", rtcheck.set, list(range(0, 40, 3)), [3, 4, 9, 39], 0)
show("set strs", rtcheck.set, ["a", "bb", "ccc", "a", "dddd", "e" * 20], ["bb", "zz"], 3)
show("set mixed", rtcheck.set, [b"ab", "ab", 1.5, -7, 2**40, 2**70, True], ["ab", -7, 1], 1)
show("set unhashable", rtcheck.set, [1, [2]], [], 0)


class Eq:
    def __init__(self, v):
        self.v = v

    def __eq__(self, other):
        return "yes" if self.v == getattr(other, "v", other) else ""


class Ne(Eq):
    def __ne__(self, other):
        return "ne-called"


nan = float("nan")
for a, b in ((1, 1), (1, 2), ("x", "x"), (b"x", b"x"), (1, 1.0), (nan, nan), ([1], [1]), (Eq(3), 3), (3, Eq(3)), (Eq(1), Eq(2)), (Ne(1), Ne(1)), (None, None), ((1, "a"), (1, "a")), (2**70, 2**70)):
    show("eqne %r %r" % (type(a).__name__, type(b).__name__), rtcheck.eqne, a, b)


class Slicer:
    def __getitem__(self, k):
        return k


S = Slicer()
for n in (0, 5, 10):
    for s in (S[:], S[1:3], S[3:1], S[::-1], S[1:8:2], S[8:1:-3], S[-2:], S[-20:20], S[5:5:-1]):
        show("fast_slice %d %r" % (n, s), rtcheck.fast_slice, n, s)


def plain(*a):
    return ("plain",) + a


class K:
    def m(self):
        return "m"


k = K()
for label, self_, typ, member in (
    ("function on instance", k, K, plain),
    ("function on type", None, K, plain),
    ("builtin on Python class", k, K, len),
    ("builtin on type None", None, K, len),
    ("staticmethod", k, K, staticmethod(plain)),
    ("classmethod on instance", k, K, classmethod(plain)),
    ("classmethod on class", K, type, classmethod(plain)),
    ("classmethod no self", None, K, classmethod(plain)),
    ("value", k, K, 42),
    ("small value", k, K, "text"),
):
    try:
        d0, d1 = rtcheck.member(self_, typ, member)
        print("member", label, d0 is member, d1 is self_, d1 is typ, d1 is K, d0 is plain)
    except Exception as e:
        print("member", label, "raised", type(e).__name__, e.args)
for label, self_, typ in (("builtin bound", "abc", str), ("builtin unbound", None, str), ("builtin on object", None, object)):
    d0, d1 = rtcheck.member(self_, typ, len)
    print("member", label, d0 is len, d1 is self_, type(d0).__name__)
    for arg in ("abcd", 5):
        try:
            print("  call", repr(arg), d0(arg))
        except Exception as e:
            print("  call", repr(arg), "raised", type(e).__name__, e.args)
for v in (2**64, 2**64 - 1, -(2**64), 2**70 + 12345, -(2**70) - 1, 2**100 // 3, -(2**63), 2**63):
    for n in (0, 1, 4, 8, 9, 12, 16):
        for big in (False, True):
            show("to_bytes %d %d %r" % (v, n, big), rtcheck.to_bytes, v, n, big)
for buf, tc in ((bytearray(b"abcdef"), "B"), (bytearray(8), "h"), (bytearray(b"\x01\x00\x02\x00\x03\x00\x04\x00"), "Hw"), (bytearray(12), "i")):
    try:
        mv = rtcheck.memview(buf, tc)
        print("memview", tc, type(mv).__name__, len(mv), list(mv))
        mv[1] = 7
        print("memview wrote", bytes(buf))
    except Exception as e:
        print("memview", tc, "raised", type(e).__name__, e.args)


class Callable:
    def __call__(self, *a, **kw):
        return ("called", a, sorted(kw.items()))

    def __iter__(self):
        return iter((1, 2, 3))


class NotCallable:
    pass


class ListChild(list):
    pass


class GetItem:
    def __getitem__(self, i):
        if i > 2:
            raise IndexError
        return i * 10


for obj in (Callable(), NotCallable(), ListChild([4, 5]), GetItem()):
    for mode in (0, 1, 2):
        show("instance %s %d" % (type(obj).__name__, mode), rtcheck.instance, obj, mode)
for kk in range(4):
    show("raise_bare %d" % kk, rtcheck.raise_bare, kk)


def kwfun(*a, **kw):
    return (a, sorted(kw.items()))


show("call_var plain", rtcheck.call_var, kwfun, 0, None, None)
show("call_var star", rtcheck.call_var, kwfun, 0, (7, 8), None)
show("call_var both", rtcheck.call_var, kwfun, 0, [9], {"z": 3})
show("call_var dup", rtcheck.call_var, kwfun, 0, None, {"k": 3})
show("call_var builtin", rtcheck.call_var, print, 0, None, {"j": 1})
for seq, b, a in (([1, 2, 3, 4, 5], 1, 1), ((1, 2), 2, 0), ("abc", 0, 0), (range(6), 2, 3), ([1], 1, 1), (iter([1, 2, 3]), 1, 1)):
    show("unpack_ex %r %d %d" % (seq, b, a), rtcheck.unpack_ex, seq, b, a)
cl = rtcheck.closure(plain, (10, 20))
show("closure", cl, 5)
show("closure none", rtcheck.closure(plain, ()), 1)
for arg, n, opt in (([1, 2], 1, False), ([1], 2, False), ((1, 2), 1, False), ("absent", 3, True), (None, 2, True), ([5, 6, 7], 2, True), ([5], 2, True), (7, 0, True)):
    show("list_arg %r %d %r" % (arg, n, opt), rtcheck.list_arg, arg, n, opt)
for n in (0, 1, 6):
    show("dict_init %d" % n, rtcheck.dict_init, n)
for name in ("alpha", "beta", "gamma"):
    for op in (0, 1, 2):
        show("module_attr %s %d" % (name, op), rtcheck.module_attr, name, op, 99)
for data in (b"plain", b"it's", b'say "hi"', b"both ' and \"", b"tab\tnl\ncr\rbs\\", b"\x00\x01\x7f\x80\xff", "héllo".encode()):
    for is_bytes in (False, True):
        show("quoted %r %r" % (data, is_bytes), rtcheck.quoted, data, is_bytes)
show("stream_lines", rtcheck.stream_lines, io.BytesIO(b"one\ntwo\n\nthree"))
show("stream_lines empty", rtcheck.stream_lines, io.BytesIO(b""))


class Attrs:
    x = 1

    def meth(self):
        return 2

    def __getattr__(self, name):
        if name == "boom":
            raise ValueError("boom")
        raise AttributeError(name)


def load_protected(*a):
    d0, bound = rtcheck.load_protected(*a)
    return (type(d0).__name__ if callable(d0) else d0, bound)


for attr in ("x", "meth", "missing", "boom"):
    for catch_all in (False, True):
        show("load_protected %s %r" % (attr, catch_all), load_protected, Attrs(), attr, catch_all)
for tc in "bBhHiIlLqQfd":
    for v in (0, 1, -1, 127, 200, -300, 70000, 2**31 - 1):
        show("set_from_int %s %d" % (tc, v), rtcheck.set_from_int, tc, v)
if hasattr(rtcheck, "namedtuple"):
    show("namedtuple", rtcheck.namedtuple, ("alpha", "beta", "gamma"), ("gamma", "alpha", "delta"))
    show("namedtuple empty", rtcheck.namedtuple, (), ("alpha",))
    show("namedtuple bad", rtcheck.namedtuple, ("alpha", 3), ())
show("attrtuple_print", rtcheck.attrtuple_print, ("alpha", "beta"), (1, "two"))
show("attrtuple_print empty", rtcheck.attrtuple_print, (), ())

import sys


class MyErr(Exception):
    pass


for exc in (ValueError("v"), MyErr("mine"), KeyError(3)):
    for n in (0, 1, 3):
        show("traceback %s %d" % (type(exc).__name__, n), rtcheck.traceback, exc, n)
        buf = io.StringIO()
        sys.print_exception(exc, buf)
        print("print_exception", repr(buf.getvalue()))
    show("traceback_clear", rtcheck.traceback_clear, exc)
try:
    raise OSError(2)
except OSError as caught:
    show("traceback of a raised one", rtcheck.traceback, caught, 1)
show("nlr_jump exc", rtcheck.nlr_jump, ValueError("jumped"))
show("nlr_jump subclass", rtcheck.nlr_jump, MyErr("deep"))
show("nlr_jump callback", rtcheck.nlr_jump, 0)
bm = rtcheck.bound_meth(plain, "self!")
show("bound_meth call", bm, 1, 2)
print("bound_meth type", type(bm).__name__)
show("bound_meth builtin", rtcheck.bound_meth(len, "four"))


class Prop:
    def _get(self):
        return 1

    def _set(self, v):
        pass

    p = property(_get, _set)
    q = property(_get)


if hasattr(rtcheck, "property"):
    g, s_, d = rtcheck.property(Prop.p)
    print("property p", g is Prop._get, s_ is Prop._set, d)
    g, s_, d = rtcheck.property(Prop.q)
    print("property q", g is Prop._get, s_, d)
m = rtcheck.new_module("rt_fresh_mod")
print("new_module", type(m).__name__, m.__name__, sys.modules["rt_fresh_mod"] is m, rtcheck.new_module("rt_fresh_mod") is m)
m.x = 5
import rt_fresh_mod

print("new_module import", rt_fresh_mod.x, rt_fresh_mod is m)


class Boom:
    def __getitem__(self, i):
        if i == 2:
            raise KeyError(i)
        return i


class Stopper:
    def __getitem__(self, i):
        if i == 3:
            raise StopIteration
        return -i


class IndexChild(IndexError):
    pass


class Sub:
    def __getitem__(self, i):
        if i == 1:
            raise IndexChild
        return "x"


for obj in (GetItem(), Boom(), Stopper(), Sub(), [7, 8], "ab"):
    show("getitem_iter %s" % type(obj).__name__, rtcheck.getitem_iter, obj)
if hasattr(rtcheck, "attrtuple"):
    t = rtcheck.attrtuple(1, "two")
    print("attrtuple", t, repr(t), t.alpha, t.beta, len(t), t[1], t == (1, "two"), type(t) is type(sys.implementation))


class HasFloat:
    def __float__(self):
        return 2.5


class HasComplex:
    def __complex__(self):
        return 1 - 2j


def lbl(x):
    return type(x).__name__ if isinstance(x, (HasFloat, HasComplex)) else repr(x)


if hasattr(rtcheck, "num_binop"):
    for rhs in (2, 0, -1.5, 0.0, True, 2**70, "x", None, HasFloat()) + ((1j, 2 + 0j, HasComplex()) if hasattr(rtcheck, "complex_maybe") else ()):
        for op in range(11):
            show("float_binop %d %s" % (op, lbl(rhs)), rtcheck.num_binop, op, 7.0, rhs)
            if hasattr(rtcheck, "complex_maybe"):
                show("complex_binop %d %s" % (op, lbl(rhs)), rtcheck.num_binop, op, 1.5, rhs, -0.0)
if hasattr(rtcheck, "complex_maybe"):
    for arg in (3, 2.5, True, 1 + 2j, -0.0j, HasFloat(), HasComplex(), "1j", None, [1]):
        show("complex_maybe %s" % lbl(arg), rtcheck.complex_maybe, arg)
for s in ("hello", "h\u00e9llo\u20ac!", b"h\xc3\xa9llo", "", b""):
    for i in (0, 1, 2, 5, 6, 7, 50, -1, -2, -6, -7, -50, True, 2**70, 1.5, "x"):
        for sl in (False, True):
            show("str_index %r %r %r" % (s, i, sl), rtcheck.str_index, s, i, sl)


class Plain:
    def __init__(self):
        self.initialised = True


class ListKid(list):
    pass


class Mixed(Plain, dict):
    pass


class Deeper(ListKid):
    pass


for cls in (Plain, ListKid, Mixed, Deeper):
    try:
        inst, native, n = rtcheck.new_instance(cls)
        print("new_instance", cls.__name__, type(inst).__name__, native, n, hasattr(inst, "initialised"))
    except Exception as e:
        print("new_instance", cls.__name__, "raised", type(e).__name__, e.args)
for s, base in (("123456789012345678901234567890", 10), ("ffffffffffffffffffffzz", 16), ("FFff", 16), ("1010x", 2), ("zz", 36), ("", 10), ("99", 8), ("7_7", 10)):
    for neg in (False, True):
        show("int_from_str %r %d %r" % (s, base, neg), rtcheck.int_from_str, s, neg, base)


class StrKid(str):
    pass


for x in ("interned", "x" * 40 + str(7), b"b", b"", bytearray(b"ba"), 1, None, StrKid("k"), memoryview(b"m"), ["s"]):
    show("is_str_or_bytes %s" % type(x).__name__, rtcheck.is_str_or_bytes, x)

# mp_obj_new_cell
for x in (None, 7, "s"):
    show("cell %r" % (x,), rtcheck.cell, x)


# mp_resume / mp_obj_gen_resume
def g3():
    got = yield 1
    got = yield ("got", got)
    return ("done", got)


def g_catch():
    try:
        yield 1
    except ValueError as e:
        yield ("caught", e.args)
    yield 2


def g_raise():
    yield 1
    raise KeyError("k")


def g_stop():
    yield 1
    raise StopIteration(5)


class Sender:
    def __init__(self):
        self.log = []

    def send(self, v):
        self.log.append(v)
        return ("sent", v)

    def throw(self, e):
        return ("thrown", type(e).__name__)

    def close(self):
        return "closed"


class NextOnly:
    def __next__(self):
        return "next"


class Plain2:
    pass


for gen_only in (False, True):
    g = g3()
    show("resume g3 start %d" % gen_only, rtcheck.resume, g, None, None, gen_only)
    show("resume g3 send %d" % gen_only, rtcheck.resume, g, 10, None, gen_only)
    show("resume g3 send again %d" % gen_only, rtcheck.resume, g, 20, None, gen_only)
    show("resume g3 finished %d" % gen_only, rtcheck.resume, g, None, None, gen_only)
    show("resume g3 new send value %d" % gen_only, rtcheck.resume, g3(), 5, None, gen_only)
    g = g_catch()
    show("resume g_catch start %d" % gen_only, rtcheck.resume, g, None, None, gen_only)
    show("resume g_catch throw %d" % gen_only, rtcheck.resume, g, None, ValueError("v"), gen_only)
    show("resume g_catch throw type %d" % gen_only, rtcheck.resume, g, None, OSError, gen_only)
    g = g_raise()
    show("resume g_raise start %d" % gen_only, rtcheck.resume, g, None, None, gen_only)
    show("resume g_raise end %d" % gen_only, rtcheck.resume, g, None, None, gen_only)
    show("resume g_raise after %d" % gen_only, rtcheck.resume, g, None, None, gen_only)
    g = g_stop()
    show("resume g_stop start %d" % gen_only, rtcheck.resume, g, None, None, gen_only)
    show("resume g_stop end %d" % gen_only, rtcheck.resume, g, None, None, gen_only)
    g = g_catch()
    show("resume g_catch throw before start %d" % gen_only, rtcheck.resume, g, None, ValueError("early"), gen_only)
    g = g_catch()
    rtcheck.resume(g, None, None, gen_only)
    show("resume g_catch GeneratorExit %d" % gen_only, rtcheck.resume, g, None, GeneratorExit(), gen_only)
s = Sender()
show("resume sender send", rtcheck.resume, s, 3, None, False)
show("resume sender none", rtcheck.resume, s, None, None, False)
show("resume sender throw", rtcheck.resume, s, None, ValueError(1), False)
show("resume sender GeneratorExit", rtcheck.resume, s, None, GeneratorExit(), False)
print("sender log", s.log)
show("resume next-only none", rtcheck.resume, NextOnly(), None, None, False)
show("resume next-only send", rtcheck.resume, NextOnly(), 1, None, False)
show("resume plain throw", rtcheck.resume, Plain2(), None, KeyError("x"), False)
show("resume plain StopIteration", rtcheck.resume, Plain2(), None, StopIteration(3), False)
show("resume plain GeneratorExit", rtcheck.resume, Plain2(), None, GeneratorExit, False)
it = iter([1, 2])
show("resume list iterator 1", rtcheck.resume, it, None, None, False)
show("resume list iterator 2", rtcheck.resume, it, None, None, False)
show("resume list iterator end", rtcheck.resume, it, None, None, False)
show("resume map send", rtcheck.resume, map(abs, [-1]), 4, None, False)


# mp_call_prepare_args_n_kw_var
def callee(*a, **k):
    return (a, sorted(k.items()))


class Meth:
    def m(self, *a, **k):
        return (type(self).__name__, a, sorted(k.items()))


class Mapping:
    def keys(self):
        return ["mk1", "mk2"]

    def __getitem__(self, k):
        return k.upper()


class Sized:
    def __len__(self):
        print("  __len__ called")
        return 2

    def __iter__(self):
        return iter(("s1", "s2"))


for label, fun, self_, pos, mask, kws in (
    ("plain", callee, None, (1, 2), 0, ()),
    ("star tuple", callee, None, (1, (2, 3), 4), 2, ()),
    ("star list and gen", callee, None, ([5, 6], (i * 2 for i in range(3))), 3, ()),
    ("star sized", callee, None, (Sized(), 9), 1, ()),
    ("star range str", callee, None, (range(3), "ab"), 3, ()),
    ("kw", callee, None, (1,), 0, (("a", 1), ("b", 2))),
    ("double star dict", callee, None, (), 0, ((None, {"x": 1, "y": 2}), ("z", 3))),
    ("double star mapping", callee, None, (0,), 0, ((None, Mapping()),)),
    ("self", Meth.m, Meth(), ((7, 8),), 1, ((None, {"q": 1}),)),
    ("dup kw", callee, None, (), 0, (("a", 1), (None, {"a": 2}))),
    ("bad star", callee, None, (5,), 1, ()),
    ("bad double star", callee, None, (), 0, ((None, 5),)),
    ("non-str key", callee, None, (), 0, ((None, {1: 2}),)),
    ("many", callee, None, (tuple(range(20)), list(range(30))), 3, ((None, dict((("k%d" % i), i) for i in range(12))),)),
):
    show("call_prepare " + label, rtcheck.call_prepare, fun, self_, pos, mask, kws)

# mp_obj_int_formatted / _impl, mp_print_mp_int (the bases Python formats in: 2, 8, 10, 16; the
# firmware sizes its buffer for no others)
big = 123456789012345678901234567890
for x in (0, 7, -7, 1000000, -1234567, 2**31 - 1, -(2**40), big, -big, 2**64, -(2**64) + 1):
    for base, prefix, bc, comma in ((10, None, 97, 0), (10, None, 97, 44), (16, "0x", 97, 0), (16, "0X", 65, 95), (2, "0b", 97, 95), (8, "0o", 97, 0), (16, "", 97, 44), (10, "+", 97, 95)):
        show("int_formatted %r %d %r %d" % (x, base, prefix, comma), rtcheck.int_formatted, x, base, prefix, bc, comma, False)
for x in (big, -big, 2**100, -(2**65)):
    for base, prefix, comma in ((10, None, 0), (10, "p", 44), (16, "0x", 95), (2, None, 44), (8, "0o", 0)):
        show("int_formatted_impl %r %d" % (x, base), rtcheck.int_formatted, x, base, prefix, 97, comma, True)
PF = {"left": 1, "sign": 2, "space": 4, "prefix": 8, "after_sign": 16, "center": 32, "octal": 128}
for x in (0, 5, -5, 255, -255, big, -big, True):
    for base, bc in ((10, 97), (16, 97), (16, 65), (8, 97), (2, 97)):
        for flags, fill, width, prec in (
            (0, 32, 0, 0),
            (PF["sign"], 32, 8, 0),
            (PF["space"] | PF["prefix"], 48, 10, 0),
            (PF["left"] | PF["prefix"] | PF["octal"], 42, 12, 0),
            (PF["center"], 95, 9, 0),
            (PF["after_sign"] | PF["prefix"], 48, 12, 0),
            (0, 32, 10, 6),
            (PF["left"] | PF["sign"], 32, 10, 6),
            (PF["prefix"], 48, 4, 7),
            (44 << 9, 32, 0, 0),
            (95 << 9 | PF["prefix"], 48, 16, 0),
        ):
            show("print_mp_int %r %d %d %d %d %d %d" % (x, base, bc, flags, fill, width, prec), rtcheck.print_mp_int, x, base, bc, flags, fill, width, prec)
show("print_mp_int not int", rtcheck.print_mp_int, "x", 10, 97, 0, 32, 0, 0)

# mp_obj_int_binary_op_extra_cases
for op_name, op in (("add", 0), ("multiply", 1), ("lshift", 2), ("less", 3)):
    for rhs in (True, False, "ab", b"c", (1,), [2], 2.5, None):
        show("int_extra %s 3 %r" % (op_name, rhs), rtcheck.int_extra, op, 3, rhs)

# mp_parse_float_internal, mp_decimal_exp
if hasattr(rtcheck, "parse_float_internal"):
    for t in ("1.5", "12", "1e3", "1.25e-2x", "1e", "1e+", "2e-", "3ex", "4e+x", ".5", ".", "", "1_000.5", "7..", "1e5e5", "00012.3400", "9" * 30, "1" + "0" * 25 + "e-20", "5E2", "1e99999", "1e-99999", "abc", "1.2.3", "_1_", "8e_+2"):
        show("parse_float_internal %r" % t, rtcheck.parse_float_internal, t)
    for num, e in ((1.0, 0), (1.5, 3), (3.0, -2), (0.0, 50), (7.0, 22), (7.0, -22), (7.0, 23), (7.0, -23), (1.0, 308), (1.0, -320), (2.5, 400), (-4.0, -7), (123456789.0, 17)):
        show("decimal_exp %r %d" % (num, e), rtcheck.decimal_exp, num, e)

# mp_module_get_builtin
for name in ("json", "ujson", "sys", "usys", "micropython", "umicropython", "os", "uos", "time", "nosuchmodule", "uctypes", "array", "uarray", "collections", "io", "builtins", "gc", "os.path"):
    for ext in (False, True):
        show("get_builtin %s %r" % (name, ext), rtcheck.get_builtin, name, ext)

# gc_lock / gc_unlock / gc_is_locked / gc_collect, mp_builtin___import__
for name in ("sys", "json", "nosuchmodule"):
    show("gc_misc %s" % name, rtcheck.gc_misc, name)


def usage_at(n):
    return rtcheck.stack_usage() if n == 0 else usage_at(n - 1)


u0, u10 = usage_at(0), usage_at(10)
print("stack_usage", u0[0] > 0, u0[1] > 0, u10[0] > u0[0] + 1000, abs(u0[1] - u0[0]) < 256)

# mp_import_stat (0 nothing, 1 directory, 2 file)
import os

for made in ("stat_dir", "stat_dir/sub"):
    try:
        os.mkdir(made)
    except OSError:
        pass
with open("stat_dir/mod.py", "w") as f:
    f.write("x = 1\n")
for label, p in (
    ("dir", "stat_dir"),
    ("subdir", "stat_dir/sub"),
    ("file", "stat_dir/mod.py"),
    ("missing", "stat_dir/nothing.py"),
    ("in a file", "stat_dir/mod.py/x"),
    ("device", "/dev/null"),
    ("root", "/"),
    ("empty", ""),
):
    show("import_stat " + label, rtcheck.import_stat, p)

# C library extras: <string.h>/<strings.h> and <stdlib.h>
for s, t in (("Hello, World", "lo, "), ("abc", "ABC"), ("", "x"), ("a,b,,c", ","), ("xyz", ""), ("ABd", "abc"), ("abc", "abd")):
    show("libc_ext %r %r" % (s, t), rtcheck.libc_ext, s, t)
for l in ([5, 3, 9, 1, 2], [], [4], [3, -7, 3, 0, -7, 12, 100, -100], list(range(20, 0, -3)), [2, 2, 2, 1, 1]):
    show("stdlib_ext %r" % l, rtcheck.stdlib_ext, l)
for s in (
    "123",
    "-9223372036854775808",
    "9223372036854775808",
    "-9223372036854775809",
    "18446744073709551615",
    "18446744073709551616",
    "-1",
    "0x1F",
    "  +077",
    "zz",
    "",
    "0x",
    "12abc",
    "-0x80000000",
    "\t\n 42",
):
    show("strtoll %r" % s, rtcheck.strtoll, s)

# mp_obj_float_get
if hasattr(rtcheck, "float_get"):
    for f in (1.5, -0.0, 1e300, float("inf"), -2.25):
        show("float_get %r" % f, rtcheck.float_get, f)

# the HAL console (cooked, raw with its count, NUL-terminated) and clock
show("hal_out", rtcheck.hal_out, "ab\n")
show("hal_out", rtcheck.hal_out, "")
import time

t0 = time.time_ns()
v = rtcheck.time_ns()
t1 = time.time_ns()
print("time_ns", type(v).__name__, t0 <= v <= t1)

# the VFS functions, a mount of a Python file system, and open()
try:
    os.mkdir("vfs_dir")
except OSError:
    pass
show("vfs", rtcheck.vfs, "vfs_dir")
print("vfs back", os.getcwd().endswith("vfs_dir"))


class FakeFS:
    def __init__(self):
        self.log = []

    def mount(self, readonly, mkfs):
        self.log.append(("mount", readonly, mkfs))

    def umount(self):
        self.log.append(("umount",))

    def ilistdir(self, path):
        self.log.append(("ilistdir", path))
        return iter([("a", 0x8000, 0, 0), ("b", 0x4000, 0, 0)])


fake = FakeFS()
show("mount", rtcheck.mount, fake, "/rt9mnt")
print("mount log", fake.log)
show("mount again", rtcheck.mount, fake, "/rt9mnt")
with rtcheck.builtin_open("vfs_file.txt", "w") as f:
    f.write("written\n")
with rtcheck.builtin_open("vfs_file.txt", "r") as f:
    print("builtin_open", repr(f.read()))
os.remove("vfs_file.txt")
show("builtin_open missing", rtcheck.builtin_open, "vfs_dir/none.txt", "r")
show("builtin_open bad mode", rtcheck.builtin_open, "vfs_file.txt", 5)

# interpreter services: the scheduler, the thread id, memory statistics
got = []
show("schedule", rtcheck.schedule, got.append, 6)
for _ in range(3):
    pass
print("schedule ran", sorted(got))
import _thread

print("thread_id", rtcheck.thread_id() == _thread.get_ident())
import micropython

t0, p0, c0 = micropython.mem_total(), micropython.mem_peak(), micropython.mem_current()
t, c, p = rtcheck.mem_stats()
t1, p1 = micropython.mem_total(), micropython.mem_peak()
print("mem_stats", t0 <= t <= t1, p0 <= p <= p1, abs(c - c0) < 4096)

# bytecode varints and virtual pins
show("varint", rtcheck.varint, [0, 1, 127, 128, 255, 300, 16383, 16384, 2**21, 2**31 - 1, 2**32 - 1], False)
show("varint refused", rtcheck.varint, [1, 300], True)
show("vpin", rtcheck.vpin, [1, 0, 5, 0, 255])

# the current globals and locals, at module level and in a function
g = rtcheck.globals({"rt9x": 42})
print("globals", g[0] is globals(), g[1] is locals(), g[2:])


def in_function():
    r = rtcheck.globals({"rt9x": "f"})
    return r[0] is globals(), r[1] is globals(), r[2:]


print("globals in function", in_function())

# plain-C macros and inlines of the bytecode, parse-node and .mpy headers
for prelude, n in ((b"\x00\x00", 0), (b"\x9a\x4f\x8d\x03", 5), (b"\x7f\xff\x01", 37), (b"\x83\x41\x22", 200), (b"\x11\x80\x80\x00", 63)):
    show("plain_c %r %d" % (prelude, n), rtcheck.plain_c, prelude, n)
