# Walkline80/MicroPython-WTools-CModule wtools: ArrayTool (malloc'd rows, keyword make_new, class constants) and ColorTool.
from wtools import ArrayTool, ColorTool

a = ArrayTool(4, 3)
print(a)
a.init(1)
a.replace_row(1, bytes([5, 6, 7, 8]))
a.replace_col(0, bytes([9, 9, 9]))
print(a.to_list())
print(a.get_row(1), a.get_col(3))
a.shift(ArrayTool.SHIFT_LEFT)
print(a.to_list())
a.shift(ArrayTool.SHIFT_DOWN)
print(a.to_list())
print(ArrayTool.SHIFT_UP, ArrayTool.SHIFT_RIGHT)
c = ColorTool()
print(c.gamma8(0), c.gamma8(128), c.gamma8(255))
print([round(x, 3) for x in c.rgb2hsv(255, 128, 0)])
print(c.hsv2rgb(c.rgb2hsv((10, 200, 30))))
try:
    c.rgb2hsv([1, 2, 3])
except ValueError as e:
    print("ValueError", e)
