# Prints what mpzcheck computes with py/mpz.c; the firmware build and the natmod must print the same.
import mpzcheck

for a, b, small in (
    ("0", "1", 0),
    ("12345678901234567890123", "987654321", 5),
    ("-98765432109876543210", "12345", 3),
    ("340282366920938463463374607431768211456", "-18446744073709551617", 70),
    ("7", "-3", 1),
    ("-1", "1", 2),
    ("-340282366920938463463374607431768211457", "340282366920938463463374607431768211455", 127),
):
    try:
        print("mpz", a, b, small, mpzcheck.run(a, b, small))
    except Exception as e:
        print("mpz", a, b, small, "raised", type(e).__name__, e.args)
for x in (0, 5, -7, 2**62, 2**64 + 1, -(2**100) + 3, 10**40):
    try:
        d, hx = mpzcheck.double(x)
        print("double", x, d, hx, d == 2 * x, type(d).__name__, d + 1, d // 3)
    except Exception as e:
        print("double", x, "raised", type(e).__name__, e.args)
