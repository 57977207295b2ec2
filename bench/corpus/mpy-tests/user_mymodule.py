# huseyinylcn/micropython-c-module mymodule: add(a, b).
import mymodule

print(mymodule.__name__, mymodule.add(2, 40), mymodule.add(-7, 3))
try:
    mymodule.add("a", 1)
except TypeError:
    print("TypeError")
