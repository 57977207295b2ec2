// auditcheck: the names issue 8's inventory audit found buildable (previously called impossible):
// the plain-C encoders and accessors of the assembler, scope and emitglue headers, and the
// runtime library's mp_stack_check, mp_obj_fun_bc_attr, mp_obj_fun_bc_get_name,
// mp_vfs_mount_and_chdir_protected, and the lexer/parse/compile calls of a port's do_str. Built into the unix port as a user C module and converted
// to a natmod, test.py must print the same.
#include <string.h>
#include "py/runtime.h"
#include "py/objfun.h"
#include "py/stackctrl.h"
#include "py/asmbase.h"
#include "py/asmarm.h"
#include "py/asmthumb.h"
#include "py/asmx64.h"
#include "py/asmx86.h"
#include "py/asmxtensa.h"
#include "py/asmrv32.h"
#include "py/scope.h"
#include "py/emitglue.h"
#include "extmod/vfs.h"
#include "py/lexer.h"
#include "py/parse.h"
#include "py/compile.h"
#include "py/reader.h"

#if !MICROPY_STACK_CHECK
// py/stackctrl.h declares it only for ports that check the stack; the unix port does.
void mp_stack_check(void);
#endif

static mp_obj_t ac_int(mp_uint_t v) {
    return mp_obj_new_int_from_uint(v);
}

// Every encoder macro, each at two sets of operands (low bits, and all bits of each field set).
static mp_obj_t ac_encoders(mp_obj_t set_in) {
    mp_uint_t k = mp_obj_get_int(set_in);
    mp_uint_t a = k ? 0xffffffff : 1, b = k ? 0xffffffff : 2, c = k ? 0xffffffff : 3;
    mp_uint_t d = k ? 0xffffffff : 4, e = k ? 0xffffffff : 5, f = k ? 0xffffffff : 6;
    mp_obj_t out[] = {
        ac_int(RV32_ENCODE_TYPE_B(a, b, c, d, (e << 1))),
        ac_int(RV32_ENCODE_TYPE_CSRI(a, b, c, d, e)),
        ac_int(RV32_ENCODE_TYPE_I(a, b, c, d, e)),
        ac_int(RV32_ENCODE_TYPE_J(a, b, (c << 1))),
        ac_int(RV32_ENCODE_TYPE_R(a, b, c, d, e, f)),
        ac_int(RV32_ENCODE_TYPE_S(a, b, c, d, e)),
        ac_int(RV32_ENCODE_TYPE_CA(a, b, c, (d + 8), (e + 8))),
        ac_int(RV32_ENCODE_TYPE_U(a, b, c)),
        ac_int(RV32_ENCODE_TYPE_CB(a, b, (c + 8), (d << 1))),
        ac_int(RV32_ENCODE_TYPE_CI(a, b, c, d)),
        ac_int(RV32_ENCODE_TYPE_CIW(a, b, (c + 8), (d << 2))),
        ac_int(RV32_ENCODE_TYPE_CJ(a, b, (c << 1))),
        ac_int(RV32_ENCODE_TYPE_CL(a, b, (c + 8), (d + 8), (e << 2))),
        ac_int(RV32_ENCODE_TYPE_CMPP(a, b, c, d, e)),
        ac_int(RV32_ENCODE_TYPE_CR(a, b, c, d)),
        ac_int(RV32_ENCODE_TYPE_CS(a, b, (c + 8), (d + 8), (e << 2))),
        ac_int(RV32_ENCODE_TYPE_CSS(a, b, c, (d << 2))),
        ac_int(RV32_MAP_IN_C_REGISTER_WINDOW(k ? ASM_RV32_REG_X15 : ASM_RV32_REG_X9)),
        ac_int(RV32_IS_IN_C_REGISTER_WINDOW(k ? ASM_RV32_REG_X16 : ASM_RV32_REG_X9)),
        ac_int(ASM_XTENSA_ENCODE_RRR(a, b, c, d, e, f)),
        ac_int(ASM_XTENSA_ENCODE_RRI4(a, b, c, d, e, f)),
        ac_int(ASM_XTENSA_ENCODE_RRI8(a, b, c, d, e)),
        ac_int(ASM_XTENSA_ENCODE_RI16(a, b, c)),
        ac_int(ASM_XTENSA_ENCODE_RSR(a, b, c, d, e)),
        ac_int(ASM_XTENSA_ENCODE_CALL(a, b, c)),
        ac_int(ASM_XTENSA_ENCODE_CALLX(a, b, c, d, e, f, a)),
        ac_int(ASM_XTENSA_ENCODE_BRI8(a, b, c, d, e, f)),
        ac_int(ASM_XTENSA_ENCODE_BRI12(a, b, c, d, e)),
        ac_int(ASM_XTENSA_ENCODE_RRRN(a, b, c, d)),
        ac_int(ASM_XTENSA_ENCODE_RI7(a, b, c)),
        ac_int(ASM_THUMB_FORMAT_1_ENCODE(ASM_THUMB_FORMAT_1_LSL, b & 7, c & 7, d & 31)),
        ac_int(ASM_THUMB_FORMAT_2_ENCODE(ASM_THUMB_FORMAT_2_ADD, b & 7, c & 7, d & 7)),
        ac_int(ASM_THUMB_FORMAT_3_ENCODE(ASM_THUMB_FORMAT_3_MOV, b & 7, c & 255)),
        ac_int(ASM_THUMB_FORMAT_5_ENCODE(ASM_THUMB_FORMAT_5_ADD, b & 15, c & 15)),
        ac_int(ASM_THUMB_FORMAT_7_8_ENCODE(ASM_THUMB_FORMAT_7_LDR, b & 7, c & 7, d & 7)),
        ac_int(ASM_THUMB_FORMAT_9_10_ENCODE(ASM_THUMB_FORMAT_9_LDR | ASM_THUMB_FORMAT_9_WORD_TRANSFER, b & 7, c & 7, d & 31)),
        ac_int(ASM_THUMB_FORMAT_11_ENCODE(ASM_THUMB_FORMAT_11_SXTH, b & 7, c & 7)),
    };
    return mp_obj_new_tuple(MP_ARRAY_SIZE(out), out);
}
static MP_DEFINE_CONST_FUN_OBJ_1(ac_encoders_obj, ac_encoders);

