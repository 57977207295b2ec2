/*
 * nlr_jump (py/nlr.h): unwinds to the innermost nlr_push with val, which is how the firmware
 * raises an exception object. A natmod unwinds through mp_fun_table's raise, which takes the
 * same exception object (an exception class is instantiated first, as the firmware's
 * mp_make_raise_obj does). And the function behind MP_DEFINE_NLR_JUMP_CALLBACK_FUNCTION_1
 * (py/runtime.h), which calls the callback's function with its argument.
 */
#include "py/dynruntime.h"

MP_NORETURN void nlr_jump(void *val) {
    nlr_raise(MP_OBJ_FROM_PTR(val));
}

void mp_call_function_1_from_nlr_jump_callback(void *ctx_in) {
    nlr_jump_callback_node_call_function_1_t *ctx = ctx_in;
    ctx->func(ctx->arg);
}
