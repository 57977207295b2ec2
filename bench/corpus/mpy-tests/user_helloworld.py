# sachin42/cModuleTest helloworld: one function printing through the C library's printf.
import helloworld

print(sorted(k for k in dir(helloworld) if not k.startswith("_")))
helloworld.print()
