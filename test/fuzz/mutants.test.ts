/**
 * Property test over mutants of the examples: whatever the input, generate() and sync
 * return (no exception), in bounded time, and give either output or error diagnostics,
 * never both and never neither. Mutants are drawn from a fixed seed, so a failure
 * reproduces; FUZZ_SEED and FUZZ_CASES change the draw.
 */
import * as fs from 'fs';
import * as path from 'path';
import { hasErrors } from '../../src/diagnostics/diagnostic';
import { generate, SourceInput } from '../../src/pipeline';
import { parseFile } from '../../src/parse/parser';
import { syncSources } from '../../src/pipeline/sync';

const ROOT = path.join(__dirname, '..', '..');
const SEED = Number(process.env.FUZZ_SEED ?? 20261128);
const CASES_PER_KIND = Number(process.env.FUZZ_CASES ?? 2);
/**
 * The time bound of one conversion: a multiple of a bare parse of the same inputs timed
 * just before, so a loaded machine does not fail it but a blow-up (the repeated-table
 * mutants took 8-12 s, 30x and more, before one-pass queries) does. A conversion costs
 * about 5-10 parses. The floor (4 s) is for small inputs on a machine under load: 2 s was
 * exceeded at load 8 by a plain conversion, still far from the blow-ups it is for.
 */
const PARSES_PER_CONVERSION_BOUND = 40;
const MIN_BOUND_MS = 4000;

/** mulberry32: a small seeded PRNG, so every run draws the same mutants. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Mutator = (text: string, r: () => number) => string;
const pick = (r: () => number, n: number): number => Math.floor(r() * n);
const lines = (t: string): string[] => t.split('\n');

const MUTATORS: Record<string, Mutator> = {
  'delete lines': (t, r) => {
    const ls = lines(t);
    const at = pick(r, ls.length);
    ls.splice(at, 1 + pick(r, 6));
    return ls.join('\n');
  },
  'duplicate lines': (t, r) => {
    const ls = lines(t);
    const at = pick(r, ls.length);
    const n = 1 + pick(r, 8);
    ls.splice(at, 0, ...ls.slice(at, at + n));
    return ls.join('\n');
  },
  'swap lines': (t, r) => {
    const ls = lines(t);
    const a = pick(r, ls.length);
    const b = pick(r, ls.length);
    [ls[a], ls[b]] = [ls[b], ls[a]];
    return ls.join('\n');
  },
  truncate: (t, r) => t.slice(0, pick(r, t.length)),
  'junk bytes': (t, r) => {
    let s = t;
    for (let i = 0; i < 1 + pick(r, 5); i++) {
      const at = pick(r, s.length);
      const junk = String.fromCharCode(...Array.from({ length: 1 + pick(r, 8) }, () => pick(r, 256)));
      s = s.slice(0, at) + junk + s.slice(at);
    }
    return s;
  },
  'unbalanced braces': (t, r) => {
    const at = pick(r, t.length);
    return t.slice(0, at) + ['{', '}', '(', ')', '[', ']'][pick(r, 6)].repeat(1 + pick(r, 3)) + t.slice(at);
  },
  'unbalanced #if': (t, r) => {
    const ls = lines(t);
    ls.splice(pick(r, ls.length), 0, ['#if 1', '#endif', '#else', '#ifdef X', '#elif 0'][pick(r, 5)]);
    return ls.join('\n');
  },
  'CR line ends': (t) => t.replace(/\n/g, '\r'),
  'CRLF line ends': (t) => t.replace(/\n/g, '\r\n'),
  'mixed line ends': (t, r) => t.replace(/\n/g, () => ['\n', '\r\n', '\r'][pick(r, 3)]),
  'huge line': (t, r) => {
    const ls = lines(t);
    const huge = [
      '// ' + 'x'.repeat(200_000),
      'static int huge_sum = ' + Array(20_000).fill('1').join(' + ') + ';',
      '#define HUGE ' + 'y '.repeat(100_000),
    ];
    ls.splice(pick(r, ls.length), 0, huge[pick(r, huge.length)]);
    return ls.join('\n');
  },
  'huge table': (t) => {
    const m = /static const mp_rom_map_elem_t \w+\[\] = \{\n([\s\S]*?)\n\};/.exec(t);
    if (!m) return t + '\n' + 'static const int big[] = {' + Array(20_000).fill('1').join(',') + '};\n';
    return t.replace(m[1], Array(1000).fill(m[1]).join('\n'));
  },
  'deep nesting': (t, r) => {
    const depth = 5000 + pick(r, 20_000);
    return `${t}\nstatic int deep = ${'('.repeat(depth)}1${')'.repeat(depth)};\nstatic int deep2[] = ${'{'.repeat(depth)}1${'}'.repeat(depth)};\n`;
  },
};

function examples(): Array<{ name: string; inputs: SourceInput[] }> {
  const dir = path.join(ROOT, 'examples');
  return fs
    .readdirSync(dir)
    .sort()
    .map((name) => ({
      name,
      inputs: fs
        .readdirSync(path.join(dir, name))
        .filter((f) => f.endsWith('.c'))
        .sort()
        .map((f) => ({ path: path.join('examples', name, f), text: fs.readFileSync(path.join(dir, name, f), 'utf8') })),
    }));
}

interface Case {
  title: string;
  inputs: SourceInput[];
}

function cases(): Case[] {
  const r = rng(SEED);
  const out: Case[] = [];
  const exs = examples();
  for (const [kind, mutate] of Object.entries(MUTATORS)) {
    for (let i = 0; i < CASES_PER_KIND; i++) {
      const ex = exs[pick(r, exs.length)];
      const target = pick(r, ex.inputs.length);
      const inputs = ex.inputs.map((inp, j) => (j === target ? { path: inp.path, text: mutate(inp.text, r) } : inp));
      out.push({ title: `${kind} #${i} in ${ex.inputs[target].path}`, inputs });
    }
  }
  return out;
}

function timed<T>(f: () => T): { value: T; ms: number } {
  const t0 = process.hrtime.bigint();
  const value = f();
  return { value, ms: Number(process.hrtime.bigint() - t0) / 1e6 };
}

describe(`mutants of the examples (seed ${SEED})`, () => {
  test.each(cases().map((c) => [c.title, c]))('%s', (_title, c) => {
    const parse = timed(() => c.inputs.map((i) => parseFile(i.path, i.text)));
    const bound = Math.max(MIN_BOUND_MS, PARSES_PER_CONVERSION_BOUND * parse.ms);
    const g = timed(() => generate(c.inputs, { defines: [], outDir: 'out' }));
    expect(g.ms).toBeLessThan(bound);
    if (hasErrors(g.value.diagnostics)) expect(g.value.value).toEqual([]);
    else {
      expect(g.value.value).toHaveLength(c.inputs.length);
      for (const f of g.value.value) expect(f.text.startsWith('/*')).toBe(true);
    }
    for (const d of g.value.diagnostics) {
      expect(d.code).toMatch(/^NMG\d{4}$/);
      if (d.span) expect(d.span.line).toBeGreaterThanOrEqual(1);
    }

    const s = timed(() => syncSources(c.inputs, { defines: [], force: false }));
    expect(s.ms).toBeLessThan(bound);
    if (hasErrors(s.value.diagnostics)) expect(s.value.value).toEqual([]);
    else expect(s.value.value).toHaveLength(c.inputs.length);
    // gen and sync read the same code: they agree on whether it has errors.
    expect(hasErrors(s.value.diagnostics)).toBe(hasErrors(g.value.diagnostics));
  });
});
