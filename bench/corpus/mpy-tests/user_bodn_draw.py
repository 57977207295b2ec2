# mandakan/bodn-esp32 _draw: built-in 8x8 font asset (static type, buffer of const data), text into an RGB565 buffer.
import _draw

f = _draw.BUILTIN_8X8
print(type(f).__name__, sorted(_draw.info(f).items()))
print(_draw.text_width("Hi!", f))
w, h = 24, 8
fb = bytearray(w * h * 2)
r = _draw.text(fb, w, 0, 0, "Hi", f, 0xFFFF)
print(r, sum(1 for i in range(0, len(fb), 2) if fb[i] or fb[i + 1]))
r = _draw.text(fb, w, 2, 1, "A", f, 0x1234, 0)
print(r)
try:
    _draw.text(fb, 0, 0, 0, "x", f, 1)
except ValueError as e:
    print("ValueError", e)
try:
    _draw.load(b"xx")
except Exception as e:
    print(type(e).__name__)
