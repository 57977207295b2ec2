import errno
print(errno.ENOENT, errno.EINVAL, errno.EAGAIN)
print(errno.errorcode[errno.ENOENT])
print(sorted(errno.errorcode.values())[:5])
print(len(errno.errorcode), list(errno.errorcode.items())[:4])
print(errno.EIO in errno.errorcode, 12345 in errno.errorcode, errno.errorcode.get(12345))
print(type(errno.errorcode), [k for k in errno.errorcode][-3:])
try:
    errno.errorcode[12345] = "x"
except TypeError as e:
    print("TypeError", e)
