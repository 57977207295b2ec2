# lukeflima/Micropython-Custom-Modules mandelbrot: RGB565 Mandelbrot into a new or a given buffer.
import mandelbrot

b = mandelbrot.mandelbrot((8, 6), "r", (-2.0, 1.0, -1.0, 1.0), 16)
print(type(b).__name__, len(b), sum(b))
buf = bytearray(8 * 6 * 2)
print(mandelbrot.mandelbrot_into((8, 6), "g", (-2.0, 1.0, -1.0, 1.0), buf, 16), sum(buf))
print(bytes(buf[:8]).hex())
try:
    mandelbrot.mandelbrot_into((8, 6), "b", (-2.0, 1.0, -1.0, 1.0), bytearray(4))
except ValueError as e:
    print("ValueError", e)
