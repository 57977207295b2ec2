// The command lines natmodgen reads without yargs (quickParse, for the start-up of every
// save and build) must mean exactly what yargs makes of them: each is read both ways here.
import { quickParse, splitAttachedValues } from '../../../src/cli/command-line';
import { parseWithYargs } from '../../../src/cli/yargs-parse';
import { Reporter } from '../../../src/cli/report';

async function viaYargs(argv: string[]) {
  const out: string[] = [];
  const io = { out: (s: string) => void out.push(s), err: (s: string) => void out.push(s) };
  const parsed = await parseWithYargs(argv, io, new Reporter(io, 'text'));
  return { invocation: parsed.invocation, failed: parsed.failed, printed: out.join('') };
}

const PLAIN: string[][] = [
  ['sync', 'a.c'],
  ['sync', '--check', 'a.c', 'b.c'],
  ['sync', 'a.c', '--diff'],
  ['sync', '--force', '-D', 'X=1', '-DY', '--define', 'Z=2', '--define=W', 'a.c'],
  ['sync', '-I', 'inc', '-Iinc2', '--include', 'i3', '--include=i4', 'a.c'],
  ['sync', '--mpy-dir', '/m', '--check', 'a.c'],
  ['sync', '--mpy-dir=/m', 'a.c', '--format', 'json'],
  ['sync', '--format=sarif', 'a.c'],
  ['sync'],
  ['gen', 'a.c'],
  ['gen', '-o', 'out', 'a.c', 'b.c'],
  ['gen', '--output=out', '-D', 'MICROPY_PY_HEAPQ=1', 'mod.c'],
  ['gen', '--output', 'out', '--line-base', 'base', '-I', 'inc', 'a.c'],
  ['gen', '--line-base=b', '--mpy-dir', 'tree', 'x/y.c', '-DA=B=C'],
  ['gen', '-D', 'STATIC=static', '-D', 'A', 'a.c', '--format', 'json'],
  ['gen', 'dir with space/a.c', '-o', 'o u t'],
];

describe('quickParse', () => {
  test.each(PLAIN.map((a) => [a.join(' ') || '(none)', a]))('%s: same invocation as yargs', async (_name, argv) => {
    const line = splitAttachedValues(argv as string[]);
    const quick = quickParse(line);
    expect(quick).toBeDefined();
    const y = await viaYargs(line);
    expect(y.failed).toBe(false);
    expect(quick).toEqual(y.invocation);
  });

  // Lines yargs reads another way, or refuses, or answers itself: quickParse leaves them to yargs.
  const LEFT: string[][] = [
    ['sync', '--help'],
    ['--version'],
    ['--format', 'json', 'sync', 'a.c'],
    ['sync', '--check', '--check', 'a.c'],
    ['sync', '--no-check', 'a.c'],
    ['sync', '--check=false', 'a.c'],
    ['sync', '--stdin', '--stdin-filepath', 'a.c'],
    ['sync', '-D'],
    ['sync', '-D', '--check', 'a.c'],
    ['sync', '--', '-a.c'],
    ['gen', '-o', 'a', '-o', 'b', 'x.c'],
    ['gen', '-oout', 'x.c'],
    ['sync', '-DX', 'a.c'],
    ['gen', '--output'],
    ['gen', '123'],
    ['gen', '-D', '1', 'a.c'],
    ['gen', '--format', 'yaml', 'a.c'],
    ['gen', '--check', 'a.c'],
    ['build', 'a.c'],
    ['name', 'a.c'],
    ['init', 'dir'],
    ['lsp'],
    ['syncx', 'a.c'],
  ];
  test.each(LEFT.map((a) => [a.join(' '), a]))('%s: left to yargs', (_name, argv) => {
    expect(quickParse(argv as string[])).toBeUndefined();
  });

  test('-DNAME and -IDIR are split as for the compiler, nothing after --', () => {
    expect(splitAttachedValues(['gen', '-DA=B=C', '-Iinc', '-D', 'X', '--', '-DY'])).toEqual([
      'gen',
      '-D',
      'A=B=C',
      '-I',
      'inc',
      '-D',
      'X',
      '--',
      '-DY',
    ]);
  });

  test("name takes -D as gen does (a module valid only with its build's defines)", async () => {
    const y = await viaYargs(['name', '-D', 'STATIC=static', '-D', 'LEVEL=2', 'a.c']);
    expect(y.invocation).toMatchObject({ command: 'name', files: ['a.c'], defines: ['STATIC=static', 'LEVEL=2'] });
    expect((await viaYargs(['name', 'a.c'])).invocation).toMatchObject({ command: 'name', files: ['a.c'], defines: [] });
  });

  test('yargs still reads what quickParse leaves: --format before the command', async () => {
    const y = await viaYargs(['--format', 'json', 'sync', '--check', 'a.c']);
    expect(y.invocation).toMatchObject({ command: 'sync', format: 'json', args: { files: ['a.c'], check: true } });
  });
});
