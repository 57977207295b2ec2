/** A location in an input file: 1-based line and column, plus byte offsets for slicing. */
export interface Span {
  file: string;
  line: number;
  col: number;
  start: number;
  end: number;
}

export type Severity = 'error' | 'warning' | 'note';

export interface Related {
  span: Span;
  message: string;
}

/** A problem found in the input, carried as data; only the CLI prints it. */
export interface Diagnostic {
  code: string;
  severity: Severity;
  message: string;
  span?: Span;
  related: Related[];
  help?: string;
}

export interface Result<T> {
  value: T;
  diagnostics: Diagnostic[];
}

export function hasErrors(diags: readonly Diagnostic[]): boolean {
  return diags.some((d) => d.severity === 'error');
}
