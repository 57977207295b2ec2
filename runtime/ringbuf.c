/*
 * Byte ring buffers (py/ringbuf.h): the 16-bit and block transfers over the header's own
 * inline helpers, with the firmware's results (-1: not now, -2: never fits).
 */
#include "py/dynruntime.h"
#include "py/ringbuf.h"

static uint32_t natmodgen_rt_ring_next(const ringbuf_t *r, uint32_t i) {
    return i + 1 == r->size ? 0 : i + 1;
}

int ringbuf_peek16(ringbuf_t *r) {
    if (r->iget == r->iput) {
        return -1;
    }
    uint32_t second = natmodgen_rt_ring_next(r, r->iget);
    if (second == r->iput) {
        return -1;
    }
    return (r->buf[r->iget] << 8) | r->buf[second];
}

int ringbuf_get16(ringbuf_t *r) {
    int v = ringbuf_peek16(r);
    if (v != -1) {
        r->iget = natmodgen_rt_ring_next(r, natmodgen_rt_ring_next(r, r->iget));
    }
    return v;
}

int ringbuf_put16(ringbuf_t *r, uint16_t v) {
    uint32_t second = natmodgen_rt_ring_next(r, r->iput);
    if (second == r->iget) {
        return -1;
    }
    uint32_t after = natmodgen_rt_ring_next(r, second);
    if (after == r->iget) {
        return -1;
    }
    r->buf[r->iput] = (uint8_t)(v >> 8);
    r->buf[second] = (uint8_t)v;
    r->iput = after;
    return 0;
}

int ringbuf_get_bytes(ringbuf_t *r, uint8_t *data, size_t data_len) {
    if (ringbuf_avail(r) < data_len) {
        return data_len >= r->size ? -2 : -1;
    }
    ringbuf_memcpy_get_internal(r, data, data_len);
    return 0;
}

int ringbuf_put_bytes(ringbuf_t *r, const uint8_t *data, size_t data_len) {
    if (ringbuf_free(r) < data_len) {
        return data_len >= r->size ? -2 : -1;
    }
    ringbuf_memcpy_put_internal(r, data, data_len);
    return 0;
}
