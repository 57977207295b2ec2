# Behavioural test for the deflate module (extmod/moddeflate.c,
# MICROPY_PY_DEFLATE=1 MICROPY_PY_DEFLATE_COMPRESS=1).
# Must print identical output for the firmware-built module and a natmod.
# The *_DYN/*_STORED/... vectors below were produced once with CPython's zlib
# (dynamic/fixed/stored blocks, zlib/raw/gzip containers, gzip optional
# header fields) from the same TEXT / lcg_bytes() data that this script
# generates, so decompression is checked against an independent encoder.
import deflate
import gc
import io


def show_exc(label, f, *args):
    try:
        r = f(*args)
        print(label, "->", r)
    except Exception as e:
        print(label, "->", type(e).__name__, str(e))


def show_exc_type(label, f, *args):
    # For errors raised by generic argument conversion (wrong object type)
    # only the exception type is compared: the message text comes from the
    # runtime's conversion helper, not from the module.
    try:
        r = f(*args)
        print(label, "->", r)
    except Exception as e:
        print(label, "->", type(e).__name__)


def run(name, f):
    print("==", name)
    gc.collect()
    try:
        f()
    except Exception as e:
        print("SECTION ERROR", name, type(e).__name__, str(e))


def hexs(b):
    return "".join("%02x" % x for x in b)


def digest(b):
    # small position-dependent checksum (binascii.crc32 is not available in
    # every build, so do not depend on it)
    a = 1
    s = 0
    for x in b:
        a = (a + x) % 65521
        s = (s + a) % 65521
    return "%d:%08x" % (len(b), (s << 16) | a)


def lcg_bytes(n, seed):
    out = bytearray()
    x = seed
    for _ in range(n):
        x = (x * 1103515245 + 12345) & 0x7FFFFFFF
        out.append((x >> 16) & 0xFF)
    return bytes(out)


TEXT = "".join("line %d: the quick brown fox jumps over the lazy dog %d\n" % (i, i * i) for i in range(40)).encode()
RAND = lcg_bytes(300, 7)
FAR = lcg_bytes(700, 3)
FAR = FAR + FAR

# Numeric value of deflate.AUTO (auto-detect zlib/gzip when reading, raw when
# writing). The constant itself is checked in the "module" section; the
# behaviour sections use the value so that a missing constant does not hide
# the behaviour of format 0.
AUTO = 0

ZLIB_DYN = bytes.fromhex(
    "78da95955b56c3300c44ff5985966049b663b31b1e010aa18196d2c2ea795893fff9eeb947d1e87abaecf6b3a46bf978"
    "9ae5fdb4bb7b91dbc37adecbc37a91e7d3ebdb51d6cff9f0fff372f3fd25f7eba3a4abe58f528ed2411947e5413947f5"
    "4165f20bebc00a87591958e5308f69131948ecd638ac46909dc35a5c4d4945344112d612c3445214cdb1a13a7bf54854"
    "595d7a5c505961608c56d6344c24a5b1861d496ddc906a67edc67b27cdc930c7487372c644b6625aec68a439c5225523"
    "cd2953dcd148732acc31d29cba4d24cd99b61d4973a62d55b672704727cde930c749733a5c75b673129e87b3a593f022"
    "9d6d1d45097861ab15f6786549549d93faa8a35dbdd17d8e6c4981b4fcfe87fc002297002a"
)

ZLIB_STORED = bytes.fromhex(
    "7801012c01d3fe6c696e6520303a2074686520717569636b2062726f776e20666f78206a756d7073206f766572207468"
    "65206c617a7920646f6720300a6c696e6520313a2074686520717569636b2062726f776e20666f78206a756d7073206f"
    "76657220746865206c617a7920646f6720310a6c696e6520323a2074686520717569636b2062726f776e20666f78206a"
    "756d7073206f76657220746865206c617a7920646f6720340a6c696e6520333a2074686520717569636b2062726f776e"
    "20666f78206a756d7073206f76657220746865206c617a7920646f6720390a6c696e6520343a2074686520717569636b"
    "2062726f776e20666f78206a756d7073206f76657220746865206c617a7920646f672031360a6c696e6520353a207468"
    "6520717569636b2062726f776e20666f78206a17df679d"
)

