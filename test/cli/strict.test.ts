// The command-line contract: unknown options and arguments exit 2 with a suggestion,
// -D and MPY_DIR are checked, and nothing runs after a usage error.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { runCli } from '../support/cli';
import { repoRoot } from '../support/cases';
import { fakeMpyTree } from '../support/mpy-tree';
import { checkDefine, checkMpyDir, closest } from '../../src/cli/checks';

const functionsC = path.join(repoRoot, 'examples', 'functions', 'functions.c');

function tmp(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'nmg-strict-'));
}

async function withEnv<T>(name: string, value: string | undefined, fn: () => Promise<T>): Promise<T> {
  const old = process.env[name];
  if (value === undefined) delete process.env[name];
  else process.env[name] = value;
  try {
    return await fn();
  } finally {
    if (old === undefined) delete process.env[name];
    else process.env[name] = old;
  }
}

describe('unknown options and commands', () => {
  test.each<[string, string[], string]>([
    ['gen with a misspelt option', ['gen', '--outptu', 'x', functionsC], "did you mean '--output'?"],
    ['gen --json', ['gen', '--json', functionsC], "did you mean '--format json'?"],
    ['sync with a misspelt option', ['sync', '--chek', functionsC], "did you mean '--check'?"],
    ['init with a misspelt option', ['init', '--forse', 'x'], "did you mean '--force'?"],
    ['makefile with an option', ['makefile', '--verbose'], "unknown option '--verbose'"],
    ['makefile with an argument', ['makefile', 'extra'], "'extra'"],
    ['a misspelt command', ['snyc', functionsC], "did you mean 'sync'?"],
  ])('%s: exit 2, NMG0001, a suggestion, no output', async (_n, args, hint) => {
    const out = tmp();
    const r = await runCli(
      args.map((a) => (a === 'x' ? out : a)),
      repoRoot,
    );
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('error NMG0001');
    expect(r.stderr).toContain(hint);
    expect(r.stdout).toBe('');
    expect(fs.readdirSync(out)).toEqual([]);
  });

  // --format before the command: its value is not the command word, so the command's own options stay known.
  test.each<[string, string[]]>([
    ['--format sarif before sync --check', ['--format', 'sarif', 'sync', '--check', functionsC]],
    ['--format json before gen --include', ['--format', 'json', 'gen', '--include', repoRoot, functionsC]],
    ['sync --include', ['sync', '--check', '--include', repoRoot, functionsC]],
  ])('%s: no NMG0001', async (_n, args) => {
    const r = await runCli(args, repoRoot);
    expect(r.stdout + r.stderr).not.toContain('NMG0001');
  });
});

describe('-D is checked like a compiler does', () => {
  test.each([
    ['', 'missing'],
    ['=1', 'missing'],
    ['1X', 'not an identifier'],
    ['A-B=1', 'not an identifier'],
    ['F(x', 'missing )'],
    ['F(x,x)=x', 'duplicate parameter'],
    ['F(1)=x', 'not a parameter name'],
    ['defined', "'defined'"],
    ['X=a\nb', 'line break'],
  ])('%j is refused', (arg, why) => {
    expect(checkDefine(arg)?.message).toContain(why);
  });

  test.each(['X', 'X=', 'X=1', 'SQ(x)=((x)*(x))', 'V(...)=__VA_ARGS__', 'F()=1', 'F(a, b)=a+b'])('%j is accepted', (arg) => {
    expect(checkDefine(arg)).toBeUndefined();
  });

  test("gen -D '' exits 2 and writes nothing", async () => {
    const out = tmp();
    const r = await runCli(['gen', '-D', '', '-o', out, functionsC], repoRoot);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('NMG0002');
    expect(fs.readdirSync(out)).toEqual([]);
  });
});

describe('MicroPython trees are checked wherever they are accepted', () => {
  test.each([
    ['gen --mpy-dir', ['gen', '--mpy-dir', '/no/such/tree', functionsC]],
    ['sync --mpy-dir', ['sync', '--check', '--mpy-dir', '/no/such/tree', functionsC]],
    ['init --mpy-dir', ['init', '--mpy-dir', '/no/such/tree', path.join(repoRoot, 'examples', 'functions')]],
  ])('%s with a wrong folder: exit 2, NMG0003', async (_n, args) => {
    const r = await withEnv('MPY_DIR', undefined, () => runCli(args, repoRoot));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('NMG0003');
    expect(r.stdout).toBe('');
  });

  test('a wrong MPY_DIR in the environment is an error, not ignored', async () => {
    const r = await withEnv('MPY_DIR', tmp(), () => runCli(['gen', functionsC], repoRoot));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/NMG0003: MPY_DIR .* no py\/dynruntime\.h/);
  });

  test('the version of the tree is read; another release gets a warning', () => {
    expect(checkMpyDir(fakeMpyTree('1.28.0'), '--mpy-dir').diagnostics).toEqual([]);
    const old = checkMpyDir(fakeMpyTree('1.19.1'), '--mpy-dir');
    expect(old.tree?.version).toBe('1.19.1');
    expect(old.diagnostics.map((d) => [d.code, d.severity])).toEqual([['NMG0004', 'warning']]);
    expect(old.diagnostics[0].message).toContain('1.19.1');
  });
});

describe('sync --check with --stdin', () => {
  test('stale text: exit 1, nothing on stdout; synced text: exit 0', async () => {
    const dir = tmp();
    const file = path.join(dir, 'functions.c');
    fs.copyFileSync(functionsC, file);
    const text = fs.readFileSync(file, 'utf8');
    const { runCliWithStdin: runCliStdin } = await import('../sync/stdin');
    const stale = await runCliStdin(['sync', '--stdin', '--check', '--stdin-filepath', 'functions.c'], dir, text);
    expect(stale.code).toBe(1);
    expect(stale.stdout).toBe('');
    expect(stale.stderr).toContain('NMG5003');
    const synced = await runCliStdin(['sync', '--stdin', '--stdin-filepath', 'functions.c'], dir, text);
    expect(synced.code).toBe(0);
    const again = await runCliStdin(['sync', '--stdin', '--check', '--stdin-filepath', 'functions.c'], dir, synced.stdout);
    expect(again.code).toBe(0);
    expect(fs.readFileSync(file, 'utf8')).toBe(text);
  });
});

describe('did you mean', () => {
  test.each([
    ['ouptut', ['output', 'define'], 'output'],
    ['gne', ['gen', 'sync'], 'gen'],
    ['frobnicate', ['gen', 'sync'], undefined],
  ])('%s among %j', (w, c, want) => {
    expect(closest(w, c)).toBe(want);
  });
});