// Scope kinds: SCOPE_IS_FUNC_LIKE / SCOPE_IS_COMP_LIKE for each.
static mp_obj_t ac_scope_kinds(void) {
    static const scope_kind_t kinds[] = {
        SCOPE_MODULE, SCOPE_CLASS, SCOPE_LAMBDA, SCOPE_LIST_COMP, SCOPE_DICT_COMP, SCOPE_SET_COMP, SCOPE_GEN_EXPR, SCOPE_FUNCTION,
    };
    mp_obj_t out[MP_ARRAY_SIZE(kinds)];
    for (size_t i = 0; i < MP_ARRAY_SIZE(kinds); i++) {
        mp_obj_t pair[2] = { mp_obj_new_bool(SCOPE_IS_FUNC_LIKE(kinds[i])), mp_obj_new_bool(SCOPE_IS_COMP_LIKE(kinds[i])) };
        out[i] = mp_obj_new_tuple(2, pair);
    }
    return mp_obj_new_tuple(MP_ARRAY_SIZE(out), out);
}
static MP_DEFINE_CONST_FUN_OBJ_0(ac_scope_kinds_obj, ac_scope_kinds);

// The assembler base's accessors over a filled struct, and each architecture's end_pass (no-ops).
static mp_obj_t ac_asm_base(mp_obj_t pos_in, mp_obj_t size_in) {
    mp_asm_base_t as;
    memset(&as, 0, sizeof(as));
    as.code_offset = mp_obj_get_int(pos_in);
    as.code_size = mp_obj_get_int(size_in);
    mp_obj_t before = mp_obj_new_bool(as.suppress);
    mp_asm_base_suppress_code(&as);
    asm_arm_t arm;
    asm_thumb_t thumb;
    asm_x64_t x64;
    asm_x86_t x86;
    memset(&arm, 0, sizeof(arm));
    memset(&thumb, 0, sizeof(thumb));
    memset(&x64, 0, sizeof(x64));
    memset(&x86, 0, sizeof(x86));
    asm_arm_end_pass(&arm);
    asm_thumb_end_pass(&thumb);
    asm_x64_end_pass(&x64);
    asm_x86_end_pass(&x86);
    mp_obj_t out[] = {
        mp_obj_new_int(mp_asm_base_get_code_pos(&as)),
        mp_obj_new_int(mp_asm_base_get_code_size(&as)),
        before,
        mp_obj_new_bool(as.suppress),
    };
    return mp_obj_new_tuple(MP_ARRAY_SIZE(out), out);
}
static MP_DEFINE_CONST_FUN_OBJ_2(ac_asm_base_obj, ac_asm_base);

// mp_proto_fun_is_bytecode over the first two bytes of a bytes object.
static mp_obj_t ac_is_bytecode(mp_obj_t bytes_in) {
    mp_buffer_info_t bufinfo;
    mp_get_buffer_raise(bytes_in, &bufinfo, MP_BUFFER_READ);
    return mp_obj_new_bool(mp_proto_fun_is_bytecode(bufinfo.buf));
}
static MP_DEFINE_CONST_FUN_OBJ_1(ac_is_bytecode_obj, ac_is_bytecode);

