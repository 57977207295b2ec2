# anhlt/mypyc-micropython example "dict_operations": dict API from C (mp_obj_dict_*, method calls).
import dict_operations as m

d = m.create_config()
print(sorted(d.items()))
print(m.get_value(d, "value"), m.set_value(d, "x", 5)["x"], m.get_with_default(d, "nope", -1), m.count_items(d))
print(sorted(m.create_counter(6).items()))
print(sorted(m.merge_dicts({"a": 1, "b": 2}, {"b": 3, "c": 4}).items()))
print(m.has_key(d, "name"), m.has_key(d, "zz"), m.missing_key(d, "zz"))
c = m.copy_dict(d)
print(c == d, c is d, m.clear_dict(c), len(d))
print(m.setdefault_key(d, "value", 1), m.setdefault_key(d, "new", 9), d["new"])
print(m.pop_key(d, "new"), m.pop_key_default(d, "new", 77))
e = {"k": 1}
print(m.popitem_last(e), e)
print(sorted(m.update_dict({"a": 1}, {"b": 2}).items()), m.copy_constructor({"z": 26}))
for f, args in ((m.get_value, (d, "missing")), (m.pop_key, (d, "missing")), (m.popitem_last, ({},))):
    try:
        print(f(*args))
    except KeyError as ex:
        print("KeyError", ex)
