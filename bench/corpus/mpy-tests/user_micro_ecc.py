# peterzuger/micro-ecc-micropython (uECC): curve sizes, public keys from known private keys,
# compression round trip, sign/verify, ECDH agreement, argument errors. Each step prints its
# exception instead of stopping the script, so one failure does not hide the rest.
import binascii
from hashlib import sha256

import uECC


def step(label, f):
    try:
        print(label, f())
    except Exception as e:
        print(label, type(e).__name__, e)


names = sorted(uECC.curves())
print(names)
for name in names:
    c = uECC.Curve(name)
    print(name, c.curve_size(), c.private_key_size(), c.public_key_size())

c = uECC.Curve("secp256r1")
one = binascii.unhexlify("00" * 31 + "01")
two = binascii.unhexlify("00" * 31 + "02")
d = sha256(b"natmodgen").digest()
hexpub = lambda k: binascii.hexlify(c.compute_public_key(k))
step("pub(1)", lambda: hexpub(one))
step("pub(2)", lambda: hexpub(two))
step("pub(d)", lambda: hexpub(d))
step("valid", lambda: (c.valid_public_key(c.compute_public_key(d)), c.valid_public_key(bytes(64))))
step("compress", lambda: binascii.hexlify(c.compress(c.compute_public_key(d))))
step("round trip", lambda: c.decompress(c.compress(c.compute_public_key(d))) == c.compute_public_key(d))
step("ecdh", lambda: c.shared_secret(c.compute_public_key(two), d) == c.shared_secret(c.compute_public_key(d), two))
step("ecdh value", lambda: binascii.hexlify(c.shared_secret(c.compute_public_key(two), d)))

digest = sha256(b"abc").digest()


def sign_verify():
    pub = c.compute_public_key(d)
    sig = c.sign(d, digest)
    return len(sig), c.verify(pub, digest, sig), c.verify(pub, sha256(b"abd").digest(), sig)


step("sign/verify", sign_verify)


def fresh_key():
    key = c.make_key()
    priv, pub = (key[0], key[1]) if len(key[0]) == 32 else (key[1], key[0])
    return len(key), sorted(len(k) for k in key), c.compute_public_key(priv) == pub, c.valid_public_key(pub)


step("make_key", fresh_key)
step("secp256k1 pub(d)", lambda: binascii.hexlify(uECC.Curve("secp256k1").compute_public_key(d)))
step("bad curve name", lambda: uECC.Curve("secp999r1"))
step("bad curve type", lambda: uECC.Curve(5))
step("short key", lambda: c.compute_public_key(b"short"))
