import { WritableDataDecl } from '../model/declarations';
import type { SyntaxNode } from 'tree-sitter';
import { queryCaptures } from '../parse/queries';
import { ExtractContext } from '../extract/context';
import { insideFunction, readDeclaration } from '../extract/declarator';
import { construct } from './construct';
import { guarded } from '../plan/lines';
import { names } from '../plan/names';
import { DataAssignView, DataCopyView, DataRuntimeInitView, View } from '../plan/view';

/** Writable file-scope variables that are `static` or initialised (see grammar-queries/writable-data.scm). */
export function extractWritableData(ctx: ExtractContext): WritableDataDecl[] {
  const { src } = ctx.file;
  const out: WritableDataDecl[] = [];
  for (const c of queryCaptures(ctx.file, 'writable-data')) {
    const decl = c.node;
    if (insideFunction(decl) || !ctx.atFileScope(decl.startIndex)) continue;
    // `STATIC const T x[] = {...}`: tree-sitter reads the macro as the type and T as the declarator
    // (an error node); the declaration is read from its text once the macro is known a qualifier.
    const d = decl.hasError ? readMacroQualified(ctx, decl) : readDeclaration(decl, src.text);
    if (!d || d.storage.some((s) => s !== 'static')) continue;
    const isStatic = d.storage.includes('static');
    const runtimeConst = runtimeConstCounts(d);
    if (decl.hasError && !runtimeConst) continue;
    // Mixed const/writable declarators are left as written.
    if (!runtimeConst && !d.vars.every((v) => v.writable && (isStatic || v.init !== undefined))) continue;
    out.push({
      kind: 'writable_data',
      name: d.vars.map((v) => v.name).join(','),
      specifiers: d.specifiers,
      vars: d.vars.map((v) => ({
        name: v.name,
        declarator: v.declarator,
        abstract: v.declarator.slice(0, v.nameAt) + v.declarator.slice(v.nameAt + v.name.length),
        nameAt: v.nameAt,
        unsizedAt: v.unsizedAt,
        init: v.init,
      })),
      span: src.span(decl.startIndex, decl.endIndex),
      cond: ctx.condAt(ctx.cur.indexAt(decl.startIndex)),
      unit: ctx.unit,
      isStatic,
      ...(runtimeConst ? { runtimeConst: { count: runtimeConst } } : {}),
    });
  }
  return out;
}

/**
 * `MACRO [const] T name[size] = init;` where MACRO is one of the module's object-like macros
 * expanding to qualifiers only (`#define STATIC static`): the declaration as readDeclaration
 * would read it after expansion, or undefined for any other shape.
 */
function readMacroQualified(ctx: ExtractContext, decl: SyntaxNode): ReturnType<typeof readDeclaration> {
  const i = ctx.cur.indexAt(decl.startIndex);
  const words = i >= 0 ? ctx.qualifierMacro(i) : undefined;
  if (!words) return undefined;
  const text = ctx.file.src.text.slice(ctx.cur.tokens[i].end, decl.endIndex);
  const m =
    /^\s*((?:(?:const|volatile|struct|union|enum)\s+)*)([A-Za-z_]\w*)\s+([A-Za-z_]\w*)\s*(\[\s*\w*\s*\])?\s*=\s*([\s\S]*?)\s*;?\s*$/.exec(
      text,
    );
  if (!m) return undefined;
  const [, quals, type, name, brackets, init] = m;
  const specifiers = `${words.filter((w) => w === 'const' || w === 'volatile').join(' ')} ${quals}${type}`.replace(/\s+/g, ' ').trim();
  const baseConst = /\bconst\b/.test(specifiers);
  const declarator = `${name}${brackets ? brackets.replace(/\s+/g, '') : ''}`;
  return {
    storage: words.filter((w) => w === 'static' || w === 'extern'),
    baseConst,
    specifiers,
    vars: [
      { name, declarator, nameAt: 0, unsizedAt: declarator.endsWith('[]') ? declarator.length - 1 : undefined, init, writable: !baseConst },
    ],
  };
}

/** Tokens that are constants in the firmware but run-time expressions in a natmod (py/dynruntime.h). */
const RUNTIME_IN_NATMOD = /\b(MP_QSTR_\w+|MP_ROM_QSTR|MP_OBJ_NEW_QSTR|MP_ROM_NONE|MP_ROM_TRUE|MP_ROM_FALSE|mp_const_\w+)\b/;

