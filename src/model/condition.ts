/**
 * The preprocessor conditional a construct sits in, as the chain of branches taken
 * from the outermost `#if`/`#ifdef`/`#ifndef` inwards. Each frame records the
 * branch that holds the construct and the branches before it in the same chain,
 * so the same condition can be rebuilt elsewhere (e.g. around a call in mpy_init).
 */
export interface CondBranch {
  keyword: 'if' | 'ifdef' | 'ifndef' | 'elif' | 'elifdef' | 'elifndef' | 'else';
  arg: string;
}

export interface CondFrame {
  /** The branches of this chain up to and including the current one. */
  branches: CondBranch[];
}

export type Condition = readonly CondFrame[];

function test(b: CondBranch): string {
  switch (b.keyword) {
    case 'if':
    case 'elif':
      return `(${b.arg})`;
    case 'ifdef':
    case 'elifdef':
      return `defined(${b.arg})`;
    case 'ifndef':
    case 'elifndef':
      return `!defined(${b.arg})`;
    case 'else':
      return '1';
    default: {
      const never: never = b.keyword;
      return never;
    }
  }
}

/** C preprocessor expression that is true exactly when the frame's current branch is taken. */
export function frameExpr(f: CondFrame): string {
  const parts: string[] = [];
  f.branches.forEach((b, i) => {
    if (i < f.branches.length - 1) parts.push(`!${test(b)}`);
    else if (b.keyword !== 'else') parts.push(test(b));
  });
  return parts.length ? parts.join(' && ') : '1';
}

/** `#if` expression for a whole condition, or undefined when unconditional. */
export function conditionExpr(c: Condition): string | undefined {
  if (c.length === 0) return undefined;
  return c.map((f) => (c.length > 1 && f.branches.length > 1 ? `(${frameExpr(f)})` : frameExpr(f))).join(' && ');
}

/** Frames of `inner` below the common prefix it shares with `outer`. */
export function relativeTo(inner: Condition, outer: Condition): Condition {
  let i = 0;
  while (i < inner.length && i < outer.length && inner[i] === outer[i]) i++;
  return inner.slice(i);
}

const DYNRUNTIME = 'MICROPY_ENABLE_DYNRUNTIME';

/**
 * extmod sources hide their static definitions behind `#if !MICROPY_ENABLE_DYNRUNTIME`.
 * natmodgen converts those definitions, so every test of MICROPY_ENABLE_DYNRUNTIME in
 * the user's code reads as the firmware build would (0); py/dynruntime.h itself is untouched.
 */
export function firmwareSide(b: CondBranch): CondBranch {
  if (!mentionsDynruntime(b.arg)) return b;
  if ((b.keyword === 'ifdef' || b.keyword === 'elifdef') && b.arg.trim() === DYNRUNTIME)
    return { keyword: b.keyword === 'ifdef' ? 'if' : 'elif', arg: '0' };
  if ((b.keyword === 'ifndef' || b.keyword === 'elifndef') && b.arg.trim() === DYNRUNTIME)
    return { keyword: b.keyword === 'ifndef' ? 'if' : 'elif', arg: '1' };
  const arg = b.arg
    .replace(/defined\s*\(\s*MICROPY_ENABLE_DYNRUNTIME\s*\)/g, '0')
    .replace(/defined\s+MICROPY_ENABLE_DYNRUNTIME\b/g, '0')
    .replace(/\bMICROPY_ENABLE_DYNRUNTIME\b/g, '0');
  return { keyword: b.keyword, arg };
}

export function mentionsDynruntime(arg: string): boolean {
  return new RegExp(`\\b${DYNRUNTIME}\\b`).test(arg);
}
