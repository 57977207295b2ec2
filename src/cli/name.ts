import { hasErrors } from '../diagnostics/diagnostic';
import { diag } from '../diagnostics/catalog';
import { groupInputs, joinLinkedGroups } from '../init/inputs';
import { readInputs } from '../io/read';
import { analyseFiles } from '../pipeline';
import { Console } from './console';
import { report } from './report';
import { headerReader } from '../io/headers';
import { checkDefines } from './checks';

/** `natmodgen name`: the module name each module among the inputs registers, one a line. */
export function nameCommand(files: string[], io: Console, defines: string[] = []): number {
  if (files.length === 0) {
    report([diag('NMG0001', undefined, { what: 'natmodgen name: no input files' })], io, new Map());
    return 2;
  }
  // `-D` as gen takes them: a module valid only with its build's defines (`-D STATIC=static`) is named with them.
  const badDefines = checkDefines(defines);
  if (hasErrors(badDefines)) {
    report(badDefines, io, new Map());
    return 2;
  }
  const grouped = groupInputs(files);
  if (hasErrors(grouped.diagnostics)) {
    report(grouped.diagnostics, io, new Map());
    return 2;
  }
  const names: string[] = [];
  // Modules that call each other's functions are one natmod (joinLinkedGroups), as gen writes them.
  for (const g of joinLinkedGroups(grouped.groups)) {
    const { inputs, diagnostics } = readInputs(g.files);
    const sources = new Map(inputs.map((i) => [i.path, i.text]));
    if (hasErrors(diagnostics)) {
      report(diagnostics, io, sources);
      return 2;
    }
    const a = analyseFiles(inputs, defines, undefined, undefined, { readFile: headerReader() });
    const errors = a.diagnostics.filter((d) => d.severity === 'error');
    if (!a.value.module || errors.some((d) => ['NMG2001', 'NMG2006', 'NMG1003', 'NMG1004'].includes(d.code))) {
      report(a.diagnostics, io, sources);
      return 2;
    }
    names.push(a.value.module.name);
  }
  io.out(names.map((n) => `${n}\n`).join(''));
  return 0;
}
