/*
 * Compiling and running Python text from C (py/lexer.h, py/parse.h, py/compile.h), as a port's
 * do_str does: mp_lexer_new_from_str_len (or _from_file, or mp_lexer_new over any reader),
 * mp_parse, mp_compile, then calling the result; or mp_parse_compile_execute in one step. The
 * firmware's parser and compiler are not in mp_fun_table, but its compile and eval builtins run
 * them: the natmod's lexer holds the reader as the firmware's does (and its source_name);
 * mp_parse reads the whole text from it, frees the lexer and compiles it with compile(text,
 * name, mode), so a syntax error is the firmware's SyntaxError, raised by mp_parse as there;
 * mp_compile gives a callable that runs the code with the globals current when it was made
 * (eval(code, globals)) and returns what the code returns (the value, for eval input).
 * Differences: the lexer's token fields are not filled (mp_lexer_to_next stays the firmware's
 * own); the callable is a bound method, not a function; file input compiled with is_repl does
 * not print expression values (compile() has no such mode: single input does print them).
 * These need the port's compile builtin (MICROPY_PY_BUILTINS_COMPILE): without it the call
 * raises NameError.
 */
#include "py/dynruntime.h"
#include "builtin.h"
#include "py/reader.h"
#include "py/lexer.h"
#include "py/parse.h"
#include "py/compile.h"

/* The text of mp_lexer_new_from_str_len, read as a reader; free_len as mp_reader_new_mem's. */
typedef struct _natmodgen_rt_lexmem_t {
    const byte *start;
    const byte *cur;
    const byte *end;
    size_t free_len;
    mp_obj_t keep; /* the bytes object a file was read into, or MP_OBJ_NULL */
} natmodgen_rt_lexmem_t;

static mp_uint_t natmodgen_rt_lexmem_readbyte(void *data) {
    natmodgen_rt_lexmem_t *m = data;
    return m->cur < m->end ? *m->cur++ : MP_READER_EOF;
}

static void natmodgen_rt_lexmem_close(void *data) {
    natmodgen_rt_lexmem_t *m = data;
    if (m->free_len > 0) {
        m_del(char, (char *)m->start, m->free_len);
    }
    m_del_obj(natmodgen_rt_lexmem_t, m);
}

mp_lexer_t *mp_lexer_new(qstr src_name, mp_reader_t reader) {
    mp_lexer_t *lex = m_new_obj(mp_lexer_t);
    memset(lex, 0, sizeof(*lex));
    lex->source_name = src_name;
    lex->reader = reader;
    lex->line = 1;
    lex->column = 1;
    return lex;
}

static mp_lexer_t *natmodgen_rt_lexer_mem(qstr src_name, const char *str, size_t len, size_t free_len, mp_obj_t keep) {
    natmodgen_rt_lexmem_t *m = m_new_obj(natmodgen_rt_lexmem_t);
    m->start = m->cur = (const byte *)str;
    m->end = m->start + len;
    m->free_len = free_len;
    m->keep = keep;
    mp_reader_t reader = { m, natmodgen_rt_lexmem_readbyte, natmodgen_rt_lexmem_close };
    return mp_lexer_new(src_name, reader);
}

mp_lexer_t *mp_lexer_new_from_str_len(qstr src_name, const char *str, size_t len, size_t free_len) {
    return natmodgen_rt_lexer_mem(src_name, str, len, free_len, MP_OBJ_NULL);
}

/* The file is read through open(filename, 'rb'): a missing file raises the firmware's OSError here, as there. */
mp_lexer_t *mp_lexer_new_from_file(qstr filename) {
    mp_obj_t args[2] = { MP_OBJ_NEW_QSTR(filename), MP_OBJ_NEW_QSTR(MP_QSTR_rb) };
    mp_obj_t file = mp_call_function_n_kw(natmodgen_rt_builtin(MP_QSTR_open), 2, 0, args);
    mp_obj_t dest[2];
    mp_load_method(file, MP_QSTR_read, dest);
    mp_obj_t data = mp_call_method_n_kw(0, 0, dest);
    mp_load_method(file, MP_QSTR_close, dest);
    mp_call_method_n_kw(0, 0, dest);
    size_t len;
    const char *text = mp_obj_str_get_data_dyn(data, &len);
    return natmodgen_rt_lexer_mem(filename, text, len, 0, data);
}

