import { spawnSync } from 'child_process';
import * as path from 'path';
import { Diagnostic, Result } from '../diagnostics/diagnostic';
import { addFlags, addSource, emptyBuild, ModuleBuild } from './build-info';
import { FLAG_VARS, PREDEFINED, SOURCE_VARS } from './mk-reader';
import { SpanMaker } from './text-span';
import { readToolRun } from './tool-run';

const MARK = 'natmodgen-var:';

/** A path as a make word (spaces and `#` escaped, `$` doubled). */
const makeWord = (p: string): string => p.replace(/\$/g, '$$$$').replace(/([ #])/g, '\\$1');

/**
 * Evaluates a micropython.mk with GNU make itself, as py/py.mk includes it: USERMOD_DIR
 * is the module folder and the USERMOD variables start simply expanded and empty. Used
 * for what natmodgen's own reading refuses ($(shell), include, define...). Returns
 * undefined when no `make` can be run.
 */
export function readMicropythonMkWithMake(file: string, text: string, make = 'make'): Result<ModuleBuild | undefined> | undefined {
  const abs = path.resolve(file);
  const dir = path.dirname(abs);
  const wrapper = [
    ...PREDEFINED.map((v) => `${v} :=`),
    `USERMOD_DIR := ${makeWord(dir)}`,
    `include ${makeWord(abs)}`,
    ...[...SOURCE_VARS, ...FLAG_VARS].map((v) => `$(info ${MARK}${v}=$(${v}))`),
    '.PHONY: natmodgen-read',
    'natmodgen-read: ; @:',
    '',
  ].join('\n');
  const env = { ...process.env };
  for (const v of ['MAKEFLAGS', 'MFLAGS', 'MAKELEVEL', 'MAKEFILES', 'GNUMAKEFLAGS']) delete env[v];
  const r = spawnSync(make, ['-s', '--no-print-directory', '-r', '-R', '-f', '-', 'natmodgen-read'], {
    cwd: dir,
    input: wrapper,
    encoding: 'utf8',
    env,
    timeout: 120000,
  });
  const spans = new SpanMaker(file, text);
  // make names the file and line: `micropython.mk:3: *** message.  Stop.`
  const run = readToolRun<ModuleBuild>('make', r, spans, /^(?:.*?):(\d+): (?:\*\*\* )?(.*?)(?:\.\s+Stop\.)?$/m);
  if (run.kind === 'missing') return undefined;
  if (run.kind === 'failed') return run.result;
  const values = new Map<string, string>();
  for (const line of run.stdout.split('\n')) {
    if (!line.startsWith(MARK)) continue;
    const eq = line.indexOf('=');
    values.set(line.slice(MARK.length, eq), line.slice(eq + 1));
  }
  const diagnostics: Diagnostic[] = [];
  const build = emptyBuild(abs, 'mk');
  const words = (v: string) => (values.get(v) ?? '').split(/\s+/).filter((w) => w !== '');
  for (const v of SOURCE_VARS) {
    for (const f of words(v)) {
      // Where the file names it, when it names it literally (otherwise the variable's first mention).
      const at = [path.basename(f), v].map((s) => text.indexOf(s)).find((i) => i >= 0);
      addSource(build, path.resolve(dir, f), at === undefined ? undefined : spans.span(at, at + path.basename(f).length), diagnostics);
    }
  }
  for (const v of FLAG_VARS) addFlags(build, words(v), dir);
  return { value: build, diagnostics };
}