// mp_stack_check in a C recursion of its own: past the firmware's limit it raises, and the
// depth reached is reported as "deep" only (frame sizes differ between builds).
static mp_uint_t ac_recurse(mp_uint_t depth, volatile char *prev) {
    volatile char frame[96];
    frame[0] = prev ? prev[0] + 1 : 0;
    mp_stack_check();
    if (depth > 10000000) {
        return frame[0];
    }
    return 1 + ac_recurse(depth + 1, frame) + (frame[0] & 0);
}
static mp_obj_t ac_stack_check(mp_obj_t deep_in) {
    if (!mp_obj_is_true(deep_in)) {
        mp_stack_check();
        return mp_const_none;
    }
    return mp_obj_new_int(ac_recurse(0, NULL));
}
static MP_DEFINE_CONST_FUN_OBJ_1(ac_stack_check_obj, ac_stack_check);

// mp_obj_fun_bc_attr for a load (dest[0] NULL) or a store attempt (dest[0] a sentinel), and
// mp_obj_fun_bc_get_name.
static mp_obj_t ac_fun_attr(mp_obj_t fun_in, mp_obj_t attr_in, mp_obj_t store_in) {
    mp_obj_t dest[2] = { MP_OBJ_NULL, MP_OBJ_NULL };
    if (mp_obj_is_true(store_in)) {
        dest[0] = MP_OBJ_SENTINEL;
        dest[1] = mp_const_none;
    }
    mp_obj_fun_bc_attr(fun_in, mp_obj_str_get_qstr(attr_in), dest);
    if (dest[0] == MP_OBJ_NULL) {
        return MP_OBJ_NEW_QSTR(MP_QSTR_NULL);
    }
    if (dest[0] == MP_OBJ_SENTINEL) {
        return MP_OBJ_NEW_QSTR(MP_QSTR_sentinel);
    }
    return dest[0];
}
static MP_DEFINE_CONST_FUN_OBJ_3(ac_fun_attr_obj, ac_fun_attr);

static mp_obj_t ac_fun_name(mp_obj_t fun_in) {
    return MP_OBJ_NEW_QSTR(mp_obj_fun_bc_get_name(MP_OBJ_TO_PTR(fun_in)));
}
static MP_DEFINE_CONST_FUN_OBJ_1(ac_fun_name_obj, ac_fun_name);

static mp_obj_t ac_mount_chdir(mp_obj_t bdev, mp_obj_t mount_point) {
    return mp_obj_new_int(mp_vfs_mount_and_chdir_protected(bdev, mount_point));
}
static MP_DEFINE_CONST_FUN_OBJ_2(ac_mount_chdir_obj, ac_mount_chdir);


// Python text compiled and run from C, as a port's do_str: lexer from a string, mp_parse,
// mp_compile, call (is_repl as given); the source name as the lexer reports it.
static mp_obj_t ac_do_str(mp_obj_t src_in, mp_obj_t kind_in, mp_obj_t repl_in) {
    size_t len;
    const char *src = mp_obj_str_get_data(src_in, &len);
    mp_lexer_t *lex = mp_lexer_new_from_str_len(MP_QSTR_ac_string, src, len, 0);
    qstr source_name = lex->source_name;
    mp_parse_tree_t tree = mp_parse(lex, (mp_parse_input_kind_t)mp_obj_get_int(kind_in));
    mp_obj_t fun = mp_compile(&tree, source_name, mp_obj_is_true(repl_in));
    mp_obj_t ret = mp_call_function_0(fun);
    mp_obj_t out[2] = { MP_OBJ_NEW_QSTR(source_name), ret };
    return mp_obj_new_tuple(2, out);
}
static MP_DEFINE_CONST_FUN_OBJ_3(ac_do_str_obj, ac_do_str);

// The function mp_compile gives, not called: run it later (it keeps the globals it was made with).
static mp_obj_t ac_compile_only(mp_obj_t src_in) {
    size_t len;
    const char *src = mp_obj_str_get_data(src_in, &len);
    mp_lexer_t *lex = mp_lexer_new_from_str_len(MP_QSTR_ac_string, src, len, 0);
    mp_parse_tree_t tree = mp_parse(lex, MP_PARSE_FILE_INPUT);
    return mp_compile(&tree, MP_QSTR_ac_string, false);
}
static MP_DEFINE_CONST_FUN_OBJ_1(ac_compile_only_obj, ac_compile_only);

