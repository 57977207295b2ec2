# The pin HAL on machine.PinBase subclasses that log every value() call, on a Signal over one,
# and on pins kept only by the module's own object across a collection. The firmware build
# and the natmod must print the same.
import gc
import machine
import pincheck


class LogPin(machine.PinBase):
    def __init__(self, name, level=0):
        self.name = name
        self.level = level

    def value(self, *v):
        if v:
            print(" ", self.name, "value(%r)" % (v[0],))
            self.level = 1 if v[0] else 0
            return None
        print(" ", self.name, "value() ->", self.level)
        return self.level


p = LogPin("p")
for v in (1, 0, 7, -1, 0):
    print("write", v)
    pincheck.write(p, v)
print("read", pincheck.read(p))
print("read", pincheck.read(LogPin("high", 1)))

print("Dev")
dev = pincheck.Dev(LogPin("cs"), LogPin("dc"))
# The pins are referenced only from the module's object now.
for i in range(3):
    gc.collect()
    junk = [bytearray(64) for _ in range(50)]
    print("command", i, "->", dev.command(i))
print("levels", dev.levels())

print("Signal")
s = machine.Signal(LogPin("sig"), invert=True)
pincheck.write(s, 1)
print("read", pincheck.read(s))
pincheck.write(s, 0)
print("read", pincheck.read(s))

print("errors")
try:
    pincheck.write(LogPin("bad"), "x")
except TypeError as e:
    print("TypeError", e)


class Broken(machine.PinBase):
    def value(self, *v):
        raise ValueError("pin broke")


try:
    pincheck.write(Broken(), 1)
except ValueError as e:
    print("ValueError", e)
try:
    pincheck.read(Broken())
except ValueError as e:
    print("ValueError", e)
