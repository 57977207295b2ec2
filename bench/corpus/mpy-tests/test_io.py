import io
s = io.StringIO()
s.write('abc')
print(s.getvalue())
b = io.BytesIO(b'12345')
print(b.read(2), b.read())
print(sorted(n for n in dir(io) if not n.startswith('__')))
# seeks: negative offsets from the end and the current position, clamping at 0, errors
b = io.BytesIO(b'0123456789')
print(b.seek(-3, 2), b.read(), b.seek(-4, 1), b.read(2), b.tell())
print(b.seek(-100, 1), b.tell(), b.seek(-100, 2), b.read(1), b.seek(4, 0), b.seek(3, 1), b.read())
for args in ((-1,), (-1, 0), (0, 5)):
    try:
        print(b.seek(*args))
    except (OSError, ValueError) as e:
        print(type(e).__name__, e.args)
b.seek(12)
b.write(b'x')
print(b.getvalue(), b.seek(0, 2), b.seek(2 ** 20, 0), b.tell())
s = io.StringIO('hello')
print(s.seek(-2, 2), s.read(), s.seek(0), s.read(1), s.seek(-1, 1), s.read())
