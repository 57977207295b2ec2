# anhlt/mypyc-micropython example "bitwise" (C generated from typed Python by mypyc-micropython).
import bitwise as m

for v, b in ((0, 0), (5, 1), (0x80, 7), (-1, 3), (123456, 20)):
    print(v, b, m.set_bit(v, b), m.clear_bit(v, b), m.toggle_bit(v, b), m.check_bit(v, b))
print([m.count_ones(n) for n in (0, 1, 7, 255, 256, 0x7FFFFFFF)])
print([n for n in range(-2, 70) if m.is_power_of_two(n)])
try:
    m.set_bit(1)
except TypeError as e:
    print("TypeError", e)
