/*
 * Resuming a generator-like object (py/runtime.h mp_resume, py/objgenerator.h
 * mp_obj_gen_resume) with the firmware's results: YIELD with the yielded value, NORMAL with the
 * returned value, EXCEPTION with the exception the generator ended with; errors raised before the
 * generator runs (a non-None value sent to a just-started generator, re-entry) are raised.
 *
 * The firmware runs a generator only through mp_fun_table.yield_from (the native emitter's
 * `yield from`), which folds the result kinds: it returns true for a yield, false for a return
 * (with the value), and raises what the generator ended with. A generator that ended is marked
 * by a NULL instruction pointer in its frame (the head of py/objgenerator.c's
 * mp_obj_gen_instance_t, the same in every configuration), which tells an exception of the
 * generator (EXCEPTION) from one raised before it ran (raised). One case cannot be told apart:
 * GeneratorExit thrown into a generator that then returns normally gives EXCEPTION with the
 * GeneratorExit, not NORMAL (both mean the generator closed).
 */
#include "py/dynruntime.h"
#include "builtin.h"

typedef struct _natmodgen_rt_gen_head_t {
    mp_obj_base_t base;
    mp_obj_t pend_exc;
    void *fun_bc;
    const byte *ip;
} natmodgen_rt_gen_head_t;

/* py/objgenerator.c's mp_type_gen_instance: the native iterator type named generator. */
static bool natmodgen_rt_is_generator(const mp_obj_type_t *type) {
    return type->name == MP_QSTR_generator && !(type->flags & MP_TYPE_FLAG_INSTANCE_TYPE) && (type->flags & MP_TYPE_FLAG_ITER_IS_ITERNEXT);
}

mp_vm_return_kind_t mp_obj_gen_resume(mp_obj_t self_in, mp_obj_t send_value, mp_obj_t throw_value, mp_obj_t *ret_val) {
    if (!natmodgen_rt_is_generator(mp_obj_get_type(self_in))) {
        mp_raise_TypeError(MP_ERROR_TEXT("argument has wrong type"));
    }
    natmodgen_rt_gen_head_t *gen = MP_OBJ_TO_PTR(self_in);
    if (gen->ip == NULL) {
        // Already finished: the firmware's "raise StopIteration(None)".
        *ret_val = mp_const_none;
        return MP_VM_RETURN_NORMAL;
    }
    mp_obj_t value = throw_value;
    nlr_buf_t nlr;
    if (nlr_push(&nlr) == 0) {
        bool yielded = mp_fun_table.yield_from(self_in, send_value, &value);
        nlr_pop();
        *ret_val = value;
        return yielded ? MP_VM_RETURN_YIELD : MP_VM_RETURN_NORMAL;
    }
    if (gen->ip != NULL) {
        // The generator did not run: the firmware raised before resuming it.
        nlr_jump(nlr.ret_val);
    }
    *ret_val = MP_OBJ_FROM_PTR(nlr.ret_val);
    return MP_VM_RETURN_EXCEPTION;
}

mp_vm_return_kind_t mp_resume(mp_obj_t self_in, mp_obj_t send_value, mp_obj_t throw_value, mp_obj_t *ret_val) {
    const mp_obj_type_t *type = mp_obj_get_type(self_in);
    if (natmodgen_rt_is_generator(type)) {
        return mp_obj_gen_resume(self_in, send_value, throw_value, ret_val);
    }
    if ((type->flags & (MP_TYPE_FLAG_ITER_IS_ITERNEXT | MP_TYPE_FLAG_ITER_IS_CUSTOM | MP_TYPE_FLAG_ITER_IS_STREAM)) && send_value == mp_const_none) {
        // The type's own iternext; yield_from gives the value a finished iterator returns.
        mp_obj_t value = MP_OBJ_NULL;
        bool yielded = mp_fun_table.yield_from(self_in, mp_const_none, &value);
        *ret_val = value;
        return yielded ? MP_VM_RETURN_YIELD : MP_VM_RETURN_NORMAL;
    }
    mp_obj_t dest[3];
    if (send_value == mp_const_none) {
        mp_load_method_maybe(self_in, MP_QSTR___next__, dest);
        if (dest[0] != MP_OBJ_NULL) {
            *ret_val = mp_call_method_n_kw(0, 0, dest);
            return MP_VM_RETURN_YIELD;
        }
    }
    if (send_value != MP_OBJ_NULL) {
        mp_load_method(self_in, MP_QSTR_send, dest);
        dest[2] = send_value;
        *ret_val = mp_call_method_n_kw(1, 0, dest);
        return MP_VM_RETURN_YIELD;
    }
    mp_obj_t exc_type = MP_OBJ_FROM_PTR(mp_obj_get_type(throw_value));
    if (mp_obj_is_subclass_fast(exc_type, natmodgen_rt_builtin(MP_QSTR_GeneratorExit))) {
        mp_load_method_maybe(self_in, MP_QSTR_close, dest);
        if (dest[0] != MP_OBJ_NULL) {
            *ret_val = mp_call_method_n_kw(0, 0, dest);
            return MP_VM_RETURN_NORMAL;
        }
    } else {
        mp_load_method_maybe(self_in, MP_QSTR_throw, dest);
        if (dest[0] != MP_OBJ_NULL) {
            dest[2] = throw_value;
            *ret_val = mp_call_method_n_kw(1, 0, dest);
            return MP_VM_RETURN_YIELD;
        }
    }
    // Nothing to throw into: the exception propagates (PEP 479 turns StopIteration into RuntimeError).
    if (mp_obj_exception_match(throw_value, natmodgen_rt_builtin(MP_QSTR_StopIteration))) {
        *ret_val = mp_obj_new_exception_msg((const mp_obj_type_t *)MP_OBJ_TO_PTR(natmodgen_rt_builtin(MP_QSTR_RuntimeError)),
            MP_ERROR_TEXT("generator raised StopIteration"));
    } else {
        *ret_val = mp_make_raise_obj(throw_value);
    }
    return MP_VM_RETURN_EXCEPTION;
}
