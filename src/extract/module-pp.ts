import { coreHeaderMacros } from '../facts';
import { preprocess, Preprocessed, PreprocessOptions } from '../preprocess';

type Defines = ReadonlyArray<{ name: string; body: string }>;

/** What of a PreprocessEnv (src/extract/context.ts) the preprocessor reads. */
interface PreprocessEnv {
  includeDirs?: string[];
  readFile?: (file: string) => string | undefined;
  predefined?: Array<{ name: string; body: string }>;
}

/**
 * How a module file is preprocessed as the firmware build reads it (tests of
 * MICROPY_ENABLE_DYNRUNTIME read as the generated code will: the firmware side): the tree's
 * predefined macros, then the -D, the module's -I folders and header reader.
 */
export function moduleOptions(env: PreprocessEnv, defines: Defines): PreprocessOptions {
  return {
    defines: [...(env.predefined ?? []), ...defines],
    includeDirs: env.includeDirs,
    host: env.readFile && { readFile: env.readFile },
    undefinedNames: ['MICROPY_ENABLE_DYNRUNTIME'],
    headerMacro: isCoreHeaderMacro,
  };
}

const isCoreHeaderMacro = (name: string): boolean => coreHeaderMacros().has(name);

interface Entry {
  file: string;
  text: string;
  env: PreprocessEnv;
  defines: Defines;
  pp: Preprocessed;
}

/** The last few results: one conversion reads each file so three times (construct macros, extraction, hidden qstrs). */
const recent: Entry[] = [];
const KEEP = 4;

/**
 * preprocess() with {@link moduleOptions}, answered again without work for the same file, text,
 * header reader (the same object: a reader made for one run) and macros. Preprocessed results
 * are not changed by their readers.
 */
export function preprocessModule(file: string, text: string, env: PreprocessEnv, defines: Defines): Preprocessed {
  const hit = recent.find(
    (e) =>
      e.file === file &&
      e.text === text &&
      e.env.readFile === env.readFile &&
      sameList(e.env.includeDirs ?? [], env.includeDirs ?? [], (a, b) => a === b) &&
      sameList(e.env.predefined ?? [], env.predefined ?? [], sameMacro) &&
      sameList(e.defines, defines, sameMacro),
  );
  if (hit) return hit.pp;
  const pp = preprocess(file, text, moduleOptions(env, defines));
  recent.unshift({ file, text, env: { ...env }, defines: [...defines], pp });
  recent.length = Math.min(recent.length, KEEP);
  return pp;
}

function sameMacro(a: { name: string; body: string }, b: { name: string; body: string }): boolean {
  return a.name === b.name && a.body === b.body;
}

function sameList<T>(a: ReadonlyArray<T>, b: ReadonlyArray<T>, same: (x: T, y: T) => boolean): boolean {
  return a.length === b.length && a.every((x, i) => same(x, b[i]));
}
