# PyDevices/PyDisplay_cmods byteswap: in-place 16-bit byte swap.
import byteswap

b = bytearray(b"\x01\x02\x03\x04\xff\x00")
print(byteswap.byteswap(b), bytes(b))
m = memoryview(b)
byteswap.byteswap(m[2:])
print(bytes(b))
try:
    byteswap.byteswap(bytearray(3))
except ValueError as e:
    print("ValueError", e)
