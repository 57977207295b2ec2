/* natmodgen: <stdint.h> for toolchains without a C library: gcc's own freestanding definitions. */
#include <stdint-gcc.h>
