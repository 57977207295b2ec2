import { WritableDataDecl } from '../model/declarations';
import { names } from './names';
import { EditView, Line } from './view';

/** A scalar initial value is assigned at import; aggregates are copied from a rodata image. */
export function isScalarInit(declarator: string, init: string | undefined): init is string {
  return init !== undefined && !declarator.includes('[') && !init.trim().startsWith('{');
}

/**
 * Writable file-scope data: zeroed storage (static names made unit-unique) with the
 * initial value put in place by mpy_init, since mpy_ld loads neither static BSS nor .data.
 */
export function writableDataEdit(d: WritableDataDecl, unitId: string): { edit: EditView; init: Line[] } {
  const init: Line[] = [];
  const vars = d.vars.map((v) => {
    const aliases = d.isStatic ? [{ name: v.name, storage: names.dataStorage(v.name, unitId) }] : [];
    if (v.init === undefined || isScalarInit(v.declarator, v.init)) {
      if (v.init !== undefined) init.push({ partial: 'data-assign', name: v.name, value: v.init });
      return { partial: 'data-var', aliases, declarator: v.declarator };
    }
    const initCopy = names.dataInit(v.name, unitId);
    init.push({ partial: 'data-copy', name: v.name, initCopy });
    const unsized = v.unsizedAt !== undefined;
    const declarator = unsized
      ? `${v.declarator.slice(0, v.unsizedAt)}sizeof(${initCopy}) / sizeof(${initCopy}[0])${v.declarator.slice(v.unsizedAt)}`
      : v.declarator;
    return { partial: unsized ? 'data-var-unsized' : 'data-var-init', name: v.name, aliases, declarator, abstract: v.abstract, init: v.init, initCopy };
  });
  return { edit: { start: d.span.start, end: d.span.end, partial: 'writable-data', data: { specifiers: d.specifiers, vars } }, init };
}
