import uctypes
desc = {'a': uctypes.UINT8 | 0, 'b': uctypes.UINT16 | 1, 'arr': (uctypes.ARRAY | 3, uctypes.UINT8 | 2)}
buf = bytearray(b'\x01\x02\x03\x04\x05\x06')
s = uctypes.struct(uctypes.addressof(buf), desc, uctypes.LITTLE_ENDIAN)
print(s.a, s.b, s.arr[0], s.arr[1])
s.a = 200
print(buf[0], uctypes.sizeof(desc, uctypes.LITTLE_ENDIAN))
print(bytes(uctypes.bytes_at(uctypes.addressof(buf), 3)))
