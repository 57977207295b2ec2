# The runtime functions whose C depends on the architecture (struct layouts, float format,
# integer widths), in a form that prints the same on every board: each line compares the
# natmod with what the firmware itself computes on that board.
import rtcheck

print("cell", rtcheck.cell(7))


def g():
    got = yield 1
    return ("done", got)


it = g()
print("resume", rtcheck.resume(it, None, None, True), rtcheck.resume(it, 5, None, False))


def callee(*a, **k):
    return (a, sorted(k.items()))


print("call_prepare", rtcheck.call_prepare(callee, None, (1, (2, 3), [4]), 6, ((None, {"x": 1}), ("y", 2))))

for x in (0, 1, -1, 2**30, -(2**31), 2**63 - 1, -(2**63), 10**30, -(10**30) - 7):
    for base, prefix, spec in ((10, None, "d"), (16, "0x", "x"), (2, "0b", "b"), (8, "0o", "o")):
        text, n = rtcheck.int_formatted(x, base, prefix, 97, 0, False)
        want = ("{:#" + spec + "}" if prefix else "{:" + spec + "}").format(x)
        print("int_formatted", x, base, text == want and n == len(text) or (text, want))
    text, n = rtcheck.print_mp_int(x, 16, 65, 8 | 2 | 16, 48, 30, 0)
    print("print_mp_int", x, text == "%+#030X" % x or (text, "%+#030X" % x))
    text, n = rtcheck.print_mp_int(x, 10, 97, 44 << 9, 32, 0, 0)
    print("print_mp_int comma", x, text == "{:,}".format(x) or (text, "{:,}".format(x)))

if hasattr(rtcheck, "parse_float_internal"):
    for t in ("1.5", "12", "1e3", ".5", "00012.3400", "9" * 30, "1e38", "3.4028e38", "1e-30", "1.17549435e-38", "123456789e-5"):
        v, n = rtcheck.parse_float_internal(t)
        print("parse_float_internal", t, v == float(t) and n == len(t) or (v, float(t), n))
    # The firmware's float() of "<m>e<e>" is its own mp_decimal_exp(m, e).
    for m, e in ((15, 2), (7, -3), (1, 30), (3, -30), (123456, -40), (5, 37), (1, 39), (999, -45), (25, 0), (1, -10)):
        print("decimal_exp", m, e, rtcheck.decimal_exp(float(m), e) == float("%de%d" % (m, e)) or (rtcheck.decimal_exp(float(m), e), float("%de%d" % (m, e))))

print("get_builtin", rtcheck.get_builtin("sys", False), rtcheck.get_builtin("usys", True), rtcheck.get_builtin("nosuchmodule", True))
print("int_extra", rtcheck.int_extra(1, 3, "ab"), rtcheck.int_extra(0, 3, True))
