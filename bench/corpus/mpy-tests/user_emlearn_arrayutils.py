# emlearn/emlearn-micropython emlearn_arrayutils.linear_map: int16 <-> float32 arrays through the
# buffer protocol, and its errors.
import array
import emlearn_arrayutils as au

ints = array.array("h", [-32768, -1000, 0, 1, 12345, 32767])
floats = array.array("f", [0.0] * len(ints))
au.linear_map(ints, floats, -32768, 32767, -1.0, 1.0)
print(["%.5f" % f for f in floats])
back = array.array("h", [0] * len(floats))
au.linear_map(floats, back, -1.0, 1.0, -32768, 32767)
print(list(back))
# (An array of another typecode divides by zero in the module itself: not exercised.)
try:
    au.linear_map(array.array("f", [1.0]), array.array("f", [0.0]), 0, 1, 0, 1)
except ValueError as e:
    print("ValueError", e)
