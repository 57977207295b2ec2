import struct
print(struct.pack('<hI', -2, 7), struct.pack('>bq', 1, -3))
print(struct.unpack('<iH', b'\x01\x00\x00\x00\x05\x00'), struct.calcsize('<iHb'))
b = bytearray(8)
struct.pack_into('<ff', b, 0, 1.5, -2.0)
print(b, struct.unpack_from('<f', b, 4))
try:
    struct.unpack('<i', b'12')
except ValueError as e:
    print('ValueError', e)
