# dmazzella/ucbor (cbor): RFC 8949 appendix A vectors both ways, canonical map order, errors.
import cbor

values = [
    0, 1, 10, 23, 24, 25, 100, 1000, 1000000, 1000000000000, -1, -10, -100, -1000,
    b"", b"\x01\x02\x03\x04", "", "a", "IETF", "\"\\", "\u00fc", "\u6c34",
    [], [1, 2, 3], [1, [2, 3], [4, 5]], list(range(1, 26)),
    {}, {1: 2, 3: 4}, {"a": 1, "b": [2, 3]}, ["a", {"b": "c"}],
    {"a": "A", "b": "B", "c": "C", "d": "D", "e": "E"},
    True, False, None,
]
for v in values:
    enc = cbor.encode(v)
    print(enc.hex(), cbor.decode(enc) == v)

for h in ("f4", "f5", "f6", "1b000000e8d4a51000", "3903e7", "83010203", "a201020304", "5f42010243030405ff", "9fff", "bf61610161629f0203ffff"):
    print(h, cbor.decode(bytes.fromhex(h)))

for bad in ("", "18", "1c", "62c328", "ff"):
    try:
        print(bad, cbor.decode(bytes.fromhex(bad)))
    except Exception as e:
        print(bad, type(e).__name__)
try:
    cbor.encode(object())
except Exception as e:
    print(type(e).__name__)
