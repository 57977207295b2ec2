import type { SyntaxNode } from 'tree-sitter';

/** The declarator chain from outside in, ending at the identifier. */
export function declaratorChain(d: SyntaxNode): SyntaxNode[] {
  const chain: SyntaxNode[] = [d];
  let n: SyntaxNode | null = d;
  while (n && n.type !== 'identifier') {
    n = n.childForFieldName('declarator') ?? n.namedChildren.find((c) => c.type.endsWith('declarator') || c.type === 'identifier') ?? null;
    if (n) chain.push(n);
  }
  return chain;
}

/**
 * Whether the variable itself is writable. Reading from the name outwards, arrays pass
 * through to their elements and the first pointer decides: `T *const p` and `const T x`
 * are read-only; `const T *p`, `const T *const *pp` and `T x` are writable.
 */
export function isWritable(target: SyntaxNode, baseConst: boolean): boolean {
  const inward = declaratorChain(target).reverse();
  for (const n of inward) {
    if (n.type === 'pointer_declarator') return !n.namedChildren.some((c) => c.type === 'type_qualifier' && c.text === 'const');
    if (n.type === 'function_declarator') return true;
  }
  return !baseConst;
}

/** A function prototype, as opposed to a function-pointer variable: the name is declared a function directly. */
export function declaresFunction(target: SyntaxNode): boolean {
  const inward = declaratorChain(target)
    .reverse()
    .filter((n) => n.type !== 'identifier' && n.type !== 'parenthesized_declarator');
  return inward[0]?.type === 'function_declarator';
}

export function insideFunction(n: SyntaxNode): boolean {
  for (let p = n.parent; p; p = p.parent) if (p.type === 'function_definition' || p.type === 'compound_statement') return true;
  return false;
}

export function enclosingFunction(n: SyntaxNode): SyntaxNode | undefined {
  for (let p = n.parent; p; p = p.parent) if (p.type === 'function_definition') return p;
  return undefined;
}

/** One declared variable: its name, the declarator text with the name cut out, and its initializer. */
export interface DeclaredVar {
  name: string;
  declarator: string;
  /** Offset of the name within `declarator`. */
  nameAt: number;
  /** For `name[]`: offset of the `]` of the empty brackets in `declarator`. */
  unsizedAt?: number;
  init?: string;
}

/** Storage class, specifiers text (storage class removed) and variables of a declaration node. */
export function readDeclaration(
  decl: SyntaxNode,
  text: string,
): { storage: string[]; baseConst: boolean; specifiers: string; vars: Array<DeclaredVar & { writable: boolean }> } | undefined {
  const storage = decl.namedChildren.filter((n) => n.type === 'storage_class_specifier').map((n) => n.text);
  const declarators = decl.childrenForFieldName('declarator');
  const target = (d: SyntaxNode) => (d.type === 'init_declarator' ? d.childForFieldName('declarator')! : d);
  if (declarators.length === 0 || declarators.some((d) => declaresFunction(target(d)))) return undefined;
  const baseConst = decl.namedChildren.some((n) => n.type === 'type_qualifier' && n.text === 'const');
  const first = declarators[0];
  const specifiers = decl.namedChildren
    .filter((n) => n.endIndex <= first.startIndex && n.type !== 'storage_class_specifier' && n.type !== 'comment')
    .map((n) => n.text)
    .join(' ');
  const vars: Array<DeclaredVar & { writable: boolean }> = [];
  for (const d of declarators) {
    const isInit = d.type === 'init_declarator';
    const target = isInit ? d.childForFieldName('declarator')! : d;
    const value = isInit ? d.childForFieldName('value') : null;
    const chain = declaratorChain(target);
    const id = chain[chain.length - 1];
    if (!id || id.type !== 'identifier') return undefined;
    const outer = chain.find((n) => n.type === 'array_declarator');
    vars.push({
      name: id.text,
      declarator: text.slice(target.startIndex, target.endIndex),
      nameAt: id.startIndex - target.startIndex,
      unsizedAt: outer && outer.childForFieldName('size') === null ? outer.endIndex - 1 - target.startIndex : undefined,
      init: value ? text.slice(value.startIndex, value.endIndex) : undefined,
      writable: isWritable(target, baseConst),
    });
  }
  return { storage, baseConst, specifiers, vars };
}