ZLIB_FIXED = bytes.fromhex(
    "7801cbc9cc4b5530b05228c94855282ccd4cce56482aca2fcf5348cbaf50c82acd2d2856c82f4b2d024be72456552aa4"
    "e4a72b1870e580741992a6cb10a2cb88345d26105dc6847401003a0345ab"
)

ZLIB_W9 = bytes.fromhex(
    "18d395cf4b5203310c45d17956e12548b2245bec864f0381260d09e1b77a0a2c67fec6aa534f77dd1f964257e5fd7129"
    "6fe7fded73b9396e9f8772bf7d95a7f3cbeba96c1fcbf1ffbc5eff7c97bbeda1d06efd538c291e4a30a543554cc5500a"
    "7ee88319c6c406738cd55c6b18d36ceb18731d2c30d6793026cc31514206a1cc4501a1662157107a2454108627340c8a"
    "584207a1cdc506c23e1b3b06ab68c200a1f380421854a2840c429d8b02c29e8d52316812091584cd131a065d2ca183f0"
    "b2d830d82e8d1d845d130606bbf280953018440919843e1705834c9291b5a2b2474a05259ba734508a584a4765cccd06"
    "caeab3b38352555306284d78f70b2297002a"
)

RAW_DYN = bytes.fromhex(
    "95d54156c3300c45d139abf0122cc97612760334402134502805564fc152e66fdcf38f23f9fa77d91fe694afd3c7e39c"
    "de4efbbbe7747b5ccf8774bf7ea5a7d3cbeb7b5a3fe7e3ffcfcbcdcf77daad0f295f2d7f296129e92965a9d253c65253"
    "4f15f885adc72a8b69edb1c662e6a70d70213edbc862cd1739b1d8e8b7269088e4404295689c08a148f109055a91e61b"
    "15ca65f21b140a26c40824a3354e8468748c19211bd3d82a84632dde3b9453428e4239a5c489b462469f51a19caabe55"
    "8572eae0f7a8504e0b390ae5b4ed442867d8668472866dabb472e21e0dca99428e4139535835da39399e87d1d2c9f122"
    "8db68e440918c4235bef18d4231a5567908f58b4ab413f973e8fdd4240522fff21bf"
)

RAW_RANDOM = bytes.fromhex(
    "012c01d3fe6c4e74921325222e31a1cd13be12ed426966ce24fc23d7da8d2097616a06956ec28ad403136828d4571e3c"
    "5dee6e5ec04a91115f5d3b513ec253a416ad6ee5389411d0289aa34cf5c0347c59caf08495f3611b0b5068d59804f92e"
    "b7299955577999be78c01066870299e57f6cd235bcfb8f449deee23be1eccc8cbff5bfbec20bdbf86b9ce54f85b607cf"
    "46e94a4b2afbd4e58f4fe15c11128218a32b18f772df8fd57a475bdee4743493265c919dd98be654598a9d0f1f0ed42a"
    "dde0dcd85e906ead1cd9abea9ed3da8898dbe003c1427eeb72b84d2c03777b18e52f43397fb42ed9ca6a0b4dab6caf06"
    "137f6d55d9b9540152f12b8bb6e52d3c322e85f3cce488b0fb11b4df02d66c65105f716c198820ef724c6e042ff2a3ec"
    "3cf6d9dc3eb8348927e7de769babc9fd06"
)

GZIP_PLAIN = bytes.fromhex(
    "1f8b080000000000020395955b56c3300c44ff5985966049b663b31b1e010aa18196d2c2ea795893fff9eeb947d1e87a"
    "baecf6b3a46bf9789ae5fdb4bb7b91dbc37adecbc37a91e7d3ebdb51d6cff9f0fff372f3fd25f7eba3a4abe58f528ed2"
    "411947e5413947f54165f20bebc00a87591958e5308f69131948ecd638ac46909dc35a5c4d4945344112d612c3445214"
    "cdb1a13a7bf54854595d7a5c505961608c56d6344c24a5b1861d496ddc906a67edc67b27cdc930c7487372c644b6625a"
    "ec68a439c5225523cd2953dcd148732acc31d29cba4d24cd99b61d4973a62d55b672704727cde930c749733a5c75b673"
    "129e87b3a593f0229d6d1d45097861ab15f6786549549d93faa8a35dbdd17d8e6c4981b4fcfe87fc0095128036d80800"
    "00"
)

