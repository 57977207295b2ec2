# v923z/micropython-usermod sillyerrors: each error code raises another exception type with its message.
import sillyerrors

for code in range(6):
    try:
        sillyerrors.mean(code)
    except Exception as e:
        print(code, type(e).__name__, e.args)
try:
    sillyerrors.mean("x")
except TypeError:
    print("TypeError")
