# ant-gent/mp_hxcmod: a ProTracker module built here (one pattern, one looping sample), loaded
# from a bytes object and rendered through the buffer protocol; the output's checksum is printed.
import struct
import hxcmod

SAMPLE_WORDS = 32
header = bytearray(1084)
header[0:8] = b"nmg-test"
# Sample 1: 64 bytes, finetune 0, volume 64, loop over the whole sample.
struct.pack_into(">22sHBBHH", header, 20, b"tri", SAMPLE_WORDS, 0, 64, 0, SAMPLE_WORDS)
header[950] = 1  # song length: one position
header[951] = 127
header[952] = 0  # position 0 plays pattern 0
header[1080:1084] = b"M.K."
pattern = bytearray(64 * 4 * 4)
for row, period in ((0, 428), (16, 320), (32, 214), (48, 254)):
    at = row * 16
    pattern[at : at + 4] = bytes((period >> 8, period & 0xFF, 0x10, 0x00))
sample = bytes((i * 8 if i < 16 else (31 - i) * 8) & 0xFF for i in range(SAMPLE_WORDS * 2))
song = bytes(header) + bytes(pattern) + sample

player = hxcmod.Hxcmod()
print("load", player.load(song))
total = 0
nonzero = 0
for _ in range(8):
    buf = bytearray(4 * 512)
    player.fillbuffer(buf)
    total = (total * 31 + sum(buf)) & 0xFFFFFFFF
    nonzero += sum(1 for b in buf if b)
print("checksum", total, "nonzero", nonzero)
try:
    player.fillbuffer(b"read-only")
except TypeError as e:
    print("TypeError", e)