ZLIB_MULTI = bytes.fromhex(
    "78da94d0c71580300c03d03b5368046a28db50420d84dea6a7380bf8acf79f6ca96690b013acb5c4b43579876cd6c780"
    "529f68b77e5ca07739ffb14aef0b85ae605bea530e4f39a45c9ef249793c1593f299170a62018fb90131c1639e690b99"
    "8398df221e1366c8f8650f000000ffff95954b6ec3300c44f73d058f2091922cf536fd38717e76ebd66d92d32708385e"
    "67d6c20341f27134f4f2bdec3e0ef23e4fffa36ca6b3ec97d3d78f4c7ffd2cbf432fc7b7eb453ea7add4f872dc8dbdc4"
    "f0fa7878968b21381849505151493025078d044b733091602b0e660e54cd0e1612cca8d89160458f95034d31d54682c5"
    "f7a8a43909e628694e4aa8489a93aaf7a8a439597daa4a9a933bdfa392e61498a3a43965ad489ad3ad3d92e674eb5449"
    "732af668a4390de618694e83abc6664ec079181b3a0117696cea44848065365a618f159644d419a94f34a4ab553acf31"
    "5b52a098ef7fc80d2297002a"
)

GZIP_HEADERS = bytes.fromhex(
    "1f8b081e0000000002030500455854524166696c652e747874006120636f6d6d656e7400cb3acbc9cc4b5530b05228c9"
    "4855282ccd4cce56482aca2fcf5348cbaf50c82acd2d2856c82f4b2d024be72456552aa4e4a72b1870e580741992a6cb"
    "10a2cb88345d26105dc6a4e9b284e832c1a70b001612346bfa000000"
)

ZLIB_FAR = bytes.fromhex(
    "78da0b3e5c5bd1b7c577bb877eae9bade4d302159fdd0b1e47fca928f9d5b3716accfaad4642c1ff265f54d6717debf3"
    "f2e44cdedaff77180d02437592176c389efbeec919b30b460ed326de75ce565b75a3e69a58a9e0b2282fbf36f9c0601b"
    "462931916321bf5da2a52c142731bf6699fbe2c72fafe225fa7f723f4be41e3998a41abb78eecef9d52b8eecbe7b7bf9"
    "5ed5ef0c2121e75e27aedff4db496cfef7dbaa1a21193c4a656cfa42cb7fd5845f3e31419cf36be7ab4dd3567af62fdc"
    "b0b5e4c3b7e5c744bcacb6ddef9d65b5814fe742cdd2ea4f0bfb9e466473737d48daf1615ee49a6f9b2d42eaf55b04a2"
    "b66feefa1c6274dbfaa3514ce464331fdeb038b517da8507f482572bb7cdf2d1cb08b9fbd259d26155a143fdabdb3281"
    "4f727e667f36bfd2bb32fd9ec7ba57ebfbe3ef7ab12a6dbbcad06d2c9a60c0b65ad8c7562059ac3888edfe8e9e27ef1c"
    "d596c95cb8c4acf7c8f1e4d7592bd7aa17fcb8f267e655d90ed368d3dbd653226ea96c7f7e274a693d4bbcd8e7c4bd26"
    "f6c736ed7e9335bdbec841644581289b416db6b6d41af1c9c50fe71ce7baeeb6eddd5bb6e4359b05035c2dcc577e1464"
    "319cae35e32dbb8fdba4bf45ef375c3b2d3b5ba0ff9e4c7353da9d44cf949ef7050a5719cc2399cde41f16feb0fcb2c9"
    "4833b6e5fc5ff7d21f1b9e0473d6ec0f8d78fc886b69cd72d6f8ba38d7397c4bd2af79d475a7f15bb01d9aca70a67ca5"
    "e3ec27870fbed873b1b2cb72bf85a6e2c96fa9550d3f8ff1cc5d9536bbd324e1e18a47df7d334ddbeaf84fe8d4d93c31"
    "deeff4d8e59aa6abefcf86297a564f7ea83504cd64f0d2d9fe5785a7bbe1a9cfdd9ab54149f316cdb96d95daffee5bd8"
    "ffc316bdb571019353f6a73e59b45b51d57d868ceaf96ccea906468bdb176d0c5d69c0bbc68e59b3f641e691abdf57f8"
    "2ffdd1daaf1537f9bb5ca6cde10533275e79f2f2a2ffac33bbbfc8bf98629736f5bbfd529178abfdfda5ff4aae4ab17a"
    "5f3209b03e6fc920935fbbe542aaf532836fa92dc1a3697734ed0ed1b40b00e2fcb269"
)


