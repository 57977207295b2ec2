// qstrs only the compiler sees (in the module's headers, or pasted by its macros) must be named
// for mpy_ld, which finds a natmod's qstrs in the text of its .c files.
import { hiddenQstrs } from '../../../src/extract/hidden-qstrs';
import { c } from '../helpers';

const files = (m: Record<string, string>) => ({ readFile: (f: string) => m[f] });

describe('hiddenQstrs', () => {
  test('qstrs of a quoted header, not those the file names itself', () => {
    const text = c('#include "py/runtime.h"', '#include "names.h"', 'qstr f(void) { return MP_QSTR_in_file; }');
    const env = files({ 'names.h': '#define KEY MP_QSTR_in_header\nstatic qstr g(void) { return MP_QSTR_in_file; }\n' });
    expect(hiddenQstrs('input.c', text, [], env)).toEqual(['MP_QSTR_in_header']);
  });

  test('qstrs made by token pasting, where the macro is used', () => {
    const text = c('#define IS(a, n) ((a) == MP_QSTR_##n)', 'int f(qstr a) { return IS(a, pasted) || IS(a, other); }');
    expect(hiddenQstrs('input.c', text, [])).toEqual(['MP_QSTR_pasted', 'MP_QSTR_other']);
  });

  test('qstrs pasted by a macro of an included header, in a file that has no ## itself', () => {
    const text = c('#include "defs.h"', 'static const mp_arg_t t[] = { ARG(rate), ARG(bits) };');
    const env = files({ 'defs.h': '#define Q(n) MP_QSTR_##n\n#define ARG(n) { Q(n), 0 }\n' });
    expect(hiddenQstrs('input.c', text, [], env)).toEqual(['MP_QSTR_', 'MP_QSTR_rate', 'MP_QSTR_bits']);
  });

  test('an X-macro list expanded into entries', () => {
    const text = c('#define LIST(X) X(alpha) X(beta)', '#define E(n) { MP_QSTR_##n, 0 },', 'static const mp_arg_t t[] = { LIST(E) };');
    expect(hiddenQstrs('input.c', text, [])).toEqual(['MP_QSTR_alpha', 'MP_QSTR_beta']);
  });

  test('nothing for a file without headers or pasting, and nothing under a false #if', () => {
    expect(hiddenQstrs('input.c', 'qstr f(void) { return MP_QSTR_x; }\n', [])).toEqual([]);
    const text = c('#define IS(n) MP_QSTR_##n', '#if 0', 'qstr a = IS(dead);', '#endif');
    expect(hiddenQstrs('input.c', text, [])).toEqual([]);
  });

  test('an X-macro list an undecidable #if defines: the qstrs of every branch', () => {
    const text = c(
      '#if MICROPY_PY_BUILTINS_FLOAT',
      '#define LIST X(sine) X(cosine)',
      '#else',
      '#define LIST X(isqrt)',
      '#endif',
      '#define X(n) { MP_QSTR_##n, 0 },',
      'static const mp_arg_t t[] = { LIST };',
    );
    expect(hiddenQstrs('input.c', text, []).sort()).toEqual(['MP_QSTR_cosine', 'MP_QSTR_isqrt', 'MP_QSTR_sine']);
  });
});
