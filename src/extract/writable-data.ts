import type { SyntaxNode } from 'tree-sitter';
import { WritableDataDecl, WritableVar } from '../model/declarations';
import { loadQuery } from '../parse/queries';
import { ExtractContext } from './context';

/** Writable file-scope variables that are `static` or initialised (see grammar-queries/writable-data.scm). */
export function extractWritableData(ctx: ExtractContext): WritableDataDecl[] {
  const { src, tree } = ctx.file;
  const out: WritableDataDecl[] = [];
  for (const c of loadQuery('writable-data').captures(tree.rootNode)) {
    const decl = c.node;
    if (decl.hasError || insideFunction(decl)) continue;
    const storage = decl.namedChildren.filter((n) => n.type === 'storage_class_specifier').map((n) => n.text);
    if (storage.some((s) => s !== 'static')) continue;
    const isStatic = storage.includes('static');
    const declarators = decl.childrenForFieldName('declarator');
    if (declarators.length === 0 || declarators.some((d) => innermost(d).some((n) => n.type === 'function_declarator'))) continue;
    const baseConst = decl.namedChildren.some((n) => n.type === 'type_qualifier' && n.text === 'const');
    const first = declarators[0];
    const specifiers = decl.namedChildren
      .filter((n) => n.endIndex <= first.startIndex && n.type !== 'storage_class_specifier' && n.type !== 'comment')
      .map((n) => n.text)
      .join(' ');
    const vars: WritableVar[] = [];
    for (const d of declarators) {
      const isInit = d.type === 'init_declarator';
      const target = isInit ? d.childForFieldName('declarator')! : d;
      const value = isInit ? d.childForFieldName('value') : null;
      if (!writable(target, baseConst) || (!isStatic && !value)) continue;
      const chain = innermost(target);
      const id = chain[chain.length - 1];
      if (id.type !== 'identifier') continue;
      const text = src.text.slice(target.startIndex, target.endIndex);
      const rel = id.startIndex - target.startIndex;
      const outer = chain.find((n) => n.type === 'array_declarator');
      vars.push({
        name: id.text,
        declarator: text,
        abstract: text.slice(0, rel) + text.slice(rel + id.text.length),
        unsizedAt: outer && outer.childForFieldName('size') === null ? outer.endIndex - 1 - target.startIndex : undefined,
        init: value ? src.text.slice(value.startIndex, value.endIndex) : undefined,
      });
    }
    if (vars.length === 0) continue;
    if (vars.length !== declarators.length) continue; // mixed const/writable declarators: left as written
    const i = ctx.cur.indexAt(decl.startIndex);
    out.push({
      kind: 'writable_data',
      name: vars.map((v) => v.name).join(','),
      specifiers,
      vars,
      span: src.span(decl.startIndex, decl.endIndex),
      cond: ctx.condAt(i),
      unit: ctx.unit,
      isStatic,
    });
  }
  return out;
}

function insideFunction(n: SyntaxNode): boolean {
  for (let p = n.parent; p; p = p.parent) if (p.type === 'function_definition' || p.type === 'compound_statement') return true;
  return false;
}

/** The declarator chain from outside in, ending at the identifier. */
function innermost(d: SyntaxNode): SyntaxNode[] {
  const chain: SyntaxNode[] = [d];
  let n: SyntaxNode | null = d;
  while (n && n.type !== 'identifier') {
    n = n.childForFieldName('declarator') ?? n.namedChildren.find((c) => c.type.endsWith('declarator') || c.type === 'identifier') ?? null;
    if (n) chain.push(n);
  }
  return chain;
}

/** `T *const p` and `const T x` are read-only; `const T *p` and `T x` are writable. */
function writable(target: SyntaxNode, baseConst: boolean): boolean {
  const pointer = innermost(target).find((n) => n.type === 'pointer_declarator');
  if (pointer) return !pointer.namedChildren.some((c) => c.type === 'type_qualifier' && c.text === 'const');
  return !baseConst;
}