def compress(data, fmt=None, wbits=None, chunks=None):
    # A window of wbits 15 is one 32 KiB block: collected first, so that a board with a small
    # heap (ports/qemu: 140 KiB) finds it in one piece, for the natmod as for the firmware's module.
    gc.collect()
    out = io.BytesIO()
    if fmt is None:
        d = deflate.DeflateIO(out)
    elif wbits is None:
        d = deflate.DeflateIO(out, fmt)
    else:
        d = deflate.DeflateIO(out, fmt, wbits)
    if chunks is None:
        n = d.write(data)
        assert n == len(data), n
    else:
        for i in range(0, len(data), chunks):
            d.write(data[i:i + chunks])
    d.close()
    return out.getvalue()


def decompress(data, *args):
    gc.collect()
    return deflate.DeflateIO(io.BytesIO(data), *args).read()


def sec_module():
    print(deflate.__name__)
    print(sorted(n for n in dir(deflate) if not n.startswith("__")))
    for name in ("AUTO", "RAW", "ZLIB", "GZIP"):
        print(name, hasattr(deflate, name), getattr(deflate, name, None))
    print("DeflateIO", type(deflate.DeflateIO).__name__, deflate.DeflateIO.__name__)
    print("DeflateIO methods", sorted(n for n in dir(deflate.DeflateIO) if not n.startswith("__")))
    for name in ("read", "readinto", "readline", "write", "close", "__enter__", "__exit__"):
        print("DeflateIO has", name, hasattr(deflate.DeflateIO, name))
    d = deflate.DeflateIO(io.BytesIO())
    print("instance type", type(d).__name__, isinstance(d, deflate.DeflateIO))
    print("AUTO constant is the default format", getattr(deflate, "AUTO", None) == AUTO)


run("module", sec_module)


def sec_constructor():
    b = io.BytesIO()
    for args in ((), (1,), (2,), (3,), (1, 0), (1, 5), (1, 15), (2, 8), (3, 9), (1, 8, False), (1, 8, True), (1, 8, 0), (1, 8, [])):
        d = deflate.DeflateIO(b, *args)
        print("DeflateIO(stream, *%r) ok" % (args,), type(d).__name__)
    show_exc("AUTO explicit", lambda: type(deflate.DeflateIO(b, deflate.AUTO)).__name__)
    show_exc("format 4", deflate.DeflateIO, b, 4)
    show_exc("format -1", deflate.DeflateIO, b, -1)
    show_exc("format 100", deflate.DeflateIO, b, 100)
    for w in (1, 4, 16, 31, -1, -15):
        show_exc("wbits %d" % w, deflate.DeflateIO, b, 1, w)
    show_exc("format str", deflate.DeflateIO, b, "1")
    show_exc("format None", deflate.DeflateIO, b, None)
    show_exc("wbits float", deflate.DeflateIO, b, 1, 8.0)
    show_exc("no args", deflate.DeflateIO)
    show_exc("5 args", deflate.DeflateIO, b, 1, 8, False, 0)
    try:
        deflate.DeflateIO(b, format=1)
    except Exception as e:
        print("kw args ->", type(e).__name__, str(e))
    # the stream is only checked when first used
    d = deflate.DeflateIO(12345)
    print("non-stream accepted at construction", type(d).__name__)
    show_exc("read from non-stream", d.read)
    show_exc("write to non-stream", deflate.DeflateIO("abc").write, b"x")
    show_exc("readinto non-stream", deflate.DeflateIO(None).readinto, bytearray(4))
    print("close non-stream", deflate.DeflateIO(None).close())


run("constructor", sec_constructor)


def sec_compress_small():
    for data in (b"", b"a", b"hello", b"hello hello hello hello", b"\x00" * 64, bytes(range(256))[:40], b"abcabcabcabcabcabcabcabd"):
        for name, fmt in (("RAW", deflate.RAW), ("ZLIB", deflate.ZLIB), ("GZIP", deflate.GZIP)):
            c = compress(data, fmt)
            print(name, repr(data[:12]), len(data), "->", hexs(c))
        print("AUTO == RAW", compress(data) == compress(data, deflate.RAW), compress(data, AUTO) == compress(data, deflate.RAW))


