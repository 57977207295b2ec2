# v923z/micropython-usermod stringarg: the length printed from C, the string reversed (its loop
# leaves two-character strings as they are). No non-string argument: mp_check_self is empty in both
# builds (MICROPY_BUILTIN_METHOD_CHECK_SELF_ARG), so the firmware reads an int as a string and
# crashes (SIGSEGV), where the natmod's GET_STR_DATA_LEN raises TypeError.
import stringarg

for s in ("hello", "ab", "racecar", "MicroPython!"):
    print(stringarg.stringarg(s))
print(stringarg.stringarg(b"bytes"))
