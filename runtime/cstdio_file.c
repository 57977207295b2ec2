/*
 * FILE functions (cstdio_file.h) over the builtin open() and the stream protocol. A FILE is a
 * small GC object holding the stream, its end-of-file and error flags and one pushed-back
 * byte. Nothing raises into the calling C code: errors become the C return values (NULL, EOF,
 * a short count) and the error flag, as the C library reports them. errno is not set.
 */
#include "py/dynruntime.h"
#include <stdio.h>
#include "nlr.h"
#include "emptymap.h"
#include "cstdio_file.h"

/* extmod/vfs.h: the builtin open() (runtime/vfs_open.c). */
mp_obj_t mp_vfs_open(size_t n_args, const mp_obj_t *pos_args, mp_map_t *kw_args);

typedef struct _natmodgen_rt_file_t {
    mp_obj_t stream;
    /* NATMODGEN_RT_FILE_EOF, NATMODGEN_RT_FILE_ERR, NATMODGEN_RT_FILE_CLOSED */
    int flags;
    /* The byte ungetc pushed back, or EOF. */
    int unget;
} natmodgen_rt_file_t;

#define NATMODGEN_RT_FILE_EOF (1)
#define NATMODGEN_RT_FILE_ERR (2)
#define NATMODGEN_RT_FILE_CLOSED (4)

#define NATMODGEN_RT_FILE(fp) ((natmodgen_rt_file_t *)(void *)(fp))

/* C's mode ("r", "wb", "r+b", "a+", "wx"...) as open()'s, in binary mode; NULL if not a C mode. */
static const char *natmodgen_rt_file_mode(const char *mode, char *out) {
    size_t n = 0;
    if (mode[0] != 'r' && mode[0] != 'w' && mode[0] != 'a') {
        return NULL;
    }
    for (const char *m = mode; *m != '\0' && n < 4; m++) {
        if (*m == 'r' || *m == 'w' || *m == 'a' || *m == '+' || *m == 'x') {
            out[n++] = *m;
        }
    }
    out[n++] = 'b';
    out[n] = '\0';
    return out;
}

FILE *natmodgen_fopen(const char *path, const char *mode) {
    char m[6];
    if (natmodgen_rt_file_mode(mode, m) == NULL) {
        return NULL;
    }
    natmodgen_rt_file_t *f = m_new_obj(natmodgen_rt_file_t);
    f->flags = 0;
    f->unget = EOF;
    nlr_buf_t nlr;
    if (nlr_push(&nlr) == 0) {
        mp_obj_t args[2] = { mp_obj_new_str(path, strlen(path)), mp_obj_new_str(m, strlen(m)) };
        f->stream = mp_vfs_open(2, args, (mp_map_t *)&mp_const_empty_map);
        mp_get_stream_raise(f->stream, MP_STREAM_OP_READ | MP_STREAM_OP_WRITE | MP_STREAM_OP_IOCTL);
        nlr_pop();
        return (FILE *)(void *)f;
    }
    return NULL;
}

int natmodgen_fclose(FILE *fp) {
    natmodgen_rt_file_t *f = NATMODGEN_RT_FILE(fp);
    int ret = (f->flags & NATMODGEN_RT_FILE_CLOSED) ? EOF : 0;
    f->flags |= NATMODGEN_RT_FILE_CLOSED;
    if (ret == 0) {
        nlr_buf_t nlr;
        if (nlr_push(&nlr) == 0) {
            mp_stream_close(f->stream);
            nlr_pop();
        } else {
            ret = EOF;
        }
    }
    return ret;
}

/* Reads up to n bytes, the pushed-back one first; sets the EOF or error flag when short. */
static size_t natmodgen_rt_file_read(natmodgen_rt_file_t *f, unsigned char *buf, size_t n) {
    size_t done = 0;
    if (n > 0 && f->unget != EOF) {
        buf[done++] = (unsigned char)f->unget;
        f->unget = EOF;
    }
    if (done < n) {
        int err = 0;
        done += mp_stream_rw(f->stream, buf + done, n - done, &err, MP_STREAM_RW_READ);
        if (done < n) {
            f->flags |= err ? NATMODGEN_RT_FILE_ERR : NATMODGEN_RT_FILE_EOF;
        }
    }
    return done;
}

static size_t natmodgen_rt_file_write(natmodgen_rt_file_t *f, const void *buf, size_t n) {
    if (n == 0) {
        return 0;
    }
    int err = 0;
    size_t done = mp_stream_rw(f->stream, (void *)buf, n, &err, MP_STREAM_RW_WRITE);
    if (done < n) {
        f->flags |= NATMODGEN_RT_FILE_ERR;
    }
    return done;
}

size_t natmodgen_fread(void *ptr, size_t size, size_t nmemb, FILE *fp) {
    if (size == 0 || nmemb == 0) {
        return 0;
    }
    return natmodgen_rt_file_read(NATMODGEN_RT_FILE(fp), ptr, size * nmemb) / size;
}

