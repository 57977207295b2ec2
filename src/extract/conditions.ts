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

/** One pass over the tokens recording the open preprocessor conditionals at every token. */
export function mapConditions(tokens: Token[]): ConditionMap {
  const at: Condition[] = new Array(tokens.length);
  const unbalanced: number[] = [];
  let stack: CondFrame[] = [];
  tokens.forEach((t, i) => {
    const kw = t.directive?.keyword ?? '';
    if (t.kind === 'directive' && OPENERS.has(kw)) {
      at[i] = stack;
      stack = [...stack, { branches: [firmwareSide({ keyword: kw as CondBranch['keyword'], arg: t.directive!.arg })] }];
    } else if (t.kind === 'directive' && CONTINUERS.has(kw)) {
      const top = stack[stack.length - 1];
      if (!top) {
        unbalanced.push(i);
        at[i] = stack;
        return;
      }
      at[i] = stack.slice(0, -1);
      stack = [
        ...stack.slice(0, -1),
        { branches: [...top.branches, firmwareSide({ keyword: kw as CondBranch['keyword'], arg: t.directive!.arg })] },
      ];
    } else if (t.kind === 'directive' && kw === 'endif') {
      if (!stack.length) unbalanced.push(i);
      stack = stack.slice(0, -1);
      at[i] = stack;
    } else at[i] = stack;
  });
  return { at, unbalanced };
}
