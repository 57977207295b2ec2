/*
 * py/pystack.h's mp_local_alloc is alloca, which ports declare in their
 * configuration and a natmod's configuration does not; GCC's builtin is the same.
 */
#ifndef NATMODGEN_RT_ALLOCA_H
#define NATMODGEN_RT_ALLOCA_H

#undef alloca
#define alloca(n) __builtin_alloca(n)
#undef mp_local_alloc
#define mp_local_alloc(n_bytes) alloca(n_bytes)

#endif
