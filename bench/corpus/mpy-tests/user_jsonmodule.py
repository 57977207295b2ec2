# sachin42/cModuleTest jsonModule: static char buffer built with snprintf/strncat, printed with printf.
import jsonModule

jsonModule.init()
jsonModule.add("a", "1")
jsonModule.add("name", "x y")
s = jsonModule.print()
print(repr(s))
jsonModule.init()
print(repr(jsonModule.print()))
