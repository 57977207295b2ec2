# Behavioural test for the framebuf module (extmod/modframebuf.c,
# MICROPY_PY_FRAMEBUF=1 MICROPY_PY_ARRAY=1).
# Must print identical output for the firmware-built module and a natmod.
import framebuf
from array import array


def show_exc(label, f, *args):
    try:
        r = f(*args)
        print(label, "->", r)
    except Exception as e:
        print(label, "->", type(e).__name__, str(e))


def show_exc_type(label, f, *args):
    # For errors raised by generic argument conversion (wrong object type)
    # only the exception type is compared: the message text comes from the
    # runtime's conversion helper, not from the module.
    try:
        r = f(*args)
        print(label, "->", r)
    except Exception as e:
        print(label, "->", type(e).__name__)


def hexs(b):
    return "".join("%02x" % x for x in b)


FORMATS = (
    ("MONO_VLSB", framebuf.MONO_VLSB),
    ("MONO_HLSB", framebuf.MONO_HLSB),
    ("MONO_HMSB", framebuf.MONO_HMSB),
    ("RGB565", framebuf.RGB565),
    ("GS2_HMSB", framebuf.GS2_HMSB),
    ("GS4_HMSB", framebuf.GS4_HMSB),
    ("GS8", framebuf.GS8),
)

# one "foreground" colour per format, chosen to have all usable bits set
COLS = {
    framebuf.MONO_VLSB: 1,
    framebuf.MONO_HLSB: 1,
    framebuf.MONO_HMSB: 1,
    framebuf.RGB565: 0xF81F,
    framebuf.GS2_HMSB: 3,
    framebuf.GS4_HMSB: 0xA,
    framebuf.GS8: 0x5A,
}


def buf_size(w, h, fmt, stride=None):
    # Minimal buffer size accepted by the constructor (mirrors the C check).
    if stride is None:
        stride = w
    bpp = 1
    hreq = h
    wreq = w
    sreq = h - 1
    if fmt == framebuf.MONO_VLSB:
        hreq = (h + 7) & ~7
        sreq = hreq - 8
    elif fmt in (framebuf.MONO_HLSB, framebuf.MONO_HMSB):
        stride = (stride + 7) & ~7
        wreq = (w + 7) & ~7
    elif fmt == framebuf.GS2_HMSB:
        stride = (stride + 3) & ~3
        wreq = (w + 3) & ~3
        bpp = 2
    elif fmt == framebuf.GS4_HMSB:
        stride = (stride + 1) & ~1
        wreq = (w + 1) & ~1
        bpp = 4
    elif fmt == framebuf.GS8:
        bpp = 8
    elif fmt == framebuf.RGB565:
        bpp = 16
    return (sreq * stride + (hreq - sreq) * wreq) * bpp // 8


def dump(fb, w, h, label=None):
    if label is not None:
        print(label)
    rows = [[fb.pixel(x, y) for x in range(w)] for y in range(h)]
    mono = max(max(r) for r in rows) <= 1
    for row in rows:
        if mono:
            print(" " + "".join("#" if v else "." for v in row))
        else:
            print(" " + " ".join("%x" % v for v in row))


def new_fb(fmt, w, h, stride=None):
    buf = bytearray(buf_size(w, h, fmt, stride))
    if stride is None:
        fb = framebuf.FrameBuffer(buf, w, h, fmt)
    else:
        fb = framebuf.FrameBuffer(buf, w, h, fmt, stride)
    return fb, buf


def run(name, f):
    print("==", name)
    try:
        f()
    except Exception as e:
        print("SECTION ERROR", name, type(e).__name__, str(e))


def sec_module():
    print(framebuf.__name__)
    print(sorted(n for n in dir(framebuf) if not n.startswith("__")))
    for name, v in FORMATS:
        print(name, getattr(framebuf, name))
    print("MVLSB", framebuf.MVLSB, framebuf.MVLSB == framebuf.MONO_VLSB)
    print("FrameBuffer type", type(framebuf.FrameBuffer).__name__, framebuf.FrameBuffer.__name__)
    print("FrameBuffer methods", sorted(n for n in dir(framebuf.FrameBuffer) if not n.startswith("__")))
    print("FrameBuffer1 present", hasattr(framebuf, "FrameBuffer1"))
    print("FrameBuffer1 callable", callable(getattr(framebuf, "FrameBuffer1", None)))


run("module", sec_module)


