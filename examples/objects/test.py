import nmg_objects as m

print(m.__name__)
print(sorted(n for n in dir(m) if not n.startswith("__")))
print("init calls", m.init_count())

print("HALF", m.HALF, type(m.HALF).__name__, m.HALF * 4)
print("PI", m.PI, "E", m.E, m.PI is m.PI)
print("GREETING", m.GREETING, len(m.GREETING), m.GREETING.upper())
print("MAGIC", m.MAGIC, len(m.MAGIC), type(m.MAGIC).__name__)
print("VERSION", m.VERSION, type(m.VERSION).__name__, m.VERSION[2])
print("LIMITS", sorted(m.LIMITS.items()), type(m.LIMITS).__name__)
try:
    m.LIMITS["low"] = 0
except Exception as e:
    print("LIMITS read-only:", type(e).__name__)

print("util", m.util.__name__, m.util.double(21), m.util.GREETING)
print(sorted(n for n in dir(m.util) if not n.startswith("__")))

P = m.Point
p = P(3, 4)
print(p, P.origin(), p.origin(), P.describe(), p.describe(), P.UNIT)
class Sub(P):
    pass
print(Sub.describe(), Sub(1, 2))

print(issubclass(m.NmgError, ValueError), m.ValueError is ValueError, m.OSError is OSError)
for code in (0, 1, 2):
    try:
        print("fail", code, m.fail(code))
    except ValueError as e:
        print("fail", code, type(e).__name__, e)
    except OSError as e:
        print("fail", code, type(e).__name__, e)

print("remember", m.remember([1, 2]), m.remember("x"), m.remember(None))
print("push", m.push(5), m.push(9))
print("names", m.name(0), m.name(1), m.name(2))
try:
    m.name(5)
except ValueError as e:
    print("name", e)
print("tickets", m.ticket(), m.ticket(), m.ticket())
