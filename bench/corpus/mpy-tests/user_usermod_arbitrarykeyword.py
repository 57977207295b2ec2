# v923z/micropython-usermod arbitrarykeyword: keyword-only arguments whose defaults are ROM
# objects (a qstr, a const float object, a ROM tuple).
import arbitrarykeyword as ak

print(ak.print(3))
print(ak.print(1, b=5, c="x", e=()))
try:
    ak.print(1, z=2)
except TypeError as e:
    print("TypeError")
