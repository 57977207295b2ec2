import select, io
p = select.poll()
s = io.BytesIO(b'x')
print(select.POLLIN, select.POLLOUT, select.POLLERR, select.POLLHUP)
try:
    p.register(s, select.POLLIN)
    print(p.poll(0))
except Exception as e:
    print(type(e).__name__)
