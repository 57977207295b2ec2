# anhlt/mypyc-micropython example "point": dataclass-like native types (print, ==, attr slot, subclass struct).
import point as m

p = m.Point(3, 4)
print(p, repr(p), p.x, p.y, p.distance_squared(), p.add(1, 2))
q = m.Point(x=3, y=4)
print(p == q, p == m.Point(4, 3), p == 7)
p.x = 10
print(p, p.distance_squared())
r = m.Point3D(1, 2, 3)
print(r, r.z, r.distance_squared_3d())
for name in ("distance_squared", "add"):
    try:
        print(name, getattr(r, name))
    except AttributeError as e:
        print(name, "AttributeError", e)
try:
    m.Point(1)
except TypeError as e:
    print("TypeError", e)
try:
    p.w
except AttributeError as e:
    print("AttributeError", e)
