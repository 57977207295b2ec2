# peterzuger/extended-block-device-micropython: a RAM block device of simple 512-byte blocks,
# wrapped by EBDev (whole device, and two partitions), formatted as LittleFS and used as files.
import vfs
import extended_blockdev

BS = 512


class RAMBlockDev:
    def __init__(self, blocks):
        self.data = bytearray(blocks * BS)
        self.blocks = blocks

    def readblocks(self, n, buf):
        buf[:] = self.data[n * BS : n * BS + len(buf)]

    def writeblocks(self, n, buf):
        self.data[n * BS : n * BS + len(buf)] = buf

    def ioctl(self, op, arg):
        if op == 4:
            return self.blocks
        if op == 5:
            return BS
        return 0


ram = RAMBlockDev(128)
whole = extended_blockdev.EBDev(ram)
print("count", whole.ioctl(4, 0), "size", whole.ioctl(5, 0))
buf = bytearray(16)
whole.writeblocks(3, b"0123456789abcdef", 100)
whole.ioctl(3, 0)
whole.readblocks(3, buf, 100)
print(bytes(buf), ram.data[3 * BS + 100 : 3 * BS + 104])

first = extended_blockdev.EBDev(ram, 0, 64 * BS)
second = extended_blockdev.EBDev(ram, 64 * BS)
print("parts", first.ioctl(4, 0), second.ioctl(4, 0))
for part, name in ((first, "/p1"), (second, "/p2")):
    vfs.VfsLfs2.mkfs(part)
    vfs.mount(part, name)
    with open(name + "/hello.txt", "w") as f:
        f.write("hello from " + name * 40)
for name in ("/p1", "/p2"):
    with open(name + "/hello.txt") as f:
        text = f.read()
    print(name, len(text), text[:16])
    vfs.umount(name)
