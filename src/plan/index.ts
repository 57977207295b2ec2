import * as fs from 'fs';
import * as path from 'path';
import { Decl, FileModel, ObjTypeDecl, RomTableDecl } from '../model/declarations';
import { ResolvedModule } from '../model/resolved';
import { planRuntime } from './runtime';
import { ParsedFile } from '../parse/parser';
import { condLines, guarded, hasDirectives } from './lines';
import { names, unitIds } from './names';
import { valueExpr } from './values';
import { rootPointerDeclaration, rootPointerEdit, runtimeObjEdit, staticLocalEdits } from './objects';
import { writableDataEdit } from './data';
import { needsLibcMem, planMpyInit } from './mpy-init';
import { EditView, Line, UnitView } from './view';

export interface PlanInput {
  parsed: ParsedFile[];
  models: FileModel[];
  module: ResolvedModule;
  /** `-D` macros, in command-line order (`bare` is the name without parameters). */
  defines: Array<{ name: string; body: string; bare: string }>;
  /** Output path of each unit relative to the output folder, and that folder. */
  outRel: string[];
  outDir: string;
  /** `gen` writes a separate file; `sync` rewrites the source in place (paths stay as they are). */
  mode?: 'gen' | 'sync';
}


/** Resolved module → one UnitView per input file. */
export function planUnits(input: PlanInput): UnitView[] {
  const { module: mod } = input;
  const ids = unitIds(input.parsed.map((p) => p.path));
  const regUnit = mod.registration.unit;
  const moduleTypes = new Set(mod.types.map((t) => t.name));
  const needsModuleType = mod.runtimeObjs.some((o) => o.baseType === 'module');
  // The module __getattr__ decodes the attribute's qstr object with the runtime's MP_OBJ_QSTR_VALUE.
  const getattrRoots = mod.delegation ? [{ unit: mod.delegation.unit, names: ['MP_OBJ_QSTR_VALUE'] }] : [];
  const runtime = planRuntime(input, getattrRoots, needsLibcMem(input) ? ['memcpy', 'memmove', 'memset'] : []);
  const views: UnitView[] = input.parsed.map((file, unit) => {
    const model = input.models[unit];
    const id = ids[unit];
    const outAbs = path.resolve(input.outDir, input.outRel[unit]);
    const rel = (target: string) => path.relative(path.dirname(outAbs), path.resolve(target)).split(path.sep).join('/');
    const typeStorage = (t: ObjTypeDecl) => names.typeStorage(t.name, t.isStatic ? ids[t.unit] : undefined);
    const visibleTypes = mod.types.filter((t) => t.unit === unit || !t.isStatic);

    const edits: EditView[] = [];
    const initLines: Line[] = [];
    const edit = (d: { span: { start: number; end: number } }, partial: string, data: object = {}) => edits.push({ start: d.span.start, end: d.span.end, partial, data });

    const firmwareTypes = model.firmwareTypes.filter((n) => !moduleTypes.has(`mp_type_${n}`));
    const block = {
      types: visibleTypes.map((t) => ({ name: t.name, storage: typeStorage(t) })),
      firmwareTypes,
      rootPointers: mod.rootPointers.map(rootPointerDeclaration),
      stateMacros: mod.rootPointers.length ? [{ macro: 'MP_STATE_VM' }, { macro: 'MP_STATE_PORT' }] : [],
      moduleType: needsModuleType ? [{}] : [],
    };
    const mentions = new Set([...block.types.map((t) => t.name), ...firmwareTypes.map((n) => `mp_type_${n}`), ...(mod.rootPointers.length ? ['MP_STATE_VM', 'MP_STATE_PORT'] : [])]);
    const blockAt = declBlockOffset(file, model, mentions, needsModuleType);
    if (blockAt !== undefined) edits.push({ start: blockAt, end: blockAt, partial: 'decl-block', data: block });

    let switchUsed = false;
    const dataInits: Line[] = [];
    const objInits: Line[] = [];
    const typeInits: Line[] = [];
    const tableFills: Line[] = [];
    for (const d of model.decls) {
      switch (d.kind) {
        case 'obj_type': {
          const counted = hasDirectives(d.slots);
          const storage = typeStorage(d);
          edit(d, 'type-definition', {
            storage,
            initFn: names.typeInit(d.name),
            flags: d.flags,
            typeName: d.typeName,
            slots: condLines(d.slots, (s, i) => [{ partial: counted ? 'slot-counted' : 'slot', storage, slot: s.slot, value: s.value, index: i }]),
          });
          typeInits.push(...guarded(d.cond, [{ partial: 'call', fn: names.typeInit(d.name) }]));
          break;
        }
        case 'type_forward':
          if (mod.typeForwards.includes(d)) edit(d, 'removed', { what: `forward declaration of ${d.name}` });
          break;
        case 'rom_table':
          if (d === mod.globalsTable) {
            // In the unit holding mpy_init it is static, so the compiler can inline it.
            const linkage = unit === regUnit ? 'static ' : '';
            edit(d, 'globals-table', { fn: names.globals(mod.name), linkage, lines: entryLines(d, mod, 'store-global') });
          }
          else {
            edit(d, 'table-storage', {
              name: d.name,
              storage: names.tableStorage(d.name, id),
              fillFn: names.tableFill(d.name),
              sizeLines: condLines(d.items, () => [{ partial: 'size-term' }]),
              lines: entryLines(d, mod, 'table-entry'),
            });
            tableFills.push(...guarded(d.cond, [{ partial: 'call', fn: names.tableFill(d.name) }]));
          }
          break;
        case 'const_dict':
          if (d === mod.globalsDict) edit(d, 'removed', { what: `globals dict ${d.name}` });
          break;
        case 'module_obj':
          if (d === mod.moduleObj) edit(d, 'removed', { what: `module object ${d.name}` });
          break;
        case 'registration':
          edit(d, 'removed', { what: `registration of module ${d.moduleName}` });
          break;
        case 'arg_table':
          if (!d.atFileScope && d.staticSpan) edits.push({ start: d.staticSpan.start, end: d.staticSpan.end, partial: 'empty', data: {} });
          else if (d.atFileScope && !d.hasDirectives) edit(d, 'arg-table-macro', { name: d.name, init: d.init });
          else if (d.atFileScope) {
            // With #if among the entries it cannot be one macro: storage filled at import.
            edit(d, 'arg-table-storage', {
              name: d.name,
              storage: names.tableStorage(d.name, id),
              fillFn: names.tableFill(d.name),
              sizeLines: condLines(d.entries, () => [{ partial: 'size-term' }]),
              lines: condLines(d.entries, (entry) => [{ partial: 'arg-entry', entry }]),
            });
            tableFills.push(...guarded(d.cond, [{ partial: 'call', fn: names.tableFill(d.name) }]));
          }
          break;
        case 'include':
          includeEdit(d, file, rel, edits, input.mode ?? 'gen');
          break;
        case 'writable_data': {
          const r = writableDataEdit(d, id);
          edits.push(r.edit);
          if (r.init.length) dataInits.push(...guarded(d.cond, r.init));
          break;
        }
        case 'runtime_obj': {
          if (!mod.runtimeObjs.includes(d)) break;
          const r = runtimeObjEdit(d, id, moduleTypes);
          edits.push(r.edit);
          objInits.push(...r.init);
          break;
        }
        case 'delegation':
          edit(d, d === mod.delegation ? 'module-getattr' : 'removed', { handler: d.handler, what: `delegation for ${d.moduleObj}` });
          break;
        case 'root_pointer':
          edits.push(rootPointerEdit(d));
          break;
        case 'static_local': {
          const r = staticLocalEdits(d, id);
          edits.push(...r.edits);
          dataInits.push(...r.init);
          break;
        }
        case 'dynruntime_guard':
          if (!insideEdit(d.span.start, edits)) edit(d, 'directive', { text: d.text, rewritten: d.rewritten });
          break;
        case 'qstr_switch':
          edits.push({
            start: d.condSpan.start,
            end: d.condSpan.end,
            partial: 'qstr-switch-cond',
            data: { cond: d.condText, labels: d.labels.map((l) => l.qstr), count: d.labels.length },
          });
          d.labels.forEach((l, i) => edits.push({ start: l.span.start, end: l.span.end, partial: 'qstr-switch-label', data: { index: i, qstr: l.qstr } }));
          switchUsed = true;
          break;
        case 'fun_obj':
        case 'unavailable':
          break;
        default: {
          const never: never = d;
          void never;
        }
      }
    }
    initLines.push(...dataInits, ...objInits, ...typeInits, ...tableFills);

    const shims: Line[] = [
      ...(runtime.unitHeaders[unit] ? [{ partial: 'runtime-text', text: runtime.unitHeaders[unit] }] : []),
      ...(switchUsed ? [{ partial: 'shim-qstr_switch' }] : []),
      ...(tableFills.length ? [{ partial: 'shim-map_elem_set' }] : []),
    ];

    return {
      outRel: input.outRel[unit],
      outName: path.basename(input.outRel[unit]),
      lineFile: rel(file.path),
      sourceName: file.path.split(path.sep).join('/'),
      defines: [
        ...input.defines,
        ...(model.usesStackCheck && !input.defines.some((d) => d.name === 'MICROPY_STACK_CHECK') ? [{ name: 'MICROPY_STACK_CHECK', body: '(1)', bare: 'MICROPY_STACK_CHECK' }] : []),
        // Ports have unicode strings; the utf8 equivalents check at import whether this one does.
        ...(model.testsStrUnicode && !input.defines.some((d) => d.name === 'MICROPY_PY_BUILTINS_STR_UNICODE')
          ? [{ name: 'MICROPY_PY_BUILTINS_STR_UNICODE', body: '(1)', bare: 'MICROPY_PY_BUILTINS_STR_UNICODE' }]
          : []),
      ],
      shims,
      edits: edits.sort((a, b) => a.start - b.start || a.end - b.end),
      tail: {
        initFns: initLines.length ? [{ name: names.unitInit(id), lines: initLines }] : [],
        mpyInit: undefined,
      },
    };
  });
  const unitInits = views.flatMap((v) => v.tail.initFns.map((f) => f.name));
  views[regUnit].tail.mpyInit = planMpyInit(input, unitInits, mod.globalsTable.unit !== regUnit, runtime.body);
  return views;
}


