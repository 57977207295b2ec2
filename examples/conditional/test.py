# Test for the nmg_conditional module: which entries were compiled in.
import nmg_conditional as m
from nmg_conditional import Gadget


def describe_exc(e):
    # Exception type name, followed by the message if there is one.
    msg = str(e)
    return type(e).__name__ + (": " + msg if msg else "")


def show(label, func, *args):
    # Call func and print either its result or the exception it raised.
    try:
        print(label, repr(func(*args)))
    except Exception as e:
        print(label, "->", describe_exc(e))


def public(names):
    return [n for n in sorted(names) if not n.startswith("__")]


print("__name__:", m.__name__)
print("names:", public(dir(m)))

print("-- module entries")
MODULE_NAMES = (
    "always", "Gadget", "double_it", "triple_it", "LEVEL_NOTE", "math_disabled",
    "shout", "GREETING", "modern_api", "legacy_api", "LEVEL", "EXTRA_CHECKS", "FLAVOUR",
)
for name in MODULE_NAMES:
    print(name, "present" if hasattr(m, name) else "absent")

print("-- module values")
show("always()", m.always)
show("double_it(21)", m.double_it, 21)
show("double_it(-4)", m.double_it, -4)
show("double_it('x')", m.double_it, "x")
for name in ("LEVEL_NOTE", "GREETING", "modern_api", "LEVEL", "EXTRA_CHECKS", "FLAVOUR"):
    value = getattr(m, name)
    print(name, repr(value), type(value).__name__)
for name in ("triple_it", "shout", "legacy_api", "math_disabled"):
    try:
        getattr(m, name)
        print(name, "unexpectedly present")
    except AttributeError as e:
        print(name, "->", describe_exc(e))

print("-- Gadget entries")
print("Gadget names:", public(dir(Gadget)))
GADGET_NAMES = ("ping", "scale", "greet", "rescale", "name_upper", "name_len",
                "MODE", "LEGACY_MODE", "wave", "TICKS")
for name in GADGET_NAMES:
    print("Gadget." + name, "present" if hasattr(Gadget, name) else "absent")

print("-- Gadget values")
g = Gadget(3)
print(type(g).__name__, Gadget.__name__)
show("g.ping()", g.ping)
show("g.scale(2)", g.scale, 2)
show("g.ping()", g.ping)
show("g.scale(-5)", g.scale, -5)
show("g.scale(0)", g.scale, 0)
show("g.greet()", g.greet)
show("g.name_len()", g.name_len)
print("MODE", Gadget.MODE, g.MODE)
print("TICKS", Gadget.TICKS, g.TICKS)
show("Gadget()", Gadget)
show("Gadget(1, 2)", Gadget, 1, 2)
show("Gadget('a')", Gadget, "a")
try:
    g.rescale()
except AttributeError as e:
    print("g.rescale ->", describe_exc(e))
