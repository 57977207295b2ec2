import { Token } from '../parse/tokens';
import { Condition, CondBranch, CondFrame, firmwareSide } from '../model/condition';

const OPENERS = new Set(['if', 'ifdef', 'ifndef']);
const CONTINUERS = new Set(['elif', 'elifdef', 'elifndef', 'else']);

export interface ConditionMap {
  /** Condition holding each token (directives get the condition around them). */
  at: Condition[];
  /** Directive token indexes with no matching #if/#endif. */
  unbalanced: number[];
}

/**
 * One pass over the tokens recording the open preprocessor conditionals at every token. An
 * include guard (`#ifndef X` then `#define X`: a header spliced into the unit) holds no
 * condition: its code is compiled wherever it is read at all, and X is defined after it.
 * Branches read as the firmware build reads them (firmwareSide, with `firmwareUndefined`).
 */
export function mapConditions(tokens: Token[], firmwareUndefined: ReadonlySet<string> = new Set()): ConditionMap {
  const at: Condition[] = new Array(tokens.length);
  const unbalanced: number[] = [];
  let stack: CondFrame[] = [];
  // Per open #if, whether it is an include guard (not in `stack`).
  const guards: boolean[] = [];
  tokens.forEach((t, i) => {
    const kw = t.directive?.keyword ?? '';
    if (t.kind === 'directive' && OPENERS.has(kw)) {
      at[i] = stack;
      const guard = kw === 'ifndef' && isGuardDefine(tokens[i + 1], t.directive!.arg.trim());
      guards.push(guard);
      if (!guard)
        stack = [
          ...stack,
          { branches: [firmwareSide({ keyword: kw as CondBranch['keyword'], arg: t.directive!.arg }, firmwareUndefined)] },
        ];
    } else if (t.kind === 'directive' && CONTINUERS.has(kw)) {
      if (guards[guards.length - 1]) {
        // `#else` of a guard: a condition after all.
        guards[guards.length - 1] = false;
        at[i] = stack;
        stack = [
          ...stack,
          { branches: [firmwareSide({ keyword: kw as CondBranch['keyword'], arg: t.directive!.arg }, firmwareUndefined)] },
        ];
        return;
      }
      const top = stack[stack.length - 1];
      if (!top || !guards.length) {
        unbalanced.push(i);
        at[i] = stack;
        return;
      }
      at[i] = stack.slice(0, -1);
      stack = [
        ...stack.slice(0, -1),
        { branches: [...top.branches, firmwareSide({ keyword: kw as CondBranch['keyword'], arg: t.directive!.arg }, firmwareUndefined)] },
      ];
    } else if (t.kind === 'directive' && kw === 'endif') {
      if (!guards.length) unbalanced.push(i);
      else if (!guards.pop()) stack = stack.slice(0, -1);
      at[i] = stack;
    } else at[i] = stack;
  });
  return { at, unbalanced };
}

/** `#define NAME` with nothing after it. */
function isGuardDefine(t: Token | undefined, name: string): boolean {
  return t?.kind === 'directive' && t.directive?.keyword === 'define' && /^\w+$/.test(name) && t.directive.arg.trim() === name;
}
