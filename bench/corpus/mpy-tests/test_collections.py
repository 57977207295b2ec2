import collections
P = collections.namedtuple('P', ('x', 'y'))
p = P(1, y=2)
print(p, p.x + p.y, p._asdict() if hasattr(p, '_asdict') else '')
d = collections.OrderedDict([('b', 1), ('a', 2)])
d['c'] = 3
print(list(d.keys()), d)
q = collections.deque((), 3)
for i in range(5):
    q.append(i)
print(list(q), q.popleft(), len(q))
