/* See nlr.h: nlr_push on a port whose NLR is setjmp-based. */
#include "py/dynruntime.h"
#include "nlr.h"

unsigned int natmodgen_rt_nlr_setjmp_port(void) {
    mp_raise_msg(&mp_type_RuntimeError, MP_ERROR_TEXT("nlr_push in a native module needs a port with native NLR"));
    /* Not reached; a static copy of this function is checked for a return all the same. */
    return 0;
}