def sec_constructor():
    for name, fmt in FORMATS:
        for w, h in ((1, 1), (8, 8), (10, 9), (3, 17), (13, 5)):
            n = buf_size(w, h, fmt)
            fb = framebuf.FrameBuffer(bytearray(n), w, h, fmt)
            try:
                framebuf.FrameBuffer(bytearray(n - 1), w, h, fmt)
                small = "ok"
            except ValueError as e:
                small = "ValueError(%s)" % e
            print(name, w, h, "size", n, "smaller:", small, type(fb).__name__)
        # explicit strides
        for w, h, s in ((5, 4, 5), (5, 4, 9), (10, 9, 16), (3, 10, 7)):
            n = buf_size(w, h, fmt, s)
            framebuf.FrameBuffer(bytearray(n), w, h, fmt, s)
            try:
                framebuf.FrameBuffer(bytearray(n - 1), w, h, fmt, s)
                small = "ok"
            except ValueError as e:
                small = "ValueError(%s)" % e
            print(name, w, h, "stride", s, "size", n, "smaller:", small)
    show_exc("width 0", framebuf.FrameBuffer, bytearray(100), 0, 8, framebuf.MONO_VLSB)
    show_exc("height 0", framebuf.FrameBuffer, bytearray(100), 8, 0, framebuf.MONO_VLSB)
    show_exc("width -1", framebuf.FrameBuffer, bytearray(100), -1, 8, framebuf.GS8)
    show_exc("height -5", framebuf.FrameBuffer, bytearray(100), 8, -5, framebuf.GS8)
    show_exc("width 0x10000", framebuf.FrameBuffer, bytearray(10), 0x10000, 1, framebuf.GS8)
    show_exc("height 0x10000", framebuf.FrameBuffer, bytearray(10), 1, 0x10000, framebuf.GS8)
    show_exc("stride < width", framebuf.FrameBuffer, bytearray(100), 8, 8, framebuf.GS8, 7)
    show_exc("stride 0x10000", framebuf.FrameBuffer, bytearray(100), 8, 1, framebuf.GS8, 0x10000)
    show_exc("format 7", framebuf.FrameBuffer, bytearray(100), 8, 8, 7)
    show_exc("format -1", framebuf.FrameBuffer, bytearray(100), 8, 8, -1)
    show_exc("format 99", framebuf.FrameBuffer, bytearray(100), 8, 8, 99)
    show_exc("too small", framebuf.FrameBuffer, bytearray(7), 8, 8, framebuf.MONO_VLSB)
    show_exc("empty buf", framebuf.FrameBuffer, bytearray(0), 1, 1, framebuf.GS8)
    show_exc("bytes (read-only) buf", framebuf.FrameBuffer, b"\x00" * 8, 8, 8, framebuf.MONO_VLSB)
    show_exc("str buf", framebuf.FrameBuffer, "\x00" * 8, 8, 8, framebuf.MONO_VLSB)
    show_exc("int buf", framebuf.FrameBuffer, 5, 8, 8, framebuf.MONO_VLSB)
    show_exc("None buf", framebuf.FrameBuffer, None, 8, 8, framebuf.MONO_VLSB)
    show_exc("width str", framebuf.FrameBuffer, bytearray(8), "8", 8, framebuf.MONO_VLSB)
    show_exc("width float", framebuf.FrameBuffer, bytearray(8), 8.0, 8, framebuf.MONO_VLSB)
    show_exc("format None", framebuf.FrameBuffer, bytearray(8), 8, 8, None)
    show_exc("3 args", framebuf.FrameBuffer, bytearray(8), 8, 8)
    show_exc("6 args", framebuf.FrameBuffer, bytearray(8), 8, 8, 0, 8, 0)
    show_exc("0 args", framebuf.FrameBuffer)
    try:
        framebuf.FrameBuffer(bytearray(8), 8, 8, format=0)
    except Exception as e:
        print("kw args ->", type(e).__name__, str(e))
    # other writable buffer objects
    mv = memoryview(bytearray(8))
    fb = framebuf.FrameBuffer(mv, 8, 8, framebuf.MONO_VLSB)
    fb.pixel(3, 3, 1)
    print("memoryview backing", hexs(mv))
    arr = array("H", [0] * 4)
    fb = framebuf.FrameBuffer(arr, 2, 2, framebuf.RGB565)
    fb.pixel(1, 1, 0x1234)
    fb.pixel(0, 0, 0xABCD)
    print("array('H') backing", list(arr))
    big = bytearray(64)
    fb = framebuf.FrameBuffer(big, 4, 4, framebuf.GS8)
    fb.fill(7)
    print("oversized buffer only uses what it needs", hexs(big[:20]))


run("constructor", sec_constructor)


def sec_buffer_protocol():
    buf = bytearray(8)
    fb = framebuf.FrameBuffer(buf, 8, 8, framebuf.MONO_VLSB)
    fb.pixel(0, 0, 1)
    fb.pixel(7, 7, 1)
    print("bytes(fb)", hexs(bytes(fb)))
    m = memoryview(fb)
    print("memoryview len", len(m), hexs(m))
    m[1] = 0xFF
    print("write via memoryview", hexs(buf), fb.pixel(1, 0), fb.pixel(1, 7))
    ba = bytearray(fb)
    print("bytearray(fb)", hexs(ba))


run("buffer protocol", sec_buffer_protocol)


