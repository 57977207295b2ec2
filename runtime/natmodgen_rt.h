/*
 * Shared by natmodgen's runtime files. natmodgen copies the definitions a module
 * needs into the unit that holds mpy_init, together with what they name from here.
 */
#ifndef NATMODGEN_RT_H
#define NATMODGEN_RT_H

/* Keeps GCC from turning a loop into a memset/memcpy/strlen call the natmod may not have. */
#define NATMODGEN_RT_LOOP __attribute__((optimize("no-tree-loop-distribute-patterns")))

#endif
