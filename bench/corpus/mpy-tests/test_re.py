import re
r = re.compile(r'(\d+)-(\w+)')
m = r.match('12-ab rest')
print(m.group(0), m.group(1), m.group(2))
print(re.search(r'b+', 'aabbbcc').group(0))
print(re.compile(r',\s*').split('a, b,c'))
print(re.sub(r'\d', 'N', 'a1b22c'))
print(re.match('x', 'y'))
try:
    re.compile('(')
except ValueError as e:
    print('ValueError', e)
