# JSNrepo/C0-PQLink (_c0pqlink): ML-KEM-512 + Ascon session client. A deterministic random source and a
# transport that records the frames sent: the handshake frame is the same bytes on both builds; a
# peer that never answers gives the same error; provisioning and callback errors.
from hashlib import sha256

import _c0pqlink as c

print(c.FULL_PQ_EACH_SESSION, c.PQ_BOOTSTRAP_RATCHET, c.ESTABLISHED, c.FRAME_MAX, c.RECORD_MAX)

state = [0]


def rng(n):
    state[0] += 1
    return bytes((i * 31 + state[0] * 7 + n) & 255 for i in range(n))


sent = []


def send(frame):
    sent.append(bytes(frame))


def receive(capacity, timeout_ms):
    return None


# Every byte below 13: each packed 12-bit coefficient stays below q = 3329.
pk = bytes(i % 13 for i in range(800))
args = (b"device01", bytes(range(32)), 7, bytes(range(16)), pk, rng, send, receive)

for mode in (c.PQ_BOOTSTRAP_RATCHET, c.FULL_PQ_EACH_SESSION):
    state[0] = 0
    sent.clear()
    client = c._Client(*args, mode, 5, 1)
    print("state", client.state())
    try:
        client.connect()
        print("connected")
    except Exception as e:
        print(type(e).__name__, e)
    print(len(sent), [len(f) for f in sent])
    print([sha256(f).digest().hex() for f in sent])
    print("state", client.state())
    try:
        client.seal(b"temperature=24.5")
    except Exception as e:
        print("seal", type(e).__name__, e)
    client.close()

state[0] = 0
sent.clear()
client = c._Client(b"device01", bytes(range(32)), 7, bytes(range(16)), lambda off: pk[off], rng, send, receive, c.PQ_BOOTSTRAP_RATCHET, 5, 1)
try:
    client.connect()
except Exception as e:
    print(type(e).__name__, e)
print([sha256(f).digest().hex() for f in sent])

for bad in (
    (b"short", bytes(32), 7, bytes(16), pk, rng, send, receive),
    (b"device01", bytes(32), 7, bytes(16), pk[:799], rng, send, receive),
    (b"device01", bytes(32), 7, bytes(16), 5, rng, send, receive),
    (b"device01", bytes(32), 7, bytes(16), pk, rng, None, receive),
    (b"device01", bytes(32), 7),
):
    try:
        c._Client(*bad)
        print("accepted")
    except Exception as e:
        print(type(e).__name__, e)
