# The natmod's libm results against the firmware's math module, to 4 significant places.
import math
import compmath

for x in (0.5, 2.0, 7.25):
    got = compmath.maths(x)
    want = (math.sqrt(x), math.pow(x, 1.5), math.sin(x), math.floor(x), math.fmod(x, 0.75))
    print(x, ["%.4g" % g for g in got], all(abs(g - w) <= 1e-4 * max(1, abs(w)) for g, w in zip(got, want)))
