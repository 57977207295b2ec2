import { c, declsOf, lineCol } from '../helpers';

const fn = (...body: string[]): string => c('static mp_obj_t f(mp_obj_t x) {', ...body.map((l) => `    ${l}`), '    return mp_const_none;', '}');

describe('extractUnavailable', () => {
  test.each<[string, { given: string; defines?: string[]; want: Array<[string, string | undefined]> }]>([
    // Calls of functions natmodgen does not replace are checked at resolve time (test/unit/resolve/api-check.test.ts).
    ['an unprovided function is not a shim use', { given: fn('mp_getiter(x, NULL);', 'mp_hal_stdout_tx_str("x");'), want: [] }],
    ['a shimmed HAL function carries its shim', { given: fn('mp_hal_ticks_ms();', 'mp_hal_delay_us(5);'), want: [['mp_hal_ticks_ms', 'hal_ticks'], ['mp_hal_delay_us', 'hal_delay']] }],
    ['other shimmed functions', { given: fn('m_malloc0(4);', 'mp_call_function_1(x, x);'), want: [['m_malloc0', 'malloc0'], ['mp_call_function_1', 'call_function']] }],
    ['nested calls are each found', { given: fn('mp_hal_delay_ms(m_malloc0(x));'), want: [['mp_hal_delay_ms', 'hal_delay'], ['m_malloc0', 'malloc0']] }],
    ['available functions are not reported', { given: fn('mp_obj_new_int(1);', 'mp_obj_get_int(x);', 'mp_raise_ValueError(NULL);'), want: [] }],
    ['a name that is not called is not reported', { given: fn('void *p = (void *)mp_getiter;'), want: [] }],
    ['a shimmed object named without a call', { given: fn('mp_obj_t o = MP_OBJ_FROM_PTR(&mp_identity_obj);'), want: [['mp_identity_obj', 'identity_obj']] }],
    [
      'a shimmed object in a table',
      { given: c('static const mp_rom_map_elem_t t[] = {', '    { MP_ROM_QSTR(MP_QSTR_close), MP_ROM_PTR(&mp_stream_close_obj) },', '};'), want: [['mp_stream_close_obj', 'stream_close_obj']] },
    ],
    ['a call under an unknown #if is reported', { given: fn('#if MICROPY_PY_X', 'm_malloc0(4);', '#endif'), want: [['m_malloc0', 'malloc0']] }],
    ['a call under #if that -D makes true is reported', { given: fn('#if MICROPY_PY_X', 'm_malloc0(4);', '#endif'), defines: ['MICROPY_PY_X=1'], want: [['m_malloc0', 'malloc0']] }],
    ['a call under #if that -D makes false is not reported', { given: fn('#if MICROPY_PY_X', 'm_malloc0(4);', '#endif'), defines: ['MICROPY_PY_X=0'], want: [] }],
    ['a call under #ifdef of a -D name is reported', { given: fn('#ifdef MICROPY_PY_X', 'm_malloc0(4);', '#endif'), defines: ['MICROPY_PY_X'], want: [['m_malloc0', 'malloc0']] }],
    ['a call in the #else of a -D true #if is not reported', { given: fn('#if MICROPY_PY_X', 'mp_obj_new_int(1);', '#else', 'm_malloc0(4);', '#endif'), defines: ['MICROPY_PY_X'], want: [] }],
    ['a call under #if 0 is not reported', { given: fn('#if 0', 'm_malloc0(4);', '#endif'), want: [] }],
    ['a shimmed object in a -D false region is not reported', { given: fn('#if MICROPY_PY_X', 'mp_obj_t o = MP_OBJ_FROM_PTR(&mp_identity_obj);', '#endif'), defines: ['MICROPY_PY_X=0'], want: [] }],
    [
      'a call under a #define the file turns off is not reported',
      { given: c('#define USE_ITER (0)', fn('#if USE_ITER', 'm_malloc0(4);', '#endif')), want: [] },
    ],
  ])('%s', (_name, { given, defines, want }) => {
    expect(declsOf(given, 'unavailable', { defines }).map((d) => [d.name, d.shim])).toEqual(want);
  });

  test('span is the function name; condition is the #if chain', () => {
    const given = fn('#ifdef MICROPY_PY_X', 'm_malloc0(4);', '#endif');
    const [d] = declsOf(given, 'unavailable');
    const at = lineCol(given, 'm_malloc0');
    expect(d.span).toMatchObject({ line: at.line, col: at.col });
    expect(given.slice(d.span.start, d.span.end)).toBe('m_malloc0');
    expect(d.cond).toEqual([{ branches: [{ keyword: 'ifdef', arg: 'MICROPY_PY_X' }] }]);
  });

  // Regression, once a bug (src/extract/context.ts / pp-state.ts): natmodgen rewrites every test of
  // MICROPY_ENABLE_DYNRUNTIME to the firmware side (0), so `#if MICROPY_ENABLE_DYNRUNTIME`
  // becomes `#if 0` in the output (the use even carries cond `if 0`), but liveness
  // evaluates the original test with MICROPY_ENABLE_DYNRUNTIME unknown. Calls there are
  // reported as unavailable (NMG3001 later) though they are never compiled.
  test('a call under #if MICROPY_ENABLE_DYNRUNTIME (compiled as #if 0) is not reported', () => {
    expect(declsOf(fn('#if MICROPY_ENABLE_DYNRUNTIME', 'm_malloc0(4);', '#endif'), 'unavailable')).toEqual([]);
  });
});
