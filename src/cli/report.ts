import * as fs from 'fs';
import { Diagnostic } from '../diagnostics/diagnostic';
import { renderDiagnostic } from '../diagnostics/render';
import { Console } from './console';

export function report(diags: Diagnostic[], io: Console, sources: Map<string, string>): void {
  for (const d of diags) {
    io.err(`${renderDiagnostic(d, (f) => sources.get(f) ?? safeRead(f))}\n`);
  }
}

function safeRead(f: string): string | undefined {
  try {
    return fs.readFileSync(f, 'utf8');
  } catch {
    return undefined;
  }
}
