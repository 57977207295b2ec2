import { diag } from '../../../src/diagnostics/catalog';
import { Diagnostic, Span } from '../../../src/diagnostics/diagnostic';
import { renderDiagnostic } from '../../../src/diagnostics/render';
import { SourceText } from '../../../src/parse/source';

const SRC = [
  '#include "py/runtime.h"',
  '',
  'static const mp_rom_map_elem_t t[] = {',
  '    { MP_ROM_QSTR(MP_QSTR_f), MP_ROM_PTR(&nowhere_obj) },',
  '};',
  '',
].join('\n');

/** The span of the `nth` occurrence of `needle` in `text`, as the extractors make it. */
function spanOf(file: string, text: string, needle: string): Span {
  const start = text.indexOf(needle);
  if (start < 0) throw new Error(`${needle} not found`);
  return new SourceText(file, text).span(start, start + needle.length);
}

const sources: Record<string, string> = { 'mod.c': SRC, 'crlf.c': SRC.replace(/\n/g, '\r\n') };
const sourceOf = (f: string): string | undefined => sources[f];

const d = (over: Partial<Diagnostic>): Diagnostic => ({
  code: 'NMG2005',
  severity: 'error',
  message: "'nowhere_obj' is not defined in the inputs",
  related: [],
  ...over,
});

