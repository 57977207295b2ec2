# anhlt/mypyc-micropython example "factorial": recursion, ints and floats across the C boundary.
import factorial as m

print([m.factorial(n) for n in range(13)])
print(m.factorial(20))
print([m.fib(n) for n in range(20)])
print(m.add(2, 40), m.add(-7, 3), m.multiply(2.5, 4), m.multiply(3, 0.5), m.is_even(10), m.is_even(-3))
try:
    m.add("a", 1)
except TypeError as e:
    print("TypeError", e)
