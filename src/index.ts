/** natmodgen as a library: the CLI is a thin layer over these. */
export { analyse, generate, parseDefine } from './pipeline';
export type { GenOptions, GeneratedFile, SourceInput } from './pipeline';
export type { Diagnostic, Span } from './diagnostics/diagnostic';
export { renderDiagnostic } from './diagnostics/render';
export { readInputs } from './io/read';
export { writeIfChanged } from './io/write';
