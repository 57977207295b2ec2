# Behavioural test for the random module (extmod/modrandom.c,
# MICROPY_PY_RANDOM=1 MICROPY_PY_RANDOM_EXTRA_FUNCS=1).
# Must print identical output for the firmware-built module and a natmod.
# The generator state is always seeded explicitly before values are printed.
import random


def show_exc(label, f, *args):
    try:
        r = f(*args)
        print(label, "->", r)
    except Exception as e:
        print(label, "->", type(e).__name__, str(e))


def draws(f, n, *args):
    return [f(*args) for _ in range(n)]


def run(name, f):
    print("==", name)
    try:
        f()
    except Exception as e:
        print("SECTION ERROR", name, type(e).__name__, str(e))


def sec_module():
    print(random.__name__)
    print(sorted(n for n in dir(random) if not n.startswith("__")))
    for name in ("getrandbits", "seed", "randrange", "randint", "choice", "random", "uniform"):
        print(name, hasattr(random, name), callable(getattr(random, name)))
    for name in ("shuffle", "sample", "gauss", "choices", "Random"):
        print("has", name, hasattr(random, name))


run("module", sec_module)


def sec_seed():
    print("seed returns", random.seed(1))
    for s in (0, 1, 2, 42, 255, 256, 65535, 0x7FFFFFFF, 0xFFFFFFFF, -1, -2, 2**31, 2**32 + 5, 2**40 + 7, True, False):
        random.seed(s)
        print("seed", s, draws(random.getrandbits, 4, 32))
    # Seeding with a value that has the same low 32 bits gives the same sequence.
    random.seed(7)
    a = draws(random.getrandbits, 6, 32)
    random.seed(7 + 2**32)
    b = draws(random.getrandbits, 6, 32)
    print("low-32-bit seed equivalence", a == b)
    random.seed(123)
    a = draws(random.getrandbits, 20, 17)
    random.seed(123)
    b = draws(random.getrandbits, 20, 17)
    print("reproducible", a == b, a)
    random.seed(124)
    c = draws(random.getrandbits, 20, 17)
    print("different seed differs", a != c)
    # seed() / seed(None) use a port-specific entropy source (or raise
    # ValueError('no default seed') where none exists); the resulting state is
    # not deterministic, so only check that a following explicit seed restores
    # determinism.
    for label, args in (("seed()", ()), ("seed(None)", (None,))):
        try:
            random.seed(*args)
        except ValueError:
            pass
        random.seed(99)
        print(label, "then seed(99)", draws(random.getrandbits, 3, 32))
    show_exc("seed('x')", random.seed, "x")
    show_exc("seed(1.5)", random.seed, 1.5)
    show_exc("seed([])", random.seed, [])
    show_exc("seed(1, 2)", random.seed, 1, 2)


run("seed", sec_seed)


def sec_getrandbits():
    random.seed(2024)
    for n in range(0, 33):
        v = random.getrandbits(n)
        print("bits", n, v, 0 <= v < (1 << n) if n else v == 0)
    random.seed(5)
    vals = draws(random.getrandbits, 200, 3)
    print("3-bit coverage", sorted(set(vals)), sum(vals))
    random.seed(5)
    vals = draws(random.getrandbits, 200, 1)
    print("1-bit counts", vals.count(0), vals.count(1))
    random.seed(0)
    print("32-bit", draws(random.getrandbits, 8, 32))
    print("31-bit", draws(random.getrandbits, 8, 31))
    print("16-bit", draws(random.getrandbits, 8, 16))
    print("8-bit", draws(random.getrandbits, 8, 8))
    print("True-bit", random.getrandbits(True), random.getrandbits(False))
    show_exc("getrandbits(33)", random.getrandbits, 33)
    show_exc("getrandbits(64)", random.getrandbits, 64)
    show_exc("getrandbits(-1)", random.getrandbits, -1)
    show_exc("getrandbits(1.0)", random.getrandbits, 1.0)
    show_exc("getrandbits('8')", random.getrandbits, "8")
    show_exc("getrandbits()", random.getrandbits)
    show_exc("getrandbits(1,2)", random.getrandbits, 1, 2)


run("getrandbits", sec_getrandbits)


