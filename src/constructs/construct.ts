import { ExtractContext } from '../extract/context';
import { Decl } from '../model/declarations';
import { ResolvedDecl } from '../model/resolved';
import { Contribution, RemovedView, UnitContext } from '../plan/view';

type DeclOf<K extends Decl['kind']> = Extract<Decl, { kind: K }>;

/**
 * One MicroPython construct, everything natmodgen knows about it in one module: how it
 * is found (its queries in grammar-queries/), what it becomes in a natmod (its plan
 * function and the views of its templates in templates/partials/). resolve gives each
 * declaration a role; plan passes it here with the declaration.
 */
export interface Construct<K extends Decl['kind'] = Decl['kind']> {
  /** Names its query (grammar-queries/<name>.scm, when it has one), its templates and its unit test. */
  name: string;
  /** Queries it runs, by file name without `.scm` (usually just its name; none when it reads tokens). */
  queries: string[];
  /** Templates its views name (templates/partials/<t>.c.hbs), shared ones excluded. */
  templates: string[];
  /** Declaration kind it produces and plans. */
  kind: K;
  /** Tree and tokens → declarations of this construct. */
  extract(ctx: ExtractContext): Decl[];
  /** Declaration with its role → edits, init statements and helpers (none: left as written). */
  plan?(r: ResolvedDecl<DeclOf<K>>, ctx: UnitContext): Contribution;
}

/** Declares a construct with its kinds checked. */
export const construct = <K extends Decl['kind']>(c: Construct<K>): Construct<K> => c;

export const nothing = (): Contribution => ({ edits: [] });

/** Replaces a declaration by a comment saying mpy_init builds `what` instead. */
export const removed = (d: { span: { start: number; end: number }; directives?: string[] }, what: string): Contribution => {
  const view: RemovedView = { partial: 'removed', what, ...(d.directives?.length ? { directives: d.directives } : {}) };
  return { edits: [{ start: d.span.start, end: d.span.end, view }] };
};
