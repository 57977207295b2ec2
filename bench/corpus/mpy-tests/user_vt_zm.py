# 8bitmcu/mpy_vt zm: a Z-machine interpreter class (no story file here: the API only).
import zm

print(sorted(n for n in dir(zm) if not n.startswith("_")))
print(sorted(n for n in dir(zm.ZMachine) if not n.startswith("_")))