void mp_lexer_free(mp_lexer_t *lex) {
    if (lex) {
        lex->reader.close(lex->reader.data);
        m_del_obj(mp_lexer_t, lex);
    }
}

/* compile()'s mode for an input kind (a natmod's qstrs are run-time values: no table). */
static qstr natmodgen_rt_parse_mode(mp_parse_input_kind_t kind) {
    return kind == MP_PARSE_SINGLE_INPUT ? MP_QSTR_single : kind == MP_PARSE_EVAL_INPUT ? MP_QSTR_eval : MP_QSTR_exec;
}

static mp_obj_t natmodgen_rt_compile_text(mp_obj_t text, qstr source_name, qstr mode) {
    mp_obj_t args[3] = { text, MP_OBJ_NEW_QSTR(source_name), MP_OBJ_NEW_QSTR(mode) };
    return mp_call_function_n_kw(natmodgen_rt_builtin(MP_QSTR_compile), 3, 0, args);
}

/* The tree's root is a tuple: (text, source name, input kind, code compiled for that kind). */
mp_parse_tree_t mp_parse(mp_lexer_t *lex, mp_parse_input_kind_t input_kind) {
    vstr_t text;
    vstr_init(&text, 64);
    for (mp_uint_t c; (c = lex->reader.readbyte(lex->reader.data)) != MP_READER_EOF;) {
        vstr_add_byte(&text, (byte)c);
    }
    qstr source_name = lex->source_name;
    mp_lexer_free(lex);
    mp_obj_t items[4] = {
        mp_obj_new_bytes_from_vstr(&text), MP_OBJ_NEW_QSTR(source_name), MP_OBJ_NEW_SMALL_INT(input_kind), mp_const_none,
    };
    items[3] = natmodgen_rt_compile_text(items[0], source_name, natmodgen_rt_parse_mode(input_kind));
    mp_parse_tree_t tree = { (mp_parse_node_t)MP_OBJ_TO_PTR(mp_obj_new_tuple(4, items)), NULL };
    return tree;
}

void mp_parse_tree_clear(mp_parse_tree_t *tree) {
    tree->root = MP_PARSE_NODE_NULL;
    tree->chunk = NULL;
}

/* is_repl prints expression values as single input does; single input without it runs as a file does. */
mp_obj_t mp_compile(mp_parse_tree_t *parse_tree, qstr source_file, bool is_repl) {
    mp_obj_t *items;
    size_t n;
    mp_obj_tuple_get(MP_OBJ_FROM_PTR((void *)parse_tree->root), &n, &items);
    mp_obj_t code = items[3];
    if (MP_OBJ_SMALL_INT_VALUE(items[2]) == MP_PARSE_SINGLE_INPUT && !is_repl) {
        code = natmodgen_rt_compile_text(items[0], source_file, MP_QSTR_exec);
    }
    mp_parse_tree_clear(parse_tree);
    mp_obj_t eval = natmodgen_rt_builtin(MP_QSTR_eval);
    return mp_obj_new_bound_meth(mp_obj_new_bound_meth(eval, code), MP_OBJ_FROM_PTR(mp_globals_get()));
}

mp_obj_t mp_parse_compile_execute(mp_lexer_t *lex, mp_parse_input_kind_t parse_input_kind, mp_obj_dict_t *globals, mp_obj_dict_t *locals) {
    qstr source_name = lex->source_name;
    mp_parse_tree_t tree = mp_parse(lex, parse_input_kind);
    if (globals == NULL) {
        return mp_compile(&tree, source_name, parse_input_kind == MP_PARSE_SINGLE_INPUT);
    }
    mp_obj_t *items;
    size_t n;
    mp_obj_tuple_get(MP_OBJ_FROM_PTR((void *)tree.root), &n, &items);
    mp_obj_t args[3] = { items[3], MP_OBJ_FROM_PTR(globals), MP_OBJ_FROM_PTR(locals) };
    return mp_call_function_n_kw(natmodgen_rt_builtin(MP_QSTR_eval), locals == NULL ? 2 : 3, 0, args);
}
