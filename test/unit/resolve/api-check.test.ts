import { resolveModule } from '../../../src/resolve';
import { natmodInventory } from '../../../src/facts';
import { classify } from '../../../src/facts/classify';
import { ApiFacts } from '../../../src/facts/types';
import * as path from 'path';
import { readTreeFacts } from '../../../src/facts/tree';
import { lineCol, models } from '../helpers';

/** The fixture tree of test/unit/facts, with a port rule for its mp_hal_ family. */
const fixtureInventory = classify(readTreeFacts(path.join(__dirname, '..', 'facts', 'fixtures', 'tree')), new Map(), [
  { prefixes: ['mp_hal_'], status: 'port', reason: 'HAL is the port', alternative: 'import time and call ticks_ms' },
]);

const source = (...body: string[]): string =>
  [
    '#include "py/runtime.h"',
    ...body,
    'static mp_obj_t f(void) { return mp_const_none; }',
    'static MP_DEFINE_CONST_FUN_OBJ_0(f_obj, f);',
    'static const mp_rom_map_elem_t t[] = { { MP_ROM_QSTR(MP_QSTR_f), MP_ROM_PTR(&f_obj) } };',
    'static MP_DEFINE_CONST_DICT(d, t);',
    'const mp_obj_module_t m = { .base = { &mp_type_module }, .globals = (mp_obj_dict_t *)&d };',
    'MP_REGISTER_MODULE(MP_QSTR_m, m);',
    '',
  ].join('\n');

function apiDiagnostics(text: string, defines: string[] = []) {
  return resolveModule(models([text], defines))
    .diagnostics.filter((d) => d.code === 'NMG3001' || d.code === 'NMG3002')
    .map((d) => ({ code: d.code, name: d.message.split("'")[1], line: d.span?.line, col: d.span?.col, help: d.help }));
}

