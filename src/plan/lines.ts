import { Condition, conditionExpr } from '../model/condition';
import { CondItem } from '../model/declarations';
import { Line } from './view';

export const directiveLine = (text: string): Line => ({ partial: 'line-directive', text });

/** Lines for a conditional list: directives kept verbatim, items mapped by `item`. */
export function condLines<T>(items: CondItem<T>[], item: (t: T, index: number) => Line[]): Line[] {
  const out: Line[] = [];
  let n = 0;
  for (const it of items) {
    if (it.kind === 'directive') out.push(directiveLine(it.text));
    else out.push(...item(it.item, n++));
  }
  return out;
}

/** Wraps lines in `#if <condition>` / `#endif` when the condition is not empty. */
export function guarded(cond: Condition, lines: Line[]): Line[] {
  const expr = conditionExpr(cond);
  if (!expr) return lines;
  return [directiveLine(`#if ${expr}`), ...lines, directiveLine('#endif')];
}

export function hasDirectives<T>(items: CondItem<T>[]): boolean {
  return items.some((i) => i.kind === 'directive');
}
