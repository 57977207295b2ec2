# lukeflima/Micropython-Custom-Modules doom_fire: DoomFire over an RGB565 buffer (rand(): only shapes are compared).
import doom_fire
import array

w, h = 8, 6
buf = array.array("H", [0] * (w * h))
f = doom_fire.DoomFire(buf, w, h)
print(type(f).__name__)
for _ in range(3):
    f.update()
print(len(buf), sum(1 for v in buf if v) > 0)
try:
    doom_fire.DoomFire(buf, w)
except TypeError:
    print("TypeError")
