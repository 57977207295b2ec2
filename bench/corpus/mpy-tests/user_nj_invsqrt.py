# ninjasstudio/micropython cmodules invsqrt: 1/sqrt(x) with libm.
import invsqrt

print(sorted(n for n in dir(invsqrt) if not n.startswith("_")))
for x in (1.0, 4.0, 0.25, 2.0):
    print("%.6f" % invsqrt.invSqrt(x))
