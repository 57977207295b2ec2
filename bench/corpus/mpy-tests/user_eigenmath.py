# eigenmath (zenodante/eigenmath_micropython): a computer-algebra session through the EigenMath class.
import eigenmath

em = eigenmath.EigenMath(256 * 1024)
print(em)
for cmd in ("1/3 + 1/6", "d(sin(x)^2, x)", "factor(x^2 - 5*x + 6)", "integral(x^3, x)", "2^100", "float(pi)"):
    out = em.run(cmd, True)
    print(cmd, "->", bytes(out).rstrip(b"\x00").decode())
em("A = ((1,2),(3,4))")
print(bytes(em.run("det(A)", True)).rstrip(b"\x00").decode())
print(bytes(em.run("inv(A)", True)).rstrip(b"\x00").decode())
try:
    em.run(42)
except TypeError as e:
    print("TypeError", e)
em.reset()
print(bytes(em.run("expand((a+b)^3)", True)).rstrip(b"\x00").decode())
