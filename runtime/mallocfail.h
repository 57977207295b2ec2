/*
 * py/misc.h's m_malloc_fail, the firmware's function: py/dynruntime.h makes the name a macro of
 * its own (MemoryError("memory allocation failed")), so a module that calls it by name (after its
 * own allocation with m_malloc_maybe, say) gets the function below instead.
 */
#ifndef NATMODGEN_RT_MALLOCFAIL_H
#define NATMODGEN_RT_MALLOCFAIL_H

#undef m_malloc_fail
MP_NORETURN void m_malloc_fail(size_t num_bytes);

#endif
