import { IncludeDecl } from '../model/declarations';
import { ExtractContext } from './context';

/** `#include "x.h"` / `#include <x.h>`: quoted paths are re-pointed from the output folder. */
export function extractIncludes(ctx: ExtractContext): IncludeDecl[] {
  const { cur } = ctx;
  const out: IncludeDecl[] = [];
  for (const i of ctx.anchors('include', 'include')) {
    const t = cur.tokens[i];
    const m = /^(["<])(.*)[">]$/.exec(t.directive?.arg ?? '');
    if (!m) continue;
    out.push({ kind: 'include', name: m[2], target: m[2], quoted: m[1] === '"', span: cur.span(i), cond: ctx.condAt(i), unit: ctx.unit, isStatic: false });
  }
  return out;
}
