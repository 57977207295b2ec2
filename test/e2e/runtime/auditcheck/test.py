# Prints what each auditcheck function returns or raises; the firmware build and the
# natmod build must print the same.
import auditcheck
import os


def show(label, f, *args):
    try:
        print(label, repr(f(*args)))
    except Exception as e:
        print(label, "raised", type(e).__name__, e.args)


show("encoders low", auditcheck.encoders, 0)
show("encoders all", auditcheck.encoders, 1)
show("scope kinds", auditcheck.scope_kinds)
show("asm base", auditcheck.asm_base, 12, 34)
show("asm base big", auditcheck.asm_base, 1 << 20, 0)
show("is_bytecode raw code", auditcheck.is_bytecode, b"\x00\x00xx")
show("is_bytecode first byte", auditcheck.is_bytecode, b"\x01\x00")
show("is_bytecode second byte", auditcheck.is_bytecode, b"\x00\x01")

# mp_stack_check: once at a shallow depth returns; in a C recursion it raises the firmware's error.
show("stack_check shallow", auditcheck.stack_check, False)
try:
    auditcheck.stack_check(True)
    print("stack_check deep returned")
except RuntimeError as e:
    print("stack_check deep raised", e.args)


def depth(n):
    return auditcheck.stack_check(False) if n == 0 else depth(n - 1)


show("stack_check at depth 20", depth, 20)


# mp_obj_fun_bc_attr and mp_obj_fun_bc_get_name over bytecode functions, generator functions
# and lambdas (the firmware's take nothing else: a closure or a builtin is not an
# mp_obj_fun_bc_t); other attributes give nothing; a store is left alone.
def plain(a, b=2):
    return a + b


def genfun():
    yield 1


lam = lambda: 0  # noqa: E731
for label, f in (("plain", plain), ("genfun", genfun), ("lambda", lam)):
    show("fun_name " + label, auditcheck.fun_name, f)
    show("fun_attr __name__ " + label, auditcheck.fun_attr, f, "__name__", False)
    show("fun_attr __globals__ is globals " + label, lambda f: auditcheck.fun_attr(f, "__globals__", False) is globals(), f)
    show("fun_attr other " + label, auditcheck.fun_attr, f, "other", False)
    show("fun_attr store " + label, auditcheck.fun_attr, f, "__name__", True)
show("fun_attr __code__ type", lambda: type(auditcheck.fun_attr(plain, "__code__", False)).__name__)


# mp_vfs_mount_and_chdir_protected: a filesystem object of Python methods, mounted and made
# current; a mount raising OSError gives minus its errno, OSError without one gives +EIO, any
# other exception gives -EIO; nothing is raised.
class Fs:
    def __init__(self, fail=None):
        self.fail = fail
        self.cwd = "/"

    def mount(self, readonly, mkfs):
        print("mount", readonly, mkfs)
        if self.fail is not None:
            raise self.fail

    def umount(self):
        print("umount")

    def chdir(self, path):
        print("chdir", path)
        self.cwd = path

    def getcwd(self):
        return self.cwd


start = os.getcwd()
show("mount_chdir ok", auditcheck.mount_chdir, Fs(), "/ac")
show("getcwd after", os.getcwd)
os.chdir(start)
import vfs

vfs.umount("/ac")
show("mount_chdir OSError(19)", auditcheck.mount_chdir, Fs(OSError(19)), "/ac")
show("mount_chdir OSError()", auditcheck.mount_chdir, Fs(OSError()), "/ac")
show("mount_chdir ValueError", auditcheck.mount_chdir, Fs(ValueError("no")), "/ac")
show("mount_chdir twice", lambda: (auditcheck.mount_chdir(Fs(), "/ac"), auditcheck.mount_chdir(Fs(), "/ac")))
os.chdir(start)
vfs.umount("/ac")
show("getcwd end", lambda: os.getcwd() == start)


# Python text compiled and run from C: single (0), file (1) and eval (2) input, with and without
# is_repl (single input prints expression values with it).
show("do_str file", auditcheck.do_str, "x = 6 * 7\nprint('file', x)", 1, False)
show("do_str eval", auditcheck.do_str, "1 + 2 * 3", 2, False)
show("do_str eval repl", auditcheck.do_str, "[1, 2][-1]", 2, True)
show("do_str single repl", auditcheck.do_str, "40 + 2", 0, True)
show("do_str single no repl", auditcheck.do_str, "40 + 2", 0, False)
show("do_str single compound", auditcheck.do_str, "for i in range(2):\n  i * 10\n", 0, True)
show("do_str syntax error", auditcheck.do_str, "x = = 1", 1, False)
show("do_str name error", auditcheck.do_str, "undefined_name_q", 1, False)
show("do_str globals", auditcheck.do_str, "ac_global = 'set from C'", 1, False)
show("do_str globals seen", lambda: ac_global)  # noqa: F821
f = auditcheck.compile_only("ac_later = ac_global + '!'")
ac_global = "changed"
show("compile_only call", f)
show("compile_only effect", lambda: ac_later)  # noqa: F821
g = {"y": 5}
show("pce file", auditcheck.pce, "z = y * 2\nprint('pce', z)", 1, g, g)
show("pce file globals", lambda: sorted(k for k in g if k != "__builtins__"))
show("pce eval", auditcheck.pce, "y + z", 2, g, g)
show("pce eval locals", auditcheck.pce, "y + w", 2, g, {"w": 100})
show("pce single", auditcheck.pce, "y * 3", 0, g, g)
show("pce syntax error", auditcheck.pce, "(", 1, g, g)
with open("ac_file.py", "w") as fh:
    fh.write("fa = 1\nfb = fa + 1\nprint('from file', __name__ if '__name__' in globals() else '-', fb)\n")
g2 = {}
show("run_file", auditcheck.run_file, "ac_file.py", g2)
show("run_file globals", lambda: sorted(k for k in g2 if not k.startswith("__")))
show("run_file missing", auditcheck.run_file, "ac_no_such_file.py", g2)
os.remove("ac_file.py")
closed = []
show("reader eval", auditcheck.reader, ")3 + 2(", closed, True)
show("reader closed", lambda: closed)
closed2 = []
show("reader free", auditcheck.reader, "1", closed2, False)
show("reader free closed", lambda: closed2)