def sec_per_format_drawing():
    for name, fmt in FORMATS:
        W, H = 10, 9
        col = COLS[fmt]
        fb, buf = new_fb(fmt, W, H)
        print("--", name, "buf", len(buf))
        print("fill returns", fb.fill(col))
        print("after fill(col)", hexs(buf))
        fb.fill(0)
        print("after fill(0)", hexs(buf))
        print("pixel set returns", fb.pixel(0, 0, col))
        fb.pixel(W - 1, 0, col)
        fb.pixel(0, H - 1, col)
        fb.pixel(W - 1, H - 1, col)
        fb.pixel(4, 4, col)
        print("pixel get", fb.pixel(0, 0), fb.pixel(1, 0), fb.pixel(W - 1, H - 1), fb.pixel(4, 4))
        print("pixel get out of range", fb.pixel(W, 0), fb.pixel(0, H), fb.pixel(-1, 0), fb.pixel(0, -1))
        fb.pixel(W, 0, col)
        fb.pixel(-1, -1, col)
        fb.pixel(100, 100, col)
        print("corners", hexs(buf))
        dump(fb, W, H)
        fb.fill(0)
        print("hline returns", fb.hline(1, 1, 8, col))
        fb.hline(-3, 3, 5, col)
        fb.hline(7, 5, 10, col)
        fb.hline(0, 8, 0, col)
        fb.hline(0, 9, 5, col)
        print("vline returns", fb.vline(5, 0, 4, col))
        fb.vline(9, -2, 4, col)
        fb.vline(0, 6, 100, col)
        fb.vline(3, 5, -2, col)
        dump(fb, W, H, "hline/vline")
        print(hexs(buf))
        fb.fill(0)
        print("rect returns", fb.rect(1, 1, 5, 4, col))
        fb.rect(4, 3, 6, 6, col, True)
        fb.rect(-2, 6, 4, 4, col)
        fb.rect(8, -1, 3, 3, col, False)
        dump(fb, W, H, "rect")
        print(hexs(buf))
        fb.fill(0)
        print("fill_rect returns", fb.fill_rect(2, 2, 3, 4, col))
        fb.fill_rect(-5, -5, 7, 7, col)
        fb.fill_rect(8, 7, 10, 10, col)
        fb.fill_rect(6, 0, 0, 5, col)
        fb.fill_rect(6, 0, 3, -1, col)
        fb.fill_rect(10, 0, 3, 3, col)
        fb.fill_rect(0, 9, 3, 3, col)
        fb.fill_rect(-3, 0, 3, 3, col)
        dump(fb, W, H, "fill_rect")
        print(hexs(buf))
        fb.fill(0)
        print("line returns", fb.line(0, 0, 9, 8, col))
        fb.line(9, 0, 0, 8, col)
        fb.line(2, 0, 2, 0, col)
        dump(fb, W, H, "line diagonals")
        fb.fill(0)
        for x2, y2 in ((9, 4), (5, 0), (0, 2), (2, 8), (4, 8), (8, 8), (0, 8), (9, 6)):
            fb.line(4, 4, x2, y2, col)
        dump(fb, W, H, "line star")
        fb.fill(0)
        fb.line(-5, -3, 15, 12, col)
        fb.line(12, -2, -4, 6, col)
        dump(fb, W, H, "line clipped")
        print(hexs(buf))
        fb.fill(0)
        print("text returns", fb.text("Ab", 0, 0, col))
        fb.text("x", 5, 2)
        dump(fb, W, H, "text")
        print(hexs(buf))
        fb.fill(0)
        print("ellipse returns", fb.ellipse(4, 4, 4, 3, col))
        dump(fb, W, H, "ellipse outline")
        fb.fill(0)
        fb.ellipse(4, 4, 3, 4, col, True)
        dump(fb, W, H, "ellipse filled")
        print(hexs(buf))
        fb.fill(0)
        print("poly returns", fb.poly(1, 1, array("h", [0, 0, 7, 2, 3, 7]), col))
        dump(fb, W, H, "poly outline")
        fb.fill(0)
        fb.poly(1, 1, array("h", [0, 0, 7, 2, 3, 7]), col, True)
        dump(fb, W, H, "poly filled")
        print(hexs(buf))
        # scroll
        fb.fill(0)
        fb.fill_rect(0, 0, 3, 2, col)
        fb.pixel(9, 8, col)
        print("scroll returns", fb.scroll(2, 3))
        dump(fb, W, H, "scroll(2,3)")
        fb.scroll(-1, -2)
        dump(fb, W, H, "scroll(-1,-2)")
        print(hexs(buf))


run("per-format drawing", sec_per_format_drawing)


