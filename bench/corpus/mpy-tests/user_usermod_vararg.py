# v923z/micropython-usermod vararg: 0 to 3 positional arguments, printf of each case.
import vararg

vararg.vararg()
vararg.vararg(7)
vararg.vararg(7, 8)
vararg.vararg(1, 2, 3)
try:
    vararg.vararg(1, 2, 3, 4)
except TypeError:
    print("TypeError")
