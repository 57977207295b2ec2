# anhlt/mypyc-micropython example "counter": two native classes, one derived, attr slot over struct fields.
import counter as m

c = m.Counter(10, 3)
print(type(c).__name__, c.increment(), c.increment(), c.decrement(), c.get())
c.reset()
print(c.get(), c.value, c.step)
c.value = 100
c.step = 7
print(c.increment(), c.get())
b = m.BoundedCounter(5, 4, 0, 12)
print([b.increment() for _ in range(4)], [b.decrement() for _ in range(4)])
print(b.value, b.step, b.min_val, b.max_val)
print(isinstance(b, m.Counter), isinstance(c, m.BoundedCounter))
for name in ("get", "reset"):
    try:
        print(name, getattr(b, name)())
    except AttributeError as e:
        print(name, "AttributeError", e)
try:
    c.nothing
except AttributeError as e:
    print("AttributeError", e)
try:
    m.Counter(1)
except TypeError as e:
    print("TypeError", e)
