import * as path from 'path';
import { classify, reasonFor, Status } from '../../../src/facts/classify';
import { ReasonRule } from '../../../src/facts/reasons';
import { readRuntimeLibrary } from '../../../src/facts/runtime-lib';
import { readTreeFacts } from '../../../src/facts/tree';
import { natmodInventory, runtimeProviders } from '../../../src/facts';
import { callDiagnostic } from '../../../src/resolve/api-check';
import { Span } from '../../../src/diagnostics/diagnostic';

const FIX = path.join(__dirname, 'fixtures');

const RULES: ReasonRule[] = [
  { names: ['mp_fixture_ext'], status: 'impossible', reason: 'fixture reason', alternative: 'call mp_obj_new_int instead' },
  { prefixes: ['mp_hal_'], status: 'port', reason: 'HAL is the port', alternative: 'import time and call ticks_ms' },
];

describe('readRuntimeLibrary (a fixture runtime/ folder)', () => {
  test('definitions in .c and .h, macros in .h, prototypes and non-C files ignored', () => {
    const lib = readRuntimeLibrary(path.join(FIX, 'runtime'));
    expect([...lib].sort(([a], [b]) => a.localeCompare(b))).toEqual([
      ['grow', { file: 'vstr.c', line: 3 }],
      ['mp_getiter', { file: 'sub/iter.h', line: 2 }],
      ['mp_iternext', { file: 'sub/iter.h', line: 1 }],
      ['vstr_add_byte', { file: 'vstr.c', line: 8 }],
      ['vstr_init', { file: 'vstr.c', line: 4 }],
    ]);
  });

  test('a missing folder provides nothing', () => {
    expect(readRuntimeLibrary(path.join(FIX, 'no-such-folder')).size).toBe(0);
  });

  test("the package runtime providers are the runtime/ folder's definitions", () => {
    const p = runtimeProviders(path.join(FIX, 'runtime'));
    expect(p.get('vstr_init')).toEqual({ file: 'runtime/vstr.c', line: 4 });
    expect(p.get('mp_hal_ticks_ms')).toBeUndefined();
  });
});

describe('classify (fixture tree, fixture rules)', () => {
  const facts = readTreeFacts(path.join(FIX, 'tree'));
  const runtime = new Map([['mp_raise_thing', { file: 'runtime/raise.c', line: 1 }]]);
  const inv = classify(facts, runtime, RULES);
  const status = (n: string): Status | undefined => inv.lookup(n)?.status;

  test.each<[string, Partial<Status> & { kind: Status['kind'] }]>([
    ['mp_obj_new_int', { kind: 'dynruntime', via: 'dynruntime.h', funTable: ['native_to_obj'] }],
    ['mp_raise_thing', { kind: 'runtime', file: 'runtime/raise.c' }],
    ['mp_hal_fixture', { kind: 'port', reason: 'HAL is the port', alternative: 'import time and call ticks_ms' }],
    ['mp_fixture_ext', { kind: 'impossible', reason: 'fixture reason' }],
    ['mp_obj_get_printer', { kind: 'missing' }],
    // A macro or inline over provided names compiles in the natmod.
    ['mp_obj_new_small', { kind: 'dynruntime', via: 'headers' }],
    ['mp_obj_twice', { kind: 'dynruntime', via: 'headers' }],
    ['mp_obj_is_small', { kind: 'dynruntime', via: 'headers' }],
    // ... one over a port function is port-specific through it, with its alternative.
    ['mp_uses_hal', { kind: 'port', through: 'mp_hal_fixture', alternative: 'import time and call ticks_ms' }],
    // ... one calling a name no header declares is missing through it.
    ['mp_obj_wrap', { kind: 'missing', through: 'mp_obj_lost' }],
    // The better of a macro's configurations counts; a macro beside a prototype too.
    ['mp_config_dependent', { kind: 'dynruntime', via: 'headers' }],
    ['MP_TEXT', { kind: 'dynruntime', via: 'headers' }],
    ['mp_gone', { kind: 'missing' }],
  ])('%s', (name, want) => {
    expect(status(name)).toMatchObject(want);
  });

  test('exactly one status per symbol, and the counts add up', () => {
    const c = inv.counts();
    expect(inv.entries.length).toBe(facts.symbols.length);
    expect(c.dynruntime + c.runtime + c.port + c.impossible + c.missing).toBe(c.symbols);
    expect(inv.canCall('mp_obj_new_int')).toBe(true);
    expect(inv.canCall('mp_hal_fixture')).toBe(false);
    expect(inv.canCall('not_in_the_api')).toBeUndefined();
  });

  test('expansion: what a macro or inline calls, through other macros, every configuration counted', () => {
    expect(inv.expansion('mp_obj_twice').sort()).toEqual(['mp_obj_get_int', 'mp_obj_new_int']);
    expect(inv.expansion('mp_config_dependent').sort()).toEqual(['mp_lost_a', 'mp_obj_new_int']);
    expect(inv.expansion('mp_obj_new_int')).toEqual([]);
    expect(inv.expansion('not_in_the_api')).toEqual([]);
  });

  test('the first rule naming a function wins over a family', () => {
    const rules: ReasonRule[] = [
      { prefixes: ['mp_hal_'], status: 'port', reason: 'family', alternative: 'a' },
      { names: ['mp_hal_x'], status: 'impossible', reason: 'by name', alternative: 'b' },
    ];
    expect(reasonFor('mp_hal_x', 'py/mphal.h', rules)?.reason).toBe('by name');
    expect(reasonFor('mp_hal_y', 'py/mphal.h', rules)?.reason).toBe('family');
  });
});