run("compress small", sec_compress_small)


def sec_compress_wbits():
    for w in (5, 6, 7, 8, 9, 10, 12, 15):
        for name, fmt in (("RAW", deflate.RAW), ("ZLIB", deflate.ZLIB), ("GZIP", deflate.GZIP)):
            c = compress(TEXT, fmt, w)
            print("wbits", w, name, digest(c), hexs(c[:4]), hexs(c[-8:]))
    print("default wbits == 8", compress(TEXT, deflate.ZLIB) == compress(TEXT, deflate.ZLIB, 8), compress(TEXT, deflate.ZLIB, 0) == compress(TEXT, deflate.ZLIB, 8))
    for w in (5, 8, 10, 15):
        c = compress(FAR, deflate.ZLIB, w)
        print("FAR wbits", w, digest(c))


run("compress wbits", sec_compress_wbits)


def sec_compress_chunked():
    whole = compress(TEXT, deflate.ZLIB, 10)
    for ch in (1, 7, 64, 1000):
        c = compress(TEXT, deflate.ZLIB, 10, ch)
        print("chunks", ch, digest(c), c == whole)
    c = compress(RAND, deflate.GZIP)
    print("random data gzip", digest(c), hexs(c[-8:]))
    c = compress(RAND, deflate.RAW, 15)
    print("random data raw", digest(c))


run("compress chunked", sec_compress_chunked)


def sec_write_api():
    out = io.BytesIO()
    d = deflate.DeflateIO(out, deflate.ZLIB)
    print("write bytes", d.write(b"abc"))
    print("write bytearray", d.write(bytearray(b"def")))
    print("write memoryview", d.write(memoryview(b"0123456789")[2:6]))
    print("write str", d.write("xyz"))
    print("write empty", d.write(b""))
    print("write max_len", d.write(b"ABCDEFG", 3))
    print("write off,len", d.write(b"ABCDEFG", 4, 2))
    print("write array", d.write(__import__("array").array("B", [65, 66])))
    show_exc_type("write int", d.write, 5)
    show_exc_type("write None", d.write, None)
    print("close", d.close())
    c = out.getvalue()
    print("written stream", hexs(c))
    print("roundtrip", decompress(c, deflate.ZLIB))
    # header is written lazily on first write
    out = io.BytesIO()
    d = deflate.DeflateIO(out, deflate.GZIP)
    print("before first write", out.getvalue())
    d.write(b"")
    print("after empty write", hexs(out.getvalue()))
    d.close()
    print("gzip of nothing", hexs(out.getvalue()))
    out = io.BytesIO()
    d = deflate.DeflateIO(out, deflate.ZLIB)
    d.close()
    print("close without writing", out.getvalue())


run("write API", sec_write_api)


def sec_roundtrip():
    for name, data in (("TEXT", TEXT), ("RAND", RAND), ("FAR", FAR), ("empty", b""), ("one", b"Z"), ("zeros", bytes(3000))):
        for fname, fmt in (("RAW", deflate.RAW), ("ZLIB", deflate.ZLIB), ("GZIP", deflate.GZIP)):
            for w in (5, 8, 13, 15):
                c = compress(data, fmt, w)
                res = []
                for args in ((fmt, w), (), (AUTO,), (fmt,)):
                    if fmt == deflate.RAW and len(args) != 2:
                        continue
                    try:
                        res.append(decompress(c, *args) == data)
                    except Exception as e:
                        res.append(type(e).__name__)
                print(name, fname, w, len(c), res)


run("roundtrip", sec_roundtrip)