/**
 * For a `const` declaration of the module's own (not a firmware `mp_`) type, without pointers,
 * whose every variable has an initial value holding run-time values: for each variable, the
 * element count of `name[]` (undefined when sized or not an array). Undefined when the
 * declaration is not such, or when the count cannot be read (designators, directives).
 * Objects based on a firmware type (`{&mp_type_float}, ...`) are runtime-obj's.
 */
function runtimeConstCounts(d: NonNullable<ReturnType<typeof readDeclaration>>): Array<number | undefined> | undefined {
  if (!d.baseConst || d.vars.some((v) => v.writable || v.init === undefined)) return undefined;
  const typeWords = d.specifiers.split(/\s+/).filter((w) => w !== 'const' && w !== 'volatile' && w !== 'struct' && w !== 'union');
  if (typeWords.length === 0 || typeWords.some((w) => /^_?mp_/.test(w))) return undefined;
  const counts: Array<number | undefined> = [];
  for (const v of d.vars) {
    const init = v.init!;
    if (!RUNTIME_IN_NATMOD.test(init) || /\bmp_type_\w+/.test(init) || /[*(]/.test(v.declarator) || init.includes('#')) return undefined;
    if (v.unsizedAt === undefined) {
      counts.push(undefined);
      continue;
    }
    const items = topLevelItems(init);
    if (!items || items.some((i) => /^[[.]/.test(i))) return undefined;
    counts.push(items.length);
  }
  return counts;
}

/** The top-level items of a brace initializer `{a, {b, c}, "d,"}` (a trailing comma ends no item), or undefined. */
function topLevelItems(init: string): string[] | undefined {
  const t = init.trim();
  if (!t.startsWith('{') || !t.endsWith('}')) return undefined;
  const items: string[] = [];
  let depth = 0;
  let start = 1;
  for (let i = 1; i < t.length - 1; i++) {
    const c = t[i];
    if (c === '"' || c === "'") {
      for (i++; i < t.length - 1 && t[i] !== c; i++) if (t[i] === '\\') i++;
    } else if (c === '/' && (t[i + 1] === '/' || t[i + 1] === '*')) return undefined;
    else if (c === '{' || c === '(' || c === '[') depth++;
    else if (c === '}' || c === ')' || c === ']') depth--;
    else if (c === ',' && depth === 0) {
      items.push(t.slice(start, i).trim());
      start = i + 1;
    }
  }
  if (depth !== 0) return undefined;
  const last = t.slice(start, t.length - 1).trim();
  if (last) items.push(last);
  return items;
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
  templates: ['writable-data', 'writable-data-var', 'writable-data-var-init', 'writable-data-var-unsized', 'data-runtime-init'],
  kind: 'writable_data',
  extract: extractWritableData,
  plan: ({ decl: d }, ctx) => {
    const init: Array<DataAssignView | DataCopyView | DataRuntimeInitView> = [];
    if (d.runtimeConst) {
      // The storage drops `const` (mpy_init writes it); the initial value is evaluated in mpy_init,
      // where run-time values are allowed, and copied in.
      const specifiers = d.specifiers
        .split(/\s+/)
        .filter((w) => w !== 'const')
        .join(' ');
      const vars = d.vars.map((v, i): WritableDataVarView => {
        const asmName = d.isStatic ? names.dataStorage(v.name, ctx.unitId) : undefined;
        const local = names.dataInit(v.name, ctx.unitId);
        init.push({
          partial: 'data-runtime-init',
          name: v.name,
          specifiers: d.specifiers,
          declarator: v.declarator.slice(0, v.nameAt) + local + v.declarator.slice(v.nameAt + v.name.length),
          local,
          init: v.init!,
        });
        const count = d.runtimeConst!.count[i];
        const declarator =
          v.unsizedAt !== undefined ? `${v.declarator.slice(0, v.unsizedAt)}${count}${v.declarator.slice(v.unsizedAt)}` : v.declarator;
        return { partial: 'writable-data-var', specifiers, asmName, declarator };
      });
      const view: WritableDataView = { partial: 'writable-data', vars };
      return {
        edits: [{ start: d.span.start, end: d.span.end, view }],
        init: [{ phase: 'data', lines: guarded(d.cond, init) }],
      };
    }
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
