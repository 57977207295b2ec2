# Prints what each dyncheck function returns or raises; the firmware build and the natmod
# build must print the same.
import array
import dyncheck


def show(label, f, *args):
    try:
        print(label, repr(f(*args)))
    except Exception as e:
        print(label, "raised", type(e).__name__, e.args)


class MyStr(str):
    pass


class Sized:
    def __len__(self):
        return 7


# mp_obj_str_get_data / mp_obj_str_get_str: str and bytes only.
for v in ("abc", "", b"x\x00y", bytearray(b"ba"), memoryview(b"mv"), array.array("b", [1, 2]), 5, None, MyStr("sub")):
    show("str_get_data " + type(v).__name__, dyncheck.str_get_data, v)
    show("str_get_str " + type(v).__name__, dyncheck.str_get_str, v)

# mp_obj_new_str_of_type: str, bytes, bytearray.
for kind in (0, 1, 2):
    r = dyncheck.str_of_type(kind, b"hi")
    print("str_of_type", kind, type(r).__name__, r)
show("str_of_type bad utf-8", dyncheck.str_of_type, 0, b"\xff")

# mp_obj_len: the object's own length, whatever the name len means in the caller.
for v in ("h\u00e9llo", b"ab", bytearray(3), [1, 2], (1,), {1: 2}, {1, 2, 3}, range(4), Sized(), 5, None):
    show("len " + type(v).__name__, dyncheck.obj_len, v)


def fake_len(o):
    return -1


len = fake_len
show("len shadowed list", dyncheck.obj_len, [1, 2, 3])
show("len shadowed int", dyncheck.obj_len, 3)
del len
bytes = bytearray
show("len bytes with bytes shadowed", dyncheck.obj_len, b"abcd")
show("str_of_type with bytes shadowed", dyncheck.str_of_type, 1, b"q")
del bytes

# mp_obj_get_array: tuple and list only.
for v in ((1, 2), [3], [], "ab", {1: 2}, 5):
    show("get_array " + type(v).__name__, dyncheck.get_array, v)

# mp_obj_new_exception: an instance with no arguments.
e = dyncheck.new_exception(False)
print("new_exception returned", type(e).__name__, isinstance(e, ValueError), e.args)
show("new_exception raised", dyncheck.new_exception, True)

# mp_import_all: into the namespace it is called from (here the module's globals).
dyncheck.import_all("errno")
print("import_all", "ENOENT" in globals(), globals().get("ENOENT") == __import__("errno").ENOENT)
