import * as fs from 'fs';
import * as path from 'path';
import { macroCalls, readFunTable, readHeader } from '../../../src/facts/headers';
import * as os from 'os';
import { readTreeFacts, treeFingerprint } from '../../../src/facts/tree';

const FIX = path.join(__dirname, 'fixtures', 'tree');
const read = (rel: string) => readHeader(rel, fs.readFileSync(path.join(FIX, rel), 'utf8'));

describe('readHeader (tree-sitter-c over a header)', () => {
  const obj = read('py/obj.h');
  const byName = new Map(obj.symbols.map((s) => [s.name, s]));

  test('every declared function and function-like macro, nothing else', () => {
    expect(obj.symbols.map((s) => s.name).sort()).toEqual(
      [
        'MP_TEXT',
        'mp_config_dependent',
        'mp_gone',
        'mp_obj_get_printer',
        'mp_obj_is_small',
        'mp_obj_new_int',
        'mp_obj_new_small',
        'mp_obj_twice',
        'mp_obj_wrap',
        'mp_plain_pointer',
        'mp_raise_thing',
        'mp_second_of_two',
        'mp_uses_hal',
      ].sort(),
    );
  });

  test.each<[string, { kind: string; line: number; calls?: string[][] }]>([
    ['mp_obj_new_int', { kind: 'function', line: 9 }],
    // MP_NORETURN and trailing attribute macros make tree-sitter recover with ERROR nodes.
    ['mp_raise_thing', { kind: 'function', line: 10 }],
    ['mp_obj_get_printer', { kind: 'function', line: 11 }],
    ['mp_second_of_two', { kind: 'function', line: 12 }],
    ['mp_obj_is_small', { kind: 'inline', line: 13, calls: [[]] }],
    ['mp_obj_wrap', { kind: 'inline', line: 16, calls: [['mp_obj_lost']] }],
    ['mp_obj_new_small', { kind: 'macro', line: 19, calls: [[]] }],
    // Strings and comments in a body are not calls.
    ['mp_obj_twice', { kind: 'macro', line: 20, calls: [['mp_obj_new_int', 'mp_obj_get_int']] }],
    // One list of calls per definition, as only one of them is compiled.
    ['mp_config_dependent', { kind: 'macro', line: 23, calls: [['mp_lost_a'], ['mp_obj_new_int']] }],
    // A prototype for one configuration and a macro for another: a function, with the macro's calls kept.
    ['MP_TEXT', { kind: 'function', line: 27, calls: [[]] }],
  ])('%s', (name, want) => {
    expect(byName.get(name)).toEqual({ name, header: 'py/obj.h', ...want });
  });

  test('function pointers in typedefs and struct fields are not API functions', () => {
    expect(byName.has('print_strn')).toBe(false);
    expect(byName.has('mp_fun_1_t')).toBe(false);
  });

  test('object-like macros are recorded as macros but are not symbols; #undef is recorded', () => {
    expect(obj.macros.get('MP_CONST_ONE')).toEqual({ line: 21, bodies: ['(1)'] });
    expect(obj.undefs).toEqual(['MP_OLD']);
  });

  test('definitions (with a body) are told from prototypes', () => {
    expect([...obj.definitions.keys()]).toEqual(['mp_obj_is_small', 'mp_obj_wrap']);
  });
});

describe('macroCalls', () => {
  test.each<[string, string, string[], string[]]>([
    ['a call', 'f(x)', [], ['f']],
    ['parameters are not calls', 'cb(x) + g(y)', ['cb'], ['g']],
    ['keywords and member calls are not', 'sizeof(x) + s.f(1) + p->g(2) + h (3)', [], ['h']],
    ['strings are skipped', '"a(b)" + c(\'(\')', [], ['c']],
  ])('%s', (_n, body, params, want) => {
    expect(macroCalls(body, new Set(params))).toEqual(want);
  });
});

describe('readFunTable', () => {
  test('field names of struct _mp_fun_table_t in order, function pointers included', () => {
    expect(readFunTable(fs.readFileSync(path.join(FIX, 'py/nativeglue.h'), 'utf8'))).toEqual([
      'const_none',
      'native_from_obj',
      'native_to_obj',
      'type_type',
    ]);
  });
});

describe('readTreeFacts (a fixture tree)', () => {
  const facts = readTreeFacts(FIX);

  test('version, headers read, and py/dynruntime.h kept apart from the symbols', () => {
    expect(facts.micropython).toBe('1.99.3');
    expect(facts.headers).toEqual(['py/dynruntime.h', 'py/mpconfig.h', 'py/mphal.h', 'py/nativeglue.h', 'py/obj.h', 'extmod/modfixture.h']);
    expect(facts.symbols.map((s) => s.name)).toContain('mp_fixture_ext');
    expect(facts.symbols.map((s) => s.name)).not.toContain('mp_get_int_dyn');
  });

  test('what py/dynruntime.h defines, with the mp_fun_table entries reached through its helpers', () => {
    expect(facts.dynruntime).toEqual([
      { name: 'mp_obj_new_int', line: 3, funTable: ['native_to_obj'] },
      { name: 'mp_obj_get_int', line: 4, funTable: ['native_from_obj'] },
      { name: 'mp_get_int_dyn', line: 5, funTable: ['native_from_obj'] },
    ]);
    expect(facts.removed).toEqual(['mp_gone']);
  });

  test("mp_fun_table's layout and mpy_ld's linkable data symbols", () => {
    expect(facts.funTable).toEqual(['const_none', 'native_from_obj', 'native_to_obj', 'type_type']);
    expect(facts.linkableData).toEqual(['mp_type_type', 'mp_stream_write_obj']);
  });
});

describe('treeFingerprint', () => {
  test('changes with the content of any header read, and only then', () => {
    const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'nmg-tree-'));
    fs.cpSync(FIX, copy, { recursive: true });
    const before = treeFingerprint(copy);
    expect(treeFingerprint(copy)).toBe(before);
    expect(readTreeFacts(copy).fingerprint).toBe(before);
    fs.writeFileSync(path.join(copy, 'py', 'README.md'), 'not read');
    expect(treeFingerprint(copy)).toBe(before);
    fs.appendFileSync(path.join(copy, 'extmod', 'modfixture.h'), 'void mp_fixture_more(void);\n');
    expect(treeFingerprint(copy)).not.toBe(before);
  });
});
