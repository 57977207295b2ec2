# rtextra on the unix port: the natmod and the firmware build (its C library's sscanf and setjmp,
# its HAL's stdin) print the same. Run with "ab\ncd" on stdin and stderr captured. The qemu boards
# run the part above the "unix only" line (runtime.test.ts cuts it there).
import rtextra

# sscanf: integers of every length and base, strings, characters, sets, %n and the
# results C gives for short or malformed input.
SCAN = (
    ("%d", "42"), ("%d", "  -17 rest"), ("%d", "+8"), ("%d", "-"), ("%d", ""), ("%d", "   "), ("%d", "x"),
    ("%i", "0x1F"), ("%i", "-010"), ("%i", "08"), ("%5i", "0x12345"), ("%u", "-1"), ("%o", "777"), ("%x", "ff"),
    ("%X", "0XfF"), ("%x", "0xg"), ("%2x", "0x1"), ("%3d%d", "12345"), ("%*d %d", "1 2"), ("%*d%d", "1"),
    ("%hhd", "300"), ("%hhu", "-1"), ("%hd", "70000"), ("%hu", "65535"), ("%ld", "-2147483647"), ("%lu", "4294967295"),
    ("%lld", "9223372036854775807"), ("%lld", "-9223372036854775808"), ("%llu", "18446744073709551615"),
    ("%llx", "ffffffffffffffff"), ("%lli", "-0x7fffffffffffffff"), ("%d%n", "12ab"), ("%n", ""), ("%s%n", "abc"),
    ("%s", "  hello world"), ("%3s%s", "abcdef"), ("%*s %s", "a b"), ("%c", " x"), ("%c%c", "ab"), (" %c", " x"),
    ("%3c", "abcdef"), ("%[a-c]", "abcabd"), ("%[^,],%d", "name,5"), ("%[]a]", "]a]b"), ("%[^]]", "xy]z"),
    ("%2[a-z]", "abc"), ("%[a-]", "a-b"), ("%[0-9]%s", "x1"), ("%*[ab]%c", "abz"), ("%d %d", "1"), ("x%d", "x"),
    ("x%d", "y1"), ("%d%%%d", "5% 6"), ("%d %% %d", "5 % 6"), ("%d,%d", "1 ,2"), ("%d ,%d", "1 ,2"), ("abc", "abd"),
    ("%d:%d:%d", "12:34:56"), ("%4d-%2d-%2d", "20241231"), ("%s=%d;", "key=-3;"),
)
for fmt, text in SCAN:
    print("scan", repr(fmt), repr(text), rtextra.scan(fmt, text))

# floats whose text both the C library and the firmware's float() convert exactly
FLOAT_SCAN = (
    ("%f", "3.25"), ("%lf", "-1.5e3"), ("%e", "1e"), ("%lf", "1e+x"), ("%g", "inf"), ("%lf", "-Infinity"),
    ("%lf", "NaN(1)"), ("%lf", "infin"), ("%lf", "."), ("%lf", "-.5"), ("%lf", "5."), ("%4lf", "12.3456"),
    ("%Lf", "2.5"), ("%lf%lf", "1.5 2.5"), ("%G", "1E5"), ("%s %d %f", "temp 21 36.5"), ("%lf%n", "0.125x"),
)
for fmt, text in FLOAT_SCAN:
    print("scan", repr(fmt), repr(text), rtextra.scan(fmt, text))

# setjmp/longjmp: (value setjmp returned the second time, its returns, over 200 catches, kept values)
for depth, val in ((0, 5), (1, 7), (10, -3), (50, 0), (3, 1 << 20)):
    print("jmp", depth, val, rtextra.jmp(depth, val))


class NewDev:
    def __init__(self, bs, n, result=None):
        self.bs, self.n, self.data, self.log, self.result = bs, n, bytearray(bs * n), [], result

    def readblocks(self, block, buf, off=None):
        self.log.append(("read", block, len(buf), off))
        a = block * self.bs + (off or 0)
        buf[:] = self.data[a : a + len(buf)]
        return self.result

    def writeblocks(self, block, buf, off=None):
        self.log.append(("write", block, bytes(buf), off))
        a = block * self.bs + (off or 0)
        self.data[a : a + len(buf)] = buf
        return self.result

    def ioctl(self, op, arg):
        self.log.append(("ioctl", op, arg))
        return {4: self.n, 5: self.bs, 6: 0}.get(op)


class OldDev:
    def __init__(self):
        self.data, self.log = bytearray(512 * 4), []

    def readblocks(self, block, buf):
        self.log.append(("read", block, len(buf)))
        buf[:] = self.data[block * 512 : block * 512 + len(buf)]

    def writeblocks(self, block, buf):
        self.log.append(("write", block, len(buf)))
        self.data[block * 512 : block * 512 + len(buf)] = buf

    def count(self):
        self.log.append(("count",))
        return 4

    def sync(self):
        self.log.append(("sync",))


