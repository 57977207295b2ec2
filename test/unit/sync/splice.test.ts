import * as path from 'path';
import { spliceIncludes, SpliceHost } from '../../../src/sync/splice';
import { readable, remapDiagnostics, withIncludesSpliced } from '../../../src/sync/source-map';
import { Diagnostic } from '../../../src/diagnostics/diagnostic';
import { c } from '../helpers';

/** An in-memory module: files by path; a file "holds definitions" when it has a line starting `static int`. */
function host(files: Record<string, string>): SpliceHost {
  return {
    resolve: (spelled, from) => {
      const p = path.normalize(path.join(path.dirname(from), spelled.slice(1, -1)));
      return p in files ? p : undefined;
    },
    read: (f) => files[f],
    holdsDefinitions: (_f, text) => /^static int/m.test(text),
  };
}

const lines = (origins: Array<{ file: string; line: number }>) => origins.map((o) => `${path.basename(o.file)}:${o.line}`);

describe('spliceIncludes', () => {
  test.each<[string, { files: Record<string, string>; want: string | null; origins?: string[] }]>([
    ['no includes: the text as it is', { files: { '/m/m.c': c('int x;') }, want: null }],
    [
      'a header of declarations and macros stays an #include',
      { files: { '/m/m.c': c('#include "d.h"', 'int x;'), '/m/d.h': c('#define D 1', 'int f(void);') }, want: null },
    ],
    ['a header that is not found stays', { files: { '/m/m.c': c('#include "nope.h"') }, want: null }],
    [
      'a file holding definitions replaces its #include line; the rest of that line follows on its own',
      {
        files: {
          '/m/m.c': c('int a;', '#include "lib.c" // the library', 'int b;'),
          '/m/lib.c': c('static int n = 5;', 'int g(void) { return n; }'),
        },
        want: c('int a;', 'static int n = 5;', 'int g(void) { return n; }', ' // the library', 'int b;'),
        origins: ['m.c:1', 'lib.c:1', 'lib.c:2', 'm.c:2', 'm.c:3', 'm.c:4'],
      },
    ],
    [
      'a file without a last line end still ends its own lines',
      {
        files: { '/m/m.c': c('#include "f.h"', 'x'), '/m/f.h': 'static int f = 1;' },
        want: c('static int f = 1;', '', 'x'),
        origins: ['f.h:1', 'm.c:1', 'm.c:2', 'm.c:3'],
      },
    ],
    [
      'a header of declarations that includes one with definitions is spliced with it',
      {
        files: {
          '/m/m.c': c('#include "outer.h"'),
          '/m/outer.h': c('int f(void);', '#include "inner.h"'),
          '/m/inner.h': c('static int i = 2;'),
        },
        want: c('int f(void);', 'static int i = 2;', '', ''),
        origins: ['outer.h:1', 'inner.h:1', 'outer.h:2', 'm.c:1', 'm.c:2'],
      },
    ],
    [
      'under #pragma once a file comes once; the pragma goes (it would only warn in the unit)',
      {
        files: { '/m/m.c': c('#include "o.h"', '#include "o.h"', 'y'), '/m/o.h': c('#pragma once', 'static int o = 3;') },
        want: c('', 'static int o = 3;', '', '', 'y'),
        origins: ['o.h:1', 'o.h:2', 'm.c:1', 'm.c:2', 'm.c:3', 'm.c:4'],
      },
    ],
    [
      'include guards stay: the compiler honours them in the unit as in the header',
      {
        files: { '/m/m.c': c('#include "g.h"'), '/m/g.h': c('#ifndef G_H', '#define G_H', 'static int g = 4;', '#endif') },
        want: c('#ifndef G_H', '#define G_H', 'static int g = 4;', '#endif', ''),
      },
    ],
    [
      "a kept #include of a spliced file from another folder is spelled from the unit's folder",
      {
        files: {
          '/m/m.c': c('#include "lib/l.c"'),
          '/m/lib/l.c': c('#include "l.h"', 'static int l = 6;'),
          '/m/lib/l.h': c('int l2(void);'),
        },
        want: c('#include "lib/l.h"', 'static int l = 6;', ''),
      },
    ],
    [
      'a cycle of includes ends',
      {
        files: {
          '/m/m.c': c('#include "a.h"'),
          '/m/a.h': c('#include "b.h"', 'static int a = 1;'),
          '/m/b.h': c('#include "a.h"', 'static int b = 1;'),
        },
        want: c('#include "a.h"', 'static int b = 1;', '', 'static int a = 1;', ''),
        origins: ['b.h:1', 'b.h:2', 'a.h:1', 'a.h:2', 'm.c:1', 'm.c:2'],
      },
    ],
    [
      'an entry list named by a macro (`#include LIST`, its name defined in a kept header) is read in place too',
      {
        files: {
          '/m/m.c': c('#include "names.h"', 'static const mp_rom_map_elem_t t[] = {', '#include LIST', '};'),
          '/m/names.h': c('#define LIST "list.h"', '#define E(n) {MP_ROM_QSTR(MP_QSTR_##n), MP_ROM_INT(1)},'),
          '/m/list.h': c('E(a)'),
        },
        want: c('#include "names.h"', 'static const mp_rom_map_elem_t t[] = {', 'E(a)', '', '};'),
      },
    ],
    [
      'a computed #include whose macro was #undef-ed before it stays',
      {
        files: {
          '/m/m.c': c('#define LIST "list.h"', '#undef LIST', 'static const mp_rom_map_elem_t t[] = {', '#include LIST', '};'),
          '/m/list.h': c('E(a)'),
        },
        want: null,
      },
    ],
    [
      'an entry list included inside a table (X-macros, no definitions of its own) is read in place',
      {
        files: {
          '/m/m.c': c(
            '#define E(n) {MP_ROM_QSTR(MP_QSTR_##n), MP_ROM_INT(1)},',
            'static const mp_rom_map_elem_t t[] = {',
            '#include "list.h"',
            '};',
          ),
          '/m/list.h': c('E(a)', 'E(b)'),
        },
        want: c(
          '#define E(n) {MP_ROM_QSTR(MP_QSTR_##n), MP_ROM_INT(1)},',
          'static const mp_rom_map_elem_t t[] = {',
          'E(a)',
          'E(b)',
          '',
          '};',
        ),
      },
    ],
    [
      'a list included twice at file scope (its includer defines what it makes each time) is read in place both times',
      {
        files: {
          '/m/m.c': c('#define E(n) int n;', '#include "list.h"', '#undef E', '#define E(n) int n##2;', '#include "list.h"'),
          '/m/list.h': c('E(a)'),
        },
        want: c('#define E(n) int n;', 'E(a)', '', '#undef E', '#define E(n) int n##2;', 'E(a)', ''),
      },
    ],
    [
      'braces on a directive line do not count: a header included after a macro holding one stays',
      {
        files: { '/m/m.c': c('#define OPEN {', '#include "d.h"'), '/m/d.h': c('int f(void);') },
        want: null,
      },
    ],
  ])('%s', (_name, { files, want, origins }) => {
    const r = spliceIncludes('/m/m.c', files['/m/m.c'], host(files));
    if (want === null) {
      expect([r.text, r.splices]).toEqual([files['/m/m.c'], []]);
      return;
    }
    expect(r.text).toBe(want);
    expect(r.origins.length).toBe(want.split('\n').length);
    if (origins) expect(lines(r.origins)).toEqual(origins);
  });

  test('each splice records the #include it replaces and the lines it spans in the unit', () => {
    const files = {
      '/m/m.c': c('int a;', '#include "outer.h"'),
      '/m/outer.h': c('int f(void);', '#include "inner.h"'),
      '/m/inner.h': c('static int i = 2;'),
    };
    const r = spliceIncludes('/m/m.c', files['/m/m.c'], host(files));
    expect(r.splices.map((s) => [path.basename(s.file), path.basename(s.from), s.includeLine, s.line, s.lines])).toEqual([
      ['outer.h', 'm.c', 2, 2, 3],
      ['inner.h', 'outer.h', 2, 3, 1],
    ]);
    expect([...r.texts.keys()].map((f) => path.basename(f)).sort()).toEqual(['inner.h', 'outer.h']);
  });
});

