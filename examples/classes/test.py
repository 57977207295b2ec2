# Test for the nmg_classes module.
import nmg_classes as m
from nmg_classes import Vector2, IntArray, Accumulator, Averager


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


def public(names):
    return [n for n in sorted(names) if not n.startswith("__")]


print("__name__:", m.__name__)
print("names:", public(dir(m)))
for cls in (Vector2, IntArray, Accumulator, Averager):
    print(cls.__name__, cls, type(cls).__name__, public(dir(cls)))

print("-- Vector2: make_new / print")
v = Vector2(3, 4)
print(v, repr(v), str(v), type(v).__name__)
print(Vector2(), Vector2(7), repr(Vector2(-1, -2)))
print("%s | %r" % (v, v), [v, Vector2(1, 1)])
show("Vector2(1, 2, 3)", Vector2, 1, 2, 3)
show("Vector2(x=1)", Vector2, x=1)
show("Vector2('a')", Vector2, "a")
print("isinstance", isinstance(v, Vector2), isinstance(v, IntArray), type(v) is Vector2)

print("-- Vector2: attr (properties)")
print(v.x, v.y, v.length_sq)
v.x = 10
v.y = -2
print(v, v.x, v.y, v.length_sq)
v.x += 1
print(v)
for attr, val in (("x", "bad"), ("length_sq", 1), ("z", 5)):
    try:
        setattr(v, attr, val)
        print("set", attr, "ok")
    except Exception as e:
        print("set", attr, "->", describe_exc(e))
try:
    print(v.z)
except AttributeError as e:
    print("get z ->", describe_exc(e))
try:
    del v.x
    print("del x ok")
except Exception as e:
    print("del x ->", describe_exc(e))
print(hasattr(v, "x"), hasattr(v, "dot"), hasattr(v, "nope"))
print("instance names:", public(dir(v)))

print("-- Vector2: locals_dict (methods, constants)")
a = Vector2(1, 2)
b = Vector2(3, -4)
print(a.dot(b), b.dot(a), a.dot(a))
show("a.dot(5)", a.dot, 5)
print(Vector2.DIMENSIONS, a.DIMENSIONS)
print(Vector2.dot(a, b))

print("-- Vector2: unary_op")
print(-a, repr(-b), bool(a), bool(Vector2()), bool(Vector2(0, 1)))
print("truthy" if Vector2(2, 0) else "falsy", "truthy" if Vector2() else "falsy")
show("+a", lambda: +a)
show("~a", lambda: ~a)
show("abs(a)", abs, a)

print("-- Vector2: binary_op")
print(a + b, a - b, a * 3, a * -1, a * 0)
print(a == Vector2(1, 2), a == b, a != b, a != Vector2(1, 2), a == (1, 2), a == a)
c = Vector2(5, 5)
d = c
c += a
print(c, d, c is d)
show("a + 1", lambda: a + 1)
show("a * a", lambda: a * a)
show("3 * a", lambda: 3 * a)
show("a - 'x'", lambda: a - "x")
show("a < b", lambda: a < b)

print("-- IntArray: make_new / print")
arr = IntArray(5)
print(arr, repr(arr), str(arr))
print(IntArray(3, 7), IntArray(length=2, fill_value=-1), IntArray(0))
show("IntArray()", IntArray)
show("IntArray(-1)", IntArray, -1)
show("IntArray(65)", IntArray, 65)
print(len(IntArray(IntArray.MAX_LENGTH)))
show("IntArray(2, fill=3)", IntArray, 2, fill=3)
show("IntArray('3')", IntArray, "3")

print("-- IntArray: subscr")
for i in range(len(arr)):
    arr[i] = i * i
print(arr, arr[0], arr[4], arr[-1], arr[-5])
arr[-2] = 100
print(arr)
show("arr[5]", lambda: arr[5])
show("arr[-6]", lambda: arr[-6])
show("arr['a']", lambda: arr["a"])
show("arr[1:2]", lambda: arr[1:2])
try:
    arr[9] = 1
except IndexError as e:
    print("store arr[9] ->", describe_exc(e))
try:
    arr[0] = "x"
except TypeError as e:
    print("store arr[0]='x' ->", describe_exc(e))
try:
    del arr[0]
except TypeError as e:
    print("del arr[0] ->", describe_exc(e))

print("-- IntArray: unary_op")
print(len(arr), len(IntArray(0)), bool(arr), bool(IntArray(0)))
show("-arr", lambda: -arr)

print("-- IntArray: iter")
print(list(arr), tuple(IntArray(3, 2)), [x for x in IntArray(0)])
print(sum(arr), max(arr), min(arr), 100 in arr, 7 in arr)
it = iter(arr)
print(type(it).__name__, iter(it) is it)
print(next(it), next(it))
print(list(it))
show("next(exhausted)", next, it)
print(next(it, "done"))
it2 = iter(arr)
arr[0] = -5
print(next(it2))
for i, x in enumerate(IntArray(3, 9)):
    print("item", i, x)

print("-- IntArray: attr and methods")
arr2 = IntArray(4, 1)
print(arr2.length, arr2.fill_value, arr2.total())
arr2.fill_value = 6
print(arr2.fill_value, arr2)
print(arr2.reset())
print(arr2, arr2.total())
try:
    arr2.fill_value = 1.5
except TypeError as e:
    print("set fill_value=1.5 ->", describe_exc(e))
try:
    arr2.length = 10
except AttributeError as e:
    print("set length ->", describe_exc(e))
show("arr2.nothing", lambda: arr2.nothing)
print(IntArray.MAX_LENGTH, arr2.MAX_LENGTH)

print("-- Accumulator: call")
acc = Accumulator()
print(acc)
print(acc())
print(acc(5))
print(acc(1, 2, 3))
print(acc)
print(acc.stats(), acc.LIMIT, Accumulator.LIMIT)
show("acc(1000)", acc, 1000)
show("acc(-2000)", acc, -2000)
print(acc)
show("acc(k=1)", lambda: acc(k=1))
show("acc('x')", acc, "x")
print(acc.reset())
print(acc, acc.stats())
acc2 = Accumulator(10)
print(acc2)
print(acc2(-20))
print(acc2)
show("Accumulator(1, 2)", Accumulator, 1, 2)

print("-- Averager: call (shares locals with Accumulator)")
avg = Averager()
print(avg)
show("avg()", avg)
print(avg(4), avg(8), avg(None), avg(-6), avg())
print(avg, avg.stats())
show("avg(1, 2)", avg, 1, 2)
print(avg.reset())
print(avg)
print(Averager(100)(0), Averager.LIMIT)
print(callable(avg), callable(acc), callable(v), callable(arr))
show("v()", v)
