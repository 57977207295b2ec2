/**
 * README's list of MicroPython's own modules (the block between the twins markers), rendered
 * from the two lists the twins suite works from: bench/corpus/manifest.json ("micropython"),
 * the modules built and compared, and test/e2e/twins/impossible.json, the module files a natmod
 * cannot serve. test/e2e/twins.test.ts checks README against this rendering and that the two
 * lists together name every extmod/mod*.c and py/mod*.c of MPY_DIR.
 */
import * as fs from 'fs';
import * as path from 'path';

export interface TwinEntry {
  id: string;
  module: string;
  files: string[];
  defines: string[];
  /** Include folders (under MPY_DIR) the firmware build passes for the module's sources. */
  includes?: string[];
  /** Git submodules of MicroPython (folders under MPY_DIR) the sources come from: empty in a plain clone. */
  submodules?: string[];
  test: string | null;
  mpyTests?: string[];
  impossible?: string;
  pending?: string;
  /** Flags a reference firmware needs for the module when no standard unix variant builds it. */
  reference?: string;
  /** More scripts of bench/corpus/mpy-tests for the twins suite (`test` is the one bench/corpus.mjs runs too). */
  ownTests?: string[];
  /**
   * Scripts known to print differently, with the reason: MicroPython's by their path under
   * MPY_DIR, bench/corpus/mpy-tests' by their path in the repository.
   */
  knownDiffs?: Record<string, string>;
}

export interface ImpossibleModule {
  modules: string[];
  files: string[];
  why: string;
}

export const README_BEGIN = '<!-- twins:begin (generated from bench/corpus/manifest.json and test/e2e/twins/impossible.json) -->';
export const README_END = '<!-- twins:end -->';

export function readTwinLists(repoRoot: string): { entries: TwinEntry[]; impossible: ImpossibleModule[] } {
  const manifest = JSON.parse(fs.readFileSync(path.join(repoRoot, 'bench', 'corpus', 'manifest.json'), 'utf8')) as {
    micropython: TwinEntry[];
  };
  const impossible = JSON.parse(fs.readFileSync(path.join(repoRoot, 'test', 'e2e', 'twins', 'impossible.json'), 'utf8')) as {
    modules: ImpossibleModule[];
  };
  return { entries: manifest.micropython, impossible: impossible.modules };
}

/** The module files (extmod/mod*.c, py/mod*.c) an entry or row stands for. */
export const MODULE_FILE = /^(extmod|py)\/mod[^/]*\.c$/;

const code = (s: string) => `\`${s}\``;

/** An entry's sources: the module file, then the others, a folder of many summed up. */
function sources(files: string[]): string {
  const [first, ...rest] = files;
  const byDir = new Map<string, string[]>();
  for (const f of rest) {
    const dir = f.split('/').slice(0, 2).join('/');
    byDir.set(dir, [...(byDir.get(dir) ?? []), f]);
  }
  const parts = [...byDir].flatMap(([dir, fs]) => (fs.length > 3 ? [`${fs.length} files under ${dir}`] : fs));
  return [first, ...parts].join(', ');
}

function scripts(e: TwinEntry): string {
  return [...(e.mpyTests ?? []), ...[...(e.test ? [e.test] : []), ...(e.ownTests ?? [])].map((t) => `bench/corpus/mpy-tests/${t}`)]
    .map(code)
    .join(', ');
}

/** The generated block, markers included. */
export function renderTwinsReadme(entries: TwinEntry[], impossible: ImpossibleModule[]): string {
  const compared = entries.filter((e) => e.mpyTests && !e.impossible && !e.pending);
  const pending = entries.filter((e) => e.pending);
  const impossibleRows: ImpossibleModule[] = [
    ...entries
      .filter((e) => e.impossible)
      .map((e) => ({ modules: [e.module], files: e.files.filter((f) => MODULE_FILE.test(f)), why: e.impossible! })),
    ...impossible,
  ];
  const moduleFiles = (fs: string[]) => fs.filter((f) => MODULE_FILE.test(f)).length;
  const nCompared = compared.reduce((n, e) => n + moduleFiles(e.files), 0);
  const nPending = pending.reduce((n, e) => n + moduleFiles(e.files), 0);
  const nImpossible = impossibleRows.reduce((n, r) => n + r.files.length, 0);
  const out = [
    README_BEGIN,
    '',
    `Of the ${nCompared + nPending + nImpossible} \`extmod/mod*.c\` and \`py/mod*.c\` files of v1.28.0, ${nCompared} ` +
      `(${compared.length} modules) are compared with their built-in twins` +
      (nPending ? `, ${nPending} are not compared yet` : '') +
      ` and ${nImpossible} cannot be natmods.`,
    '',
    '| module | sources | scripts run on both | not compared |',
    '|---|---|---|---|',
    ...compared.map(
      (e) =>
        `| ${code(e.module)} | ${sources(e.files)} | ${scripts(e)} | ${
          Object.keys(e.knownDiffs ?? {})
            .map((s) => code(path.basename(s)))
            .join(', ') || '-'
        } |`,
    ),
    '',
    'Scripts not compared, and why:',
    '',
    ...compared.flatMap((e) => Object.entries(e.knownDiffs ?? {}).map(([s, why]) => `- ${code(e.module)}, ${code(s)}: ${why}.`)),
    '',
    ...(pending.length
      ? ['Not compared yet:', '', ...pending.map((e) => `- ${code(e.module)} (${sources(e.files)}): ${e.pending}.`), '']
      : []),
    'Modules a natmod cannot serve:',
    '',
    '| module | file | why |',
    '|---|---|---|',
    ...impossibleRows.map((r) => `| ${r.modules.map(code).join(', ')} | ${r.files.join(', ')} | ${r.why} |`),
    '',
    README_END,
  ];
  return out.join('\n');
}

/** The block as README has it (markers included), or undefined without the markers. */
export function readmeTwinsBlock(readme: string): string | undefined {
  const start = readme.indexOf(README_BEGIN);
  const end = readme.indexOf(README_END);
  if (start < 0 || end < start) return undefined;
  return readme.slice(start, end + README_END.length);
}
