import math
print(math.sqrt(2), math.sin(1), math.floor(-1.5), math.ceil(1.2))
print(math.pi, math.e, math.inf, math.isnan(math.nan))
print(math.factorial(10), math.isclose(1.0, 1.0000000001), math.gcd(12, 18) if hasattr(math, 'gcd') else 'nogcd')
print(math.frexp(8.0), math.modf(2.5), math.log(8, 2), math.atan2(1, 1))
try:
    math.sqrt(-1)
except ValueError as e:
    print('ValueError', e)