describe('the natmod API check (shipped MicroPython v1.28.0 inventory)', () => {
  test.each<[string, { given: string; defines?: string[]; want: Array<[string, string, string]> }]>([
    [
      'provided by py/dynruntime.h',
      { given: source('static void g(mp_obj_t x) { mp_obj_new_int(mp_obj_get_int(x)); mp_raise_ValueError(NULL); }'), want: [] },
    ],
    ['a header macro over provided names', { given: source('static void *g(void) { return m_new(int, 4); }'), want: [] }],
    [
      'provided by natmodgen (a generated equivalent or runtime/)',
      { given: source('static mp_uint_t g(void) { return mp_hal_ticks_ms(); }'), want: [] },
    ],
    [
      'port-specific: NMG3002',
      {
        given: source('static void g(void) { mp_hal_stdio_mode_raw(); }'),
        want: [['NMG3002', 'mp_hal_stdio_mode_raw', 'mp_hal_stdio_mode_raw']],
      },
    ],
    [
      "the pin HAL, py/mphal.h's and the ports' spellings (runtime/pin.c) is accepted",
      {
        given: source(
          'static void g(mp_obj_t o) { mp_hal_pin_obj_t p = mp_hal_get_pin_obj(o); mp_hal_pin_output(p); mp_hal_pin_write(p, 1);',
          '  mp_hal_pin_high(p); mp_hal_pin_od_low(p); mp_hal_pin_config(p, MP_HAL_PIN_MODE_INPUT, MP_HAL_PIN_PULL_UP, 0); (void)mp_hal_pin_read(p); }',
        ),
        want: [],
      },
    ],
    [
      "the port's pin format, between the literals of a concatenated string: NMG3002 at the name",
      {
        given: source('static void g(mp_obj_t p) { mp_printf(&mp_plat_print, "pin " MP_HAL_PIN_FMT "\\n", p); }'),
        want: [['NMG3002', 'MP_HAL_PIN_FMT', 'MP_HAL_PIN_FMT']],
      },
    ],
    [
      'the same name inside a string literal is text',
      { given: source('static void g(void) { mp_printf(&mp_plat_print, "MP_HAL_PIN_FMT"); }'), want: [] },
    ],
    [
      "a pin's port-typed name (a qstr on stm32, a GPIO number on esp32): NMG3002",
      {
        given: source('static void g(mp_obj_t o) { (void)mp_hal_pin_name(mp_hal_get_pin_obj(o)); }'),
        want: [['NMG3002', 'mp_hal_pin_name', 'mp_hal_pin_name']],
      },
    ],
    [
      'impossible: NMG3001',
      { given: source('static void g(void) { gc_dump_info(&mp_plat_print); }'), want: [['NMG3001', 'gc_dump_info', 'gc_dump_info']] },
    ],
    [
      'provided since: mp_obj_new_cell (once not yet provided) is accepted',
      { given: source('static mp_obj_t g(mp_obj_t x) { return mp_obj_new_cell(x); }'), want: [] },
    ],
    [
      'a runtime-looking name no header declares',
      { given: source('static void g(void) { mp_not_a_function(); }'), want: [['NMG3001', 'mp_not_a_function', 'mp_not_a_function']] },
    ],
    [
      'a port function only a port header declares, by its family',
      { given: source('static void g(void) { mp_hal_get_random(); }'), want: [['NMG3002', 'mp_hal_get_random', 'mp_hal_get_random']] },
    ],
    [
      'a function the inputs define, whatever its name',
      {
        given: source('static void mp_my_helper(void) {}', 'static void g(void) { mp_my_helper(); gc_collect(); }').replace(
          'gc_collect();',
          '',
        ),
        want: [],
      },
    ],
    [
      'a function the inputs define with a firmware name',
      { given: source('void gc_collect(void) {}', 'static void g(void) { gc_collect(); }'), want: [] },
    ],
    ['an upper-case macro natmodgen converts', { given: source('static mp_obj_t g(void) { return MP_OBJ_NEW_SMALL_INT(1); }'), want: [] }],
    [
      'a call in a used macro of the module, located in the #define',
      {
        given: source('#define SET() mp_hal_stdio_mode_raw()', 'static void g(void) { SET(); }'),
        want: [['NMG3002', 'mp_hal_stdio_mode_raw', 'mp_hal_stdio_mode_raw()']],
      },
    ],
    [
      'a call in a macro used through another macro',
      {
        given: source('#define A() gc_dump_alloc_table(&mp_plat_print)', '#define B() A()', 'static void g(void) { B(); }'),
        want: [['NMG3001', 'gc_dump_alloc_table', 'gc_dump_alloc_table(&mp_plat_print)']],
      },
    ],
    ['a call in a macro nothing uses', { given: source('#define SET() mp_hal_stdio_mode_raw()'), want: [] }],
    [
      'a call in a comment of a used macro',
      {
        given: source('#define EMIT(s) mp_obj_new_int(s) /* not gc_dump_info(&mp_plat_print) */', 'static void g(void) { EMIT(1); }'),
        want: [],
      },
    ],
    ['a call under #if 0', { given: source('#if 0', 'static void g(void) { gc_dump_info(&mp_plat_print); }', '#endif'), want: [] }],
    [
      'a call under a -D false #if',
      {
        given: source('#if MICROPY_PY_X', 'static void g(void) { gc_dump_info(&mp_plat_print); }', '#endif'),
        defines: ['MICROPY_PY_X=0'],
        want: [],
      },
    ],
    [
      'a call under #if MICROPY_ENABLE_DYNRUNTIME (compiled as #if 0)',
      { given: source('#if MICROPY_ENABLE_DYNRUNTIME', 'static void g(void) { gc_dump_info(&mp_plat_print); }', '#endif'), want: [] },
    ],
  ])('%s', (_n, { given, defines, want }) => {
    const got = apiDiagnostics(given, defines);
    expect(got.map((d) => [d.code, d.name, d.line, d.col])).toEqual(
      want.map(([code, name, at]) => {
        const p = lineCol(given, at);
        return [code, name, p.line, p.col];
      }),
    );
  });

  test('the help of a port-specific call names the alternative', () => {
    const [d] = apiDiagnostics(source('static void g(void) { (void)mp_hal_pin_name(0); }'));
    expect(d.help).toContain('mp_obj_print_helper');
    const [t] = apiDiagnostics(source('static void g(void) { mp_sched_schedule_node(0, 0); }'));
    expect(t.help).toContain('MP_QSTR_schedule');
  });

  test('the help of an impossible call names the alternative, never "another way"', () => {
    const [d] = apiDiagnostics(source('static void g(void) { gc_dump_info(&mp_plat_print); }'));
    expect(d.help).toContain('MP_QSTR_mem_info');
    for (const e of natmodInventory().entries) {
      if (e.status.kind === 'port' || e.status.kind === 'impossible') expect(e.status.alternative).not.toMatch(/another way/);
    }
  });

  test('a header macro or inline over a port or unprovided call is reported at the call, naming the callee', () => {
    const text = source('static mp_obj_t g(mp_obj_t x) { mp_uses_hal(); return mp_obj_wrap(x); }');
    const got0 = resolveModule(models([text]), new Map(), fixtureInventory).diagnostics.filter((x) => /NMG300[12]/.test(x.code));
    expect(got0.map((x) => [x.code, x.message.split("'")[1], x.span?.col])).toEqual([
      ['NMG3002', 'mp_uses_hal', lineCol(text, 'mp_uses_hal').col],
      ['NMG3001', 'mp_obj_wrap', lineCol(text, 'mp_obj_wrap').col],
    ]);
    expect(got0[0].help).toBe('import time and call ticks_ms');
    expect(got0[1].help).toContain("define 'mp_obj_lost'");
    // m_new_maybe expands to m_malloc_maybe, which natmodgen's runtime library now provides.
    expect(apiDiagnostics(source('static void *g(void) { return m_new_maybe(int, 4); }'))).toEqual([]);
    // Upper-case macros count only when port-specific or impossible (natmodgen converts the others),
    // or when a natmod has them with a difference (a warning, NMG3003).
    const text2 = source('static void g(void) { MP_THREAD_GIL_EXIT(); MICROPY_BEGIN_ATOMIC_SECTION(); MP_OBJ_QSTR_VALUE(0); }');
    const got = resolveModule(models([text2])).diagnostics.filter((d) => /^NMG300[123]$/.test(d.code));
    expect(got.map((x) => [x.code, x.message.split("'")[1]])).toEqual([
      ['NMG3003', 'MP_THREAD_GIL_EXIT'],
      ['NMG3002', 'MICROPY_BEGIN_ATOMIC_SECTION'],
    ]);
    expect(got[0].severity).toBe('warning');
    expect(got[1].help).toContain('disable_irq');
  });

  test('a missing function (not yet provided) is NMG3001 and says where it is declared', () => {
    // The shipped inventory has none left: the fixture tree's mp_obj_get_printer is one.
    const text = source('static const mp_print_t *g(mp_obj_t x) { return mp_obj_get_printer(x); }');
    const d = resolveModule(models([text]), new Map(), fixtureInventory).diagnostics.find((x) => x.code === 'NMG3001');
    expect(d?.message).toContain('py/obj.h:');
    expect(d?.span?.col).toBe(lineCol(text, 'mp_obj_get_printer').col);
    expect(d?.help).toContain("define 'mp_obj_get_printer'");
  });
});

describe('the natmod API check with another inventory (as read from --mpy-dir)', () => {
  const facts: ApiFacts = {
    micropython: '9.9.9',
    fingerprint: 'fixture',
    headers: ['py/runtime.h', 'py/dynruntime.h'],
    symbols: [
      { name: 'mp_new_thing', kind: 'function', header: 'py/runtime.h', line: 3 },
      { name: 'mp_old_thing', kind: 'function', header: 'py/runtime.h', line: 4 },
    ],
    dynruntime: [{ name: 'mp_new_thing', line: 10, funTable: ['new_thing'] }],
    removed: [],
    funTable: ['new_thing'],
    linkableData: [],
  };
  const inventory = classify(facts, new Map());

  test("the tree's own dynruntime.h decides", () => {
    const text = source('static void g(void) { mp_new_thing(); mp_old_thing(); }');
    const got = resolveModule(models([text]), new Map(), inventory).diagnostics.filter((d) => d.code === 'NMG3001');
    expect(got.map((d) => [d.message.split("'")[1], d.span?.col])).toEqual([['mp_old_thing', lineCol(text, 'mp_old_thing').col]]);
  });
});
