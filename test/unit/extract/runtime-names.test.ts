/**
 * Which runtime pieces a unit asks for: names its code uses, names in its own macro bodies, and
 * names in the bodies of macros from its headers that its code expands (dmazzella/uminiz:
 * miniz_common.h's `#define MZ_MALLOC(x) malloc(x)`, used only through MZ_MALLOC in miniz.c).
 */
import * as path from 'path';
import { extractFile } from '../../../src/constructs';
import { parseFile } from '../../../src/parse/parser';
import { parseDefine } from '../../../src/pipeline';

const DIR = path.resolve('/virtual/mod');
const HEADER = [
  '#define ALLOC(n) malloc(n)',
  '#define RELEASE(p) free(p)',
  '#define UNUSED_DUP(s) strcpy(s, s)',
  '#define TWICE(n) ALLOC(n)',
  '',
].join('\n');

function runtimeNames(text: string, defines: string[] = []): string[] {
  const file = parseFile(path.join(DIR, 'mod.c'), text);
  const files: Record<string, string> = { [path.join(DIR, 'alloc.h')]: HEADER };
  const r = extractFile(file, 0, defines.map(parseDefine), { includeDirs: [DIR], readFile: (f) => files[f] });
  return r.value.runtimeNames;
}

describe('runtime names of a unit', () => {
  test.each<[string, { given: string; defines?: string[]; has: string[]; lacks: string[] }]>([
    ['a direct call', { given: 'void *f(void) { return malloc(4); }\n', has: ['malloc'], lacks: ['free'] }],
    [
      'a macro from a header, used by the code',
      { given: '#include "alloc.h"\nvoid *f(void) { return ALLOC(4); }\n', has: ['malloc'], lacks: ['free', 'strcpy'] },
    ],
    [
      'a header macro that expands to another header macro',
      { given: '#include "alloc.h"\nvoid *f(void) { return TWICE(4); }\n', has: ['malloc'], lacks: ['free'] },
    ],
    [
      'a header macro used only in dead code',
      { given: '#include "alloc.h"\n#if 0\nvoid g(void *p) { RELEASE(p); }\n#endif\n', has: [], lacks: ['free'] },
    ],
    [
      'a -D macro used by the code',
      { given: 'void g(char *s) { COPY(s); }\n', defines: ['COPY(s)=strcpy(s, "x")'], has: ['strcpy'], lacks: [] },
    ],
  ])('%s', (_name, { given, defines, has, lacks }) => {
    const names = runtimeNames(given, defines);
    for (const n of has) expect(names).toContain(n);
    for (const n of lacks) expect(names).not.toContain(n);
  });
});
