# gerontec/micropython-esp32-csi heartbeat: synthetic CSI frames (dicts of bytes and timestamps)
# fed through the filters and the FFT; results printed rounded.
import math
import heartbeat

print(sorted(n for n in dir(heartbeat) if not n.startswith("_")))
print(heartbeat.ready(), heartbeat.get_bpm(), heartbeat.get_rpm(), heartbeat.spectrum())


def frame(i):
    data = bytearray(104)
    for k in range(52):
        amp = 20 + (k % 7)
        if k == 9:
            amp += int(12 * math.sin(2 * math.pi * 1.2 * i / 10) + 4 * math.sin(2 * math.pi * 0.25 * i / 10))
        data[2 * k] = amp & 0xFF
        data[2 * k + 1] = (k * 3) & 0xFF
    return {"data": bytes(data), "timestamp": 1000000 + i * 100000}


for i in range(300):
    heartbeat.feed(frame(i))
    if i in (10, 255, 299):
        info = heartbeat.info()
        print(i, heartbeat.ready(), info["samples"], info["best_subcarrier"], "%.3f" % info["fs"])
print("%.2f %.2f" % (heartbeat.get_bpm(), heartbeat.get_rpm()))
spec = heartbeat.spectrum()
print(len(spec), ["%.3g" % v for v in spec[:6]])
print(max(range(len(spec)), key=lambda j: spec[j]))
heartbeat.reset()
print(heartbeat.ready(), heartbeat.info()["samples"])
try:
    heartbeat.feed({"data": b"\x01\x02"})
except KeyError as e:
    print("KeyError", e)
