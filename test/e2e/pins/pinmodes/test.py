# The pin HAL's modes and levels as a natmod, on pins that log every call. The constants are
# the pin class's own (this one's are strings, so a hard-coded number would show), and a
# pin id goes through machine.Pin: here a stand-in machine module whose Pin logs too.
import sys
import machine


class LogPin(machine.PinBase):
    IN = "IN"
    OUT = "OUT"
    OPEN_DRAIN = "OPEN_DRAIN"
    PULL_UP = "PULL_UP"
    PULL_DOWN = "PULL_DOWN"

    def __init__(self, name, level=0):
        self.name = name
        self.level = level

    def init(self, *a):
        print(" ", self.name, "init", a)

    def value(self, *v):
        if v:
            print(" ", self.name, "value(%r)" % (v[0],))
            self.level = 1 if v[0] else 0
            return None
        print(" ", self.name, "value() ->", self.level)
        return self.level


class Plain:
    # No pin protocol: the HAL calls its methods.
    IN = 10
    OUT = 11
    OPEN_DRAIN = 12
    PULL_UP = 13
    PULL_DOWN = 14

    def __init__(self):
        self.level = 0

    def init(self, *a):
        print("  plain init", a)

    def value(self, *v):
        if v:
            print("  plain value(%r)" % (v[0],))
            self.level = 1 if v[0] else 0
            return None
        print("  plain value() ->", self.level)
        return self.level


import pinmodes

for pin in (LogPin("p"), Plain()):
    for op in ("output", "input", "open_drain", "high", "read", "low", "od_high", "od_low", "toggle", "read", "toggle", "read"):
        print(op, pinmodes.run(pin, op))
    for mode, pull in (("in", "up"), ("in", "down"), ("out", "none"), ("od", "up")):
        print("config", mode, pull)
        pinmodes.config(pin, mode, pull, 0)
    try:
        pinmodes.config(pin, "out", "none", 3)
    except ValueError as e:
        print("ValueError", e)


class StandIn:
    PinBase = machine.PinBase
    Signal = machine.Signal

    class Pin(LogPin):
        def __init__(self, id):
            print("  machine.Pin(%r)" % (id,))
            super().__init__("pin%s" % (id,))


sys.modules["machine"] = StandIn
for ident in (5, "X1"):
    pin = pinmodes.get(ident)
    print("get", ident, "->", type(pin).__name__, pin.name)
    pinmodes.run(ident, "high")
p = LogPin("same")
print("get pin is pin", pinmodes.get(p) is p)
try:
    pinmodes.get(None).value(1)
except AttributeError:
    print("None is not a pin: AttributeError")