class ReadOnlyDev:
    def __init__(self):
        self.log = []

    def readblocks(self, block, buf, off=0):
        self.log.append(("read", block, len(buf), off))
        for i in range(len(buf)):
            buf[i] = block + i

    def ioctl(self, op, arg):
        self.log.append(("ioctl", op, arg))
        return 8 if op == 5 else None


for dev in (NewDev(8, 4), NewDev(8, 4, True), NewDev(8, 4, False), NewDev(8, 4, 3), NewDev(8, 4, -5), OldDev(), ReadOnlyDev()):
    print("blockdev", type(dev).__name__, getattr(dev, "result", "-"), rtextra.blockdev(dev, not isinstance(dev, OldDev)))
    print("blockdev log", dev.log)

for data, owned in ((b"", False), (b"abc", False), (b"hello\x00\xff", True), (bytes(range(40)), True)):
    print("reader", len(data), owned, rtextra.reader(data, owned))

# mp_hal_stdio_poll: the same readiness as select.poll on sys.stdin (on a board both are the HAL's
# poll; nothing is ever writable there).
import select, sys

p = select.poll()
p.register(sys.stdin, select.POLLOUT)
by_select = [flags for _, flags in p.poll(0)]
print("stdio_poll wr", rtextra.stdio_poll(4) == (by_select[0] if by_select else 0))

# #ifdef / defined() of firmware functions that py/dynruntime.h makes macros: the firmware's branches
print("defined", rtextra.defined())

# ---- unix only: stdin, stderr and files ----
rtextra.warn(3)

# mp_hal_stdin_rx_chr: "ab\ncd" then the end of input
print("stdin", rtextra.stdin(6))

# at the end of input the readiness no longer changes (what it is depends on what stdin is: a pipe,
# a socket): the same as select.poll's for each set of flags
for flags in (1, 5, 0):
    p = select.poll()
    p.register(sys.stdin, flags)
    by_select = [f for _, f in p.poll(0)]
    print("stdio_poll", flags, rtextra.stdio_poll(flags) == (by_select[0] if by_select else 0))

# mp_reader_new_file: files of the port's filesystem, read in the chunks the firmware's reader uses
import io, os

for n in (0, 1, 27, 28, 29, 255, 256, 700):
    with open("rtx_file.bin", "wb") as f:
        f.write(bytes((i * 13) & 0xFF for i in range(n)))
    data, eof_again = rtextra.reader_file("rtx_file.bin")
    print("reader_file", n, len(data), data == bytes((i * 13) & 0xFF for i in range(n)), eof_again)
os.remove("rtx_file.bin")
try:
    rtextra.reader_file("rtx_missing.bin")
except OSError as e:
    print("reader_file missing", type(e).__name__, e.args)


# a mounted Python filesystem whose files log each read and say (or not) their buffer size
class LogFile(io.IOBase):
    def __init__(self, data, size, log):
        self.data, self.pos, self.size, self.log = data, 0, size, log

    def readinto(self, buf):
        n = min(len(buf), len(self.data) - self.pos)
        buf[:n] = self.data[self.pos : self.pos + n]
        self.pos += n
        self.log.append(("readinto", len(buf), n))
        return n

    def ioctl(self, op, arg):
        self.log.append(("ioctl", op))
        if op == 11:
            return self.size
        return 0


class LogFS:
    def __init__(self):
        self.size, self.log = 0, []

    def mount(self, readonly, mkfs):
        pass

    def umount(self):
        pass

    def open(self, path, mode):
        self.log.append(("open", path, mode))
        if path != "/data.bin":
            raise OSError(2)
        return LogFile(bytes(range(200)), self.size, self.log)


fs = LogFS()
os.mount(fs, "/rtx_mnt")
for size in (0, -22, 1, 16, 100, 255, 1000):
    fs.size, fs.log = size, []
    data, eof_again = rtextra.reader_file("/rtx_mnt/data.bin")
    print("reader_file vfs", size, data == bytes(range(200)), eof_again, fs.log)
try:
    rtextra.reader_file("/rtx_mnt/none.bin")
except OSError as e:
    print("reader_file vfs missing", e.args)
os.umount("/rtx_mnt")

# MP_STACK_CHECK() written in a header of the module stops a runaway C recursion as the firmware's does
try:
    rtextra.deep()
except RuntimeError as e:
    print("deep", e.args)

# m_malloc_fail's MemoryError says what the firmware's says (the size asked for, or that the heap is locked)
for n, locked in ((1 << 40, False), (1 << 41, False), (100, True), (1 << 40, True)):
    try:
        rtextra.alloc(n, locked)
        print("alloc", locked, "no error")
    except MemoryError as e:
        print("alloc", locked, e.args)

# mp_hal_set_interrupt_char: the unix port catches SIGINT while Ctrl-C is the interrupt character
# (bit 2 of SigCgt, the caught signals the kernel reports) and leaves it to the default otherwise.
def sigint_caught():
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("SigCgt:"):
                return bool(int(line.split()[1], 16) & 2)


print("interrupt_char running", sigint_caught())
for c in (-1, 3, 4, 3):
    rtextra.interrupt_char(c)
    print("interrupt_char", c, sigint_caught())
