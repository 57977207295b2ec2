# oclyke/city-skies reshape: reshape() over FloatBuffers of the buffer module (built into the same natmod).
import reshape

print(reshape.__name__, sorted(k for k in dir(reshape) if not k.startswith("_")))
try:
    reshape.reshape([1, 2], None, None)
except TypeError:
    print("TypeError")
