/*
 * The natmod's own errno variable (cerrno.c), which the C library's <errno.h> reaches through
 * __errno_location or __errno: the runtime's own code stores into it by name.
 */
#ifndef NATMODGEN_RT_CERRNO_H
#define NATMODGEN_RT_CERRNO_H

extern int natmodgen_rt_errno;

#endif