// mp_parse_compile_execute with the given globals and locals (None: NULL, which the firmware
// cannot run: its code reads names from the locals).
static mp_obj_t ac_pce(size_t n_args, const mp_obj_t *args) {
    size_t len;
    const char *src = mp_obj_str_get_data(args[0], &len);
    mp_lexer_t *lex = mp_lexer_new_from_str_len(MP_QSTR_ac_pce, src, len, 0);
    mp_obj_dict_t *locals = args[3] == mp_const_none ? NULL : MP_OBJ_TO_PTR(args[3]);
    return mp_parse_compile_execute(lex, (mp_parse_input_kind_t)mp_obj_get_int(args[1]), MP_OBJ_TO_PTR(args[2]), locals);
}
static MP_DEFINE_CONST_FUN_OBJ_VAR_BETWEEN(ac_pce_obj, 4, 4, ac_pce);

// A file's text, run with the given globals.
static mp_obj_t ac_run_file(mp_obj_t path_in, mp_obj_t globals_in) {
    mp_lexer_t *lex = mp_lexer_new_from_file(mp_obj_str_get_qstr(path_in));
    return mp_parse_compile_execute(lex, MP_PARSE_FILE_INPUT, MP_OBJ_TO_PTR(globals_in), MP_OBJ_TO_PTR(globals_in));
}
static MP_DEFINE_CONST_FUN_OBJ_2(ac_run_file_obj, ac_run_file);

// A reader of the module's own (the text backwards) under mp_lexer_new; mp_lexer_free closes it.
typedef struct {
    const char *text;
    size_t left;
    mp_obj_t closed;
} ac_rev_reader_t;
static mp_uint_t ac_rev_readbyte(void *data) {
    ac_rev_reader_t *r = data;
    return r->left ? (byte)r->text[--r->left] : MP_READER_EOF;
}
static void ac_rev_close(void *data) {
    ac_rev_reader_t *r = data;
    mp_obj_list_append(r->closed, mp_const_true);
}
static mp_obj_t ac_reader(mp_obj_t src_in, mp_obj_t closed_in, mp_obj_t parse_in) {
    ac_rev_reader_t *r = m_new_obj(ac_rev_reader_t);
    r->text = mp_obj_str_get_data(src_in, &r->left);
    r->closed = closed_in;
    mp_reader_t reader = { r, ac_rev_readbyte, ac_rev_close };
    mp_lexer_t *lex = mp_lexer_new(MP_QSTR_ac_rev, reader);
    if (!mp_obj_is_true(parse_in)) {
        mp_lexer_free(lex);
        return mp_const_none;
    }
    mp_parse_tree_t tree = mp_parse(lex, MP_PARSE_EVAL_INPUT);
    return mp_call_function_0(mp_compile(&tree, MP_QSTR_ac_rev, false));
}
static MP_DEFINE_CONST_FUN_OBJ_3(ac_reader_obj, ac_reader);

static const mp_rom_map_elem_t auditcheck_globals_table[] = {
    { MP_ROM_QSTR(MP_QSTR___name__), MP_ROM_QSTR(MP_QSTR_auditcheck) },
    { MP_ROM_QSTR(MP_QSTR_encoders), MP_ROM_PTR(&ac_encoders_obj) },
    { MP_ROM_QSTR(MP_QSTR_scope_kinds), MP_ROM_PTR(&ac_scope_kinds_obj) },
    { MP_ROM_QSTR(MP_QSTR_asm_base), MP_ROM_PTR(&ac_asm_base_obj) },
    { MP_ROM_QSTR(MP_QSTR_is_bytecode), MP_ROM_PTR(&ac_is_bytecode_obj) },
    { MP_ROM_QSTR(MP_QSTR_stack_check), MP_ROM_PTR(&ac_stack_check_obj) },
    { MP_ROM_QSTR(MP_QSTR_fun_attr), MP_ROM_PTR(&ac_fun_attr_obj) },
    { MP_ROM_QSTR(MP_QSTR_fun_name), MP_ROM_PTR(&ac_fun_name_obj) },
    { MP_ROM_QSTR(MP_QSTR_mount_chdir), MP_ROM_PTR(&ac_mount_chdir_obj) },
    { MP_ROM_QSTR(MP_QSTR_do_str), MP_ROM_PTR(&ac_do_str_obj) },
    { MP_ROM_QSTR(MP_QSTR_compile_only), MP_ROM_PTR(&ac_compile_only_obj) },
    { MP_ROM_QSTR(MP_QSTR_pce), MP_ROM_PTR(&ac_pce_obj) },
    { MP_ROM_QSTR(MP_QSTR_run_file), MP_ROM_PTR(&ac_run_file_obj) },
    { MP_ROM_QSTR(MP_QSTR_reader), MP_ROM_PTR(&ac_reader_obj) },
};
static MP_DEFINE_CONST_DICT(auditcheck_globals, auditcheck_globals_table);

const mp_obj_module_t auditcheck_user_cmodule = {
    .base = { &mp_type_module },
    .globals = (mp_obj_dict_t *)&auditcheck_globals,
};

MP_REGISTER_MODULE(MP_QSTR_auditcheck, auditcheck_user_cmodule);
