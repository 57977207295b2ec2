# v923z/micropython-usermod simplefunction: two ints in, their sum out.
import simplefunction as sf

print(sf.add_ints(1, 2), sf.add_ints(-100, 7), sf.add_ints(True, 2))
try:
    sf.add_ints("1", 2)
except TypeError:
    print("TypeError")
