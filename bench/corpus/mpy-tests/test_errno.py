import errno
print(errno.ENOENT, errno.EINVAL, errno.EAGAIN)
print(errno.errorcode[errno.ENOENT])
print(sorted(errno.errorcode.values())[:5])
