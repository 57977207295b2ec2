"""Runs MicroPython's tools/mpy_ld.py with its output written as "_" in the current
folder, then moved to the path given with -o/--output.

mpy_ld.py stores the output path it was given as the .mpy's first qstr, the file name of
the module's code. Only bytecode reads that name (for tracebacks); a native module's code
never does, and Python's __file__ comes from the import path, not from the .mpy. As a path
("build/mymodule.native.mpy") the name costs its length in the .mpy and is interned at
every import; "_" is one of the firmware's static qstrs, written as one byte and never
interned.

    python3 natmodgen-mpy-ld.py PATH/TO/mpy_ld.py MPY_LD_ARGS...

Used by the Makefile `natmodgen build` writes, in a folder of its own (so the "_" it
writes there is no file of the user's). Any other use of mpy_ld.py (--preprocess) runs it
unchanged.
"""

import os
import subprocess
import sys


def main(argv):
    mpy_ld, args = argv[0], list(argv[1:])
    out_at = next((i for i, a in enumerate(args) if a in ("-o", "--output")), -1)
    if "--preprocess" in args or out_at < 0 or out_at + 1 >= len(args):
        return subprocess.call([sys.executable, mpy_ld] + args)
    out = args[out_at + 1]
    args[out_at + 1] = "_"
    code = subprocess.call([sys.executable, mpy_ld] + args)
    if code == 0:
        os.replace("_", out)
    return code


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
