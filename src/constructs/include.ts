import { IncludeDecl } from '../model/declarations';
import { ExtractContext } from '../extract/context';
import { construct } from './construct';
import { View } from '../plan/view';

/** `#include "x.h"` / `#include <x.h>`: quoted paths are re-pointed from the output folder. */
export function extractIncludes(ctx: ExtractContext): IncludeDecl[] {
  const { cur } = ctx;
  const out: IncludeDecl[] = [];
  for (const i of ctx.anchors('include', 'include')) {
    const t = cur.tokens[i];
    const m = /^(["<])(.*)[">]$/.exec(t.directive?.arg ?? '');
    if (!m) continue;
    out.push({
      kind: 'include',
      name: m[2],
      target: m[2],
      quoted: m[1] === '"',
      span: cur.span(i),
      cond: ctx.condAt(i),
      unit: ctx.unit,
      isStatic: false,
    });
  }
  return out;
}

/** `#include "path"` re-pointed from the output folder. */
export interface IncludeView extends View<'include'> {
  path: string;
}

/** py/mphal.h is port-specific (the mp_hal_* equivalents are generated); local headers are re-pointed. */
export const include = construct({
  name: 'include',
  queries: ['include'],
  templates: ['include', 'include-hal'],
  kind: 'include',
  extract: extractIncludes,
  plan: ({ decl, role }, ctx) => {
    const at = { start: decl.span.start, end: decl.span.end };
    if (role.kind === 'remove') return { edits: [{ ...at, view: { partial: 'include-hal' } }] };
    // A synced file stays where it is, so its includes do too.
    if (role.kind !== 'local-include' || ctx.mode === 'sync') return { edits: [] };
    const view: IncludeView = { partial: 'include', path: ctx.fromOutput(role.file) };
    return { edits: [{ ...at, view }] };
  },
});
