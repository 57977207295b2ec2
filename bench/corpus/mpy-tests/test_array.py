import array
a = array.array('i', [1, 2, 3])
a.append(4)
a.extend([5])
print(a, len(a), a[1:3], sum(a))
b = array.array('B', b'ab')
print(b, bytes(b))
print(array.array('f', [1.5, 2.5]))
