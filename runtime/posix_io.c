/*
 * POSIX file descriptors (open, read, write, lseek, close from <fcntl.h> and <unistd.h>) over
 * MicroPython's builtin open() and the stream protocol, as micro-ecc's Linux RNG reads
 * /dev/urandom. The unix firmware takes them from its C library; a natmod reaches the port's
 * VFS instead (on unix the same files). Descriptors are 3 and up, indexes into a table of
 * streams (BSS, which the GC scans). Errors return -1; errno is not set.
 *
 * These names are also struct members (a stream protocol's .read and .write), so this file is
 * link-only (src/runtime/index.ts): the definitions keep their names and come only from the
 * pass over the compiled objects, for a symbol the module's code left undefined.
 */
#include "py/dynruntime.h"
#include <fcntl.h>
#include <unistd.h>
#include "nlr.h"
#include "emptymap.h"

/* extmod/vfs.h: the builtin open() (runtime/vfs_open.c). */
mp_obj_t mp_vfs_open(size_t n_args, const mp_obj_t *pos_args, mp_map_t *kw_args);

#define NATMODGEN_RT_FD_FIRST (3)
#define NATMODGEN_RT_FD_COUNT (16)

/* The stream of each open descriptor, MP_OBJ_NULL when free (external: mpy_ld refuses static BSS). */
mp_obj_t natmodgen_rt_fds[NATMODGEN_RT_FD_COUNT];

/* The table slot of fd, or NULL when fd is not open. */
static mp_obj_t *natmodgen_rt_fd_slot(int fd) {
    if (fd < NATMODGEN_RT_FD_FIRST || fd >= NATMODGEN_RT_FD_FIRST + NATMODGEN_RT_FD_COUNT) {
        return NULL;
    }
    mp_obj_t *slot = &natmodgen_rt_fds[fd - NATMODGEN_RT_FD_FIRST];
    return *slot == MP_OBJ_NULL ? NULL : slot;
}

int open(const char *path, int flags, ...) {
    int free_fd = -1;
    for (int i = 0; i < NATMODGEN_RT_FD_COUNT; i++) {
        if (natmodgen_rt_fds[i] == MP_OBJ_NULL) {
            free_fd = i;
            break;
        }
    }
    if (free_fd < 0) {
        return -1;
    }
    /* open()'s mode for the flags: access mode, then creation; always binary. */
    char mode[4];
    int acc = flags & O_ACCMODE;
    if (flags & O_APPEND) {
        mode[0] = 'a';
    } else if (acc == O_RDONLY) {
        mode[0] = 'r';
    } else if ((flags & O_TRUNC) || (flags & O_CREAT)) {
        mode[0] = 'w';
    } else {
        /* read-write or write-only on an existing file, without truncating */
        mode[0] = 'r';
    }
    size_t n = 1;
    if (acc == O_RDWR || (acc == O_WRONLY && mode[0] == 'r')) {
        mode[n++] = '+';
    }
    mode[n++] = 'b';
    mode[n] = '\0';
    nlr_buf_t nlr;
    if (nlr_push(&nlr) == 0) {
        mp_obj_t args[2] = { mp_obj_new_str(path, strlen(path)), mp_obj_new_str(mode, n) };
        mp_obj_t stream = mp_vfs_open(2, args, (mp_map_t *)&mp_const_empty_map);
        mp_get_stream_raise(stream, MP_STREAM_OP_READ | MP_STREAM_OP_WRITE | MP_STREAM_OP_IOCTL);
        natmodgen_rt_fds[free_fd] = stream;
        nlr_pop();
        return NATMODGEN_RT_FD_FIRST + free_fd;
    }
    return -1;
}

ssize_t read(int fd, void *buf, size_t count) {
    mp_obj_t *slot = natmodgen_rt_fd_slot(fd);
    if (slot == NULL) {
        return -1;
    }
    int err = 0;
    mp_uint_t got = mp_get_stream(*slot)->read(*slot, buf, count, &err);
    return got == MP_STREAM_ERROR ? -1 : (ssize_t)got;
}

ssize_t write(int fd, const void *buf, size_t count) {
    mp_obj_t *slot = natmodgen_rt_fd_slot(fd);
    if (slot == NULL) {
        return -1;
    }
    int err = 0;
    mp_uint_t put = mp_get_stream(*slot)->write(*slot, buf, count, &err);
    return put == MP_STREAM_ERROR ? -1 : (ssize_t)put;
}

off_t lseek(int fd, off_t offset, int whence) {
    mp_obj_t *slot = natmodgen_rt_fd_slot(fd);
    if (slot == NULL) {
        return -1;
    }
    int err = 0;
    mp_off_t pos = mp_stream_seek(*slot, (mp_off_t)offset, whence, &err);
    return pos == (mp_off_t)-1 ? -1 : (off_t)pos;
}

int close(int fd) {
    mp_obj_t *slot = natmodgen_rt_fd_slot(fd);
    if (slot == NULL) {
        return -1;
    }
    mp_obj_t stream = *slot;
    *slot = MP_OBJ_NULL;
    nlr_buf_t nlr;
    if (nlr_push(&nlr) == 0) {
        mp_stream_close(stream);
        nlr_pop();
        return 0;
    }
    return -1;
}
