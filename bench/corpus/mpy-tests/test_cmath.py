import cmath
print(cmath.sqrt(-4), cmath.phase(1j))
print(cmath.exp(0), cmath.polar(3 + 4j))
print(cmath.rect(2, 0), cmath.log(1))
print(cmath.pi == 3.141592653589793, cmath.e)