size_t natmodgen_fwrite(const void *ptr, size_t size, size_t nmemb, FILE *fp) {
    if (size == 0 || nmemb == 0) {
        return 0;
    }
    return natmodgen_rt_file_write(NATMODGEN_RT_FILE(fp), ptr, size * nmemb) / size;
}

int natmodgen_fseek(FILE *fp, long offset, int whence) {
    natmodgen_rt_file_t *f = NATMODGEN_RT_FILE(fp);
    if (whence == SEEK_CUR && f->unget != EOF) {
        offset -= 1;
    }
    int err = 0;
    if (mp_stream_seek(f->stream, (mp_off_t)offset, whence, &err) == (mp_off_t)-1) {
        f->flags |= NATMODGEN_RT_FILE_ERR;
        return -1;
    }
    f->unget = EOF;
    f->flags &= ~NATMODGEN_RT_FILE_EOF;
    return 0;
}

long natmodgen_ftell(FILE *fp) {
    natmodgen_rt_file_t *f = NATMODGEN_RT_FILE(fp);
    int err = 0;
    mp_off_t pos = mp_stream_seek(f->stream, 0, SEEK_CUR, &err);
    if (pos == (mp_off_t)-1) {
        return -1;
    }
    return (long)pos - (f->unget != EOF ? 1 : 0);
}

void natmodgen_rewind(FILE *fp) {
    natmodgen_fseek(fp, 0, SEEK_SET);
    NATMODGEN_RT_FILE(fp)->flags &= ~NATMODGEN_RT_FILE_ERR;
}

int natmodgen_fflush(FILE *fp) {
    if (fp == NULL) {
        return 0;
    }
    natmodgen_rt_file_t *f = NATMODGEN_RT_FILE(fp);
    int err = 0;
    if (mp_get_stream(f->stream)->ioctl(f->stream, MP_STREAM_FLUSH, 0, &err) == MP_STREAM_ERROR) {
        f->flags |= NATMODGEN_RT_FILE_ERR;
        return EOF;
    }
    return 0;
}

int natmodgen_fgetc(FILE *fp) {
    unsigned char c;
    return natmodgen_rt_file_read(NATMODGEN_RT_FILE(fp), &c, 1) == 1 ? c : EOF;
}

int natmodgen_ungetc(int c, FILE *fp) {
    natmodgen_rt_file_t *f = NATMODGEN_RT_FILE(fp);
    if (c == EOF || f->unget != EOF) {
        return EOF;
    }
    f->unget = (unsigned char)c;
    f->flags &= ~NATMODGEN_RT_FILE_EOF;
    return (unsigned char)c;
}

/* Up to size - 1 bytes, through the first newline; NULL at end of file with nothing read. */
char *natmodgen_fgets(char *s, int size, FILE *fp) {
    natmodgen_rt_file_t *f = NATMODGEN_RT_FILE(fp);
    int n = 0;
    while (n < size - 1) {
        unsigned char c;
        if (natmodgen_rt_file_read(f, &c, 1) != 1) {
            break;
        }
        s[n++] = (char)c;
        if (c == '\n') {
            break;
        }
    }
    if (n == 0 || (f->flags & NATMODGEN_RT_FILE_ERR)) {
        return NULL;
    }
    s[n] = '\0';
    return s;
}

int natmodgen_fputc(int c, FILE *fp) {
    unsigned char b = (unsigned char)c;
    return natmodgen_rt_file_write(NATMODGEN_RT_FILE(fp), &b, 1) == 1 ? b : EOF;
}

int natmodgen_fputs(const char *s, FILE *fp) {
    size_t n = strlen(s);
    return natmodgen_rt_file_write(NATMODGEN_RT_FILE(fp), s, n) == n ? 0 : EOF;
}

static void natmodgen_rt_file_print(void *data, const char *str, size_t len) {
    natmodgen_rt_file_write(data, str, len);
}

int natmodgen_vfprintf(FILE *fp, const char *fmt, va_list ap) {
    natmodgen_rt_file_t *f = NATMODGEN_RT_FILE(fp);
    int had_error = f->flags & NATMODGEN_RT_FILE_ERR;
    f->flags &= ~NATMODGEN_RT_FILE_ERR;
    mp_print_t print = { f, natmodgen_rt_file_print };
    int n = mp_vprintf(&print, fmt, ap);
    int failed = f->flags & NATMODGEN_RT_FILE_ERR;
    f->flags |= had_error;
    return failed ? -1 : n;
}

int natmodgen_fprintf(FILE *fp, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    int n = natmodgen_vfprintf(fp, fmt, ap);
    va_end(ap);
    return n;
}

int natmodgen_feof(FILE *fp) {
    return (NATMODGEN_RT_FILE(fp)->flags & NATMODGEN_RT_FILE_EOF) != 0;
}

int natmodgen_ferror(FILE *fp) {
    return (NATMODGEN_RT_FILE(fp)->flags & NATMODGEN_RT_FILE_ERR) != 0;
}

void natmodgen_clearerr(FILE *fp) {
    NATMODGEN_RT_FILE(fp)->flags &= ~(NATMODGEN_RT_FILE_EOF | NATMODGEN_RT_FILE_ERR);
}
