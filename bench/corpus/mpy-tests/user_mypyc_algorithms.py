# anhlt/mypyc-micropython example "algorithms" (C generated from typed Python by mypyc-micropython).
import algorithms as m

print([n for n in range(60) if m.is_prime(n)])
print(m.is_prime(7919), m.is_prime(7917), m.is_prime(-5))
print(m.gcd(1071, 462), m.gcd(17, 5), m.gcd(0, 9))
print(m.lcm(4, 6), m.lcm(21, 6))
print([m.power(2, e) for e in range(12)], m.power(3, 13), m.power(-2, 7))
for bad in ((1.5,), ("7",), ()):
    try:
        print(m.is_prime(*bad))
    except TypeError as e:
        print("TypeError", e)
