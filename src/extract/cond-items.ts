import { CondItem } from '../model/declarations';
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
  return { kind: 'directive', text: cur.text(i).replace(/\\\r?\n/g, ' '), span: cur.span(i) };
}
