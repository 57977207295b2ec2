# v923z/micropython-usermod consumeiterable: sum of squares over any iterable.
import consumeiterable as ci

print(ci.sumsq([1, 2, 3]), ci.sumsq((0.5, 1.5)), ci.sumsq(range(5)), ci.sumsq(x for x in (2, 2)))
try:
    ci.sumsq(5)
except TypeError:
    print("TypeError")