def sec_cpython_vectors():
    for name, vec, args, expect in (
        ("ZLIB_DYN", ZLIB_DYN, (deflate.ZLIB,), TEXT),
        ("ZLIB_DYN auto", ZLIB_DYN, (), TEXT),
        ("ZLIB_STORED", ZLIB_STORED, (deflate.ZLIB,), TEXT[:300]),
        ("ZLIB_FIXED", ZLIB_FIXED, (AUTO,), TEXT[:200]),
        ("ZLIB_W9", ZLIB_W9, (deflate.ZLIB,), TEXT),
        ("ZLIB_MULTI", ZLIB_MULTI, (deflate.ZLIB,), TEXT),
        ("RAW_DYN", RAW_DYN, (deflate.RAW, 15), TEXT),
        ("RAW_DYN default wbits", RAW_DYN, (deflate.RAW,), TEXT),
        ("RAW_RANDOM", RAW_RANDOM, (deflate.RAW, 15), RAND),
        ("GZIP_PLAIN", GZIP_PLAIN, (deflate.GZIP,), TEXT),
        ("GZIP_PLAIN auto", GZIP_PLAIN, (), TEXT),
        ("GZIP_HEADERS", GZIP_HEADERS, (deflate.GZIP,), TEXT[:250]),
        ("GZIP_HEADERS auto", GZIP_HEADERS, (AUTO,), TEXT[:250]),
        ("ZLIB_FAR", ZLIB_FAR, (deflate.ZLIB,), FAR),
        ("ZLIB_FAR wbits 15", ZLIB_FAR, (deflate.ZLIB, 15), FAR),
        ("ZLIB_FAR wbits 8", ZLIB_FAR, (deflate.ZLIB, 8), FAR),
        ("ZLIB_FAR wbits 10", ZLIB_FAR, (deflate.ZLIB, 10), FAR),
        ("ZLIB_FAR wbits 11", ZLIB_FAR, (deflate.ZLIB, 11), FAR),
    ):
        try:
            r = decompress(vec, *args)
            print(name, r == expect, digest(r))
        except Exception as e:
            print(name, "->", type(e).__name__, str(e))


run("CPython vectors", sec_cpython_vectors)


def sec_read_api():
    c = compress(TEXT, deflate.ZLIB)
    d = deflate.DeflateIO(io.BytesIO(c), deflate.ZLIB)
    print("read(0)", d.read(0))
    print("read(10)", d.read(10))
    print("read(1)", d.read(1))
    print("readline", d.readline())
    print("readline", d.readline())
    print("readline(5)", d.readline(5))
    print("readline(0)", d.readline(0))
    buf = bytearray(16)
    print("readinto", d.readinto(buf), bytes(buf))
    print("readinto n", d.readinto(buf, 4), bytes(buf))
    mv = memoryview(buf)
    print("readinto memoryview slice", d.readinto(mv[8:]), bytes(buf))
    print("readinto empty", d.readinto(bytearray(0)))
    rest = d.read()
    print("read() rest", len(rest), rest[-30:])
    print("read at EOF", d.read(), d.read(5), d.readline(), d.readinto(buf))
    d.close()
    # chunked reads
    for n in (1, 3, 64, 500, 5000):
        d = deflate.DeflateIO(io.BytesIO(c))
        parts = []
        while True:
            p = d.read(n)
            if not p:
                break
            parts.append(len(p))
        print("read(%d)" % n, len(parts), parts[:3], parts[-2:], sum(parts))
    # readline iteration over the whole stream
    d = deflate.DeflateIO(io.BytesIO(compress(TEXT, deflate.GZIP)), deflate.GZIP)
    lines = []
    while True:
        ln = d.readline()
        if not ln:
            break
        lines.append(ln)
    print("lines", len(lines), lines[0], lines[-1], b"".join(lines) == TEXT)
    d = deflate.DeflateIO(io.BytesIO(compress(b"no newline at end")), deflate.RAW)
    print("readline without newline", d.readline(), d.readline())
    d = deflate.DeflateIO(io.BytesIO(compress(b"\n\n\nx\n")), deflate.RAW)
    print("empty lines", [d.readline() for _ in range(6)])
    buf = bytearray(TEXT[:10])
    # b"\x03\x00" is a valid raw deflate stream holding no data (note that
    # compressing b"" writes nothing at all, see "compress small")
    d = deflate.DeflateIO(io.BytesIO(b"\x03\x00"), deflate.RAW)
    print("readinto at immediate EOF", d.readinto(buf), bytes(buf))
    show_exc_type("readinto bytes (read-only)", deflate.DeflateIO(io.BytesIO(c)).readinto, b"1234")
    show_exc("read str arg", deflate.DeflateIO(io.BytesIO(c)).read, "5")
    show_exc("read 2 args", deflate.DeflateIO(io.BytesIO(c)).read, 1, 2)


