/*
 * abort_ (shared/libc/abort_.c): the abort() of ports without a C library, which
 * extmod/berkeley-db/berkeley_db_config_port.h makes berkeley-db call. The firmware raises
 * RuntimeError("abort() called"); so does the natmod.
 */
#include "py/dynruntime.h"

MP_NORETURN void abort_(void) {
    mp_raise_msg(&mp_type_RuntimeError, MP_ERROR_TEXT("abort() called"));
}
