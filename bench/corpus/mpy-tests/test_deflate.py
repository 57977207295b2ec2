import deflate, io
data = bytes.fromhex('789ccb48cdc9c95728cf2fca4901001a0b045d')
print(deflate.DeflateIO(io.BytesIO(data), deflate.ZLIB).read())
print(deflate.AUTO, deflate.RAW, deflate.ZLIB, deflate.GZIP)
try:
    deflate.DeflateIO(io.BytesIO(b'garbage!'), deflate.ZLIB).read()
except OSError as e:
    print('OSError', e)
