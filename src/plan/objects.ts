import { RootPointerDecl, RuntimeObjDecl, StaticLocalDecl } from '../model/declarations';
import { guarded } from './lines';
import { isScalarInit } from './data';
import { names } from './names';
import { EditView, Line } from './view';

/** C expression for the type of a firmware base type, as a `const mp_obj_type_t *`. */
export function baseTypeExpr(baseType: string, moduleTypes: Set<string>): string {
  if (moduleTypes.has(`mp_type_${baseType}`)) return `&mp_type_${baseType}`;
  if (baseType === 'str' || baseType === 'bytes') return `&mp_type_${baseType}`;
  if (baseType === 'module') return 'natmodgen_module_type';
  return `(const mp_obj_type_t *)MP_OBJ_TO_PTR(mp_load_global(MP_QSTR_${baseType}))`;
}

/** A constant object with a firmware base type: writable storage filled at import. */
export function runtimeObjEdit(d: RuntimeObjDecl, unitId: string, moduleTypes: Set<string>): { edit: EditView; init: Line[] } {
  const storage = names.objStorage(d.name, unitId);
  const initFn = names.objInit(d.name);
  const common = { name: d.name, storage, initFn };
  const data = d.items
    ? { ...common, partial: 'runtime-tuple', count: d.items.length, items: d.items }
    : { ...common, partial: 'runtime-obj', cType: d.cType, init: d.init, typeExpr: baseTypeExpr(d.baseType, moduleTypes) };
  return {
    edit: { start: d.span.start, end: d.span.end, partial: data.partial, data },
    init: guarded(d.cond, [{ partial: 'call', fn: initFn }]),
  };
}

export function rootPointerEdit(d: RootPointerDecl): EditView {
  return { start: d.span.start, end: d.span.end, partial: 'root-pointer', data: { declaration: rootPointerDeclaration(d) } };
}

export function rootPointerDeclaration(d: RootPointerDecl): string {
  return d.template.replace('%s', names.rootPointer(d.name));
}

/**
 * A static local moves to file scope just before its function (static BSS is not
 * loadable); its name is an alias inside the function only.
 */
export function staticLocalEdits(d: StaticLocalDecl, unitId: string): { edits: EditView[]; init: Line[] } {
  const init: Line[] = [];
  const vars = d.vars.map((v) => {
    const storage = names.staticLocal(v.name, d.functionName, unitId);
    const scalar = isScalarInit(v.template, v.init);
    const initCopy = v.init !== undefined && !scalar ? `${storage}_initial` : undefined;
    if (scalar) init.push({ partial: 'data-assign', name: storage, value: v.init });
    else if (initCopy) init.push({ partial: 'data-copy', name: storage, initCopy });
    return {
      partial: initCopy ? 'static-local-storage-init' : 'static-local-storage',
      name: v.name,
      storage,
      declaration: `${d.specifiers} ${v.template.replace('%s', storage)}`,
      initCopy,
      init: v.init,
    };
  });
  const fn = d.functionSpan;
  return {
    edits: [
      { start: fn.start, end: fn.start, partial: 'static-local-hoist', data: { vars } },
      { start: d.span.start, end: d.span.end, partial: 'static-local-alias', data: { vars } },
      { start: fn.end, end: fn.end, partial: 'static-local-end', data: { vars } },
    ],
    init: guarded(d.cond, init),
  };
}
