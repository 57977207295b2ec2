# oclyke/city-skies transform: stride_copy between buffer-protocol objects.
import transform

src = bytes(range(12))
dst = bytearray(12)
print(transform.stride_copy(src, dst, 1, 1), list(dst))
dst = bytearray(12)
transform.stride_copy(src, dst, 2, 1)
print(list(dst))
dst = bytearray(12)
transform.stride_copy(src, dst, 1, 3)
print(list(dst))
try:
    transform.stride_copy(src, dst, 1)
except TypeError:
    print("TypeError")
