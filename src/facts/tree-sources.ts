import { RuntimeProviders } from './classify';
import { ApiFacts } from './types';

/**
 * C files of the user's own MicroPython tree (--mpy-dir / MPY_DIR) that natmodgen compiles
 * into a natmod when the module calls their functions, instead of keeping a copy: they are
 * plain C over m_malloc, built with the natmod's flags. `header` declares the functions
 * (the facts list them); `defines` go ahead of every other line of the unit that holds them
 * (py/mpz.c compiles only when the build's long-int implementation is mpz).
 */
export interface TreeSource {
  file: string;
  header: string;
  defines: string[];
}

export const TREE_SOURCES: TreeSource[] = [
  { file: 'py/mpz.c', header: 'py/mpz.h', defines: ['MICROPY_LONGINT_IMPL (MICROPY_LONGINT_IMPL_MPZ)'] },
];

/** The functions (prototypes, not inline) each tree source defines, by name: what its header declares. */
export function treeSourceFunctions(facts: ApiFacts): Map<string, TreeSource> {
  const out = new Map<string, TreeSource>();
  for (const src of TREE_SOURCES) {
    for (const s of facts.symbols) if (s.header === src.header && s.kind === 'function') out.set(s.name, src);
  }
  return out;
}

/** `providers` with the tree sources' functions added (a runtime/ definition of the same name stays first). */
export function withTreeSources(providers: RuntimeProviders, facts: ApiFacts): RuntimeProviders {
  const out = new Map(providers);
  for (const [name, src] of treeSourceFunctions(facts)) {
    if (!out.has(name)) out.set(name, { file: `${src.file} of the MicroPython tree, compiled into the natmod` });
  }
  return out;
}

/**
 * The `#if` conditions around each function prototype of a tree source's header, outermost
 * first, as expressions (`#ifdef X` is `defined(X)`, an `#else` branch the negation): py/mpz.h
 * declares mpz_as_float only when the build has floats. The include guard is not a condition.
 */
export function prototypeConditions(headerText: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const stack: { cond: string; guard: boolean }[] = [];
  const lines = headerText.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].replace(/\/\/.*$/, '').trim();
    const d = /^#\s*(if|ifdef|ifndef|elif|else|endif)\b\s*(.*)$/.exec(line);
    if (d) {
      const [, kw, rest] = d;
      const arg = rest.trim();
      if (kw === 'if') stack.push({ cond: arg, guard: false });
      else if (kw === 'ifdef') stack.push({ cond: `defined(${arg})`, guard: false });
      else if (kw === 'ifndef') {
        const next = lines.slice(i + 1).find((l) => l.trim() !== '');
        stack.push({ cond: `!defined(${arg})`, guard: next !== undefined && new RegExp(`^#\\s*define\\s+${arg}\\b`).test(next.trim()) });
      } else if (kw === 'else' && stack.length) stack[stack.length - 1].cond = `!(${stack[stack.length - 1].cond})`;
      else if (kw === 'elif' && stack.length) stack[stack.length - 1].cond = `!(${stack[stack.length - 1].cond}) && (${arg})`;
      else if (kw === 'endif') stack.pop();
      continue;
    }
    const proto = /^[A-Za-z_][\w\s*]*?\b([A-Za-z_]\w*)\s*\(/.exec(line);
    if (proto && !/^(static|typedef|#)/.test(line) && line.endsWith(';')) {
      out.set(
        proto[1],
        stack.filter((s) => !s.guard).map((s) => s.cond),
      );
    }
  }
  return out;
}