def sec_randrange():
    random.seed(11)
    print("randrange(10)", draws(random.randrange, 20, 10))
    print("randrange(1)", draws(random.randrange, 5, 1))
    print("randrange(2)", draws(random.randrange, 20, 2))
    print("randrange(1000000)", draws(random.randrange, 6, 1000000))
    print("randrange(2**31)", draws(random.randrange, 4, 2**31))
    print("randrange(5, 15)", draws(random.randrange, 20, 5, 15))
    print("randrange(-10, -3)", draws(random.randrange, 20, -10, -3))
    print("randrange(-5, 5)", draws(random.randrange, 20, -5, 5))
    print("randrange(7, 8)", draws(random.randrange, 5, 7, 8))
    print("randrange(0, 100, 10)", draws(random.randrange, 20, 0, 100, 10))
    print("randrange(1, 100, 7)", draws(random.randrange, 20, 1, 100, 7))
    print("randrange(0, 10, 3)", draws(random.randrange, 20, 0, 10, 3))
    print("randrange(10, 0, -1)", draws(random.randrange, 20, 10, 0, -1))
    print("randrange(10, 0, -3)", draws(random.randrange, 20, 10, 0, -3))
    print("randrange(-1, -20, -4)", draws(random.randrange, 20, -1, -20, -4))
    print("randrange(3, 4, 5)", draws(random.randrange, 5, 3, 4, 5))
    print("randrange(3, 2, -5)", draws(random.randrange, 5, 3, 2, -5))
    random.seed(3)
    s = set(draws(random.randrange, 300, 0, 20, 4))
    print("step coverage", sorted(s))
    random.seed(3)
    s = set(draws(random.randrange, 300, 20, 0, -4))
    print("neg step coverage", sorted(s))
    random.seed(3)
    s = draws(random.randrange, 500, 13)
    print("randrange(13) coverage", sorted(set(s)), min(s), max(s))
    for args in (
        (0,),
        (-1,),
        (-100,),
        (5, 5),
        (5, 4),
        (-3, -8),
        (0, 10, 0),
        (0, 10, -1),
        (10, 0, 1),
        (5, 5, 1),
        (5, 5, -1),
    ):
        show_exc("randrange%r" % (args,), random.randrange, *args)
    show_exc("randrange(1.5)", random.randrange, 1.5)
    show_exc("randrange('a')", random.randrange, "a")
    show_exc("randrange(0, 'a')", random.randrange, 0, "a")
    show_exc("randrange(0, 9, 1.0)", random.randrange, 0, 9, 1.0)
    show_exc("randrange()", random.randrange)
    show_exc("randrange(1,2,3,4)", random.randrange, 1, 2, 3, 4)


run("randrange", sec_randrange)


def sec_randint():
    random.seed(21)
    print("randint(1, 6)", draws(random.randint, 30, 1, 6))
    print("randint(0, 0)", draws(random.randint, 5, 0, 0))
    print("randint(-3, 3)", draws(random.randint, 20, -3, 3))
    print("randint(-10, -8)", draws(random.randint, 10, -10, -8))
    print("randint(0, 2**31-1)", draws(random.randint, 4, 0, 2**31 - 1))
    print("randint(100, 1000)", draws(random.randint, 8, 100, 1000))
    random.seed(4)
    s = draws(random.randint, 400, -2, 2)
    print("randint coverage", sorted(set(s)), [s.count(v) for v in range(-2, 3)])
    show_exc("randint(2, 1)", random.randint, 2, 1)
    show_exc("randint(0, -1)", random.randint, 0, -1)
    show_exc("randint(1.0, 2)", random.randint, 1.0, 2)
    show_exc("randint(1, None)", random.randint, 1, None)
    show_exc("randint(1)", random.randint, 1)
    show_exc("randint(1, 2, 3)", random.randint, 1, 2, 3)


run("randint", sec_randint)


