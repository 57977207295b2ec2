# Each line: the natmod's results, then whether they equal the same computation in Python.
import compcalls


def weighted(v):
    return sum(x * (i + 1) for i, x in enumerate(v))


def zero(n):
    v = [i + 100 for i in range(24)]
    for i in range(min(n, 24)):
        v[i] = 0
    return weighted(v)


for n in (0, 5, 24, 99):
    print("zero", n, compcalls.zero(n), compcalls.zero(n) == zero(n))
for s in ("", "abc", "natmodgen" * 7):
    print("length", len(s), compcalls.length(s) == len(s))
for k in (0, 1, -3):
    print("copy", k, compcalls.copy(k), compcalls.copy(k) == weighted([k * i for i in range(24)]))
