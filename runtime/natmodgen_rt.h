/*
 * Shared by natmodgen's runtime files. natmodgen copies the definitions a module
 * needs into the unit that holds mpy_init, together with what they name from here.
 */
#ifndef NATMODGEN_RT_H
#define NATMODGEN_RT_H

/* Keeps GCC from turning a loop into a memset/memcpy/strlen call the natmod may not have. */
#define NATMODGEN_RT_LOOP __attribute__((optimize("no-tree-loop-distribute-patterns")))

/*
 * White space as C's isspace reads it in the "C" locale: ' ' and \t \n \v \f \r. Always inlined: a
 * NATMODGEN_RT_LOOP caller has other optimisation options, across which GCC does not inline by
 * itself, and a call costs more than the test.
 */
static inline __attribute__((always_inline)) bool natmodgen_rt_is_space(char c) {
    return c == ' ' || (c >= '\t' && c <= '\r');
}

/* The value of c as a digit (0-9, then letters of either case for 10-35), or 99, above every base, for any other character. */
static inline int natmodgen_rt_digit_value(char c) {
    if (c >= '0' && c <= '9') {
        return c - '0';
    }
    if (c >= 'a' && c <= 'z') {
        return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'Z') {
        return c - 'A' + 10;
    }
    return 99;
}

#endif