run("read API", sec_read_api)


def sec_bad_input():
    good = compress(TEXT[:100], deflate.ZLIB)
    gz = compress(TEXT[:100], deflate.GZIP)
    raw = compress(TEXT[:100], deflate.RAW)
    cases = (
        ("empty zlib", b"", (deflate.ZLIB,)),
        ("empty auto", b"", ()),
        ("empty raw", b"", (deflate.RAW,)),
        ("one byte", b"\x78", (deflate.ZLIB,)),
        ("bad zlib header check", b"\x78\x9a" + good[2:], (deflate.ZLIB,)),
        ("bad method", b"\x79\x9c" + good[2:], (deflate.ZLIB,)),
        ("window too big", b"\x88\x98" + good[2:], (deflate.ZLIB,)),
        ("preset dictionary", b"\x78\xbb" + good[2:], (deflate.ZLIB,)),
        ("gzip as zlib", gz, (deflate.ZLIB,)),
        ("zlib as gzip", good, (deflate.GZIP,)),
        ("raw as zlib", raw, (deflate.ZLIB,)),
        ("raw as auto", raw, ()),
        ("zlib as raw", good, (deflate.RAW,)),
        ("bad gzip method", b"\x1f\x8b\x07" + gz[3:], (deflate.GZIP,)),
        ("bad gzip flags", gz[:3] + b"\xe0" + gz[4:], (deflate.GZIP,)),
        ("truncated zlib", good[:20], (deflate.ZLIB,)),
        ("truncated before checksum", good[:-4], (deflate.ZLIB,)),
        ("truncated checksum", good[:-2], (deflate.ZLIB,)),
        ("bad adler32", good[:-1] + bytes([good[-1] ^ 1]), (deflate.ZLIB,)),
        ("truncated gzip trailer", gz[:-3], (deflate.GZIP,)),
        ("bad gzip crc", gz[:-8] + bytes([gz[-8] ^ 0x80]) + gz[-7:], (deflate.GZIP,)),
        ("bad gzip length", gz[:-1] + b"\x01", (deflate.GZIP,)),
        ("invalid block type", b"\x07\x00", (deflate.RAW,)),
        ("garbage raw", b"\xff" * 32, (deflate.RAW,)),
        ("stored len mismatch", b"\x01\x05\x00\x00\x00hello", (deflate.RAW,)),
        ("trailing garbage", good + b"garbage", (deflate.ZLIB,)),
    )
    for label, data, args in cases:
        try:
            r = decompress(data, *args)
            print(label, "->", "ok", digest(r))
        except OSError as e:
            print(label, "->", type(e).__name__, e.errno, str(e))
        except Exception as e:
            print(label, "->", type(e).__name__, str(e))
    # after an error the object keeps failing
    d = deflate.DeflateIO(io.BytesIO(b"\x00\x00"), deflate.ZLIB)
    for _ in range(2):
        try:
            d.read()
        except Exception as e:
            print("repeat error", type(e).__name__, str(e))
    # partial data is returned before the error position is reached
    d = deflate.DeflateIO(io.BytesIO(good[:-4] + b"\x00\x00\x00\x00"), deflate.ZLIB)
    print("partial read before bad checksum", d.read(50)[:20])
    show_exc("then read rest", d.read)


run("bad input", sec_bad_input)


