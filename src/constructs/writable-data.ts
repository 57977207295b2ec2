import { WritableDataDecl } from '../model/declarations';
import { queryCaptures } from '../parse/queries';
import { ExtractContext } from '../extract/context';
import { insideFunction, readDeclaration } from '../extract/declarator';
import { construct } from './construct';
import { guarded } from '../plan/lines';
import { names } from '../plan/names';
import { DataAssignView, DataCopyView, View } from '../plan/view';

/** Writable file-scope variables that are `static` or initialised (see grammar-queries/writable-data.scm). */
export function extractWritableData(ctx: ExtractContext): WritableDataDecl[] {
  const { src } = ctx.file;
  const out: WritableDataDecl[] = [];
  for (const c of queryCaptures(ctx.file, 'writable-data')) {
    const decl = c.node;
    if (decl.hasError || insideFunction(decl) || !ctx.atFileScope(decl.startIndex)) continue;
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

/** A scalar initial value is assigned at import; aggregates are copied from a rodata image. */
export function isScalarInit(declarator: string, init: string | undefined): init is string {
  return init !== undefined && !declarator.includes('[') && !init.trim().startsWith('{');
}

/** One variable's storage: plain, with a rodata image of its initial value, or sized from that image. */
export interface WritableDataVarView extends View<'writable-data-var' | 'writable-data-var-init' | 'writable-data-var-unsized'> {
  specifiers: string;
  /** The symbol of a static name, made unit-unique (its C name and scope stay the user's). */
  asmName?: string;
  declarator: string;
  name?: string;
  abstract?: string;
  init?: string;
  initCopy?: string;
}

export interface WritableDataView extends View<'writable-data'> {
  vars: WritableDataVarView[];
}

/**
 * Writable file-scope data: zeroed storage (static names made unit-unique) with the
 * initial value put in place by mpy_init, since mpy_ld loads neither static BSS nor .data.
 */
export const writableData = construct({
  name: 'writable-data',
  queries: ['writable-data'],
  templates: ['writable-data', 'writable-data-var', 'writable-data-var-init', 'writable-data-var-unsized'],
  kind: 'writable_data',
  extract: extractWritableData,
  plan: ({ decl: d }, ctx) => {
    const init: Array<DataAssignView | DataCopyView> = [];
    const { specifiers } = d;
    const vars = d.vars.map((v): WritableDataVarView => {
      const asmName = d.isStatic ? names.dataStorage(v.name, ctx.unitId) : undefined;
      if (v.init === undefined || isScalarInit(v.declarator, v.init)) {
        if (v.init !== undefined) init.push({ partial: 'data-assign', name: v.name, value: v.init });
        return { partial: 'writable-data-var', specifiers, asmName, declarator: v.declarator };
      }
      const initCopy = names.dataInit(v.name, ctx.unitId);
      init.push({ partial: 'data-copy', name: v.name, initCopy });
      const unsized = v.unsizedAt !== undefined;
      const declarator = unsized
        ? `${v.declarator.slice(0, v.unsizedAt)}sizeof(${initCopy}) / sizeof(${initCopy}[0])${v.declarator.slice(v.unsizedAt)}`
        : v.declarator;
      const partial = unsized ? 'writable-data-var-unsized' : 'writable-data-var-init';
      return { partial, specifiers, name: v.name, asmName, declarator, abstract: v.abstract, init: v.init, initCopy };
    });
    const view: WritableDataView = { partial: 'writable-data', vars };
    return {
      edits: [{ start: d.span.start, end: d.span.end, view }],
      init: init.length ? [{ phase: 'data', lines: guarded(d.cond, init) }] : [],
    };
  },
});
