import { extractFile } from '../constructs';
import { Decl } from '../model/declarations';
import { Define } from '../model/define';
import { parseFile } from '../parse/parser';
import { lexPP } from '../preprocess/lexer';
import { isMicroPythonHeader, resolveInclude } from '../preprocess';
import { PreprocessEnv } from '../extract/context';
import { SpliceHost } from '../sync/splice';

/**
 * Declarations that are no definition natmodgen converts: an included file holding only these
 * (and macros, typedefs, prototypes, inline functions without statics) stays a plain `#include`.
 * Function objects compile unchanged in a natmod, so they are among them.
 */
const NOT_DEFINITIONS: ReadonlySet<Decl['kind']> = new Set<Decl['kind']>([
  'include',
  'type_forward',
  'unavailable',
  'dynruntime_guard',
  'visibility_pragma',
  'fun_obj',
]);

/** Words that start a definition written through a macro (py/obj.h's MP_DEFINE_*, MP_REGISTER_*). */
const DEFINING_MACRO = /^MP_(DEFINE|REGISTER)_/;

/**
 * Whether a file's text may hold a definition natmodgen converts, by its tokens outside
 * directives: at file scope an initialiser, a defining macro or `static` data (no parenthesis
 * before its `;`); in a body a `static` local, a `case MP_QSTR_` or a compound literal
 * (`[]){`). Headers of prototypes, structs and plain inline functions are not parsed.
 */
export function mayDefine(text: string): boolean {
  const toks = lexPP(text);
  let depth = 0;
  // At file scope: whether the current declaration began with `static` and has had no `(` yet.
  let staticData = false;
  let first = true;
  for (let k = 0; k < toks.length; k++) {
    const t = toks[k];
    if (t.bol && t.text === '#') {
      while (k + 1 < toks.length && !toks[k + 1].bol) k++;
      continue;
    }
    const x = t.text;
    if (x === '{') {
      if (depth > 0 && toks[k - 1]?.text === ')' && toks[k - 2]?.text === ']') return true;
      depth++;
    } else if (x === '}') depth = Math.max(0, depth - 1);
    if (t.kind === 'ident' && DEFINING_MACRO.test(x)) return true;
    if (depth === 0) {
      if (x === '=') return true;
      if (x === 'static' && first) staticData = true;
      if (x === '(') staticData = false;
      if (x === ';' && staticData) return true;
      first = x === ';' || x === '}';
      if (first) staticData = false;
    } else if (x === 'static' || (x === 'case' && toks[k + 1]?.text.startsWith('MP_QSTR_'))) return true;
  }
  return false;
}

/**
 * The splice's view of the module's files: quoted includes resolve beside the including file,
 * then in the module's -I folders (not MicroPython's headers by name, which natmodgen does not convert),
 * and a file is spliced when natmodgen's constructs find in it a definition they convert, read
 * as a file of its own (its includes followed, the -D in force).
 */
export function spliceHost(defines: Define[], env: PreprocessEnv & { readFile: (file: string) => string | undefined }): SpliceHost {
  const opts = { includeDirs: env.includeDirs, host: { readFile: env.readFile } };
  const judged = new Map<string, boolean>();
  return {
    resolve: (spelled, from) => {
      // Beside the including file it is the module's own, whatever its name (a module's lib/ folder).
      const beside = resolveInclude(spelled, from, { host: opts.host });
      if (beside !== undefined || isMicroPythonHeader(spelled.slice(1, -1))) return beside;
      return resolveInclude(spelled, from, opts);
    },
    read: env.readFile,
    holdsDefinitions: (file, text) => {
      // Asked once per including unit: a header shared by every source is read once.
      const key = `${file}\0${text}`;
      let v = judged.get(key);
      if (v === undefined) {
        v = mayDefine(text) && extractFile(parseFile(file, text), 0, defines, env).value.decls.some((d) => !NOT_DEFINITIONS.has(d.kind));
        judged.set(key, v);
      }
      return v;
    },
  };
}