def sec_colour_masking():
    for name, fmt in FORMATS:
        fb, buf = new_fb(fmt, 4, 2)
        vals = []
        for c in (0, 1, 2, 3, 5, 0xF, 0x10, 0x1F, 0xFF, 0x100, 0xFFFF, 0x10001, -1):
            fb.pixel(0, 0, c)
            fb.pixel(1, 0, c)
            vals.append((fb.pixel(0, 0), fb.pixel(1, 0)))
        print(name, "pixel", vals)
        vals = []
        for c in (0, 1, 2, 5, 0x1F, 0xFF, 0x123, -1):
            fb.fill(c)
            vals.append((fb.pixel(0, 0), fb.pixel(3, 1), hexs(buf)))
        print(name, "fill", vals)
        vals = []
        for c in (0x1F, 0x3, -2):
            fb.fill(0)
            fb.fill_rect(1, 0, 3, 2, c)
            vals.append(hexs(buf))
        print(name, "fill_rect", vals)


run("colour masking", sec_colour_masking)


def sec_gs4_odd_even_fill_rect():
    for x in range(0, 4):
        for w in range(0, 5):
            fb, buf = new_fb(framebuf.GS4_HMSB, 7, 2)
            fb.fill(0x3)
            fb.fill_rect(x, 0, w, 2, 0xC)
            print("x", x, "w", w, hexs(buf))


run("GS4 odd/even fill_rect", sec_gs4_odd_even_fill_rect)


def sec_stride():
    for name, fmt in FORMATS:
        fb, buf = new_fb(fmt, 5, 9, 13)
        col = COLS[fmt]
        fb.fill(col)
        fb.fill_rect(1, 1, 3, 3, 0)
        fb.pixel(4, 8, 0)
        fb.line(0, 8, 4, 4, 0)
        print(name, "stride 13", len(buf), hexs(buf))
        dump(fb, 5, 9)


run("stride", sec_stride)


def sec_text():
    fb, buf = new_fb(framebuf.MONO_HLSB, 64, 10)
    fb.text("Hello!", 0, 0)
    fb.text("~{|}", 48, 1)
    dump(fb, 64, 10)
    fb.fill(0)
    fb.text(" !\"#$%&'()*", 0, 0, 1)
    dump(fb, 64, 10)
    fb.fill(0)
    fb.text("0123456789", -3, 2, 1)
    dump(fb, 64, 10)
    fb.fill(0)
    fb.text("QWERTYUIOP", 0, -3)
    dump(fb, 64, 10, "clipped top")
    fb.fill(0)
    fb.text("@[\\]^_`", 2, 5)
    dump(fb, 64, 10, "clipped bottom")
    fb.fill(0)
    fb.text("\x7f\x01\t\n\xe9\u20ac", 0, 0)
    dump(fb, 64, 10, "out of font range chars")
    fb.fill(0)
    fb.text(b"byte", 0, 0)
    dump(fb, 64, 10, "bytes argument")
    fb.fill(1)
    fb.text("inv", 1, 1, 0)
    dump(fb, 64, 10, "colour 0 on 1")
    fb.fill(0)
    fb.text("", 0, 0)
    print("empty text", hexs(buf))
    fb.text("far", 200, 0)
    fb.text("far", 0, 200)
    fb.text("far", -100, 0)
    fb.text("far", 0, -100)
    print("offscreen text", hexs(buf))
    fb2, buf2 = new_fb(framebuf.RGB565, 18, 8)
    fb2.text("Zz", 1, 0, 0x07E0)
    dump(fb2, 18, 8, "RGB565 text")
    fb2, buf2 = new_fb(framebuf.GS4_HMSB, 9, 8)
    fb2.text("%", 0, 0, 5)
    dump(fb2, 9, 8, "GS4 text")
    print("all printable glyph checksum")
    fb, buf = new_fb(framebuf.MONO_VLSB, 8, 8)
    sums = []
    for c in range(32, 128):
        fb.fill(0)
        fb.text(chr(c), 0, 0)
        sums.append(sum(buf))
    print(sums)
    show_exc_type("text(int)", fb.text, 5, 0, 0)
    show_exc_type("text(None)", fb.text, None, 0, 0)
    show_exc("text x str", fb.text, "a", "0", 0)
    show_exc("text 3 args", fb.text, "a", 0)
    show_exc("text 6 args", fb.text, "a", 0, 0, 1, 2)


run("text", sec_text)