def sec_choice():
    random.seed(31)
    print("list", draws(random.choice, 15, [10, 20, 30, 40]))
    print("tuple", draws(random.choice, 10, ("a", "b", "c")))
    print("str", "".join(draws(random.choice, 20, "abcdefgh")))
    print("bytes", draws(random.choice, 10, b"\x00\x01\xff"))
    print("bytearray", draws(random.choice, 10, bytearray(b"xyz")))
    print("range", draws(random.choice, 10, range(100, 200, 7)))
    print("single", draws(random.choice, 3, [None]))
    print("dict int keys", draws(random.choice, 8, {0: "zero", 1: "one", 2: "two"}))
    print("nested", draws(random.choice, 5, [[1], (2,), "3"]))

    class Seq:
        def __init__(self, n):
            self.n = n

        def __len__(self):
            return self.n

        def __getitem__(self, i):
            return "item%d" % i

    print("user seq", draws(random.choice, 6, Seq(5)))
    random.seed(8)
    s = draws(random.choice, 300, "abcde")
    print("choice coverage", sorted(set(s)), [s.count(c) for c in "abcde"])
    show_exc("choice([])", random.choice, [])
    show_exc("choice(())", random.choice, ())
    show_exc("choice('')", random.choice, "")
    show_exc("choice(b'')", random.choice, b"")
    show_exc("choice(range(0))", random.choice, range(0))
    show_exc("choice(Seq(0))", random.choice, Seq(0))
    show_exc("choice(5)", random.choice, 5)
    show_exc("choice(None)", random.choice, None)
    show_exc("choice({'a': 1})", random.choice, {"a": 1})
    show_exc("choice()", random.choice)
    show_exc("choice([1], 2)", random.choice, [1], 2)


run("choice", sec_choice)


def sec_random():
    random.seed(41)
    vals = draws(random.random, 12)
    print("random", vals)
    print("types", [type(v).__name__ for v in vals[:3]])
    print("in [0,1)", all(0.0 <= v < 1.0 for v in vals))
    random.seed(41)
    print("reproducible", draws(random.random, 12) == vals)
    random.seed(0)
    print("seed 0", draws(random.random, 4))
    random.seed(1)
    vals = draws(random.random, 1000)
    print("1000 stats", min(vals) >= 0.0, max(vals) < 1.0, int(sum(vals)))
    show_exc("random(1)", random.random, 1)


run("random", sec_random)


def sec_uniform():
    random.seed(51)
    print("uniform(0, 1)", draws(random.uniform, 5, 0, 1))
    print("uniform(10, 20)", draws(random.uniform, 5, 10, 20))
    print("uniform(-1.5, 1.5)", draws(random.uniform, 5, -1.5, 1.5))
    print("uniform(5, 5)", draws(random.uniform, 3, 5, 5))
    print("uniform(3, -3)", draws(random.uniform, 5, 3, -3))
    print("uniform(True, 3)", draws(random.uniform, 2, True, 3))
    print("uniform(1e10, 1e10+1)", draws(random.uniform, 2, 1e10, 1e10 + 1))
    random.seed(52)
    vals = draws(random.uniform, 500, -2, 7)
    print("range check", all(-2 <= v <= 7 for v in vals), int(sum(vals)))
    show_exc("uniform('a', 1)", random.uniform, "a", 1)
    show_exc("uniform(1, None)", random.uniform, 1, None)
    show_exc("uniform(1)", random.uniform, 1)
    show_exc("uniform(1, 2, 3)", random.uniform, 1, 2, 3)


run("uniform", sec_uniform)


def sec_interleaving_shares_one_generator():
    random.seed(61)
    seq = [
        random.getrandbits(8),
        random.randrange(100),
        random.randint(1, 6),
        random.choice("xyz"),
        random.random(),
        random.uniform(0, 10),
        random.getrandbits(32),
    ]
    print(seq)
    random.seed(61)
    print(seq == [
        random.getrandbits(8),
        random.randrange(100),
        random.randint(1, 6),
        random.choice("xyz"),
        random.random(),
        random.uniform(0, 10),
        random.getrandbits(32),
    ])


run("interleaving shares one generator", sec_interleaving_shares_one_generator)


def sec_keyword_arguments():
    try:
        random.randint(a=1, b=2)
    except Exception as e:
        print("randint kw", type(e).__name__, str(e))
    try:
        random.seed(a=1)
    except Exception as e:
        print("seed kw", type(e).__name__, str(e))


run("keyword arguments", sec_keyword_arguments)

print("== done")
