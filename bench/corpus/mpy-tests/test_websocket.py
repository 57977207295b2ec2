import websocket, io
class Pipe(io.IOBase):
    def __init__(self, data):
        self.inp = io.BytesIO(data)
        self.out = io.BytesIO()
    def readinto(self, b):
        return self.inp.readinto(b)
    def write(self, b):
        return self.out.write(b)
    def ioctl(self, req, arg):
        return 0
p = Pipe(b'\x81\x05hello')
ws = websocket.websocket(p)
print(ws.read(5))
ws.write(b'hey')
print(p.out.getvalue())
