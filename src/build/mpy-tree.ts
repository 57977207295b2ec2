import * as fs from 'fs';
import * as path from 'path';

/** What a build needs to know about the MicroPython tree it builds against. */
export interface MpyTree {
  dir: string;
  /** e.g. "1.28.0" (with "-preview" for a prerelease tree). */
  version: string;
  /** MPY_VERSION and MPY_SUB_VERSION of py/persistentcode.h: the .mpy ABI a firmware of this tree loads. */
  mpyVersion: number;
  mpySubVersion: number;
}

export type TreeProblem = { kind: 'missing'; what: string; fix: string };

function defineValue(text: string, name: string): string | undefined {
  const m = new RegExp(`^\\s*#\\s*define\\s+${name}\\s+\\(?\\s*(\\d+)\\s*\\)?\\s*$`, 'm').exec(text);
  return m?.[1];
}

/** Reads the MicroPython version and the .mpy version from a tree; problems instead of a value when it is not a usable tree. */
export function readMpyTree(dir: string): { tree?: MpyTree; problems: TreeProblem[] } {
  const problems: TreeProblem[] = [];
  const need = (rel: string, fix: string) => {
    if (!fs.existsSync(path.join(dir, rel))) problems.push({ kind: 'missing', what: path.join(dir, rel), fix });
  };
  need('py/dynruntime.mk', 'pass --mpy-dir (or set MPY_DIR) to the top of a MicroPython checkout');
  if (problems.length) return { problems };
  need('tools/mpy_ld.py', 'use a complete MicroPython checkout');
  need('mpy-cross/build/mpy-cross', `build mpy-cross first: make -C ${path.join(dir, 'mpy-cross')}`);
  let config = '';
  let pc = '';
  try {
    config = fs.readFileSync(path.join(dir, 'py', 'mpconfig.h'), 'utf8');
    pc = fs.readFileSync(path.join(dir, 'py', 'persistentcode.h'), 'utf8');
  } catch {
    problems.push({ kind: 'missing', what: path.join(dir, 'py/mpconfig.h'), fix: 'use a complete MicroPython checkout' });
    return { problems };
  }
  const major = defineValue(config, 'MICROPY_VERSION_MAJOR');
  const minor = defineValue(config, 'MICROPY_VERSION_MINOR');
  const micro = defineValue(config, 'MICROPY_VERSION_MICRO');
  const pre = defineValue(config, 'MICROPY_VERSION_PRERELEASE');
  const mpyVersion = defineValue(pc, 'MPY_VERSION');
  const mpySubVersion = defineValue(pc, 'MPY_SUB_VERSION');
  if (!major || !minor || !micro || !mpyVersion || !mpySubVersion) {
    problems.push({ kind: 'missing', what: 'MICROPY_VERSION_* / MPY_VERSION in py/', fix: 'use a MicroPython tree of v1.20 or later' });
    return { problems };
  }
  const version = `${major}.${minor}.${micro}${pre && pre !== '0' ? '-preview' : ''}`;
  return { tree: { dir, version, mpyVersion: Number(mpyVersion), mpySubVersion: Number(mpySubVersion) }, problems };
}

/** `{MPY_VERSION}` of the upstream proposals: "6.3". */
export function mpyAbi(tree: Pick<MpyTree, 'mpyVersion' | 'mpySubVersion'>): string {
  return `${tree.mpyVersion}.${tree.mpySubVersion}`;
}
