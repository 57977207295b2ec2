/*
 * Traceback entries of an exception (py/obj.h mp_obj_exception_*_traceback) in the firmware's
 * layout (py/objexcept.h: triples of file qstr, line, block qstr), so the firmware prints them.
 * An exception of a class written in Python keeps them in its native base object. Adding
 * honours sys.tracebacklimit where the firmware has it, and gives up silently when memory runs
 * out, as the firmware does (the firmware's emergency exception buffer, its last resort, is
 * not reachable from a natmod).
 */
#include "py/dynruntime.h"
#include "py/objexcept.h"
#include "py/objtype.h"

#define NATMODGEN_RT_TB_ENTRY (3)

static mp_obj_exception_t *natmodgen_rt_native_exception(mp_obj_t self_in) {
    if (mp_obj_get_type(self_in)->flags & MP_TYPE_FLAG_INSTANCE_TYPE) {
        return MP_OBJ_TO_PTR(((mp_obj_instance_t *)MP_OBJ_TO_PTR(self_in))->subobj[0]);
    }
    return MP_OBJ_TO_PTR(self_in);
}

void mp_obj_exception_clear_traceback(mp_obj_t self_in) {
    natmodgen_rt_native_exception(self_in)->traceback_data = NULL;
}

void mp_obj_exception_get_traceback(mp_obj_t self_in, size_t *n, size_t **values) {
    mp_obj_exception_t *self = natmodgen_rt_native_exception(self_in);
    *n = self->traceback_data == NULL ? 0 : self->traceback_len;
    *values = self->traceback_data;
}

/* sys.tracebacklimit, or -1 when the firmware has none. */
static mp_int_t natmodgen_rt_traceback_limit(void) {
    mp_obj_t dest[2] = { MP_OBJ_NULL, MP_OBJ_NULL };
    mp_load_method_maybe(mp_import_name(MP_QSTR_sys, mp_const_none, MP_OBJ_NEW_SMALL_INT(0)), MP_QSTR_tracebacklimit, dest);
    return dest[0] == MP_OBJ_NULL ? -1 : mp_obj_get_int(dest[0]);
}

void mp_obj_exception_add_traceback(mp_obj_t self_in, qstr file, size_t line, qstr block) {
    mp_obj_exception_t *self = natmodgen_rt_native_exception(self_in);
    mp_int_t limit = natmodgen_rt_traceback_limit();
    if (limit == 0 || limit < -1) {
        return;
    }
    if (limit > 0 && self->traceback_data != NULL && self->traceback_len >= (size_t)limit * NATMODGEN_RT_TB_ENTRY) {
        // Drop the oldest entry to make room.
        self->traceback_len -= NATMODGEN_RT_TB_ENTRY;
        mp_fun_table.memmove_(self->traceback_data, self->traceback_data + NATMODGEN_RT_TB_ENTRY, self->traceback_len * sizeof(size_t));
    }
    bool fresh = self->traceback_data == NULL;
    if (fresh || self->traceback_len + NATMODGEN_RT_TB_ENTRY > self->traceback_alloc) {
        size_t alloc = fresh ? NATMODGEN_RT_TB_ENTRY : self->traceback_alloc + NATMODGEN_RT_TB_ENTRY;
        size_t *data = NULL;
        nlr_buf_t nlr;
        if (nlr_push(&nlr) == 0) {
            data = (size_t *)m_realloc(fresh ? NULL : self->traceback_data, alloc * sizeof(size_t));
            nlr_pop();
        } else {
            // Out of memory: the traceback stays as it is.
            return;
        }
        self->traceback_data = data;
        self->traceback_alloc = alloc;
        if (fresh) {
            self->traceback_len = 0;
        }
    }
    size_t *entry = &self->traceback_data[self->traceback_len];
    self->traceback_len += NATMODGEN_RT_TB_ENTRY;
    entry[0] = file;
    entry[1] = line;
    entry[2] = block;
}
