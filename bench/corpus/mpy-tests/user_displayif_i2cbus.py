# PyDevices/displayif i2cbus: a display bus writing through the writeto method of an I2C-like
# object (a Python class here), commands and data framed with the SSD1306 control bytes.
import i2cbus


class FakeI2C:
    def __init__(self):
        self.log = []

    def writeto(self, addr, buf):
        self.log.append((addr, bytes(buf)))


print(sorted(n for n in dir(i2cbus) if not n.startswith("_")))
print(sorted(n for n in dir(i2cbus.I2CBus) if not n.startswith("_")))
bus = FakeI2C()
d = i2cbus.I2CBus(bus, device_address=0x3C)
d.send(0xAE)
d.send(0x81, b"\x7f")
d.send(b"\x20\x00", bytearray(b"\x01\x02"))
d.send()
d.send(None, b"")
d.send_data(b"\xff" * 4)
d.send_data(bytearray(0))
for rec in bus.log:
    print(rec)
for bad in (lambda: d.reset(), lambda: d.send(1.5), lambda: i2cbus.I2CBus(bus)):
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)
d.deinit()
d.deinit()
try:
    d.send_data(b"x")
except RuntimeError as e:
    print("RuntimeError", e)
