# A firmware dict handed to the natmod's OrderedDict as a dict (not as an iterable of pairs):
# the natmod's copy of py/objdict.c recognises the firmware's dicts as well as its own.
from collections import OrderedDict


def attempt(label, f):
    try:
        print(label, f())
    except Exception as e:
        print(label, type(e).__name__, e)


fw = {"a": 1, "bb": 2}
attempt("OrderedDict(dict)", lambda: sorted(OrderedDict(fw).items()))
attempt("OrderedDict(dict, kw)", lambda: list(OrderedDict({"k": 0}, z=1, y=2).items()))
attempt("od.update(dict)", lambda: (lambda od: (od.update(fw), sorted(od.items()))[1])(OrderedDict(z=0)))
attempt("od.update(dict) keeps order", lambda: (lambda od: (od.update({"q": 9}), list(od))[1])(OrderedDict([("z", 0), ("c", 1)])))
attempt("OrderedDict.update(dict, dict)", lambda: (lambda d: (OrderedDict.update(d, {"n": 5}), sorted(d.items()))[1])(dict(fw)))
attempt("OrderedDict.get(dict)", lambda: OrderedDict.get(fw, "bb"))
attempt("OrderedDict.keys(dict)", lambda: sorted(OrderedDict.keys(fw)))
attempt("OrderedDict.copy(dict)", lambda: type(OrderedDict.copy(fw)).__name__)
attempt("od == dict", lambda: OrderedDict(a=1) == {"a": 1})
attempt("dict == od", lambda: {"a": 1} == OrderedDict(a=1))
attempt("od == od", lambda: OrderedDict(a=1, b=2) == OrderedDict(a=1, b=2))
attempt("od(str pairs)", lambda: list(OrderedDict(["ab", "cd"]).items()))
attempt("od(bad)", lambda: OrderedDict(["abc"]))
