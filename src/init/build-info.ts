import * as path from 'path';
import { Diagnostic, Span } from '../diagnostics/diagnostic';
import { diag } from '../diagnostics/catalog';

/** What a user C module's build description (micropython.mk or micropython.cmake) says, as natmodgen init needs it. */
export interface ModuleBuild {
  /** The file that was read. */
  file: string;
  kind: 'mk' | 'cmake';
  /** C and assembler sources, absolute, in the order listed, without repeats. */
  sources: string[];
  /** Include folders, absolute, without repeats. */
  includeDirs: string[];
  /** Other compiler flags (`-DNAME=1`, ...), in order. */
  cflags: string[];
  /** Where each source was listed, when known. */
  sourceAt: Map<string, Span | undefined>;
}

export function emptyBuild(file: string, kind: ModuleBuild['kind']): ModuleBuild {
  return { file, kind, sources: [], includeDirs: [], cflags: [], sourceAt: new Map() };
}

/**
 * Adds one listed source: C (.c) and assembler (.S, .s) files are kept, C++ is
 * reported and left out, headers are skipped quietly, anything else is reported.
 */
export function addSource(build: ModuleBuild, file: string, span: Span | undefined, diagnostics: Diagnostic[]): void {
  if (/\.(c|S|s)$/.test(file)) {
    if (!build.sources.includes(file)) {
      build.sources.push(file);
      build.sourceAt.set(file, span);
    }
  } else if (/\.(cpp|cc|cxx|c\+\+|C)$/.test(file)) {
    diagnostics.push(diag('NMG4007', span, { file: path.basename(file) }));
  } else if (!/\.(h|hpp|hh|hxx|inc)$/.test(file)) {
    diagnostics.push(diag('NMG4011', span, { what: `source '${path.basename(file)}' (not C)` }));
  }
}

/** Adds compiler flags as written in CFLAGS_USERMOD or target_compile_options: `-I` folders apart, the rest kept. */
export function addFlags(build: ModuleBuild, words: string[], baseDir: string): void {
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    if (w === '-I' && i + 1 < words.length) addIncludeDir(build, path.resolve(baseDir, words[++i]));
    else if (w.startsWith('-I') && w.length > 2) addIncludeDir(build, path.resolve(baseDir, w.slice(2)));
    else build.cflags.push(w);
  }
}

export function addIncludeDir(build: ModuleBuild, dir: string): void {
  const d = path.resolve(dir);
  if (!build.includeDirs.includes(d)) build.includeDirs.push(d);
}
