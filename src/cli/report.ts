import * as fs from 'fs';
import { Diagnostic } from '../diagnostics/diagnostic';
import { formatJson, formatSarif, formatText, OutputFormat } from '../diagnostics/output';
import { addSuggestions } from '../diagnostics/suggest';
import { packageVersion } from '../paths';
import { Console } from './console';

/**
 * A console that collects the diagnostics of one run and prints them once, at the end,
 * in the format asked for: text on stderr; one JSON or SARIF document on stdout (on
 * stderr when stdout carries generated C).
 */
export class Reporter implements Console {
  private readonly diags: Diagnostic[] = [];
  private readonly sources = new Map<string, string>();
  /** Set when a command printed generated C on stdout. */
  stdoutTaken = false;

  constructor(
    private readonly io: Console,
    readonly format: OutputFormat,
  ) {}

  out(s: string): void {
    this.stdoutTaken = true;
    this.io.out(s);
  }

  err(s: string): void {
    this.io.err(s);
  }

  /** Informational lines on stdout ("wrote ..."), kept off stdout when it carries a JSON document. */
  info(s: string): void {
    if (this.format === 'text') this.io.out(s);
    else this.io.err(s);
  }

  add(diags: readonly Diagnostic[], sources: Map<string, string>): void {
    this.diags.push(...diags);
    for (const [k, v] of sources) if (!this.sources.has(k)) this.sources.set(k, v);
  }

  get diagnostics(): readonly Diagnostic[] {
    return this.diags;
  }

  flush(): void {
    const sourceOf = (f: string) => this.sources.get(f) ?? safeRead(f);
    const diags = addSuggestions(this.diags, this.sources);
    if (this.format === 'text') {
      const text = formatText(diags, sourceOf);
      if (text) this.io.err(text);
      return;
    }
    const doc = this.format === 'json' ? formatJson(diags, sourceOf) : formatSarif(diags, sourceOf, packageVersion());
    if (this.stdoutTaken) this.io.err(doc);
    else this.io.out(doc);
  }
}

/** Reports diagnostics: collected by a Reporter, or printed at once as text on a plain console (tests). */
export function report(diags: Diagnostic[], io: Console, sources: Map<string, string>): void {
  if (io instanceof Reporter) {
    io.add(diags, sources);
    return;
  }
  const text = formatText(diags, (f) => sources.get(f) ?? safeRead(f));
  if (text) io.err(text);
}

/** Informational output: through the Reporter when there is one. */
export function info(io: Console, s: string): void {
  if (io instanceof Reporter) io.info(s);
  else io.out(s);
}

function safeRead(f: string): string | undefined {
  try {
    const st = fs.statSync(f);
    if (!st.isFile() || st.size > 8 * 1024 * 1024) return undefined;
    return fs.readFileSync(f, 'utf8');
  } catch {
    return undefined;
  }
}
