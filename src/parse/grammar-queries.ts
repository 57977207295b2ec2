import * as fs from 'fs';
import * as path from 'path';
import type ParserType from 'tree-sitter';
import { C, Parser } from './native';
import { compilePattern, PatternMatcher, WalkPattern } from './patterns';
import { packageRoot } from '../paths';

/** Folder holding one `.scm` file per construct. */
export const QUERY_DIR = path.join(packageRoot(), 'grammar-queries');

/**
 * Running each construct's query over the whole tree, with tree-sitter evaluating text
 * predicates in JavaScript node by node, cost 7-15x the parse. So every file is read once:
 *  - a *leaf* pattern (`([(identifier) (type_identifier)] @x (#eq? @x "NAME"))`: a token
 *    of some node types whose text passes a test) is answered from the token stream;
 *  - every other (*structural*) pattern that src/parse/patterns.ts reads is matched during the
 *    walk that makes the token stream (parseFile), or one walk of the tree of its own;
 *  - any other pattern goes into one combined tree-sitter query, compiled once per process and
 *    run once per file (none of grammar-queries/ needs it today).
 * test/unit/queries and test/unit/parse/queries.test.ts check all of them against each query run
 * alone by tree-sitter.
 */
export interface LeafTest {
  types: Set<string>;
  capture: string;
  test: (text: string) => boolean;
}

export interface Pattern {
  query: string;
  text: string;
  leaf?: LeafTest;
}

export function readQuery(name: string): string {
  return fs.readFileSync(path.join(QUERY_DIR, `${name}.scm`), 'utf8');
}

export function queryNames(): string[] {
  return fs
    .readdirSync(QUERY_DIR)
    .filter((f) => f.endsWith('.scm'))
    .map((f) => f.slice(0, -4))
    .sort();
}

/** The top-level patterns of a query text, comments dropped. */
export function splitPatterns(text: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let start = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === ';') {
      const nl = text.indexOf('\n', i);
      i = nl < 0 ? text.length : nl;
    } else if (c === '"') {
      for (i++; i < text.length && text[i] !== '"'; i++) if (text[i] === '\\') i++;
    } else if (c === '(' || c === '[') {
      if (depth === 0) start = i;
      depth++;
    } else if (c === ')' || c === ']') {
      depth--;
      if (depth === 0) {
        // Quantifiers and captures after the closing bracket belong to the pattern.
        let j = i + 1;
        for (;;) {
          const m = /^\s*(?:[*+?]|@[\w.-]+)/.exec(text.slice(j, j + 200));
          if (!m) break;
          j += m[0].length;
        }
        out.push(text.slice(start, j));
        i = j - 1;
      }
    }
  }
  return out;
}

const LEAF =
  /^\(\s*(?:\[((?:\s*\(\w+\))+)\s*\]|\((\w+)\))\s*@([\w.-]+)\s*\(#(eq|match|any-of)\?\s*@([\w.-]+)((?:\s*"(?:[^"\\]|\\.)*")+)\s*\)\s*\)$/;

/** A pattern that only tests one leaf node's type and text, or undefined. */
export function leafTest(pattern: string): LeafTest | undefined {
  const m = LEAF.exec(pattern.trim());
  if (!m || m[3] !== m[5]) return undefined;
  const types = new Set((m[1] ?? `(${m[2]})`).match(/\w+/g) ?? []);
  const args = [...m[6].matchAll(/"((?:[^"\\]|\\.)*)"/g)].map((a) => JSON.parse(`"${a[1]}"`) as string);
  const op = m[4];
  if (op === 'eq' && args.length === 1) return { types, capture: m[3], test: (t) => t === args[0] };
  if (op === 'any-of') {
    const set = new Set(args);
    return { types, capture: m[3], test: (t) => set.has(t) };
  }
  if (op === 'match' && args.length === 1) {
    const re = new RegExp(args[0]);
    return { types, capture: m[3], test: (t) => re.test(t) };
  }
  return undefined;
}

export interface Combined {
  patterns: Pattern[];
  /** Structural patterns matched by a walk (src/parse/patterns.ts). */
  walked: WalkPattern[];
  /** Structural patterns only tree-sitter reads, in one query (undefined when there are none). */
  native: Pattern[];
  query: ParserType.Query | undefined;
}

let combined: Combined | undefined;

/** Every pattern of grammar-queries/, sorted by how it is answered (read and compiled once per process). */
export function combinedQuery(): Combined {
  if (combined) return combined;
  const patterns: Pattern[] = [];
  for (const query of queryNames()) {
    for (const text of splitPatterns(readQuery(query))) patterns.push({ query, text, leaf: leafTest(text) });
  }
  const walked: WalkPattern[] = [];
  const native: Pattern[] = [];
  for (const p of patterns) {
    if (p.leaf) continue;
    const root = compilePattern(p.text);
    if (root) walked.push({ query: p.query, root });
    else native.push(p);
  }
  const query = native.length ? new Parser.Query(C as never, native.map((p) => p.text).join('\n')) : undefined;
  // node-tree-sitter keeps one predicate list per pattern: the split must agree with its count.
  const counted = query ? (query as unknown as { predicates: unknown[] }).predicates.length : 0;
  if (counted !== native.length) {
    throw new Error(`natmodgen: grammar-queries split into ${native.length} patterns, tree-sitter counts ${counted}`);
  }
  return (combined = { patterns, walked, native, query });
}

/** A matcher of the structural patterns a walk answers (a new one per tree: it collects that tree's matches). */
export function structuralMatcher(): PatternMatcher {
  return new PatternMatcher(combinedQuery().walked);
}
