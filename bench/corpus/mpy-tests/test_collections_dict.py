# OrderedDict and the firmware's dict handing each other over as dicts (not as iterables of pairs).
from collections import OrderedDict


def attempt(label, f):
    try:
        print(label, f())
    except Exception as e:
        print(label, type(e).__name__, e)


fw = {"a": 1}
attempt("OrderedDict(dict)", lambda: OrderedDict(fw))
attempt("od.update(dict)", lambda: (OrderedDict(z=0).update(fw), "ok")[1])
attempt("dict(od)", lambda: dict(OrderedDict(b=2)))
attempt("dict.update(od)", lambda: (fw.update(OrderedDict(c=3)), sorted(fw))[1])
attempt("type() with od", lambda: type("A", (), OrderedDict(x=1)).x)
attempt("od == dict", lambda: OrderedDict(a=1) == {"a": 1})
