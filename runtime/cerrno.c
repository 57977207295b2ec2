/*
 * errno (<errno.h>) for C code in a natmod: the C library keeps it in its own (thread-local)
 * data, which a natmod does not link. Its <errno.h> reads it through a function, and the
 * runtime defines that function over a variable of the natmod's own: glibc's
 * __errno_location, newlib's and picolibc's __errno (picolibc built with
 * -D__PICOLIBC_ERRNO_FUNCTION=__errno). The firmware's errno is another variable: a value
 * the module's own code stores (berkeley-db's, py/stream.c's POSIX adaptors) is read back by
 * the module, not by the firmware.
 */
#include "py/dynruntime.h"
#include "cerrno.h"

int natmodgen_rt_errno;

int *__errno_location(void) {
    return &natmodgen_rt_errno;
}

int *__errno(void) {
    return &natmodgen_rt_errno;
}
