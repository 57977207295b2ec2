import nmg_streams as stress
b = stress.Buf(65, start=2)
print(b.read(3), b.position, bytes(b), list(stress.count(4)), stress.ntypes(), stress.check(b"x"), stress.check(1.5), stress.check(1))
try:
    stress.check({})
except OSError as e:
    print("OSError", e.errno)
with stress.Buf(66) as c:
    print(c.read(2))
try:
    b.write(b"zz")
except OSError as e:
    print("write OSError", e.errno)
for line in stress.Buf(10):
    print(repr(line))
print(sorted(n for n in dir(stress) if not n.startswith("__")))
print(sorted(n for n in dir(stress.Buf) if not n.startswith("__")))
print(memoryview(stress.Buf(7))[1], len(bytearray(stress.Buf(3))))
try:
    stress.Buf(1, 2, 3)
except TypeError as e:
    print("TypeError", e)
print(bytes(stress.Buf(67, limit=3)), bytes(stress.Buf(68, start=1, limit=6)))
