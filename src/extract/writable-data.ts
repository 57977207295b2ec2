import { WritableDataDecl } from '../model/declarations';
import { queryCaptures } from '../parse/queries';
import { ExtractContext } from './context';
import { insideFunction, readDeclaration } from './declarator';

/** Writable file-scope variables that are `static` or initialised (see grammar-queries/writable-data.scm). */
export function extractWritableData(ctx: ExtractContext): WritableDataDecl[] {
  const { src, tree } = ctx.file;
  const out: WritableDataDecl[] = [];
  for (const c of queryCaptures(ctx.file, 'writable-data')) {
    const decl = c.node;
    if (decl.hasError || insideFunction(decl)) continue;
    const d = readDeclaration(decl, src.text);
    if (!d || d.storage.some((s) => s !== 'static')) continue;
    const isStatic = d.storage.includes('static');
    // Mixed const/writable declarators are left as written.
    if (!d.vars.every((v) => v.writable && (isStatic || v.init !== undefined))) continue;
    out.push({
      kind: 'writable_data',
      name: d.vars.map((v) => v.name).join(','),
      specifiers: d.specifiers,
      vars: d.vars.map((v) => ({
        name: v.name,
        declarator: v.declarator,
        abstract: v.declarator.slice(0, v.nameAt) + v.declarator.slice(v.nameAt + v.name.length),
        unsizedAt: v.unsizedAt,
        init: v.init,
      })),
      span: src.span(decl.startIndex, decl.endIndex),
      cond: ctx.condAt(ctx.cur.indexAt(decl.startIndex)),
      unit: ctx.unit,
      isStatic,
    });
  }
  return out;
}
