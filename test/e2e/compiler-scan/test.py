# Each line: what the natmod's sscanf read, then whether it equals the same reading in Python.
import compscan


def scan(text):
    parts = text.split()
    out = [0, 0, 0, ""]
    try:
        out[1] = int(parts[0])
        out[0] = 1
        out[2] = int(parts[1], 16)
        out[0] = 2
        out[3] = parts[2][:7]
        out[0] = 3
    except (IndexError, ValueError):
        pass
    return tuple(out)


for text in ("12 ff natmod", "-7 0x10 abcdefghij", "5", "  42   a0b1   w  ", "x"):
    r = compscan.scan(text)
    print("scan", repr(text), r, r == scan(text))
