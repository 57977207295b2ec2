/* natmodgen: minimal <setjmp.h> for toolchains without a C library (Debian's xtensa-lx106).
 * natmodgen's runtime defines setjmp and longjmp (runtime/setjmp.c); jmp_buf has room for
 * the registers it saves on every ARCH (at most 14 words). */
#ifndef NATMODGEN_SETJMP_H
#define NATMODGEN_SETJMP_H
typedef unsigned long jmp_buf[16];
int setjmp(jmp_buf env) __attribute__((returns_twice));
void longjmp(jmp_buf env, int val) __attribute__((noreturn));
#endif
