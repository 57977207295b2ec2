# Test for the nmg_functions module.
import nmg_functions as m


def show(label, func, *args, **kwargs):
    # Call func and print either its result or the exception it raised.
    try:
        print(label, repr(func(*args, **kwargs)))
    except Exception as e:
        print(label, "->", describe_exc(e))


def describe_exc(e):
    # Exception type name, followed by the message if there is one.
    msg = str(e)
    return type(e).__name__ + (": " + msg if msg else "")


print("__name__:", m.__name__)
print("names:", [n for n in sorted(dir(m)) if not n.startswith("__")])

print("-- constants")
for name in ("VERSION", "MAX_RANGE", "FLAGS_DEFAULT", "MASK_16", "ERROR_OFFSET",
             "DEFAULT_MODE", "NOTHING", "ENABLED", "DISABLED"):
    value = getattr(m, name)
    print(name, repr(value), type(value).__name__)
print(m.FLAGS_DEFAULT == (1 << 4) | 3, m.ERROR_OFFSET < 0)
print(m.DEFAULT_MODE == "turbo", m.NOTHING is None, m.ENABLED is True, m.DISABLED is False)

print("-- fun_0")
show("answer()", m.answer)
show("answer(1)", m.answer, 1)

print("-- fun_1")
show("square(7)", m.square, 7)
show("square(-3)", m.square, -3)
show("square(0)", m.square, 0)
show("square('x')", m.square, "x")
show("square(1.5)", m.square, 1.5)
show("square()", m.square)
show("square(1, 2)", m.square, 1, 2)
for obj in (None, True, False, 5, "text", (1, 2), [3], {}, b"raw"):
    show("describe(%r)" % (obj,), m.describe, obj)

print("-- fun_2")
for a, b in ((17, 5), (-17, 5), (17, -5), (-17, -5), (0, 3), (9, 3)):
    show("floor_divmod(%d, %d)" % (a, b), m.floor_divmod, a, b)
    print("  matches divmod:", m.floor_divmod(a, b) == divmod(a, b))
show("floor_divmod(1, 0)", m.floor_divmod, 1, 0)
show("floor_divmod('a', 1)", m.floor_divmod, "a", 1)
show("floor_divmod(1)", m.floor_divmod, 1)

print("-- fun_3")
show("clamp(5, 0, 10)", m.clamp, 5, 0, 10)
show("clamp(-5, 0, 10)", m.clamp, -5, 0, 10)
show("clamp(50, 0, 10)", m.clamp, 50, 0, 10)
show("clamp(3, 3, 3)", m.clamp, 3, 3, 3)
show("clamp(1, 10, 0)", m.clamp, 1, 10, 0)
show("clamp(1, 2)", m.clamp, 1, 2)

print("-- var")
show("sum_ints()", m.sum_ints)
show("sum_ints(4)", m.sum_ints, 4)
show("sum_ints(1, 2, 3, 4, 5)", m.sum_ints, 1, 2, 3, 4, 5)
show("sum_ints(*range(20))", m.sum_ints, *range(20))
show("sum_ints(10, -20)", m.sum_ints, 10, -20)
show("sum_ints(1, 'two')", m.sum_ints, 1, "two")
show("sum_ints(x=1)", m.sum_ints, x=1)

print("-- var_between")
show("int_range(5)", m.int_range, 5)
show("int_range(0)", m.int_range, 0)
show("int_range(2, 6)", m.int_range, 2, 6)
show("int_range(10, 0, -3)", m.int_range, 10, 0, -3)
show("int_range(0, 10, 4)", m.int_range, 0, 10, 4)
show("int_range(1, 2, 0)", m.int_range, 1, 2, 0)
show("int_range(1000)", m.int_range, 1000)
print("len(int_range(MAX_RANGE))", len(m.int_range(m.MAX_RANGE)))
show("int_range()", m.int_range)
show("int_range(1, 2, 3, 4)", m.int_range, 1, 2, 3, 4)

print("-- kw")
show("minimal", m.open_channel, 3, session_token="abc")
show("all positional", m.open_channel, 1, 115200, "even", session_token="t1")
show("all keywords", m.open_channel, channel_id=7, baud_rate=300, parity_mode="odd",
     invert_bits=True, session_token=b"tok", retry_count=5)
show("mixed", m.open_channel, 15, parity_mode=None, retry_count=0, session_token=None)
show("truthy invert", m.open_channel, 0, invert_bits=1, session_token=1)
show("missing token", m.open_channel, 2)
show("missing channel", m.open_channel, session_token="x")
show("bad channel", m.open_channel, 16, session_token="x")
show("negative channel", m.open_channel, -1, session_token="x")
show("bad baud", m.open_channel, 1, 0, session_token="x")
show("bad parity", m.open_channel, 1, parity_mode=3, session_token="x")
show("unknown keyword", m.open_channel, 1, session_token="x", speed=10)
show("too many positional", m.open_channel, 1, 2, None, True, session_token="x")
show("channel not int", m.open_channel, "1", session_token="x")

print("-- kw counting")
show("count_args()", m.count_args)
show("count_args(1, 2)", m.count_args, 1, 2)
show("count_args(a=1, b=2, c=3)", m.count_args, a=1, b=2, c=3)
show("count_args(None, a=1, b=2, c=3)", m.count_args, None, a=1, b=2, c=3)
show("count_args(1, z=0)", m.count_args, 1, z=0)
show("count_args(*range(4), **{'p': 1, 'q': 2})", m.count_args, *range(4), **{"p": 1, "q": 2})
