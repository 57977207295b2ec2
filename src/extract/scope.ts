import type { SyntaxNode } from 'tree-sitter';
import { declaratorChain } from './declarator';
import { Cursor } from './cursor';

/**
 * Block scopes of C inside a function: which identifier nodes of a function body refer to
 * one particular local declaration (a block-scope declaration of the same name, or a
 * parameter, shadows it; struct fields and labels are other node types altogether).
 */

const SCOPES = new Set(['compound_statement', 'for_statement', 'function_definition']);

/** The identifier nodes of `declaration`'s declarators (init declarators included). */
function declaredNames(declaration: SyntaxNode): string[] {
  return declaration.childrenForFieldName('declarator').map((d) => {
    const chain = declaratorChain(d);
    return chain[chain.length - 1]?.text ?? '';
  });
}

const key = (n: SyntaxNode) => `${n.type}:${n.startIndex}`;

/** The nearest enclosing scope node of `n` (not `n` itself). */
function scopeOf(n: SyntaxNode): SyntaxNode | null {
  for (let p = n.parent; p; p = p.parent) if (SCOPES.has(p.type)) return p;
  return null;
}

/** Parameter names of a function definition. */
function parameterNames(fn: SyntaxNode): string[] {
  const declarator = fn.childForFieldName('declarator');
  const fnDecl = declarator ? declaratorChain(declarator).find((n) => n.type === 'function_declarator') : undefined;
  const params = fnDecl?.childForFieldName('parameters');
  if (!params) return [];
  return params.namedChildren.flatMap((p) => {
    const d = p.type === 'parameter_declaration' ? p.childForFieldName('declarator') : null;
    const chain = d ? declaratorChain(d) : [];
    return chain.length ? [chain[chain.length - 1].text] : [];
  });
}

const DECLARATORS = new Set([
  'init_declarator',
  'pointer_declarator',
  'array_declarator',
  'parenthesized_declarator',
  'function_declarator',
]);

/** Whether an identifier is the name a declaration declares (not a use). */
function isDeclaredName(id: SyntaxNode): boolean {
  let n = id;
  for (let p = n.parent; p; n = p, p = p.parent) {
    const field = p.childForFieldName('declarator');
    const viaDeclarator = field !== null && field.startIndex === n.startIndex && field.endIndex === n.endIndex;
    if (p.type === 'declaration' || p.type === 'parameter_declaration') {
      return p.childrenForFieldName('declarator').some((d) => d.startIndex === n.startIndex && d.endIndex === n.endIndex);
    }
    if (!DECLARATORS.has(p.type) || !viaDeclarator) return false;
  }
  return false;
}

/** Offsets of the identifiers in `fn` that name the variable `name` declared by `declaration`. */
export function usesOfLocal(fn: SyntaxNode, declaration: SyntaxNode, name: string): Array<{ start: number; end: number }> {
  const body = fn.childForFieldName('body');
  if (!body) return [];
  // Every declaration of the name in the function, by scope.
  const byScope = new Map<string, SyntaxNode[]>();
  for (const d of body.descendantsOfType('declaration')) {
    // The declaration itself declares the name even where tree-sitter misread it (`PRIVATE T x;`).
    if (!declaredNames(d).includes(name) && d.startIndex !== declaration.startIndex) continue;
    const s = scopeOf(d);
    if (!s) continue;
    const list = byScope.get(key(s)) ?? [];
    list.push(d);
    byScope.set(key(s), list);
  }
  const params = parameterNames(fn).includes(name);
  const out: Array<{ start: number; end: number }> = [];
  for (const id of body.descendantsOfType('identifier')) {
    if (id.text !== name || id.startIndex < declaration.endIndex || isDeclaredName(id)) continue;
    let target: SyntaxNode | 'other' | undefined;
    for (let s = scopeOf(id); s && target === undefined; s = s === fn ? null : scopeOf(s)) {
      const before = (byScope.get(key(s)) ?? []).filter((d) => d.endIndex <= id.startIndex);
      if (before.length) target = before[before.length - 1];
      else if (s === fn && params) target = 'other';
    }
    if (target !== undefined && target !== 'other' && target.startIndex === declaration.startIndex)
      out.push({ start: id.startIndex, end: id.endIndex });
  }
  return out;
}

