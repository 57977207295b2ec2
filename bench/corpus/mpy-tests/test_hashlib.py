import hashlib, binascii
h = hashlib.sha256()
h.update(b'abc')
print(binascii.hexlify(h.digest()))
print(binascii.hexlify(hashlib.sha256(b'natmodgen' * 100).digest()))
print(sorted(n for n in dir(hashlib) if not n.startswith('__')))
