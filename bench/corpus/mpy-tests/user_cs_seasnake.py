# oclyke/city-skies seasnake: map_simple reverses every other row of 32-bit pixels.
import seasnake
import array

src = array.array("I", range(12))
out = array.array("I", [0] * 12)
print(seasnake.map_simple(src, out, 4, False), list(out))
out = array.array("I", [0] * 12)
seasnake.map_simple(src, out, 3, True)
print(list(out))
try:
    seasnake.map_simple(src, out, 0, True)
except ValueError:
    print("ValueError")
