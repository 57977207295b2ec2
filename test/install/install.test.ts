// Install without a registry, as the README says: pack the package, install the tarball
// into a temporary prefix, and run the README's recipes with that natmodgen, from a
// folder outside the clone. The make builds run only when MPY_DIR names a MicroPython
// tree (they say so when they skip).
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { repoRoot } from '../support/cases';

const README = fs.readFileSync(path.join(repoRoot, 'README.md'), 'utf8');
const MPY_DIR =
  process.env.MPY_DIR && fs.existsSync(path.join(process.env.MPY_DIR, 'py', 'dynruntime.mk')) ? process.env.MPY_DIR : undefined;
const PYTHON = process.env.PYTHON ?? '/usr/bin/python3';
if (!MPY_DIR)
  process.stderr.write('test/install: SKIPPED the make builds of the README recipes: MPY_DIR is not set to a MicroPython tree\n');

let work: string;
let prefix: string;
let bin: string;
let env: NodeJS.ProcessEnv;

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function sh(cmd: string, cwd: string, input?: string, extraEnv: NodeJS.ProcessEnv = {}): Run {
  const r = spawnSync('sh', ['-c', cmd], { cwd, env: { ...env, ...extraEnv }, input, encoding: 'utf8', timeout: 600_000 });
  if (r.error) throw r.error;
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/** The lines of the README's ```sh blocks that run natmodgen (continuation lines joined). */
function readmeCommands(): string[] {
  const out: string[] = [];
  for (const m of README.matchAll(/```sh\n([\s\S]*?)```/g)) {
    const lines = m[1].replace(/\\\n\s*/g, ' ').split('\n');
    out.push(...lines.filter((l) => l.startsWith('natmodgen ')).map((l) => l.replace(/\s+#.*$/, '')));
  }
  return out;
}

/** A JSON string value after `key` in the README (the editor recipes). */
function readmeJsonCommand(key: string): string {
  const m = new RegExp(`"${key}": "(natmodgen [^"]*)"`).exec(README);
  if (!m) throw new Error(`README has no "${key}" recipe`);
  return m[1];
}

beforeAll(() => {
  const base = fs.mkdtempSync(path.join(os.tmpdir(), 'nmg-install-'));
  work = path.join(base, 'work');
  prefix = path.join(base, 'prefix');
  fs.mkdirSync(work);
  const npmEnv = { ...process.env, npm_config_loglevel: 'error', npm_config_audit: 'false', npm_config_fund: 'false' };
  const pack = spawnSync('npm', ['pack', '--ignore-scripts', '--pack-destination', base], {
    cwd: repoRoot,
    env: npmEnv,
    encoding: 'utf8',
    timeout: 600_000,
  });
  if (pack.status !== 0) throw new Error(`npm pack failed:\n${pack.stderr}`);
  const tgz = fs.readdirSync(base).find((f) => f.endsWith('.tgz'));
  if (!tgz) throw new Error('npm pack wrote no tarball');
  const inst = spawnSync('npm', ['install', '-g', '--prefer-offline', '--prefix', prefix, path.join(base, tgz)], {
    cwd: work,
    env: npmEnv,
    encoding: 'utf8',
    timeout: 900_000,
  });
  if (inst.status !== 0) throw new Error(`npm install -g of the tarball failed:\n${inst.stderr}`);
  bin = path.join(prefix, 'bin');
  // PATH without the clone: only the installed natmodgen can answer.
  env = { ...process.env, PATH: `${bin}:/usr/local/bin:/usr/bin:/bin`, MPY_DIR: MPY_DIR ?? '' };
  if (!MPY_DIR) delete env.MPY_DIR;
  for (const ex of ['functions', 'multifile'])
    fs.cpSync(path.join(repoRoot, 'examples', ex), path.join(work, 'examples', ex), { recursive: true });
}, 1_200_000);

afterAll(() => {
  if (work) fs.rmSync(path.dirname(work), { recursive: true, force: true });
});

describe('natmodgen installed from a packed tarball', () => {
  test('package.json is ready to publish: bin, files, engines', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8'));
    expect(pkg.bin.natmodgen).toBe('dist/natmodgen.js');
    expect(pkg.files).toEqual(
      expect.arrayContaining(['dist/natmodgen.js', 'dist/src', 'templates', 'grammar-queries', 'make', 'runtime', 'data']),
    );
    expect(pkg.engines.node).toMatch(/^>=\d+/);
    // No invented repository URL: either a real one, or publishing stops until one is set.
    const check = spawnSync(process.execPath, [path.join(repoRoot, 'scripts', 'check-publish.js')], { encoding: 'utf8' });
    if (pkg.repository) expect(check.status).toBe(0);
    else
      expect({ script: pkg.scripts.prepublishOnly, status: check.status }).toEqual({ script: 'node scripts/check-publish.js', status: 1 });
    expect(fs.existsSync(path.join(prefix, 'lib', 'node_modules', 'natmodgen', 'test'))).toBe(false);
  });

  test('natmodgen --help and --version run from outside the clone', () => {
    const which = sh('command -v natmodgen', work);
    expect(which.stdout.trim()).toBe(path.join(bin, 'natmodgen'));
    const help = sh('natmodgen --help', work);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('natmodgen gen');
    expect(sh('natmodgen --version', work).stdout.trim()).toBe(
      JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')).version,
    );
  });

  test('natmodgen makefile names the fragment inside the installed package', () => {
    const r = sh('natmodgen makefile', work);
    expect(r.code).toBe(0);
    const mk = r.stdout.trim();
    expect(mk.startsWith(prefix)).toBe(true);
    expect(fs.existsSync(mk)).toBe(true);
  });

  test("the README's Quick start and other natmodgen command lines run as written", () => {
    const cmds = readmeCommands();
    expect(cmds).toContain('natmodgen gen -o build/functions examples/functions/functions.c');
    for (const cmd of cmds) {
      if (cmd.includes('$MPY_DIR') && !MPY_DIR) continue;
      const r = sh(cmd, work);
      // natmodgen build reports its progress per architecture on stderr; nothing else may be there.
      const stderr = cmd.startsWith('natmodgen build ')
        ? r.stderr
            .split('\n')
            .filter((l) => l && !/^natmodgen build: MicroPython |^\[\w+\] (building|ok \d+ bytes)/.test(l))
            .join('\n')
        : r.stderr;
      expect({ cmd, code: r.code, stderr }).toEqual({ cmd, code: 0, stderr: '' });
    }
    expect(fs.readFileSync(path.join(work, 'build', 'functions', 'functions.c'), 'utf8')).toContain('mpy_init');
  });

  test('editor recipes: run on save, and the formatter on stdin', () => {
    const file = path.join(work, 'examples', 'multifile', 'shapes.c');
    const original = fs.readFileSync(file, 'utf8');
    const fmt = readmeJsonCommand('command').replace('${file}', file);
    const formatted = sh(fmt, work, original);
    expect(formatted.stderr).toBe('');
    expect(formatted.code).toBe(0);
    expect(formatted.stdout).toContain('natmodgen');
    expect(fs.readFileSync(file, 'utf8')).toBe(original);
    const onSave = readmeJsonCommand('cmd').replace('${file}', file);
    expect(sh(onSave, work).code).toBe(0);
    expect(fs.readFileSync(file, 'utf8')).toBe(formatted.stdout);
  });

  test('pre-commit and CI recipes on a repository with a multi-file module', () => {
    const entry = /entry: (natmodgen sync --check)\n/.exec(README)?.[1];
    expect(entry).toBeDefined();
    // pre-commit passes the staged files after the entry
    expect(sh(`${entry} examples/functions/functions.c`, work).code).toBe(1);
    expect(sh('natmodgen sync examples', work).code).toBe(0);
    expect(sh(`${entry} examples/multifile/module.c`, work).code).toBe(0);
    const ci = /CI: `(natmodgen sync --check \.)`/.exec(README)?.[1];
    expect(ci).toBeDefined();
    const r = sh(ci!, work);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
  });

  test('the fragment include fails loudly when natmodgen is not on PATH', () => {
    const include = /^NATMODGEN_MK \?= \$\(shell natmodgen makefile.*\n(?:.*\n)*?include \$\(NATMODGEN_MK\)$/m.exec(README)?.[0];
    expect(include).toBeDefined();
    const dir = path.join(work, 'nopath');
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'Makefile'), `${include}\nall:\n\t@echo included\n`);
    const without = sh('make', dir, undefined, { PATH: '/usr/bin:/bin' });
    expect(without.code).not.toBe(0);
    expect(without.stderr).toContain('natmodgen was not found');
    // With natmodgen on PATH the fragment itself is included (and asks for SRC, as it should).
    const withIt = sh('make', dir);
    expect(withIt.stderr).not.toContain('natmodgen was not found');
    expect(withIt.stdout + withIt.stderr).not.toMatch(/No such file or directory/);
  });

  test('the plain git hook and the SARIF CI recipe run as written', () => {
    const repo = path.join(work, 'hookrepo');
    fs.cpSync(path.join(work, 'examples'), path.join(repo, 'examples'), { recursive: true });
    const git = (cmd: string) => sh(`git -c user.name=t -c user.email=t@t ${cmd}`, repo);
    expect(git('init -q').code).toBe(0);
    expect(sh('natmodgen sync examples', repo).code).toBe(0);
    expect(git('add -A').code).toBe(0);
    const hook = /a plain `\.git\/hooks\/pre-commit`: `([^`]+)`/.exec(README)?.[1];
    expect(hook).toBeDefined();
    expect(sh(hook!, repo)).toMatchObject({ code: 0, stderr: '' });
    // An edit inside a generated block, staged: the hook refuses the commit (NMG5001, an input error: exit 2).
    const file = path.join(repo, 'examples', 'functions', 'functions.c');
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace(/(natmodgen_store_globals_\w+\(void\) \{\n)/, '$1    ;\n'));
    expect(git('add -A').code).toBe(0);
    const refused = sh(hook!, repo);
    expect(refused.code).toBe(2);
    expect(refused.stdout + refused.stderr).toContain('NMG5001');
    const sarif = /code scanning, `(natmodgen --format sarif sync --check \. > natmodgen\.sarif)`/.exec(README)?.[1];
    expect(sarif).toBeDefined();
    expect(sh(sarif!, repo).code).toBe(2);
    const doc = JSON.parse(fs.readFileSync(path.join(repo, 'natmodgen.sarif'), 'utf8'));
    expect(doc.version).toBe('2.1.0');
    expect(JSON.stringify(doc.runs[0].results)).toContain('functions.c');
  });

  test('the shipped .pre-commit-hooks.yaml entries are installed commands', () => {
    const hooks = fs.readFileSync(path.join(repoRoot, '.pre-commit-hooks.yaml'), 'utf8');
    const entries = [...hooks.matchAll(/^ {2}entry: (.+)$/gm)].map((m) => m[1]);
    expect(entries).toEqual(['natmodgen sync --check', 'natmodgen sync']);
    for (const e of entries) expect(sh(`${e} examples/multifile/module.c`, work).code).toBe(0);
  });

  (MPY_DIR ? test : test.skip)('the fragment recipe, as written, builds a multi-file module from the installed natmodgen', () => {
    const block = /```make\n(MPY_DIR \?= [\s\S]*?)```/.exec(README)?.[1];
    expect(block).toBeDefined();
    const dir = path.join(work, 'fragment', 'multifile');
    fs.cpSync(path.join(repoRoot, 'examples', 'multifile'), dir, { recursive: true });
    // The recipe's own SRC names its example files; the rest is used as written.
    fs.writeFileSync(path.join(dir, 'Makefile'), block!.replace(/^SRC = .*$/m, 'SRC = module.c shapes.c'));
    const r = sh(`make PYTHON=${PYTHON}`, dir);
    expect({ code: r.code, err: r.stderr.split('\n').filter((l) => /error/i.test(l)) }).toEqual({ code: 0, err: [] });
    expect(fs.existsSync(path.join(dir, 'nmg_multifile.mpy'))).toBe(true);
    const micropython = process.env.MICROPYTHON;
    if (!micropython) {
      process.stderr.write('test/install: SKIPPED running the fragment-built module: MICROPYTHON is not set\n');
      return;
    }
    const run = sh(`${micropython} ${path.join(dir, 'test.py')}`, work, undefined, { MICROPYPATH: dir });
    expect(run.stdout).toBe(fs.readFileSync(path.join(dir, 'expected.txt'), 'utf8'));
  });

  (MPY_DIR ? test : test.skip)('Quick start: the generated file builds with dynruntime.mk', () => {
    const block = /```make\n(# build\/functions\/Makefile[\s\S]*?)```/.exec(README)?.[1];
    expect(block).toBeDefined();
    const dir = path.join(work, 'build', 'functions');
    fs.writeFileSync(path.join(dir, 'Makefile'), block!.replace(/^MPY_DIR = .*$/m, `MPY_DIR = ${MPY_DIR}`));
    const r = sh(`make -C build/functions PYTHON=${PYTHON}`, work);
    expect(r.stderr).not.toMatch(/error/i);
    expect(r.code).toBe(0);
    expect(fs.existsSync(path.join(dir, 'nmg_functions.mpy'))).toBe(true);
    // The Quick start's last line: import the module with a unix-port micropython.
    const line = /^(micropython -c .*)$/m.exec(README)?.[1];
    expect(line).toBeDefined();
    const micropython = process.env.MICROPYTHON;
    if (!micropython) {
      process.stderr.write("test/install: SKIPPED the Quick start's import line: MICROPYTHON is not set\n");
      return;
    }
    const imp = sh(line!.replace(/^micropython /, `${micropython} `), work);
    expect({ code: imp.code, stderr: imp.stderr }).toEqual({ code: 0, stderr: '' });
    expect(imp.stdout.trim()).toBe('42');
  });
});
