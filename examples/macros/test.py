import nmg_macros as m

print(m.square(7), m.negate(5), m.version())
s = m.Scaler(3)
print(s[4], s.get_scale())
print(m.RED, m.GREEN, m.BLUE)
print(hasattr(m, "extra"))
print(sorted(k for k in dir(m) if not k.startswith("__")))
try:
    s[1] = 2
except TypeError:
    print("TypeError")
