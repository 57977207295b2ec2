# Behavioural test for the heapq module (extmod/modheapq.c, MICROPY_PY_HEAPQ=1).
# Must print identical output for the firmware-built module and a natmod.
import heapq


def show_exc(label, f, *args):
    try:
        r = f(*args)
        print(label, "->", r)
    except Exception as e:
        print(label, "->", type(e).__name__, str(e))


def lcg_list(n, seed, mod):
    # deterministic pseudo-random data that does not depend on the random module
    out = []
    x = seed
    for _ in range(n):
        x = (x * 1103515245 + 12345) & 0x7FFFFFFF
        out.append(x % mod)
    return out


def heap_ok(h):
    for i in range(len(h)):
        for c in (2 * i + 1, 2 * i + 2):
            if c < len(h) and h[c] < h[i]:
                return False
    return True


def run(name, f):
    print("==", name)
    try:
        f()
    except Exception as e:
        print("SECTION ERROR", name, type(e).__name__, str(e))


def sec_module():
    print(heapq.__name__)
    print(sorted(n for n in dir(heapq) if not n.startswith("__")))
    for name in ("heappush", "heappop", "heapify"):
        print(name, hasattr(heapq, name), callable(getattr(heapq, name)))
    print("has heappushpop", hasattr(heapq, "heappushpop"))
    print("has heapreplace", hasattr(heapq, "heapreplace"))
    print("has nlargest", hasattr(heapq, "nlargest"))
    print("has merge", hasattr(heapq, "merge"))


run("module", sec_module)


def sec_heappush():
    h = []
    for v in [5, 3, 8, 1, 9, 2, 7, 1, 0, 6]:
        r = heapq.heappush(h, v)
        print("push", v, r, h, heap_ok(h))

    print("-- heappop")
    out = []
    while h:
        v = heapq.heappop(h)
        out.append(v)
        print("pop", v, h, heap_ok(h))
    print("popped", out)
    show_exc("pop empty", heapq.heappop, h)
    show_exc("pop empty again", heapq.heappop, [])


run("heappush/heappop", sec_heappush)


def sec_heapify():
    for data in (
        [],
        [1],
        [2, 1],
        [1, 2, 3, 4, 5, 6, 7],
        [7, 6, 5, 4, 3, 2, 1],
        [3, 3, 3, 1, 1, 2, 2],
        [10, -1, 5, -7, 0, 3, 3, 8, -2, 11, 4],
        lcg_list(17, 1, 50),
    ):
        h = list(data)
        r = heapq.heapify(h)
        print("heapify", data, "->", h, r, heap_ok(h))
        srt = []
        while h:
            srt.append(heapq.heappop(h))
        print("  sorted", srt, srt == sorted(data))


run("heapify", sec_heapify)


def sec_heapify_keeps_identity():
    h = [4, 2, 9, 1]
    h2 = h
    heapq.heapify(h)
    print(h is h2, h)


run("heapify keeps identity", sec_heapify_keeps_identity)


def sec_heappush_heappop_interleaved():
    h = []
    log = []
    for i, v in enumerate(lcg_list(40, 7, 100)):
        heapq.heappush(h, v)
        if i % 3 == 2:
            log.append(heapq.heappop(h))
    print(log)
    print(h, heap_ok(h), len(h))


run("heappush/heappop interleaved", sec_heappush_heappop_interleaved)


def sec_large_heapsort():
    data = lcg_list(1000, 12345, 100000)
    h = list(data)
    heapq.heapify(h)
    print(heap_ok(h), h[:10])
    srt = [heapq.heappop(h) for _ in range(len(data))]
    print(srt == sorted(data), len(srt), srt[:5], srt[-5:], h)
    h = []
    for v in data:
        heapq.heappush(h, v)
    print(heap_ok(h), h[:10], len(h))
    chk = 0
    for v in h:
        chk = (chk * 31 + v) & 0xFFFFFFFF
    print("layout checksum", chk)


run("large heapsort", sec_large_heapsort)


