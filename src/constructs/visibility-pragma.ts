import { VisibilityPragmaDecl } from '../model/declarations';
import { ExtractContext } from '../extract/context';
import { construct } from './construct';
import { View } from '../plan/view';

const NOT_DEFAULT = /^(hidden|internal|protected)$/;

/**
 * `#pragma GCC visibility push(hidden)` around definitions (libraries built as shared objects
 * mark their internals so). GCC then reaches the data directly instead of through the GOT, and
 * tools/mpy_ld.py reaches BSS and data only through the GOT ("fixed relocation to bss"). In a natmod
 * every symbol is the module's own, so the push keeps its place and pushes `default`; the `pop`
 * is unchanged. Directives are single tokens in the stream, so this reads the tokens.
 */
export function extractVisibilityPragmas(ctx: ExtractContext): VisibilityPragmaDecl[] {
  const out: VisibilityPragmaDecl[] = [];
  ctx.cur.tokens.forEach((t, i) => {
    const d = t.directive;
    if (d?.keyword !== 'pragma' || !ctx.maybeCompiled(i)) return;
    const m = /^GCC\s+visibility\s+push\s*\(\s*(\w+)\s*\)\s*$/.exec(d.arg.trim());
    if (!m || !NOT_DEFAULT.test(m[1])) return;
    out.push({
      kind: 'visibility_pragma',
      name: m[1],
      rewritten: `#pragma GCC visibility push(default) /* natmodgen: was push(${m[1]}): mpy_ld reaches data only through the GOT */`,
      span: ctx.cur.span(i),
      cond: ctx.condAt(i),
      unit: ctx.unit,
      isStatic: false,
    });
  });
  return out;
}

/** The directive as the natmod needs it. */
export interface VisibilityPragmaView extends View<'visibility-pragma'> {
  rewritten: string;
}

/** `#pragma GCC visibility push(hidden)` pushes default visibility in the natmod. */
export const visibilityPragma = construct({
  name: 'visibility-pragma',
  queries: [],
  templates: ['visibility-pragma'],
  kind: 'visibility_pragma',
  extract: extractVisibilityPragmas,
  plan: ({ decl }) => {
    const view: VisibilityPragmaView = { partial: 'visibility-pragma', rewritten: decl.rewritten };
    return { edits: [{ start: decl.span.start, end: decl.span.end, view }] };
  },
});
