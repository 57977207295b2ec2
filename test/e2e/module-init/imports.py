# How often examples/objects' __init__ runs over four imports of the module (init_count() counts the calls).
import sys
import nmg_objects as m
print("first import", m.init_count())
import nmg_objects
print("second import", m.init_count())
from nmg_objects import init_count
print("from import", m.init_count())
__import__("nmg_objects")
print("__import__", m.init_count())
print("in sys.modules", "nmg_objects" in sys.modules)
