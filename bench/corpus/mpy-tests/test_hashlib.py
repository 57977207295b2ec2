import hashlib
h = hashlib.sha256()
h.update(b'abc')
print(h.digest().hex())
print(hashlib.sha256(b'natmodgen' * 100).digest().hex())
print(sorted(n for n in dir(hashlib) if not n.startswith('__')))
