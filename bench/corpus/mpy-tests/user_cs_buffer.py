# oclyke/city-skies buffer: FloatBuffer (make_new with keyword parsing, subscr, getiter, unary/binary ops, locals).
from buffer import FloatBuffer

b = FloatBuffer(4)
print(b)
b[0] = 1.5
b[1] = 2
b[3] = -0.25
print(b[0], b[1], b[2], b[3])
print([x for x in b])
for op in ("len", "bool"):
    try:
        print(op, len(b) if op == "len" else bool(b))
    except Exception as e:
        print(op, type(e).__name__)
r = b.reference(window=(1, 3))
print(r, [x for x in r])
r[0] = 9
print(b[1])
try:
    b[7] = 1.0
except ValueError:
    print("ValueError")
try:
    b.reference(window=[0, 1])
except TypeError:
    print("TypeError")
print(sorted(k for k in dir(b) if not k.startswith("_")))
