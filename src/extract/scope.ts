import type { SyntaxNode } from 'tree-sitter';
import { declaratorChain } from './declarator';

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