/**
 * The same question asked of the tokens, for names tree-sitter cannot read as declared: an object
 * a macro defines in a block (`static MP_DEFINE_STR_OBJ(s, "x");`, which tree-sitter misreads).
 * The uses of `name` after the definition `[from, to]` (token indexes) up to the end of its block,
 * except in a nested block from a declaration of the same name (`shadows`: their first tokens) to
 * that block's end, member names (after `.` or `->`) and labels.
 */
export function usesInBlock(cur: Cursor, from: number, to: number, name: string, shadows: number[]): Array<{ start: number; end: number }> {
  let open = -1;
  for (let k = from - 1, depth = 0; k >= 0; k--) {
    if (cur.is(k, '}')) depth++;
    else if (cur.is(k, '{') && depth-- === 0) {
      open = k;
      break;
    }
  }
  const close = open < 0 ? -1 : cur.closing(open);
  const out: Array<{ start: number; end: number }> = [];
  const blocks: number[] = [];
  for (let k = to + 1; k < close; k++) {
    if (cur.is(k, '{')) blocks.push(k);
    else if (cur.is(k, '}')) blocks.pop();
    else if (shadows.includes(k)) {
      if (blocks.length) {
        k = cur.closing(blocks.pop()!);
        continue;
      }
      // `for (T name = ...; ...) body`: the name is the loop's up to the end of its body.
      const paren = forParen(cur, k);
      if (paren < 0) break; // in the definition's own block it would be a redefinition
      const end = cur.closing(paren);
      const body = end + 1;
      k = cur.is(body, '{') ? cur.closing(body) : statementEnd(cur, body);
      if (k < 0) break;
    } else {
      const t = cur.tokens[k];
      if (t.kind !== 'ident' || t.text !== name || cur.is(k - 1, '.') || cur.is(k - 1, '->') || isLabel(cur, k)) continue;
      out.push({ start: t.start, end: t.end });
    }
  }
  return out;
}

/** The `(` of `for (` around token `k` (a declaration in a for statement's first clause), or -1. */
function forParen(cur: Cursor, k: number): number {
  for (let j = k - 1, depth = 0; j >= 0 && !cur.is(j, ';') && !cur.is(j, '{') && !cur.is(j, '}'); j--) {
    if (cur.is(j, ')')) depth++;
    else if (cur.is(j, '(') && depth-- === 0) return cur.is(j - 1, 'for') ? j : -1;
  }
  return -1;
}

/** The `;` ending the statement (without braces of its own) that starts at `k`, or -1. */
function statementEnd(cur: Cursor, k: number): number {
  for (let j = k; j < cur.tokens.length; j++) {
    if (cur.is(j, '(') || cur.is(j, '[') || cur.is(j, '{')) j = cur.closing(j);
    if (j < 0) return -1;
    if (cur.is(j, ';')) return j;
  }
  return -1;
}

/** Whether the identifier at `k` is a label: `goto k;` or `k:` as a statement. */
function isLabel(cur: Cursor, k: number): boolean {
  return cur.is(k - 1, 'goto') || (cur.is(k + 1, ':') && (cur.is(k - 1, ';') || cur.is(k - 1, '{') || cur.is(k - 1, '}')));
}

/** Token indexes where the declarations in `fn` that declare `name` start (tree-sitter's reading). */
export function declarationsOf(cur: Cursor, fn: SyntaxNode, name: string): number[] {
  const body = fn.childForFieldName('body');
  if (!body) return [];
  return body
    .descendantsOfType('declaration')
    .filter((d) => declaredNames(d).includes(name))
    .map((d) => cur.indexAt(d.startIndex))
    .filter((i) => i >= 0);
}
