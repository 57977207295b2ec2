# The natmod's OrderedDict handed to the firmware as a dict: the firmware takes a dict only when
# its type's make_new is the firmware's own mp_obj_dict_make_new (not compared: see the manifest).
from collections import OrderedDict


def attempt(label, f):
    try:
        print(label, f())
    except Exception as e:
        print(label, type(e).__name__, e)


fw = {"a": 1}
attempt("dict(od)", lambda: dict(OrderedDict(b=2)))
attempt("dict.update(od)", lambda: (fw.update(OrderedDict(c=3)), sorted(fw))[1])
attempt("type() with od", lambda: type("A", (), OrderedDict(x=1)).x)
