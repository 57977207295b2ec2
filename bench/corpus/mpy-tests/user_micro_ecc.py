# peterzuger/micro-ecc-micropython (uECC): curve sizes, a public key from a known private key,
# compression round trip, sign/verify, ECDH agreement, argument errors.
import binascii
from hashlib import sha256

import uECC

names = sorted(uECC.curves())
print(names)
for name in names:
    c = uECC.Curve(name)
    print(name, c.curve_size(), c.private_key_size(), c.public_key_size())

c = uECC.Curve("secp256r1")
one = binascii.unhexlify("00" * 31 + "01")
two = binascii.unhexlify("00" * 31 + "02")
pub1 = c.compute_public_key(one)
pub2 = c.compute_public_key(two)
print(binascii.hexlify(pub1))
print(binascii.hexlify(pub2))
print(c.valid_public_key(pub1), c.valid_public_key(bytes(64)))
packed = c.compress(pub1)
print(binascii.hexlify(packed), c.decompress(packed) == pub1)
print(binascii.hexlify(c.shared_secret(pub2, one)), c.shared_secret(pub2, one) == c.shared_secret(pub1, two))

digest = sha256(b"abc").digest()
sig = c.sign(one, digest)
print(len(sig), c.verify(pub1, digest, sig), c.verify(pub1, sha256(b"abd").digest(), sig), c.verify(pub2, digest, sig))

key = c.make_key()
sizes = sorted(len(k) for k in key)
print(len(key), sizes)
priv = key[0] if len(key[0]) == 32 else key[1]
pub = key[1] if len(key[0]) == 32 else key[0]
print(c.compute_public_key(priv) == pub, c.valid_public_key(pub))

k1 = uECC.Curve("secp256k1")
print(binascii.hexlify(k1.compute_public_key(one)))

for bad in ("secp999r1", 5):
    try:
        uECC.Curve(bad)
    except Exception as e:
        print(type(e).__name__)
try:
    c.compute_public_key(b"short")
except Exception as e:
    print(type(e).__name__)
