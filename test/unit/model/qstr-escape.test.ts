import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { spawnSync } from 'child_process';
import { firmwareEscapedQstrs, parseQstrDefs, qstrIdentifier } from '../../../src/model/qstr-escape';
import { readQstrDefs } from '../../../src/io/qstrdefs';

describe('qstrIdentifier', () => {
  test.each([
    ['plain', 'plain'],
    ['example_package.foo', 'example_package_dot_foo'],
    ['a-b c/d', 'a_hyphen_b_space_c_slash_d'],
    ['<lambda>', '_lt_lambda_gt_'],
    ['"q"&', '_quot_q_quot__amp_'],
    ['`', '_0x60_'],
    ['\n', '_0x0a_'],
    ['é€', '_eacute__euro_'],
    ['\u0101', '_0x101_'],
  ])('%j → %s', (text, id) => {
    expect(qstrIdentifier(text)).toBe(id);
  });
});

describe('parseQstrDefs', () => {
  test('keeps only escaped Q() entries, identifier → text', () => {
    const header = ['// comment', 'Q(example_package.foo)', 'Q(plain)', '  Q(a-b)  ', 'not a Q line', 'Q(\\n)', 'Q(\\r\\n)'].join('\n');
    expect([...parseQstrDefs(header)]).toEqual([
      ['example_package_dot_foo', 'example_package.foo'],
      ['a_hyphen_b', 'a-b'],
      ['_0x0a_', '\n'],
      ['_0x0d__0x0a_', '\r\n'],
    ]);
  });
});

describe('escaped qstrs without a tree', () => {
  test('the v1.28.0 firmware qstrs: <module>, *, utf-8 ...', () => {
    const q = firmwareEscapedQstrs();
    expect(q.get('_lt_module_gt_')).toBe('<module>');
    expect(q.get('_star_')).toBe('*');
    expect(q.get('utf_hyphen_8')).toBe('utf-8');
    expect(q.get('_0x0a_')).toBe('\n');
    // A name no Q() line defines keeps its identifier as its text, as makeqstrdefs.py spells it.
    expect(q.has('this_and_that')).toBe(false);
  });
  test('readQstrDefs with no tree gives them; a module header adds its own', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nmg-qe-'));
    fs.writeFileSync(path.join(dir, 'qstrdefsmod.h'), 'Q(pkg.sub)\n');
    const q = readQstrDefs([path.join(dir, 'm.c')]);
    expect(q.get('_lt_string_gt_')).toBe('<string>');
    expect(q.get('pkg_dot_sub')).toBe('pkg.sub');
    fs.rmSync(dir, { recursive: true });
  });
});

// With the tree: the copy above is the tree's list, and the mapping is makeqstrdata.py's (run by python3).
const mpyDir = process.env.MPY_DIR?.trim();
const haveTree = !!mpyDir && fs.existsSync(path.join(mpyDir, 'py', 'makeqstrdata.py'));
if (!haveTree)
  console.warn('test/unit/model/qstr-escape.test.ts: SKIPPING the comparison with py/qstrdefs.h and makeqstrdata.py: MPY_DIR is not set.');
(haveTree ? describe : describe.skip)('against the tree (MPY_DIR)', () => {
  test("natmodgen's v1.28.0 list is the tree's py/qstrdefs.h", () => {
    const tree = parseQstrDefs(fs.readFileSync(path.join(mpyDir!, 'py', 'qstrdefs.h'), 'utf8'));
    expect([...firmwareEscapedQstrs()].sort()).toEqual([...tree].sort());
  });
  test('qstrIdentifier is qstr_escape of py/makeqstrdata.py for every code point below 0x2200 and a few beyond', () => {
    const cps = [...Array(0x2200).keys(), 0x2660, 0x2665, 0x20ac, 0x1f600];
    const texts = cps.map((cp) => String.fromCodePoint(cp));
    const py = [
      'import sys, json',
      `sys.path.insert(0, ${JSON.stringify(path.join(mpyDir!, 'py'))})`,
      'import makeqstrdata as m',
      'print(json.dumps([m.qstr_escape(t) for t in json.load(sys.stdin)]))',
    ].join('\n');
    const r = spawnSync(process.env.PYTHON ?? 'python3', ['-c', py], {
      input: JSON.stringify(texts),
      encoding: 'utf8',
      maxBuffer: 1 << 26,
    });
    expect(r.stderr).toBe('');
    const want = JSON.parse(r.stdout) as string[];
    expect(texts.map(qstrIdentifier)).toEqual(want);
  });
});
