import binascii
print(binascii.hexlify(b'\x00\x01abc\xff'))
print(binascii.hexlify(b'abc', '-'))
print(binascii.unhexlify('48656c6c6f'))
print(binascii.b2a_base64(b'natmodgen test'))
print(binascii.b2a_base64(b'xy', newline=False))
print(binascii.a2b_base64(b'bmF0bW9kZ2Vu'))
print(binascii.crc32(b'hello'), binascii.crc32(b'world', 123))
for bad in ('abc', 'zz'):
    try:
        binascii.unhexlify(bad)
    except ValueError as e:
        print('ValueError', e)
