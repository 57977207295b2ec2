/*
 * py/reader.h's reader over a file, as the ports with a VFS build it (extmod/vfs_reader.c,
 * MICROPY_READER_VFS: unix, esp32, rp2, stm32...): the file is opened with the firmware's own
 * open(name, "rb"), so it is found on whatever the port has mounted, and read through its stream
 * protocol in chunks. The chunk is what the stream asks for with MP_STREAM_GET_BUFFER_SIZE, kept
 * between one GC block and 255 bytes, or two GC blocks when it does not say, less the reader's
 * header in both cases; a file that offers its bytes as a buffer (a ROM file) is read in place by
 * the memory reader. A missing file raises what open() raises; a read error while reading ends the
 * input, as the firmware's reader does. Each refill first lets pending events run.
 */
#include "py/dynruntime.h"
#include "builtin.h"
#include "py/reader.h"

void mp_event_handle_nowait(void);

typedef struct _natmodgen_rt_reader_file_t {
    mp_obj_t file;
    uint8_t pos;
    uint8_t len;
    uint8_t size;
    byte buf[];
} natmodgen_rt_reader_file_t;

static mp_uint_t natmodgen_rt_reader_file_readbyte(void *data) {
    natmodgen_rt_reader_file_t *rf = data;
    if (rf->pos >= rf->len) {
        // a short chunk was the last one
        if (rf->len < rf->size) {
            return MP_READER_EOF;
        }
        mp_event_handle_nowait();
        int errcode;
        rf->len = (uint8_t)mp_stream_rw(rf->file, rf->buf, rf->size, &errcode, MP_STREAM_RW_READ | MP_STREAM_RW_ONCE);
        if (errcode != 0 || rf->len == 0) {
            return MP_READER_EOF;
        }
        rf->pos = 0;
    }
    return rf->buf[rf->pos++];
}

static void natmodgen_rt_reader_file_close(void *data) {
    natmodgen_rt_reader_file_t *rf = data;
    mp_stream_close(rf->file);
    m_free(rf);
}

void mp_reader_new_file(mp_reader_t *reader, qstr filename) {
    mp_obj_t args[2] = { MP_OBJ_NEW_QSTR(filename), MP_OBJ_NEW_QSTR(MP_QSTR_rb) };
    mp_obj_t file = mp_call_function_n_kw(natmodgen_rt_builtin(MP_QSTR_open), 2, 0, args);
    const mp_stream_p_t *stream_p = mp_get_stream_raise(file, MP_STREAM_OP_READ);
    mp_buffer_info_t bufinfo;
    if (mp_get_buffer(file, &bufinfo, MP_BUFFER_READ)) {
        mp_reader_new_mem(reader, bufinfo.buf, bufinfo.len, MP_READER_IS_ROM);
        return;
    }
    const size_t header = offsetof(natmodgen_rt_reader_file_t, buf);
    int errcode = 0;
    mp_uint_t size = stream_p->ioctl(file, MP_STREAM_GET_BUFFER_SIZE, 0, &errcode);
    if (size == MP_STREAM_ERROR || size == 0) {
        size = 2 * MICROPY_BYTES_PER_GC_BLOCK - header;
    } else if (size < MICROPY_BYTES_PER_GC_BLOCK - header) {
        size = MICROPY_BYTES_PER_GC_BLOCK - header;
    } else if (size > 255) {
        size = 255;
    }
    natmodgen_rt_reader_file_t *rf = m_malloc(header + size);
    rf->file = file;
    rf->size = (uint8_t)size;
    errcode = 0;
    rf->len = (uint8_t)mp_stream_rw(file, rf->buf, size, &errcode, MP_STREAM_RW_READ | MP_STREAM_RW_ONCE);
    if (errcode != 0) {
        mp_raise_OSError(errcode);
    }
    rf->pos = 0;
    reader->data = rf;
    reader->readbyte = natmodgen_rt_reader_file_readbyte;
    reader->close = natmodgen_rt_reader_file_close;
}