def sec_other_element_types():
    h = []
    for v in [2.5, 1, -3.25, 7, 0.0, 1.5]:
        heapq.heappush(h, v)
    print(h)
    print([heapq.heappop(h) for _ in range(6)])
    h = ["pear", "apple", "fig", "banana", "cherry", "date"]
    heapq.heapify(h)
    print(h)
    print([heapq.heappop(h) for _ in range(6)])
    h = [(3, "c"), (1, "a"), (2, "b"), (1, "Z"), (0, "x")]
    heapq.heapify(h)
    print(h)
    print([heapq.heappop(h) for _ in range(5)])
    h = [b"zz", b"a", b"mm", b"b"]
    heapq.heapify(h)
    print(h)
    print([heapq.heappop(h) for _ in range(4)])
    h = [[3], [1, 2], [1], [2, 0]]
    heapq.heapify(h)
    print(h)
    print([heapq.heappop(h) for _ in range(4)])
    h = [True, False, 2, -1]
    heapq.heapify(h)
    print(h)
    print([heapq.heappop(h) for _ in range(4)])
    big = [2**70, 2**65, -(2**80), 5]
    heapq.heapify(big)
    print(big)
    print([heapq.heappop(big) for _ in range(4)])


run("other element types", sec_other_element_types)


def sec_user_objects_with_lt_comparison_counting():
    class Item:
        count = 0

        def __init__(self, v):
            self.v = v

        def __lt__(self, other):
            Item.count += 1
            return self.v < other.v

    h = []
    for v in lcg_list(25, 3, 60):
        heapq.heappush(h, Item(v))
    print("push compares", Item.count)
    Item.count = 0
    res = []
    while h:
        res.append(heapq.heappop(h).v)
    print("pop compares", Item.count, res)
    Item.count = 0
    h = [Item(v) for v in lcg_list(25, 5, 60)]
    heapq.heapify(h)
    print("heapify compares", Item.count, [x.v for x in h])

    class OnlyGt:
        def __init__(self, v):
            self.v = v

        def __gt__(self, other):
            return self.v > other.v

    h = [OnlyGt(3), OnlyGt(1), OnlyGt(2)]
    try:
        heapq.heapify(h)
        print("OnlyGt heapify", [x.v for x in h])
    except Exception as e:
        print("OnlyGt heapify", type(e).__name__, str(e))

    class Boom:
        def __init__(self, v):
            self.v = v

        def __lt__(self, other):
            raise ValueError("boom %d" % self.v)

    h = [Boom(1)]
    show_exc("push Boom", heapq.heappush, h, Boom(2))
    print("len after failed push", len(h), [x.v for x in h])
    show_exc("heapify Boom", heapq.heapify, [Boom(1), Boom(2), Boom(3)])
    h = [Boom(1), Boom(2), Boom(3)]
    show_exc("pop Boom", heapq.heappop, h)
    print("len after failed pop", len(h))


run("user objects with __lt__ (comparison counting)", sec_user_objects_with_lt_comparison_counting)


def sec_errors():
    h = [1]
    show_exc("push str into int heap", heapq.heappush, h, "a")
    print("after", h)
    h = ["a"]
    show_exc("push None", heapq.heappush, h, None)
    print("after", h)
    show_exc("heapify mixed", heapq.heapify, [1, "a", 2, "b"])
    show_exc("push tuple heap", heapq.heappush, (1, 2), 3)
    show_exc("pop tuple heap", heapq.heappop, (1, 2))
    show_exc("heapify tuple", heapq.heapify, (3, 1, 2))
    show_exc("heapify str", heapq.heapify, "cba")
    show_exc("heapify None", heapq.heapify, None)
    show_exc("heapify dict", heapq.heapify, {1: 2})
    show_exc("heapify bytearray", heapq.heapify, bytearray(b"cba"))
    show_exc("pop int", heapq.heappop, 5)

    class MyList(list):
        pass

    show_exc("heapify list subclass", heapq.heapify, MyList([3, 2, 1]))
    show_exc("push list subclass", heapq.heappush, MyList([3]), 1)
    show_exc("pop list subclass", heapq.heappop, MyList([3]))


run("errors", sec_errors)


def sec_argument_count_errors():
    show_exc("heappush()", heapq.heappush)
    show_exc("heappush(h)", heapq.heappush, [])
    show_exc("heappush(h,1,2)", heapq.heappush, [], 1, 2)
    show_exc("heappop()", heapq.heappop)
    show_exc("heappop(h,1)", heapq.heappop, [1], 1)
    show_exc("heapify()", heapq.heapify)
    show_exc("heapify(h,1)", heapq.heapify, [1], 1)
    try:
        heapq.heappush(heap=[], item=1)
    except Exception as e:
        print("heappush kw", type(e).__name__, str(e))


run("argument count errors", sec_argument_count_errors)

print("== done")
