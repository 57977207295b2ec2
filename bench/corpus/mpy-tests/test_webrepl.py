# _webrepl over a websocket over an in-memory pipe: the password exchange, REPL text both
# ways, and the binary file protocol (version, put, get).
import io, os
import websocket, _webrepl


class Pipe(io.IOBase):
    def __init__(self, data):
        self.inp = data
        self.pos = 0
        self.out = bytearray()

    def readinto(self, buf):
        n = min(len(buf), len(self.inp) - self.pos)
        buf[:n] = self.inp[self.pos : self.pos + n]
        self.pos += n
        return n

    def write(self, buf):
        self.out.extend(buf)
        return len(buf)

    def ioctl(self, req, arg):
        return 0


def frame(payload, binary=False, mask=None):
    head = bytes([0x82 if binary else 0x81])
    if mask is None:
        return head + bytes([len(payload)]) + payload
    masked = bytes(b ^ mask[i % 4] for i, b in enumerate(payload))
    return head + bytes([0x80 | len(payload)]) + bytes(mask) + masked


def op(kind, name, size=0):
    fname = name.encode()
    # struct webrepl_file: sig, type, flags, offset (u64), size (u32), fname_len (u16), fname[64]
    hdr = b"WA" + bytes([kind, 0]) + bytes(8) + size.to_bytes(4, "little") + len(fname).to_bytes(2, "little")
    return frame(hdr + fname + bytes(64 - len(fname)), True)


def session(frames, nread):
    pipe = Pipe(b"".join(frames))
    r = _webrepl._webrepl(websocket.websocket(pipe))
    got = []
    for _ in range(nread):
        c = r.read(1)
        got.append(c)
        if not c:
            break
    return r, pipe, got


_webrepl.password("secret")
for bad in ("", "0123456789", 123):
    try:
        _webrepl.password(bad)
        print("set", repr(bad))
    except (ValueError, TypeError) as e:
        print(type(e).__name__)
_webrepl.password("secret")

# Wrong password: access denied, nothing read.
r, pipe, got = session([frame(b"wrong\n")], 3)
print(got, bytes(pipe.out))

# Right password (masked, as a browser sends it), then REPL text, then the version.
r, pipe, got = session(
    [frame(b"secret\r", mask=b"\x01\x02\x03\x04"), frame(b"1+1\r"), op(3, ""), frame(b"z")],
    8,
)
print(got)
r.write(b"2\r\n")
print(bytes(pipe.out))

# Output before the password is swallowed.
r, pipe, got = session([frame(b"sec")], 1)
print(r.write(b"hidden"), bytes(pipe.out), got)

# Put a file, then get it back.
name = "webrepl_twin.tmp"
data = b"hello webrepl\n" * 3
r, pipe, got = session([frame(b"secret\n"), op(1, name, len(data)), frame(data[:20], True), frame(data[20:], True), frame(b"k")], 4)
print(got, bytes(pipe.out))
with open(name, "rb") as f:
    print(f.read() == data)
r, pipe, got = session([frame(b"secret\n"), op(2, name), frame(b"\x00", True), frame(b"\x00", True), frame(b"e")], 4)
print(got, bytes(pipe.out))
os.remove(name)
r.close()
print(pipe.out[-4:])