describe('the shipped v1.28.0 inventory', () => {
  const inv = natmodInventory();
  const kind = (n: string) => inv.lookup(n)?.status.kind;

  test.each([
    ['mp_obj_new_int', 'dynruntime'],
    ['mp_raise_ValueError', 'dynruntime'],
    ['m_new', 'dynruntime'],
    ['MP_ERROR_TEXT', 'dynruntime'],
    ['mp_hal_ticks_ms', 'runtime'],
    // sys.stdin's poll ioctl (a board's HAL function), select.poll where stdin has none (unix)
    ['mp_hal_stdio_poll', 'runtime'],
    ['mp_reader_new_file', 'runtime'],
    ['mp_hal_stdin_rx_chr', 'runtime'],
    ['mp_sched_lock', 'port'],
    // reached through what the firmware builds on them (mp_plat_print, micropython.schedule)
    ['mp_hal_stdout_tx_str', 'runtime'],
    ['mp_sched_schedule', 'runtime'],
    // a function under the natmod's object representation (A), inline only under C and D
    ['mp_obj_float_get', 'runtime'],
    ['mp_encode_uint', 'runtime'],
    // the interpreter's state, and what reads it
    ['MP_STATE_THREAD', 'impossible'],
    ['mp_make_stop_iteration', 'impossible'],
    ['mp_globals_get', 'runtime'],
    // plain C over their arguments in a compiler header: provided; the header's functions are not
    ['MP_TAGPTR_PTR', 'dynruntime'],
    ['MP_PARSE_NODE_IS_ID', 'dynruntime'],
    ['mp_bytecode_get_source_line', 'dynruntime'],
    ['mp_parse', 'runtime'],
    ['mp_parse_node_print', 'impossible'],
    ['mp_bytecode_print', 'impossible'],
    // instruction encoders of the assembler headers are plain C; the emitting functions are not
    ['RV32_ENCODE_TYPE_R', 'dynruntime'],
    ['ASM_XTENSA_ENCODE_RRR', 'dynruntime'],
    ['asm_rv32_opcode_add', 'impossible'],
    ['asm_rv32_allowed_extensions', 'impossible'],
    ['mp_asm_base_get_code', 'port'],
    ['mp_stack_check', 'runtime'],
    ['mp_thread_get_state', 'port'],
    // empty without threads, as in the firmware of ports without a GIL; a warning at each use (NMG3003)
    ['MP_THREAD_GIL_EXIT', 'dynruntime'],
    ['MP_THREAD_GIL_ENTER', 'dynruntime'],
    ['gc_dump_info', 'impossible'],
    // Allocated without the finaliser flag, with a warning at each call (NMG3003).
    ['m_malloc_with_finaliser', 'runtime'],
    ['mp_obj_malloc_with_finaliser_helper', 'runtime'],
    ['mp_compile', 'runtime'],
    ['mp_lexer_to_next', 'impossible'],
    ['mp_obj_dict_copy', 'runtime'],
    ['mp_set_lookup', 'runtime'],
    // py/mpz.c is compiled from the MicroPython tree into the natmods that call it.
    ['mpz_set_from_str', 'runtime'],
    ['mp_obj_new_cell', 'runtime'],
    ['gc_collect', 'runtime'],
    ['mp_module_get_builtin', 'runtime'],
    ['unichar_isprint', 'impossible'],
    ['vstr_add_char', 'runtime'],
    ['mp_getiter', 'runtime'],
  ])('%s is %s', (name, want) => {
    expect(kind(name)).toBe(want);
  });

  test.each(['MP_THREAD_GIL_EXIT', 'm_malloc_with_finaliser'])('a call of %s converts with a warning (NMG3003)', (name) => {
    const span: Span = { file: 'm.c', start: 0, end: name.length, line: 1, col: 1 };
    expect(callDiagnostic(name, span, inv)?.code).toBe('NMG3003');
  });

  test('every port-specific or impossible name has a reason and an alternative', () => {
    for (const e of inv.entries) {
      if (e.status.kind !== 'port' && e.status.kind !== 'impossible') continue;
      expect([e.name, e.status.reason.length > 10, e.status.alternative.length > 10]).toEqual([e.name, true, true]);
    }
  });
});
