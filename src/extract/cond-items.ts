import { CondItem } from '../model/declarations';
import { CondBranch, firmwareSide, testsFirmwareSide } from '../model/condition';
import { Cursor, TokRange } from './cursor';

/**
 * Walks a bracketed list whose elements may be separated by conditional directives,
 * calling `read` for each element's code tokens and keeping directives in order.
 */
export function condItems<T>(cur: Cursor, ranges: TokRange[], read: (code: TokRange) => T | undefined): CondItem<T>[] {
  const out: CondItem<T>[] = [];
  for (const r of ranges) {
    let from = r.from;
    let to = r.to;
    const lead: number[] = [];
    const trail: number[] = [];
    while (from <= to && cur.tokens[from].kind === 'directive') lead.push(from++);
    while (to >= from && cur.tokens[to].kind === 'directive') trail.unshift(to--);
    for (const d of lead) out.push(directiveItem(cur, d));
    if (from <= to) {
      const item = read({ from, to });
      if (item !== undefined) out.push({ kind: 'item', item });
    }
    for (const d of trail) out.push(directiveItem(cur, d));
  }
  return out;
}

function directiveItem<T>(cur: Cursor, i: number): CondItem<T> {
  return { kind: 'directive', text: directiveText(cur, i), span: cur.span(i) };
}

/** A directive line as the natmod must see it: one line, MICROPY_ENABLE_DYNRUNTIME tests read as in firmware. */
export function directiveText(cur: Cursor, i: number): string {
  const t = cur.tokens[i];
  const d = t.directive;
  const rewritten = rewrittenDirective(cur, i);
  if (d && rewritten) return `${rewritten} /* natmodgen: was ${d.keyword} ${d.arg.replace(/\*\//g, '* /')} */`;
  return t.text.replace(/\\\r?\n/g, ' ');
}

/** A test of MICROPY_ENABLE_DYNRUNTIME as the firmware build reads it, or undefined for other directives. */
export function rewrittenDirective(cur: Cursor, i: number): string | undefined {
  const d = cur.tokens[i].directive;
  if (!d || !/^(if|ifdef|ifndef|elif|elifdef|elifndef)$/.test(d.keyword)) return undefined;
  const branch = { keyword: d.keyword as CondBranch['keyword'], arg: d.arg };
  if (!testsFirmwareSide(branch, cur.firmwareUndefined)) return undefined;
  const b = firmwareSide(branch, cur.firmwareUndefined);
  return `#${b.keyword} ${b.arg}`;
}
