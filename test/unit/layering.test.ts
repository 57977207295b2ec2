/**
 * The layering of src/: every import points at the same stage or an earlier one, and no
 * module imports itself through others. STAGES is the one declaration of the order
 * (docs/architecture.md describes it); a folder or file of src/ missing from it fails.
 */
import * as fs from 'fs';
import * as path from 'path';
import * as ts from 'typescript';

const SRC = path.join(__dirname, '..', '..', 'src');

/** Stages of src/, earliest first: a stage may import only from itself and the ones above it. */
export const STAGES: string[][] = [
  ['paths.ts', 'stamped-store.ts', 'diagnostics'],
  // natmodgen's runtime library index (runtime/*.c|h): facts about C files natmodgen ships.
  ['runtime'],
  ['model'],
  ['parse'],
  ['preprocess'],
  ['facts'],
  ['extract'],
  ['resolve'],
  ['plan'],
  ['constructs'],
  ['render'],
  ['sync'],
  ['pipeline'],
  ['io'],
  ['init', 'build'],
  ['lsp'],
  ['cli', 'index.ts'],
];

function listSources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return listSources(p);
    return e.name.endsWith('.ts') ? [p] : [];
  });
}

/** Relative module specifiers a file imports or re-exports, type-only ones included. */
export function importsOf(text: string): string[] {
  const sf = ts.createSourceFile('x.ts', text, ts.ScriptTarget.ES2022, false);
  const out: string[] = [];
  const visit = (n: ts.Node) => {
    if ((ts.isImportDeclaration(n) || ts.isExportDeclaration(n)) && n.moduleSpecifier && ts.isStringLiteral(n.moduleSpecifier)) {
      out.push(n.moduleSpecifier.text);
    } else if (ts.isImportEqualsDeclaration(n) && ts.isExternalModuleReference(n.moduleReference)) {
      const e = n.moduleReference.expression;
      if (ts.isStringLiteral(e)) out.push(e.text);
    } else if (ts.isCallExpression(n) && n.expression.kind === ts.SyntaxKind.ImportKeyword && ts.isStringLiteral(n.arguments[0])) {
      out.push(n.arguments[0].text);
    }
    ts.forEachChild(n, visit);
  };
  visit(sf);
  return out.filter((s) => s.startsWith('.'));
}

function resolveImport(from: string, spec: string): string | undefined {
  const base = path.resolve(path.dirname(from), spec);
  return [`${base}.ts`, path.join(base, 'index.ts')].find((p) => fs.existsSync(p));
}

/** The stage index of a file of src/. */
function stageOf(file: string): number {
  const top = path.relative(SRC, file).split(path.sep)[0];
  return STAGES.findIndex((s) => s.includes(top));
}

/** Import cycles among files, each as the list of files on it (Tarjan's strongly connected components). */
export function cycles(graph: Map<string, string[]>): string[][] {
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const out: string[][] = [];
  const strong = (v: string) => {
    index.set(v, counter);
    low.set(v, counter++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        strong(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const comp: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        comp.push(w);
      } while (w !== v);
      if (comp.length > 1 || (graph.get(v) ?? []).includes(v)) out.push(comp.sort());
    }
  };
  for (const v of [...graph.keys()].sort()) if (!index.has(v)) strong(v);
  return out;
}

describe('layering of src/', () => {
  const files = listSources(SRC).sort();
  const rel = (f: string) => path.relative(SRC, f).split(path.sep).join('/');
  const graph = new Map<string, string[]>();
  const unresolved: string[] = [];
  for (const f of files) {
    const targets: string[] = [];
    for (const spec of importsOf(fs.readFileSync(f, 'utf8'))) {
      const t = resolveImport(f, spec);
      if (t) targets.push(t);
      else unresolved.push(`${rel(f)} imports ${spec}`);
    }
    graph.set(f, targets);
  }

  test('every file of src/ belongs to a declared stage', () => {
    expect(files.filter((f) => stageOf(f) < 0).map(rel)).toEqual([]);
  });

  test('every relative import resolves to a file of src/', () => {
    expect(unresolved).toEqual([]);
  });

  test('no import points at a later stage', () => {
    const back: string[] = [];
    for (const [f, targets] of graph) {
      for (const t of targets) if (stageOf(t) > stageOf(f)) back.push(`${rel(f)} -> ${rel(t)}`);
    }
    expect(back).toEqual([]);
  });

  test('no import cycles', () => {
    expect(cycles(graph).map((c) => c.map(rel))).toEqual([]);
  });
});

describe('the layering checks themselves', () => {
  test('importsOf sees imports, type imports, re-exports and dynamic imports, not packages', () => {
    const text = [
      "import { a } from './a';",
      "import type { B } from '../b';",
      "export { c } from './c';",
      "import fs = require('./d');",
      "const e = import('./e');",
      "import * as path from 'path';",
    ].join('\n');
    expect(importsOf(text)).toEqual(['./a', '../b', './c', './d', './e']);
  });

  test('cycles finds a loop of three and a self-import, and nothing in a chain', () => {
    const g = new Map([
      ['a', ['b']],
      ['b', ['c']],
      ['c', ['a']],
      ['d', ['d']],
      ['e', ['a']],
    ]);
    expect(cycles(g)).toEqual([['a', 'b', 'c'], ['d']]);
    expect(
      cycles(
        new Map([
          ['x', ['y']],
          ['y', []],
        ]),
      ),
    ).toEqual([]);
  });
});
