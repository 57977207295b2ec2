import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { cByteLength, cString, firmwareExpr, renameIdentifiers } from '../../../src/plan/c';

describe('cString', () => {
  test.each<[string, { given: string; want: string }]>([
    ['plain text', { given: 'pkg.sub', want: '"pkg.sub"' }],
    ['quotes and backslashes escaped', { given: 'a"b\\c', want: '"a\\"b\\\\c"' }],
    ['newline and tab', { given: 'a\nb\tc', want: '"a\\nb\\tc"' }],
    ['non-ASCII as UTF-8 octal bytes', { given: 'é', want: '"\\303\\251"' }],
    ['an octal escape followed by a digit stays three digits', { given: '\u00011', want: '"\\0011"' }],
  ])('%s', (_name, { given, want }) => {
    expect(cString(given)).toBe(want);
  });

  const gcc = (() => {
    try {
      execFileSync('gcc', ['--version'], { stdio: 'ignore' });
      return true;
    } catch {
      return false;
    }
  })();
  (gcc ? test : test.skip)('a C compiler reads back the same bytes, and the length matches', () => {
    const text = 'q"\\\n\té€\u0001' + '9?';
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'natmodgen-cstring-'));
    try {
      const src = path.join(dir, 's.c');
      fs.writeFileSync(
        src,
        `#include <stdio.h>\nint main(void) { static const char s[] = ${cString(text)}; fwrite(s, 1, sizeof(s) - 1, stdout); return 0; }\n`,
      );
      execFileSync('gcc', ['-o', path.join(dir, 's'), src]);
      const out = execFileSync(path.join(dir, 's'));
      expect(out.equals(Buffer.from(text, 'utf8'))).toBe(true);
      expect(cByteLength(text)).toBe(out.length);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
  if (!gcc) process.stderr.write('test/unit/plan/c.test.ts: SKIPPING the compiler round trip: no gcc on PATH\n');
});

describe('firmwareExpr', () => {
  test.each<[string, { given: Parameters<typeof firmwareExpr>[0]; want: string }]>([
    [
      'an address py/dynruntime.h provides',
      { given: { kind: 'address', name: 'mp_type_ValueError' }, want: 'MP_OBJ_FROM_PTR(&mp_type_ValueError)' },
    ],
    ['a builtin', { given: { kind: 'builtin', name: 'OSError' }, want: 'natmodgen_builtin(MP_QSTR_OSError)' }],
    ['a constant object', { given: { kind: 'const', which: 'empty_tuple' }, want: 'mp_const_empty_tuple' }],
    ['a float constant', { given: { kind: 'float', which: 'pi' }, want: 'mp_obj_new_float((mp_float_t)3.141592653589793)' }],
    ['a str', { given: { kind: 'str', text: 'a.b' }, want: 'mp_obj_new_str("a.b", 3)' }],
  ])('%s', (_name, { given, want }) => {
    expect(firmwareExpr(given)).toBe(want);
  });
});

describe('renameIdentifiers', () => {
  test('renames identifiers, not strings, characters, members or longer names', () => {
    const names = new Map([['s', 'storage']]);
    expect(renameIdentifiers('{&s, "s", \'s\', p.s, p->s, p-> s, s_2, (s)}', names)).toBe(
      '{&storage, "s", \'s\', p.s, p->s, p-> s, s_2, (storage)}',
    );
  });
});