function insideEdit(offset: number, edits: EditView[]): boolean {
  return edits.some((e) => offset >= e.start && offset < e.end);
}

function entryLines(t: RomTableDecl, mod: ResolvedModule, partial: string): Line[] {
  return condLines(t.items, (e) => {
    const v = mod.values.get(e);
    return v ? [{ partial, key: e.key, value: valueExpr(v) }] : [];
  });
}


/** Where the aliases go: after the last #include before the first mention of an aliased name. */
function declBlockOffset(file: ParsedFile, model: FileModel, mentioned: Set<string>, always: boolean): number | undefined {
  const first = file.tokens.find((t) => t.kind === 'ident' && mentioned.has(t.text)) ?? (always ? file.tokens.find((t) => t.kind !== 'directive') : undefined);
  if (!first) return undefined;
  const includes = model.decls.filter((d) => d.kind === 'include' && d.span.start < first.start);
  const last = includes[includes.length - 1];
  return last ? last.span.end : 0;
}

function includeEdit(d: Extract<Decl, { kind: 'include' }>, file: ParsedFile, rel: (p: string) => string, edits: EditView[], mode: 'gen' | 'sync'): void {
  if (d.target === 'py/mphal.h') {
    edits.push({ start: d.span.start, end: d.span.end, partial: 'include-hal', data: {} });
    return;
  }
  if (mode === 'sync' || !d.quoted || path.isAbsolute(d.target)) return;
  const local = path.resolve(path.dirname(file.path), d.target);
  if (!fs.existsSync(local)) return;
  edits.push({ start: d.span.start, end: d.span.end, partial: 'include', data: { path: rel(local) } });
}
