/*
 * py/runtime.c's m_malloc_fail raises MemoryError("memory allocation failed, allocating N bytes"),
 * or "..., heap is locked". Loaded code cannot call it, but the firmware's bytearray(N) asks its
 * allocator for exactly N bytes (py/objarray.c: m_new(byte, N)), which collects and retries as
 * every m_malloc does and, finding no room either, raises the firmware's own MemoryError with its
 * text, at the port's error-reporting level. Should the firmware find room (the heap changed in
 * between), or N not be a small int (a 32-bit port refuses bytearray(N) with OverflowError from
 * 2**31 on), the MemoryError is py/dynruntime.h's "memory allocation failed".
 *
 * m_malloc, m_new, mp_obj_malloc... keep py/dynruntime.h's own failure (its static inline
 * m_malloc_fail_dyn, compiled where that header is included): going through this function instead
 * costs every allocating module 56 to 184 bytes (measured with examples/classes and
 * examples/conditional on x64 and armv7m, for three ways of writing it).
 */
#include "py/dynruntime.h"
#include "builtin.h"
#include "py/smallint.h"
#include "mallocfail.h"

MP_NORETURN void m_malloc_fail(size_t num_bytes) {
    if (num_bytes <= (size_t)MP_SMALL_INT_MAX) {
        mp_obj_t n = MP_OBJ_NEW_SMALL_INT(num_bytes);
        mp_call_function_n_kw(natmodgen_rt_builtin(MP_QSTR_bytearray), 1, 0, &n);
    }
    mp_raise_msg(MP_OBJ_TO_PTR(natmodgen_rt_builtin(MP_QSTR_MemoryError)), "memory allocation failed");
}
