import * as fs from 'fs';
import { Diagnostic } from '../diagnostics/diagnostic';
import { diag } from '../diagnostics/catalog';
import { SourceInput } from '../pipeline';

/** Reads the inputs, reporting missing and empty files as diagnostics rather than exceptions. */
export function readInputs(paths: string[]): { inputs: SourceInput[]; diagnostics: Diagnostic[] } {
  const inputs: SourceInput[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const p of paths) {
    let text: string;
    try {
      if (fs.statSync(p).isDirectory()) {
        diagnostics.push({ ...diag('NMG1001', undefined, { file: p }), message: `'${p}' is a folder, not a C source` });
        continue;
      }
      text = fs.readFileSync(p, 'utf8');
    } catch {
      diagnostics.push(diag('NMG1001', undefined, { file: p }));
      continue;
    }
    if (text.trim() === '') {
      diagnostics.push(diag('NMG1002', { file: p, line: 1, col: 1, start: 0, end: 0 }, {}));
      continue;
    }
    inputs.push({ path: p, text });
  }
  return { inputs, diagnostics };
}
