import collections
from collections import namedtuple, OrderedDict, deque

# namedtuple: fields, keywords, indexing, unpacking, slicing, tuple identity, repr
P = namedtuple('P', ('x', 'y'))
p = P(1, y=2)
print(p, repr(p), p.x + p.y, p[0], p[-1], p[:1], len(p))
a, b = p
print(a, b, list(p), tuple(p), sorted(P(3, 1)))
print(isinstance(p, tuple), issubclass(P, tuple), type(p) is P, type(p).__name__)
print(p == (1, 2), (1, 2) == p, p != (2, 1), p < (1, 3), hash(p) == hash((1, 2)))
print('%d-%d' % p, '{}+{}'.format(*p), p + (3,), p * 2, 2 in p)
print(dict(zip(P._fields if hasattr(P, '_fields') else ('x', 'y'), p)))
if hasattr(p, '_asdict'):
    print(p._asdict())
if hasattr(p, '_replace'):
    print(p._replace(x=5))
Q = namedtuple('Q', 'a b c')
print(Q(1, 2, 3), Q(c=3, b=2, a=1))
R = namedtuple('R', ['a', 'b'])
print(R(a=[1], b=None))
for bad in (lambda: P(1), lambda: P(1, 2, 3), lambda: P(1, x=2), lambda: P(1, z=2)):
    try:
        bad()
    except TypeError as e:
        print('TypeError', e)
try:
    p.x = 5
except AttributeError:
    print('AttributeError')
class Sub(P):
    def norm(self):
        return self.x * self.x + self.y * self.y
s = Sub(3, 4)
print(s.norm(), s, isinstance(s, P), isinstance(s, tuple), s[1])

# OrderedDict: order, methods, equality, subclassing
d = OrderedDict([('b', 1), ('a', 2)])
d['c'] = 3
d.update(z=0)
print(list(d.keys()), list(d.values()), list(d.items()), d)
print(d.pop('a'), d.popitem(), d, 'b' in d, len(d), d.get('q', 9), d.setdefault('e', 7), d)
print(d == OrderedDict([('b', 1), ('c', 3), ('e', 7)]), d == {'e': 7, 'c': 3, 'b': 1}, {'e': 7, 'c': 3, 'b': 1} == d)
print(isinstance(d, dict), isinstance(d, OrderedDict), type(d).__name__, OrderedDict.fromkeys('xy', 0))
e = d.copy()
e['n'] = 1
print(type(e).__name__, e, d)
class Od(OrderedDict):
    def first(self):
        return next(iter(self))
o = Od([(3, 'c'), (1, 'a')])
o[2] = 'b'
print(o, o.first(), list(o), isinstance(o, OrderedDict), isinstance(o, dict), len(o))
del o[3]
print(o, o.first())
def kw(**k):
    return sorted(k.items())
print(kw(**OrderedDict(m=1, n=2)))
print(dict(OrderedDict([(1, 2), (3, 4)]).items()))
try:
    d['missing']
except KeyError as ex:
    print('KeyError', ex)

# deque
q = deque((), 3)
for i in range(5):
    q.append(i)
print(list(q), q.popleft(), len(q))
q.appendleft(9)
print(list(q), q.pop(), bool(q), q[0] if hasattr(q, '__getitem__') else '')
q2 = deque([1, 2, 3], 5, 1)
q2.extend([4, 5])
print(list(q2), sum(q2), [x * 2 for x in q2])
try:
    q2.append(6)
except IndexError as ex:
    print('IndexError', ex)
try:
    deque((), 2).pop()
except IndexError:
    print('empty')
print(type(q2).__name__, isinstance(q2, collections.deque))
