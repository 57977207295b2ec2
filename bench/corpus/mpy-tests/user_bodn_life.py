# mandakan/bodn-esp32 _life: one Game of Life step over a bytearray grid, births/deaths lists.
import _life

w, h = 5, 5
grid = bytearray(w * h)
for x in (1, 2, 3):
    grid[2 * w + x] = 1  # horizontal blinker
pal = bytes([0, 0, 0, 255, 255, 255])
new, births, deaths = _life.step(grid, w, h, 1 << 3, (1 << 2) | (1 << 3), False, pal)
print(type(new).__name__, list(new))
print(sorted(births), sorted(deaths))
new2, b2, d2 = _life.step(new, w, h, 1 << 3, (1 << 2) | (1 << 3), True, pal)
print(list(new2) == list(grid), len(b2), len(d2))
try:
    _life.step(grid, 0, h, 8, 12, False, pal)
except ValueError as e:
    print("ValueError", e)
