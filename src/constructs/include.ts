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
  // `#if __has_include("x.h")`: the compiler looks for x.h from where the file is, so the name is
  // re-pointed from the output folder as an #include of it is.
  for (const [i, t] of cur.tokens.entries()) {
    if (t.kind !== 'directive' || !/^(if|elif)$/.test(t.directive?.keyword ?? '') || !t.text.includes('__has_include')) continue;
    for (const m of t.text.matchAll(/\b__has_include\s*\(\s*("([^"\n]*)")\s*\)/g)) {
      const start = t.start + m.index! + m[0].indexOf(m[1]);
      out.push({
        kind: 'include',
        name: m[2],
        target: m[2],
        quoted: true,
        inTest: true,
        span: ctx.file.src.span(start, start + m[1].length),
        cond: ctx.condAt(i),
        unit: ctx.unit,
        isStatic: false,
      });
    }
  }
  return out;
}

/** `#include "path"` re-pointed from the output folder. */
export interface IncludeView extends View<'include'> {
  path: string;
}

/** `"path"`, the header name of a `__has_include` re-pointed from the output folder. */
export interface IncludeTestView extends View<'include-test'> {
  path: string;
}

/** py/mphal.h is port-specific (the mp_hal_* equivalents are generated); local headers are re-pointed. */
export const include = construct({
  name: 'include',
  queries: ['include'],
  templates: ['include', 'include-hal', 'include-test'],
  kind: 'include',
  extract: extractIncludes,
  plan: ({ decl, role }, ctx) => {
    const at = { start: decl.span.start, end: decl.span.end };
    // A test of py/mphal.h's presence stays: the natmod has it too.
    if (role.kind === 'remove') return { edits: decl.inTest ? [] : [{ ...at, view: { partial: 'include-hal' } }] };
    // A synced file stays where it is, so its includes do too.
    if (role.kind !== 'local-include' || ctx.mode === 'sync') return { edits: [] };
    if (decl.inTest) {
      const test: IncludeTestView = { partial: 'include-test', path: ctx.fromOutput(role.file) };
      return { edits: [{ ...at, view: test }] };
    }
    const view: IncludeView = { partial: 'include', path: ctx.fromOutput(role.file) };
    return { edits: [{ ...at, view }] };
  },
});
