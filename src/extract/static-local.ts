import { StaticLocalDecl } from '../model/declarations';
import { queryCaptures } from '../parse/queries';
import { ExtractContext } from './context';
import { enclosingFunction, readDeclaration } from './declarator';

/** `static` writable variables inside functions (see grammar-queries/static-local.scm). */
export function extractStaticLocals(ctx: ExtractContext): StaticLocalDecl[] {
  const { src, tree } = ctx.file;
  const out: StaticLocalDecl[] = [];
  for (const c of queryCaptures(ctx.file, 'static-local')) {
    const decl = c.node;
    if (decl.hasError) continue;
    const d = readDeclaration(decl, src.text);
    if (!d || !d.storage.includes('static') || !d.vars.every((v) => v.writable)) continue;
    const fn = enclosingFunction(decl);
    if (!fn) continue;
    const fnName = fn.childForFieldName('declarator');
    const nameNode = fnName ? fnName.descendantsOfType('identifier')[0] : undefined;
    out.push({
      kind: 'static_local',
      name: d.vars.map((v) => v.name).join(','),
      specifiers: d.specifiers,
      vars: d.vars.map((v) => ({ name: v.name, template: v.declarator.slice(0, v.nameAt) + '%s' + v.declarator.slice(v.nameAt + v.name.length), init: v.init })),
      functionSpan: src.span(fn.startIndex, fn.endIndex),
      functionName: nameNode?.text ?? 'fn',
      span: src.span(decl.startIndex, decl.endIndex),
      cond: ctx.condAt(ctx.cur.indexAt(fn.startIndex)),
      unit: ctx.unit,
      isStatic: true,
    });
  }
  return out;
}