def sec_ellipse():
    W, H = 21, 15
    fb, buf = new_fb(framebuf.MONO_HMSB, W, H)
    fb.ellipse(10, 7, 9, 6, 1)
    dump(fb, W, H, "9x6 outline")
    fb.fill(0)
    fb.ellipse(10, 7, 9, 6, 1, True)
    dump(fb, W, H, "9x6 filled")
    for m in range(16):
        fb.fill(0)
        fb.ellipse(10, 7, 6, 5, 1, False, m)
        o = hexs(buf)
        fb.fill(0)
        fb.ellipse(10, 7, 6, 5, 1, True, m)
        print("mask", m, o, hexs(buf))
    fb.fill(0)
    fb.ellipse(10, 7, 6, 5, 1, True, 0b0101)
    dump(fb, W, H, "filled mask Q1|Q3")
    fb.fill(0)
    fb.ellipse(10, 7, 6, 5, 1, False, 0b1010)
    dump(fb, W, H, "outline mask Q2|Q4")
    fb.fill(0)
    fb.ellipse(10, 7, 6, 5, 1, True, 0x1F)
    print("mask high bits ignored", hexs(buf))
    fb.fill(0)
    fb.ellipse(10, 7, 0, 0, 1)
    fb.ellipse(2, 2, 0, 0, 1, True)
    fb.ellipse(4, 2, 0, 0, 1, False, 0)
    dump(fb, W, H, "zero radius")
    fb.fill(0)
    fb.ellipse(10, 7, 0, 5, 1)
    fb.ellipse(10, 3, 8, 0, 1)
    dump(fb, W, H, "degenerate")
    fb.fill(0)
    fb.ellipse(10, 7, 1, 1, 1)
    fb.ellipse(3, 3, 2, 2, 1, True)
    fb.ellipse(17, 11, 3, 2, 1)
    dump(fb, W, H, "small")
    fb.fill(0)
    fb.ellipse(0, 0, 12, 8, 1)
    fb.ellipse(20, 14, 5, 20, 1, True)
    dump(fb, W, H, "off-edge")
    fb.fill(0)
    fb.ellipse(-30, -30, 5, 5, 1, True)
    fb.ellipse(100, 7, 5, 5, 1)
    print("fully offscreen", hexs(buf))
    fb.fill(0)
    fb.ellipse(10, 7, 30, 20, 1)
    print("huge outline clipped", hexs(buf))
    fb.fill(0)
    fb.ellipse(10, 7, 30, 20, 1, True)
    print("huge filled clipped", hexs(buf))
    fb.fill(0)
    fb.ellipse(10, 7, 5, 5, 1, 1, 15)
    fb.ellipse(10, 7, 8, 3, 0, "yes")
    dump(fb, W, H, "truthy fill args")
    show_exc("ellipse 4 args", fb.ellipse, 1, 1, 1, 1)
    show_exc("ellipse 8 args", fb.ellipse, 1, 1, 1, 1, 1, 1, 1, 1)
    show_exc("ellipse mask str", fb.ellipse, 1, 1, 1, 1, 1, False, "x")


run("ellipse", sec_ellipse)


def sec_line_details():
    W, H = 16, 12
    fb, buf = new_fb(framebuf.GS8, W, H)
    for i, (x1, y1, x2, y2) in enumerate(
        (
            (0, 0, 15, 0),
            (15, 1, 0, 1),
            (0, 2, 15, 5),
            (15, 6, 0, 3),
            (1, 11, 3, 0),
            (5, 0, 7, 11),
            (14, 11, 8, 7),
            (9, 9, 9, 9),
            (-10, 5, 30, 7),
            (3, -20, 12, 40),
        )
    ):
        fb.line(x1, y1, x2, y2, i + 1)
    dump(fb, W, H)
    fb.fill(0)
    fb.line(-100, -100, -50, -50, 1)
    fb.line(100, 100, 50, 50, 1)
    fb.line(20, 0, 20, 11, 1)
    print("offscreen lines", sum(buf))
    show_exc("line 5 args", fb.line, 0, 0, 1, 1)
    show_exc("line 7 args", fb.line, 0, 0, 1, 1, 1, 1)


run("line details", sec_line_details)


def sec_rect_details():
    fb, buf = new_fb(framebuf.MONO_VLSB, 12, 10)
    fb.rect(0, 0, 12, 10, 1)
    fb.rect(2, 2, 1, 1, 1)
    fb.rect(4, 2, 2, 2, 1)
    fb.rect(7, 2, 3, 1, 1)
    fb.rect(7, 4, 1, 4, 1)
    fb.rect(9, 4, 0, 3, 1)
    fb.rect(2, 5, 4, 4, 1, 1)
    dump(fb, 12, 10)
    fb.fill(0)
    fb.rect(1, 1, 10, 8, 1, [1])
    fb.rect(3, 3, 6, 4, 0, 0)
    fb.rect(4, 4, 4, 2, 1, "")
    dump(fb, 12, 10, "fill argument truthiness")
    show_exc("rect 4 args", fb.rect, 0, 0, 1, 1)
    show_exc("rect 7 args", fb.rect, 0, 0, 1, 1, 1, 1, 1)
    show_exc("fill_rect 4 args", fb.fill_rect, 0, 0, 1, 1)
    show_exc("fill_rect 6 args", fb.fill_rect, 0, 0, 1, 1, 1, 1)
    show_exc("hline 3 args", fb.hline, 0, 0, 1)
    show_exc("vline 5 args", fb.vline, 0, 0, 1, 1, 1)
    show_exc("fill 0 args", fb.fill)
    show_exc("fill str", fb.fill, "1")
    show_exc("pixel 1 arg", fb.pixel, 0)
    show_exc("pixel 4 args", fb.pixel, 0, 0, 1, 1)
    show_exc("pixel float", fb.pixel, 0.5, 0)
    show_exc("hline str", fb.hline, 0, 0, "5", 1)