describe('diagnostics in spliced text', () => {
  test("point at the included file, its line and offset; the unit's own lines stay its own", () => {
    const files = { '/m/m.c': c('int a;', '#include "lib.c"', 'int b;'), '/m/lib.c': c('// lib', 'static int n = 5;') };
    const s = withIncludesSpliced(readable('/m/m.c', files['/m/m.c']), host(files));
    expect([s.origin(3), s.origin(4), s.origin(5)]).toEqual([
      { file: '/m/lib.c', line: 2 },
      { file: '/m/m.c', line: 2 },
      { file: '/m/m.c', line: 3 },
    ]);
    const at = (line: number, col: number): Diagnostic => ({
      code: 'NMG2005',
      severity: 'error',
      message: 'm',
      span: { file: '/m/m.c', line, col, start: 0, end: 3 },
      related: [],
      help: '',
    });
    const [inLib, inUnit] = remapDiagnostics([at(3, 12), at(5, 5)], [s]);
    expect(inLib.span).toEqual({ file: '/m/lib.c', line: 2, col: 12, start: 7 + 11, end: 7 + 14 });
    expect(inUnit.span).toEqual({ file: '/m/m.c', line: 3, col: 5, start: 7 + 17 + 4, end: 7 + 17 + 4 + 3 });
  });
});