def sec_close_and_context():
    out = io.BytesIO()
    d = deflate.DeflateIO(out, deflate.ZLIB)
    d.write(b"data")
    print("close", d.close())
    print("close again", d.close())
    print("stream still open", out.getvalue()[:2], len(out.getvalue()))
    show_exc("write after close", d.write, b"x")
    show_exc("read after close", d.read)
    show_exc("readinto after close", d.readinto, bytearray(2))
    show_exc("readline after close", d.readline)
    # close=True closes the underlying stream
    out = io.BytesIO()
    d = deflate.DeflateIO(out, deflate.RAW, 0, True)
    d.write(b"data")
    d.close()
    show_exc("underlying getvalue after close=True", out.getvalue)
    inp = io.BytesIO(compress(b"abc"))
    d = deflate.DeflateIO(inp, deflate.RAW, 8, True)
    print("read", d.read())
    d.close()
    show_exc("underlying read after close=True", inp.read)
    # context manager
    out = io.BytesIO()
    with deflate.DeflateIO(out, deflate.GZIP) as d:
        print("enter returns self", type(d).__name__)
        d.write(TEXT[:50])
    print("exit closed and flushed", digest(out.getvalue()), hexs(out.getvalue()[-8:]))
    show_exc("write after with", d.write, b"x")
    dd = deflate.DeflateIO(io.BytesIO())
    with dd as d2:
        print("same object", d2 is dd)
    inp = io.BytesIO(out.getvalue())
    with deflate.DeflateIO(inp, AUTO) as d:
        print("read in with", d.read(20))
    print("read after with", type(d).__name__)
    show_exc("read after with", d.read)
    out = io.BytesIO()
    try:
        with deflate.DeflateIO(out, deflate.ZLIB) as d:
            d.write(b"partial")
            raise KeyError("inside")
    except KeyError as e:
        print("exception propagates", type(e).__name__, str(e))
    print("stream finished by __exit__", hexs(out.getvalue()))
    print("decompressed", decompress(out.getvalue()))
    print("__exit__ direct", dd.__exit__(None, None, None))
    print("__enter__ direct", dd.__enter__() is dd)


run("close and context manager", sec_close_and_context)


class LogStream(io.IOBase):
    # A Python stream that records how the module calls it.
    def __init__(self, data=b""):
        self.data = data
        self.pos = 0
        self.out = bytearray()
        self.log = []

    def readinto(self, buf):
        n = min(len(buf), len(self.data) - self.pos)
        buf[:n] = self.data[self.pos:self.pos + n]
        self.pos += n
        self.log.append("r%d/%d" % (n, len(buf)))
        return n

    def write(self, buf):
        self.out.extend(buf)
        self.log.append("w%d" % len(buf))
        return len(buf)

    def ioctl(self, req, arg):
        self.log.append("ioctl%d" % req)
        return 0


def summarize(log):
    # run-length encode the call log
    out = []
    prev = None
    n = 0
    for x in log:
        if x == prev:
            n += 1
        else:
            if prev is not None:
                out.append("%s*%d" % (prev, n) if n > 1 else prev)
            prev = x
            n = 1
    if prev is not None:
        out.append("%s*%d" % (prev, n) if n > 1 else prev)
    return " ".join(out)


def sec_python_streams():
    s = LogStream()
    d = deflate.DeflateIO(s, deflate.ZLIB, 9, True)
    d.write(b"hello world, hello world")
    d.close()
    print("write calls", summarize(s.log))
    print("written", hexs(s.out))
    s2 = LogStream(bytes(s.out))
    d = deflate.DeflateIO(s2, AUTO, 0, True)
    print("read", d.read(5), d.read())
    d.close()
    print("read calls", summarize(s2.log))
    s3 = LogStream(GZIP_HEADERS)
    d = deflate.DeflateIO(s3)
    print("gzip headers via python stream", d.read() == TEXT[:250], s3.pos == len(GZIP_HEADERS))
    print("read calls", summarize(s3.log))
    d.close()
    print("no ioctl without close=True", "ioctl4" in s3.log)

    class Failing(io.IOBase):
        def readinto(self, buf):
            raise OSError(5)

        def write(self, buf):
            raise ValueError("nope")

    show_exc("read error propagates", deflate.DeflateIO(Failing(), deflate.RAW).read)
    show_exc("write error propagates", deflate.DeflateIO(Failing(), deflate.RAW).write, b"abc")

    class Short(io.IOBase):
        def readinto(self, buf):
            return 0

    show_exc("immediate EOF from python stream", deflate.DeflateIO(Short(), deflate.ZLIB).read)


run("python streams", sec_python_streams)


def sec_nested():
    # DeflateIO objects are streams themselves and can be stacked
    inner_out = io.BytesIO()
    outer = deflate.DeflateIO(inner_out, deflate.GZIP)
    inner = deflate.DeflateIO(outer, deflate.ZLIB)
    inner.write(TEXT)
    inner.close()
    outer.close()
    c = inner_out.getvalue()
    print("nested compressed", digest(c))
    r = deflate.DeflateIO(deflate.DeflateIO(io.BytesIO(c), deflate.GZIP), deflate.ZLIB).read()
    print("nested roundtrip", r == TEXT)


run("nested streams", sec_nested)

print("== done")
