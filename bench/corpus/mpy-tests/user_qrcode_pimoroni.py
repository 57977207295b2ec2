# pimoroni/QR-Code-generator qrcode: a class with a finaliser and the buffer protocol over Nayuki's qrcodegen.
import qrcode

q = qrcode.QRCode()
print(type(q).__name__, q.set_text("Hello, world!"), q.get_size())
size = q.get_size()[0]
rows = []
for y in range(size):
    rows.append("".join("#" if q.get_module(x, y) else "." for x in range(size)))
print("\n".join(rows))
mv = memoryview(q)
print(len(mv), bytes(mv[:8]).hex())
h = qrcode.QRCode(ecc=qrcode.ECC_HIGH, mask=qrcode.MASK_3)
print(h.set_text(b"https://micropython.org"), h.get_size())
print(h.set_text("x" * 3000), h.set_text(12))
print(qrcode.ECC_LOW, qrcode.MASK_AUTO, qrcode.MODE_BYTE, qrcode.MODE_ECI)
q = None
import gc
gc.collect()
print("done")
