import * as fs from 'fs';
import * as path from 'path';

/**
 * A reader for the preprocessor's `#include`s: the text of a file, or undefined when
 * there is none. Cached, since the same header is probed for each input file.
 */
export function headerReader(): (file: string) => string | undefined {
  const cache = new Map<string, string | undefined>();
  return (file) => {
    if (cache.has(file)) return cache.get(file);
    let text: string | undefined;
    try {
      text = fs.statSync(file).isFile() ? fs.readFileSync(file, 'utf8') : undefined;
    } catch {
      text = undefined;
    }
    cache.set(file, text);
    return text;
  };
}

/**
 * The folders a module's `#include <...>` search: the -I ones, then each source's own folder,
 * which a user C module's micropython.mk adds (`CFLAGS_USERMOD += -I$(MOD_DIR)`).
 */
export function moduleIncludeDirs(includeDirs: string[], files: string[]): string[] {
  return [...new Set([...includeDirs, ...files.map((f) => path.dirname(f))].map((d) => path.resolve(d)))];
}
