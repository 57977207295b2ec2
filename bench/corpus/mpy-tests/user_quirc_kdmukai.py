# quirc (kdmukai/quirc, SeedSigner): the module's static framebuffer and an empty scan.
import quirc

fb = quirc.framebuffer
print(type(fb).__name__, len(fb))
print(quirc.init(64, 48))
for i in range(len(fb)):
    fb[i] = 255
print(quirc.scan())
for i in range(0, len(fb), 7):
    fb[i] = 0
print(quirc.scan())
try:
    quirc.init(1000, 10)
except ValueError as e:
    print("ValueError", e)
print(quirc.framebuffer is fb, fb[0], fb[1])
