import { Condition } from '../model/condition';
import { CondItem } from '../model/declarations';
import { ifLine } from './c';
import { CallView, DirectiveLineView, View } from './view';

export const directiveLine = (text: string): DirectiveLineView => ({ partial: 'line-directive', text });

export const call = (fn: string): CallView => ({ partial: 'call', fn });

/** Lines for a conditional list: directives kept verbatim, items mapped by `item`. */
export function condLines<T, V extends View>(items: CondItem<T>[], item: (t: T, index: number) => V[]): Array<V | DirectiveLineView> {
  const out: Array<V | DirectiveLineView> = [];
  let n = 0;
  for (const it of items) {
    if (it.kind === 'directive') out.push(directiveLine(it.text));
    else out.push(...item(it.item, n++));
  }
  return out;
}

/** Wraps lines in `#if <condition>` / `#endif` when the condition is not empty. */
export function guarded<V extends View>(cond: Condition, lines: V[]): Array<V | DirectiveLineView> {
  const open = ifLine(cond);
  if (!open) return lines;
  return [directiveLine(open), ...lines, directiveLine('#endif')];
}

export function hasDirectives<T>(items: CondItem<T>[]): boolean {
  return items.some((i) => i.kind === 'directive');
}
