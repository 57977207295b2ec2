import * as fs from 'fs';
import * as path from 'path';
import { Diagnostic } from '../diagnostics/diagnostic';
import { diag } from '../diagnostics/catalog';

/** MicroPython releases whose natmod ABI natmodgen is tested against (major.minor). */
export const SUPPORTED_MICROPYTHON = ['1.28'];

const IDENT = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * Checks one `-D` argument as a C compiler does: a macro name, optionally with a
 * parameter list, optionally `=` a body without a newline.
 */
export function checkDefine(arg: string): Diagnostic | undefined {
  const bad = (why: string) => diag('NMG0002', undefined, { arg, why });
  const eq = arg.indexOf('=');
  const head = eq < 0 ? arg : arg.slice(0, eq);
  const body = eq < 0 ? '' : arg.slice(eq + 1);
  if (head === '') return bad('macro names must be identifiers, and the name is missing');
  if (/[\r\n]/.test(body)) return bad('the value holds a line break');
  const paren = head.indexOf('(');
  const name = paren < 0 ? head : head.slice(0, paren);
  if (!IDENT.test(name)) return bad(`'${name}' is not an identifier`);
  if (name === 'defined') return bad("'defined' cannot be used as a macro name");
  if (paren >= 0) {
    if (!head.endsWith(')')) return bad('missing ) in the parameter list');
    const params = head.slice(paren + 1, -1).trim();
    if (params !== '') {
      const list = params.split(',').map((p) => p.trim());
      for (const [i, p] of list.entries()) {
        if (p === '...' && i === list.length - 1) continue;
        if (!IDENT.test(p)) return bad(`'${p}' is not a parameter name`);
      }
      const dup = list.find((p, i) => list.indexOf(p) !== i);
      if (dup) return bad(`duplicate parameter '${dup}'`);
    }
  }
  return undefined;
}

export function checkDefines(args: string[]): Diagnostic[] {
  return args.map(checkDefine).filter((d): d is Diagnostic => d !== undefined);
}

export interface MpyTree {
  dir: string;
  /** `1.28.0`, from py/mpconfig.h; undefined when the tree does not say. */
  version?: string;
}

/**
 * Checks a MicroPython tree named by --mpy-dir or $MPY_DIR: it must hold
 * py/dynruntime.h; its version (py/mpconfig.h) is compared with the supported ones.
 */
export function checkMpyDir(dir: string, from: string): { tree?: MpyTree; diagnostics: Diagnostic[] } {
  const bad = (why: string) => ({ diagnostics: [diag('NMG0003', undefined, { dir, from, why })] });
  try {
    if (!fs.statSync(dir).isDirectory()) return bad('it is not a folder');
  } catch {
    return bad('no such folder');
  }
  if (!fs.existsSync(path.join(dir, 'py', 'dynruntime.h'))) return bad('it holds no py/dynruntime.h');
  let version: string | undefined;
  try {
    const cfg = fs.readFileSync(path.join(dir, 'py', 'mpconfig.h'), 'utf8');
    const part = (n: string) => new RegExp(`^#define MICROPY_VERSION_${n} \\(?(\\d+)\\)?\\s*$`, 'm').exec(cfg)?.[1];
    const [maj, min, mic] = [part('MAJOR'), part('MINOR'), part('MICRO')];
    if (maj && min && mic) version = `${maj}.${min}.${mic}`;
  } catch {
    // an old or partial tree: the version stays unknown
  }
  const diagnostics: Diagnostic[] = [];
  const majorMinor = version?.split('.').slice(0, 2).join('.');
  if (!majorMinor || !SUPPORTED_MICROPYTHON.includes(majorMinor)) {
    diagnostics.push(
      diag('NMG0004', undefined, {
        dir,
        version: version ?? 'of unknown version',
        supported: SUPPORTED_MICROPYTHON.map((v) => `${v}.x`).join(', '),
      }),
    );
  }
  return { tree: { dir, version }, diagnostics };
}

/** The MicroPython tree to use: --mpy-dir, else a non-empty $MPY_DIR, each validated; none when neither is set. */
export function resolveMpyDir(flag: string | undefined, env: NodeJS.ProcessEnv): { dir?: string; diagnostics: Diagnostic[] } {
  if (flag !== undefined) {
    const r = checkMpyDir(flag, '--mpy-dir');
    return { dir: r.tree?.dir, diagnostics: r.diagnostics };
  }
  if (env.MPY_DIR) {
    const r = checkMpyDir(env.MPY_DIR, 'MPY_DIR');
    return { dir: r.tree?.dir, diagnostics: r.diagnostics };
  }
  return { diagnostics: [] };
}

export { closest, editDistance } from '../diagnostics/suggest';
