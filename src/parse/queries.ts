import * as fs from 'fs';
import * as path from 'path';
import type ParserType from 'tree-sitter';
import { Parser } from './native';
import type { SyntaxNode, Tree } from 'tree-sitter';
import { cLanguage } from './parser';
import { packageRoot } from '../paths';

/** Folder holding one `.scm` file per construct. */
export const QUERY_DIR = path.join(packageRoot(), 'grammar-queries');

const cache = new Map<string, ParserType.Query>();

export function loadQuery(name: string): ParserType.Query {
  let q = cache.get(name);
  if (!q) {
    const text = fs.readFileSync(path.join(QUERY_DIR, `${name}.scm`), 'utf8');
    q = new Parser.Query(cLanguage() as never, text);
    cache.set(name, q);
  }
  return q;
}

export function queryNames(): string[] {
  return fs.readdirSync(QUERY_DIR).filter((f) => f.endsWith('.scm')).map((f) => f.slice(0, -4)).sort();
}

/** Start offsets of every node captured as `@<capture>` by the named query. */
export function captureStarts(tree: Tree, name: string, capture: string): Array<{ node: SyntaxNode; start: number }> {
  const out: Array<{ node: SyntaxNode; start: number }> = [];
  for (const c of loadQuery(name).captures(tree.rootNode)) {
    if (c.name === capture) out.push({ node: c.node, start: c.node.startIndex });
  }
  out.sort((a, b) => a.start - b.start);
  return out.filter((c, i) => i === 0 || out[i - 1].start !== c.start);
}