run("rect details", sec_rect_details)


def sec_poly():
    W, H = 16, 12
    fb, buf = new_fb(framebuf.MONO_HLSB, W, H)
    tri = array("h", [0, 0, 10, 3, 4, 9])
    fb.poly(2, 1, tri, 1)
    dump(fb, W, H, "triangle outline")
    fb.fill(0)
    fb.poly(2, 1, tri, 1, True)
    dump(fb, W, H, "triangle filled")
    concave = array("b", [0, 0, 14, 0, 14, 10, 7, 4, 0, 10])
    fb.fill(0)
    fb.poly(0, 0, concave, 1)
    dump(fb, W, H, "concave outline (array b)")
    fb.fill(0)
    fb.poly(0, 0, concave, 1, 1)
    dump(fb, W, H, "concave filled")
    star = array("i", [7, 0, 9, 5, 14, 5, 10, 8, 12, 11, 7, 9, 2, 11, 4, 8, 0, 5, 5, 5])
    fb.fill(0)
    fb.poly(0, 0, star, 1, True)
    dump(fb, W, H, "star filled (array i)")
    bowtie = array("H", [0, 0, 12, 10, 12, 0, 0, 10])
    fb.fill(0)
    fb.poly(1, 1, bowtie, 1, True)
    dump(fb, W, H, "self-intersecting filled (array H)")
    fb.fill(0)
    fb.poly(1, 1, bowtie, 1)
    dump(fb, W, H, "self-intersecting outline")
    fb.fill(0)
    fb.poly(3, 3, array("h", [0, 0, 8, 0, 8, 5, 0, 5]), 1, True)
    fb.poly(0, 0, array("h", [1, 1, 14, 1]), 1, True)
    dump(fb, W, H, "rectangle + horizontal 2-point poly filled")
    fb.fill(0)
    fb.poly(5, 5, array("h", [0, 0]), 1)
    fb.poly(8, 8, array("h", [0, 0]), 1, True)
    fb.poly(1, 1, array("h", [0, 0, 3]), 1)
    fb.poly(1, 10, array("h", [0, 0, 4, 0, 9]), 1)
    dump(fb, W, H, "single point / odd count polys")
    fb.fill(0)
    print("empty poly returns", fb.poly(0, 0, array("h"), 1), fb.poly(0, 0, array("h"), 1, True), sum(buf))
    fb.poly(0, 0, array("h", [5]), 1, True)
    print("one value poly", sum(buf))
    fb.fill(0)
    fb.poly(0, 0, bytes([1, 1, 9, 2, 5, 8]), 1, True)
    dump(fb, W, H, "bytes coords")
    fb.fill(0)
    fb.poly(0, 0, bytearray([1, 1, 9, 2, 5, 8]), 1)
    dump(fb, W, H, "bytearray coords")
    fb.fill(0)
    fb.poly(-4, -4, array("h", [0, 0, 30, 10, 10, 30]), 1, True)
    dump(fb, W, H, "clipped filled poly")
    fb.fill(0)
    fb.poly(20, 20, array("h", [0, 0, 5, 0, 5, 5]), 1, True)
    fb.poly(-30, -30, array("h", [0, 0, 5, 0, 5, 5]), 1)
    print("offscreen poly", sum(buf))
    fb.fill(0)
    show_exc("poly float array coords", fb.poly, 0, 0, array("f", [1.0, 1.0, 9.0, 2.0, 5.0, 8.0]), 1)
    fb4, buf4 = new_fb(framebuf.GS4_HMSB, 12, 8)
    fb4.poly(0, 0, array("h", [1, 1, 10, 1, 10, 6, 1, 6]), 9, True)
    fb4.poly(0, 0, array("h", [3, 2, 8, 2, 5, 5]), 4, True)
    dump(fb4, 12, 8, "GS4 poly")
    show_exc("poly list coords", fb.poly, 0, 0, [1, 2, 3, 4], 1)
    show_exc("poly int coords", fb.poly, 0, 0, 5, 1)
    show_exc("poly 4 args", fb.poly, 0, 0, array("h", [1, 2]))
    show_exc("poly 7 args", fb.poly, 0, 0, array("h", [1, 2]), 1, 1, 1)


run("poly", sec_poly)


