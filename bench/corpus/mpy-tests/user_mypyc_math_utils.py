# anhlt/mypyc-micropython example "math_utils": float arguments and results.
import math_utils as m

print(m.celsius_to_fahrenheit(100), m.celsius_to_fahrenheit(-40), m.fahrenheit_to_celsius(212.0), m.fahrenheit_to_celsius(0))
print(m.clamp(5, 0, 3), m.clamp(-1.5, 0, 3), m.clamp(2.25, 0, 3))
print(m.lerp(0, 10, 0.25), m.lerp(-1.0, 1.0, 0.5), m.lerp(2, 4, 2))
try:
    m.lerp(1, 2, "x")
except TypeError as e:
    print("TypeError", e)