describe('renderDiagnostic', () => {
  test.each<[string, { given: Diagnostic; want: string[] }]>([
    [
      'header, code frame with a caret under the span, help',
      {
        given: d({ span: spanOf('mod.c', SRC, 'MP_ROM_PTR(&nowhere_obj)'), help: 'define it' }),
        want: [
          "mod.c:4:31: error NMG2005: 'nowhere_obj' is not defined in the inputs",
          '    4 |     { MP_ROM_QSTR(MP_QSTR_f), MP_ROM_PTR(&nowhere_obj) },',
          '      |                               ^~~~~~~~~~~~~~~~~~~~~~~~',
          '  help: define it',
        ],
      },
    ],
    [
      'a span of one character: a caret alone',
      {
        given: d({ span: spanOf('mod.c', SRC, '#') }),
        want: ["mod.c:1:1: error NMG2005: 'nowhere_obj' is not defined in the inputs", '    1 | #include "py/runtime.h"', '      | ^'],
      },
    ],
    [
      'an empty span still gets a caret',
      {
        given: d({ span: new SourceText('mod.c', SRC).span(0, 0) }),
        want: ["mod.c:1:1: error NMG2005: 'nowhere_obj' is not defined in the inputs", '    1 | #include "py/runtime.h"', '      | ^'],
      },
    ],
    [
      'a span running past the end of its line is cut at the line end',
      {
        given: d({ span: new SourceText('mod.c', SRC).span(SRC.indexOf('static'), SRC.indexOf('};') + 2) }),
        want: [
          "mod.c:3:1: error NMG2005: 'nowhere_obj' is not defined in the inputs",
          '    3 | static const mp_rom_map_elem_t t[] = {',
          `      | ^${'~'.repeat('static const mp_rom_map_elem_t t[] = {'.length - 1)}`,
        ],
      },
    ],
    [
      'a warning',
      {
        given: d({ severity: 'warning', code: 'NMG2012', message: 'escaped', span: spanOf('mod.c', SRC, 'static') }),
        want: ['mod.c:3:1: warning NMG2012: escaped', '    3 | static const mp_rom_map_elem_t t[] = {', '      | ^~~~~~'],
      },
    ],
    [
      'related notes, each with its own frame, before the help line',
      {
        given: d({
          span: spanOf('mod.c', SRC, 'nowhere_obj'),
          related: [{ span: spanOf('mod.c', SRC, 't[]'), message: 'in this table' }],
          help: 'h',
        }),
        want: [
          "mod.c:4:43: error NMG2005: 'nowhere_obj' is not defined in the inputs",
          '    4 |     { MP_ROM_QSTR(MP_QSTR_f), MP_ROM_PTR(&nowhere_obj) },',
          '      |                                           ^~~~~~~~~~~',
          'mod.c:3:32: note: in this table',
          '    3 | static const mp_rom_map_elem_t t[] = {',
          '      |                                ^~~',
          '  help: h',
        ],
      },
    ],
    [
      'no span: the program name instead of a location, no frame',
      {
        given: d({ code: 'NMG2001', message: 'no module is registered', help: 'add MP_REGISTER_MODULE' }),
        want: ['natmodgen: error NMG2001: no module is registered', '  help: add MP_REGISTER_MODULE'],
      },
    ],
    [
      'a file whose text is not available: location without a frame',
      {
        given: d({ span: { file: 'gone.c', line: 2, col: 5, start: 10, end: 12 } }),
        want: ["gone.c:2:5: error NMG2005: 'nowhere_obj' is not defined in the inputs"],
      },
    ],
    [
      'a line past the end of the text: no frame',
      {
        given: d({ span: { file: 'mod.c', line: 99, col: 1, start: 9999, end: 10000 } }),
        want: ["mod.c:99:1: error NMG2005: 'nowhere_obj' is not defined in the inputs"],
      },
    ],
    [
      'CRLF sources: no carriage return in the frame',
      {
        given: d({ span: spanOf('crlf.c', sources['crlf.c'], 'nowhere_obj') }),
        want: [
          "crlf.c:4:43: error NMG2005: 'nowhere_obj' is not defined in the inputs",
          '    4 |     { MP_ROM_QSTR(MP_QSTR_f), MP_ROM_PTR(&nowhere_obj) },',
          '      |                                           ^~~~~~~~~~~',
        ],
      },
    ],
    [
      'a five-digit line number keeps the gutter aligned',
      {
        given: d({ span: new SourceText('big.c', `${'\n'.repeat(12344)}int x;`).span(12344, 12347), message: 'm' }),
        want: ['big.c:12345:1: error NMG2005: m', '12345 | int x;', '      | ^~~'],
      },
    ],
  ])('%s', (_name, { given, want }) => {
    const src = (f: string) => (f === 'big.c' ? `${'\n'.repeat(12344)}int x;` : sourceOf(f));
    expect(renderDiagnostic(given, src).split('\n')).toEqual(want);
  });

  test('the catalog fills message and help; codes and severities come through', () => {
    const span = spanOf('mod.c', SRC, 'nowhere_obj');
    const out = renderDiagnostic(diag('NMG2005', span, { name: 'nowhere_obj' }), sourceOf).split('\n');
    expect(out[0]).toMatch(/^mod\.c:4:43: error NMG2005: .*nowhere_obj/);
    expect(out[out.length - 1]).toMatch(/^ {2}help: \S/);
  });

  test('the caret sits under the column in the rendered frame', () => {
    const span = spanOf('mod.c', SRC, 'MP_ROM_PTR');
    const [, code, caret] = renderDiagnostic(d({ span }), sourceOf).split('\n');
    expect(code.indexOf('MP_ROM_PTR')).toBe(caret.indexOf('^'));
  });

  // Regression, once a bug (src/diagnostics/render.ts codeFrame): the caret line pads with one space per
  // character before the column, so under a tab-indented line the caret lands to the left
  // of the token (a tab displays wider than one space). Compilers copy the tabs.
  test('the caret lines up under a tab-indented token', () => {
    const text = 'static void f(void) {\n\tmp_getiter(x, NULL);\n}\n';
    const span = spanOf('tab.c', text, 'mp_getiter');
    const [, code, caret] = renderDiagnostic(d({ span }), () => text).split('\n');
    const expand = (s: string) => s.replace(/\t/g, ' '.repeat(8));
    expect(expand(caret).indexOf('^')).toBe(expand(code).indexOf('mp_getiter'));
  });
});
