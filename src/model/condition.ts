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

const NO_NAMES: ReadonlySet<string> = new Set();

/**
 * extmod sources hide their static definitions behind `#if !MICROPY_ENABLE_DYNRUNTIME`.
 * natmodgen converts those definitions, so every test of MICROPY_ENABLE_DYNRUNTIME in
 * the user's code reads as the firmware build would (0); py/dynruntime.h itself is untouched.
 *
 * So does a test of whether a name in `firmwareUndefined` is defined: names py/dynruntime.h
 * makes macros that are functions in the firmware (`#ifdef mp_obj_new_list`, `defined(m_malloc)`),
 * which the module does not define itself. The firmware build has no such macro (0); the natmod
 * has dynruntime's, and would take the other branch.
 */
export function firmwareSide(b: CondBranch, firmwareUndefined: ReadonlySet<string> = NO_NAMES): CondBranch {
  if (!testsFirmwareSide(b, firmwareUndefined)) return b;
  const name = b.arg.trim();
  if ((b.keyword === 'ifdef' || b.keyword === 'elifdef') && (name === DYNRUNTIME || firmwareUndefined.has(name)))
    return { keyword: b.keyword === 'ifdef' ? 'if' : 'elif', arg: '0' };
  if ((b.keyword === 'ifndef' || b.keyword === 'elifndef') && (name === DYNRUNTIME || firmwareUndefined.has(name)))
    return { keyword: b.keyword === 'ifndef' ? 'if' : 'elif', arg: '1' };
  if (b.keyword === 'ifdef' || b.keyword === 'elifdef' || b.keyword === 'ifndef' || b.keyword === 'elifndef') return b;
  const arg = b.arg
    .replace(/\bdefined\s*\(\s*(\w+)\s*\)/g, (all, n: string) => (n === DYNRUNTIME || firmwareUndefined.has(n) ? '0' : all))
    .replace(/\bdefined\s+(\w+)\b/g, (all, n: string) => (n === DYNRUNTIME || firmwareUndefined.has(n) ? '0' : all))
    .replace(/\bMICROPY_ENABLE_DYNRUNTIME\b/g, '0');
  return { keyword: b.keyword, arg };
}

export function mentionsDynruntime(arg: string): boolean {
  return new RegExp(`\\b${DYNRUNTIME}\\b`).test(arg);
}

/** Whether firmwareSide changes a branch: it tests MICROPY_ENABLE_DYNRUNTIME, or whether a name of `firmwareUndefined` is defined. */
export function testsFirmwareSide(b: CondBranch, firmwareUndefined: ReadonlySet<string> = NO_NAMES): boolean {
  if (mentionsDynruntime(b.arg)) return true;
  if (!firmwareUndefined.size) return false;
  if (b.keyword === 'ifdef' || b.keyword === 'elifdef' || b.keyword === 'ifndef' || b.keyword === 'elifndef')
    return firmwareUndefined.has(b.arg.trim());
  if (b.keyword === 'else') return false;
  for (const m of b.arg.matchAll(/\bdefined\s*(?:\(\s*(\w+)\s*\)|\s(\w+))/g)) if (firmwareUndefined.has(m[1] ?? m[2])) return true;
  return false;
}