def sec_scroll():
    W, H = 8, 6
    for name, fmt in FORMATS:
        col = COLS[fmt]
        fb, buf = new_fb(fmt, W, H)
        res = []
        for dx, dy in ((1, 0), (0, 1), (-1, 0), (0, -1), (3, 2), (-2, -3), (7, 0), (0, 5), (-7, -5), (8, 0), (0, 6), (-8, 0), (0, -6), (100, -100), (0, 0)):
            fb.fill(0)
            fb.text("*", 0, 0, col)
            fb.scroll(dx, dy)
            res.append(hexs(buf))
        print(name)
        for r in res:
            print(" ", r)
    fb, buf = new_fb(framebuf.MONO_VLSB, 8, 8)
    fb.text("#", 0, 0)
    dump(fb, 8, 8, "before scroll")
    fb.scroll(2, 1)
    dump(fb, 8, 8, "scroll(2, 1) leaves trailing pixels")
    show_exc("scroll 1 arg", fb.scroll, 1)
    show_exc("scroll 3 args", fb.scroll, 1, 1, 1)
    show_exc("scroll float", fb.scroll, 1.5, 0)


run("scroll", sec_scroll)


def sec_blit():
    src, sbuf = new_fb(framebuf.MONO_HLSB, 5, 4)
    src.rect(0, 0, 5, 4, 1)
    src.pixel(2, 1, 1)
    dst, dbuf = new_fb(framebuf.MONO_VLSB, 12, 10)
    print("blit returns", dst.blit(src, 1, 1))
    dst.blit(src, 8, 7)
    dst.blit(src, -2, -1)
    dst.blit(src, 10, -2)
    dump(dst, 12, 10, "blit fb, clipped")
    dst.fill(0)
    dst.blit(src, 12, 0)
    dst.blit(src, 0, 10)
    dst.blit(src, -5, 0)
    dst.blit(src, 0, -4)
    print("fully outside blits", hexs(dbuf))
    dst.fill(1)
    dst.blit(src, 2, 2, 0)
    dst.blit(src, 6, 5, 1)
    dump(dst, 12, 10, "blit with key")
    dst.fill(0)
    dst.blit(src, 2, 2, -1)
    dst.blit(src, 6, 5, 5)
    dump(dst, 12, 10, "key not matching any colour")
    # blit from tuple / list specifications
    dst.fill(0)
    dst.blit((sbuf, 5, 4, framebuf.MONO_HLSB), 0, 0)
    dst.blit([sbuf, 5, 4, framebuf.MONO_HLSB, 8], 6, 5)
    dump(dst, 12, 10, "blit from tuple/list")
    ro = bytes([0b10100000, 0b01010000, 0b11110000])
    dst.fill(0)
    dst.blit((ro, 4, 3, framebuf.MONO_HLSB), 1, 1)
    dump(dst, 12, 10, "blit from read-only bytes tuple")
    show_exc("blit tuple too short", dst.blit, (sbuf, 5, 4), 0, 0)
    show_exc("blit tuple too long", dst.blit, (sbuf, 5, 4, 3, 8, 1), 0, 0)
    show_exc("blit tuple bad format", dst.blit, (sbuf, 5, 4, 9), 0, 0)
    show_exc("blit tuple too small buf", dst.blit, (bytearray(1), 5, 4, 3), 0, 0)
    show_exc("blit tuple zero width", dst.blit, (sbuf, 0, 4, 3), 0, 0)
    show_exc_type("blit int source", dst.blit, 5, 0, 0)
    show_exc_type("blit None source", dst.blit, None, 0, 0)
    show_exc_type("blit str source", dst.blit, "abcd", 0, 0)
    show_exc("blit 3 args", dst.blit, src, 0)
    show_exc("blit 7 args", dst.blit, src, 0, 0, 0, None, 1)
    show_exc("blit x str", dst.blit, src, "0", 0)
    show_exc("blit key str", dst.blit, src, 0, 0, "k")
    # palette: map 1-bit source to RGB565 / GS8 colours
    pal, pbuf = new_fb(framebuf.RGB565, 2, 1)
    pal.pixel(0, 0, 0x001F)
    pal.pixel(1, 0, 0xF800)
    rgb, rbuf = new_fb(framebuf.RGB565, 7, 6)
    rgb.fill(0x1111)
    print("blit palette returns", rgb.blit(src, 1, 1, -1, pal))
    dump(rgb, 7, 6, "RGB565 via palette fb")
    rgb.fill(0x1111)
    rgb.blit(src, 1, 1, 0x001F, pal)
    dump(rgb, 7, 6, "palette + key (key compares palette output)")
    rgb.fill(0x1111)
    rgb.blit(src, 1, 1, 0, pal)
    dump(rgb, 7, 6, "palette + key that matches only source index")
    gpal = bytearray([0x10, 0xEE])
    g8, g8buf = new_fb(framebuf.GS8, 7, 6)
    g8.blit(src, 0, 0, -1, (gpal, 2, 1, framebuf.GS8))
    dump(g8, 7, 6, "GS8 via palette tuple")
    g8.fill(0)
    g8.blit(src, 0, 0, -1, None)
    dump(g8, 7, 6, "palette None")
    show_exc("palette bad tuple", g8.blit, src, 0, 0, -1, (gpal, 2, 1))
    show_exc_type("palette bad type", g8.blit, src, 0, 0, -1, 7)
    # format conversions
    gs4, g4buf = new_fb(framebuf.GS4_HMSB, 6, 3)
    for i in range(18):
        gs4.pixel(i % 6, i // 6, i)
    for name, fmt in FORMATS:
        d, dbuf2 = new_fb(fmt, 6, 3)
        d.blit(gs4, 0, 0)
        print("GS4 ->", name, hexs(dbuf2))
        d.fill(0)
        d.blit(gs4, 1, 0, 3)
        print("GS4 ->", name, "key 3", hexs(dbuf2))
    # blit onto itself
    fb, buf = new_fb(framebuf.GS8, 6, 4)
    for i in range(24):
        fb.pixel(i % 6, i // 6, i)
    fb.blit(fb, 2, 1)
    dump(fb, 6, 4, "self-blit")


run("blit", sec_blit)


def sec_framebuffer1():
    buf = bytearray(16)
    fb1 = framebuf.FrameBuffer1(buf, 8, 16)
    print("type", type(fb1).__name__, isinstance(fb1, framebuf.FrameBuffer))
    fb1.pixel(1, 9, 1)
    fb1.hline(0, 0, 8, 1)
    print("FrameBuffer1 MONO_VLSB layout", hexs(buf))
    buf = bytearray(20)
    fb1 = framebuf.FrameBuffer1(buf, 8, 16, 10)
    fb1.vline(0, 0, 16, 1)
    fb1.pixel(9, 15, 1)
    print("FrameBuffer1 stride 10", hexs(buf))
    show_exc("FrameBuffer1 too small", framebuf.FrameBuffer1, bytearray(7), 8, 8)
    show_exc("FrameBuffer1 stride < width", framebuf.FrameBuffer1, bytearray(64), 8, 8, 4)
    show_exc("FrameBuffer1 2 args", framebuf.FrameBuffer1, bytearray(8), 8)
    show_exc("FrameBuffer1 5 args", framebuf.FrameBuffer1, bytearray(8), 8, 8, 8, 0)


run("FrameBuffer1", sec_framebuffer1)


def sec_subclass():
    src, sbuf = new_fb(framebuf.MONO_HLSB, 5, 4)
    src.rect(0, 0, 5, 4, 1)
    src.pixel(2, 1, 1)
    g8, g8buf = new_fb(framebuf.GS8, 7, 6)

    class Canvas(framebuf.FrameBuffer):
        def __init__(self, w, h):
            self.w = w
            self.h = h
            self.buf = bytearray(buf_size(w, h, framebuf.MONO_HLSB))
            super().__init__(self.buf, w, h, framebuf.MONO_HLSB)

        def cross(self):
            self.line(0, 0, self.w - 1, self.h - 1, 1)
            self.line(self.w - 1, 0, 0, self.h - 1, 1)
            return "crossed"

    c = Canvas(9, 7)
    print(c.cross(), isinstance(c, framebuf.FrameBuffer), type(c).__name__)
    dump(c, 9, 7)
    print("bytes(subclass)", hexs(bytes(c)))
    dst, dbuf = new_fb(framebuf.MONO_VLSB, 12, 8)
    dst.blit(c, 2, 1)
    dump(dst, 12, 8, "blit from subclass")
    c.fill(0)
    c.blit(src, 1, 1)
    dump(c, 9, 7, "blit into subclass")

    class Canvas2(Canvas):
        pass

    c2 = Canvas2(9, 7)
    c2.cross()
    dst.fill(0)
    try:
        dst.blit(c2, 0, 0)
        dump(dst, 12, 8, "blit from sub-subclass")
    except Exception as e:
        print("blit from sub-subclass ->", type(e).__name__, str(e))

    class Palette(framebuf.FrameBuffer):
        pass

    pb = bytearray(2)
    p = Palette(pb, 2, 1, framebuf.GS8)
    p.pixel(0, 0, 0x21)
    p.pixel(1, 0, 0x42)
    g8.fill(0)
    g8.blit(src, 0, 0, -1, p)
    dump(g8, 7, 6, "palette from subclass")


run("subclass", sec_subclass)


def sec_methods_keep_buffer_alive():
    def make():
        return framebuf.FrameBuffer(bytearray(50), 10, 5, framebuf.GS8)

    fbs = [make() for _ in range(5)]
    import gc

    gc.collect()
    for i, f in enumerate(fbs):
        f.fill(i + 1)
        f.pixel(9, 4, 0xFE)
    print([bytes(f)[0] for f in fbs], [f.pixel(9, 4) for f in fbs])


run("methods keep buffer alive", sec_methods_keep_buffer_alive)

print("== done")
