/* natmodgen: minimal <assert.h> for toolchains without a C library (Debian's xtensa-lx106).
 * natmods build with -DNDEBUG, so assert() never evaluates its argument. */
#ifndef NATMODGEN_ASSERT_H
#define NATMODGEN_ASSERT_H
#ifdef NDEBUG
#define assert(e) ((void)0)
#else
void __assert_func(const char *file, int line, const char *func, const char *expr);
#define assert(e) ((e) ? (void)0 : __assert_func(__FILE__, __LINE__, __func__, #e))
#endif
#endif
