import { hasErrors } from '../diagnostics/diagnostic';
import { readInputs } from '../io/read';
import { analyse } from '../pipeline';
import { readable, remapDiagnostics } from '../sync/source-map';
import { Console } from './console';
import { report } from './report';

export function nameCommand(files: string[], io: Console): number {
  const { inputs, diagnostics } = readInputs(files);
  const sources = new Map(inputs.map((i) => [i.path, i.text]));
  if (hasErrors(diagnostics)) {
    report(diagnostics, io, sources);
    return 2;
  }
  const readables = inputs.map((i) => readable(i.path, i.text));
  const analysed = analyse(readables.map((s) => ({ path: s.path, text: s.text })));
  const a = { ...analysed, diagnostics: remapDiagnostics(analysed.diagnostics, readables) };
  const errors = a.diagnostics.filter((d) => d.severity === 'error');
  if (!a.value.module || errors.some((d) => ['NMG2001', 'NMG2006', 'NMG1003', 'NMG1004'].includes(d.code))) {
    report(a.diagnostics, io, sources);
    return 2;
  }
  void hasErrors;
  io.out(`${a.value.module.name}\n`);
  return 0;
}
