import { hasErrors } from '../diagnostics/diagnostic';
import { readInputs } from '../io/read';
import { analyseFiles } from '../pipeline';
import { Console } from './console';
import { report } from './report';
import { headerReader } from '../io/headers';

export function nameCommand(files: string[], io: Console): number {
  const { inputs, diagnostics } = readInputs(files);
  const sources = new Map(inputs.map((i) => [i.path, i.text]));
  if (hasErrors(diagnostics)) {
    report(diagnostics, io, sources);
    return 2;
  }
  const a = analyseFiles(inputs, [], undefined, undefined, { readFile: headerReader() });
  const errors = a.diagnostics.filter((d) => d.severity === 'error');
  if (!a.value.module || errors.some((d) => ['NMG2001', 'NMG2006', 'NMG1003', 'NMG1004'].includes(d.code))) {
    report(a.diagnostics, io, sources);
    return 2;
  }
  io.out(`${a.value.module.name}\n`);
  return 0;
}
