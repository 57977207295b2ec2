# mp_obj_new_template in the natmod against the firmware's own: on a firmware with t-strings
# (MICROPY_PY_TSTRINGS) the builtin __template__, which the compiler calls for a t-string, is
# that function. Each line: whether the two agree, then what the natmod made.
import rtcheck


def desc(t):
    return (
        type(t).__name__,
        t.strings,
        [(type(i).__name__, i.value, i.expression, i.conversion, i.format_spec) for i in t.interpolations],
    )


def made(f, args):
    try:
        return desc(f(*args))
    except Exception as e:
        return ("raised", type(e).__name__, e.args)


for args in (
    (("only",),),
    (("a", "b"), 1, "x", None, ""),
    (("", "-", ""), 1, "x", "r", ">3", [2], "y", None, ""),
    (("a", "b"), (5, "v", "s", "")),
    (("a", "b", "c"), (5, "v", None, "", 6, "w", "a", "x")),
    (("a",), 1, 2),
    ((1, 2),),
):
    fw = made(__template__, args)
    nat = made(rtcheck.template, args)
    print("template", fw == nat, nat)

x = 7
lit = t"v={x!r:>4} and {x + 1}"
print("t-string", desc(lit) == made(rtcheck.template, (("v=", " and ", ""), x, "x", "r", ">4", x + 1, "x + 1", None, "")))
