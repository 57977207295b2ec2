import * as fs from 'fs';
import * as path from 'path';
import { Result } from '../diagnostics/diagnostic';
import { diag } from '../diagnostics/catalog';

export type BuildKind = 'mk' | 'cmake';

export const BUILD_FILES: Record<BuildKind, string> = { mk: 'micropython.mk', cmake: 'micropython.cmake' };

export interface Located {
  /** The module folder. */
  dir: string;
  /** The build description in it. */
  file: string;
  kind: BuildKind;
}

/**
 * Finds the build description of the user C module in `target` (a folder, or
 * one of the two files itself): micropython.mk first, micropython.cmake
 * otherwise, unless `only` names the one to read.
 */
export function locateBuildFile(target: string, only?: BuildKind): Result<Located | undefined> {
  let st: fs.Stats | undefined;
  try {
    st = fs.statSync(target);
  } catch {
    st = undefined;
  }
  if (st?.isFile()) {
    const kind = (Object.keys(BUILD_FILES) as BuildKind[]).find((k) => BUILD_FILES[k] === path.basename(target));
    if (kind && (!only || only === kind)) return { value: { dir: path.dirname(target), file: target, kind }, diagnostics: [] };
  }
  if (!st?.isDirectory()) return { value: undefined, diagnostics: [diag('NMG4001', undefined, { dir: target })] };
  for (const kind of only ? [only] : (['mk', 'cmake'] as BuildKind[])) {
    const file = path.join(target, BUILD_FILES[kind]);
    if (fs.existsSync(file)) return { value: { dir: target, file, kind }, diagnostics: [] };
  }
  const d = diag('NMG4002', undefined, { dir: target });
  return { value: undefined, diagnostics: [only ? { ...d, message: `'${target}' holds no ${BUILD_FILES[only]}` } : d] };
}
