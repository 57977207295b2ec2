import { Diagnostic } from '../diagnostics/diagnostic';
import { ParsedFile } from '../parse/parser';
import { captureStarts } from '../parse/queries';
import { Condition } from '../model/condition';
import { ConditionMap, mapConditions } from './conditions';
import { Cursor } from './cursor';
import { Liveness, preprocess, Preprocessed } from '../preprocess';

const DYNRUNTIME = 'MICROPY_ENABLE_DYNRUNTIME';

/** How the preprocessor finds the module's headers: `-I` folders and a reader (undefined: not found). */
export interface PreprocessEnv {
  includeDirs?: string[];
  readFile?: (file: string) => string | undefined;
}

/** What every extractor gets: the file, its token cursor, conditions, and a sink for diagnostics. */
export class ExtractContext {
  readonly cur: Cursor;
  readonly conds: ConditionMap;
  readonly diagnostics: Diagnostic[] = [];
  readonly liveness: Liveness[];
  /** The file as the compiler sees it: macros in force and liveness at every offset. */
  readonly pp: Preprocessed;
  constructor(readonly file: ParsedFile, readonly unit: number, defines: Array<{ name: string; body: string }> = [], env: PreprocessEnv = {}) {
    this.cur = new Cursor(file);
    this.conds = mapConditions(file.tokens);
    // Tests of MICROPY_ENABLE_DYNRUNTIME read as the generated code will: the firmware side.
    this.pp = preprocess(file.path, file.src.text, { defines, includeDirs: env.includeDirs, host: env.readFile && { readFile: env.readFile }, undefinedNames: [DYNRUNTIME] });
    this.liveness = file.tokens.map((t) => this.pp.liveAt(t.start));
  }

  /** False only when the token sits in a region the preprocessor definitely drops. */
  maybeCompiled(i: number): boolean {
    return this.liveness[i] !== 'off';
  }

  /** Token indexes of the nodes a query captured, in source order. */
  anchors(query: string, capture: string): number[] {
    return captureStarts(this.file.tree, query, capture)
      .map((c) => this.cur.indexAt(c.start))
      .filter((i) => i >= 0);
  }

  condAt(i: number): Condition {
    return this.conds.at[i] ?? [];
  }
}

/** A parsed `NAME(args)` invocation with an optional leading `static` and trailing `;`. */
export interface MacroCall {
  nameIdx: number;
  open: number;
  close: number;
  first: number;
  last: number;
  isStatic: boolean;
}

export function readMacroCall(ctx: ExtractContext, i: number): MacroCall | undefined {
  const { cur } = ctx;
  if (!cur.is(i + 1, '(')) return undefined;
  const close = cur.closing(i + 1);
  if (close < 0) return undefined;
  let first = i;
  let isStatic = false;
  while (first > 0 && (cur.is(first - 1, 'static') || cur.is(first - 1, 'const'))) {
    if (cur.is(first - 1, 'static')) isStatic = true;
    first--;
  }
  const last = cur.is(close + 1, ';') ? close + 1 : close;
  return { nameIdx: i, open: i + 1, close, first, last, isStatic };
}

/** Walks back over `static`/`const`/`extern` qualifiers before a type name. */
export function qualifiersBefore(cur: Cursor, i: number): { first: number; isStatic: boolean; isConst: boolean; isExtern: boolean } {
  let first = i;
  let isStatic = false;
  let isConst = false;
  let isExtern = false;
  while (first > 0) {
    const t = cur.text(first - 1);
    if (t === 'static') isStatic = true;
    else if (t === 'const') isConst = true;
    else if (t === 'extern') isExtern = true;
    else break;
    first--;
  }
  return { first, isStatic, isConst, isExtern };
}
