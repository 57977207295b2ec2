import json
print(json.dumps([1, 2.5, 'a"b', None, True, {'k': [()]}]))
print(json.dumps({'a': 1}, separators=(',', ':')))
print(json.loads('{"x": [1, 2, {"y": null}], "z": "\\u00e9"}'))
print(json.loads(' [1e3, -0.5, "s\\n"] '))
for bad in ('[1,', '{"a" 1}', ''):
    try:
        json.loads(bad)
    except ValueError as e:
        print('ValueError', e)
import io
w = io.StringIO()
json.dump({'q': [1, 2]}, w)
print(w.getvalue())
