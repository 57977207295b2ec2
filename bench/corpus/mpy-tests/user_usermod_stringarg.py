# v923z/micropython-usermod stringarg: the length printed from C, the string reversed; a non-string argument.
import stringarg

for s in ("hello", "ab", "racecar", "MicroPython!"):
    print(stringarg.stringarg(s))
print(stringarg.stringarg(b"bytes"))
try:
    stringarg.stringarg(42)
except TypeError:
    print("TypeError")
