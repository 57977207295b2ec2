import io
s = io.StringIO()
s.write('abc')
print(s.getvalue())
b = io.BytesIO(b'12345')
print(b.read(2), b.read())
print(sorted(n for n in dir(io) if not n.startswith('__')))
