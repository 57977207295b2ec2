import nmg_multifile as m

print(m.__name__)
print(sorted(n for n in dir(m) if not n.startswith("__")))
r = m.Rect(3, 4)
print(r, r.area(), m.area(r), r.SIDES, m.Rect.SIDES)
s = m.square(5)
print(s, s.area(), m.is_rect(s), m.is_rect(5), type(s) is m.Rect)
print("made", m.made())
try:
    m.Rect(1)
except TypeError as e:
    print("TypeError", e)
