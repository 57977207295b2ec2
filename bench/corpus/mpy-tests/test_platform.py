import platform
print(type(platform.platform()), type(platform.python_compiler()), platform.libc_ver()[0] in ('', 'glibc'))
