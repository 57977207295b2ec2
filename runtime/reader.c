/*
 * py/reader.h's reader over bytes in memory, as py/reader.c has it: readbyte gives each byte
 * and then MP_READER_EOF for ever; close frees the bytes when the caller handed them over
 * (free_len > 0 and not MP_READER_IS_ROM), then the reader's own state. mp_reader_try_read_rom
 * hands out the bytes in place only from such a reader over ROM data.
 */
#include "py/dynruntime.h"
#include "py/reader.h"

typedef struct _natmodgen_rt_reader_mem_t {
    size_t free_len;
    const byte *beg;
    const byte *cur;
    const byte *end;
} natmodgen_rt_reader_mem_t;

static mp_uint_t natmodgen_rt_reader_mem_readbyte(void *data) {
    natmodgen_rt_reader_mem_t *rm = data;
    return rm->cur < rm->end ? *rm->cur++ : MP_READER_EOF;
}

static void natmodgen_rt_reader_mem_close(void *data) {
    natmodgen_rt_reader_mem_t *rm = data;
    if (rm->free_len > 0 && rm->free_len != MP_READER_IS_ROM) {
        m_free((void *)rm->beg);
    }
    m_free(rm);
}

void mp_reader_new_mem(mp_reader_t *reader, const byte *buf, size_t len, size_t free_len) {
    natmodgen_rt_reader_mem_t *rm = m_malloc(sizeof(natmodgen_rt_reader_mem_t));
    rm->free_len = free_len;
    rm->beg = buf;
    rm->cur = buf;
    rm->end = buf + len;
    reader->data = rm;
    reader->readbyte = natmodgen_rt_reader_mem_readbyte;
    reader->close = natmodgen_rt_reader_mem_close;
}

/* The next len bytes in place when the reader is a memory reader over ROM data (MP_READER_IS_ROM), else NULL. */
const uint8_t *mp_reader_try_read_rom(mp_reader_t *reader, size_t len) {
    if (reader->readbyte != natmodgen_rt_reader_mem_readbyte) {
        return NULL;
    }
    natmodgen_rt_reader_mem_t *rm = reader->data;
    if (rm->free_len != MP_READER_IS_ROM) {
        return NULL;
    }
    const uint8_t *data = rm->cur;
    rm->cur += len;
    return data;
}
