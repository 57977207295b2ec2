import { c } from '../helpers';
import {
  blankBlockAlternatives,
  blankDirectiveComments,
  blankElseContinuations,
  blankSpecifierAlternatives,
  parseFile,
} from '../../../src/parse/parser';

describe('blankDirectiveComments: what tree-sitter reads', () => {
  test('a comment inside a multi-line macro becomes spaces, offsets and newlines kept', () => {
    const text = '#define F(x) do { \\\n    if (x) a(); \\\n    else /* if (!x) */ \\\n        b(); \\\n} while (0)\nint y;\n';
    const seen = blankDirectiveComments(text);
    expect(seen.length).toBe(text.length);
    expect(seen).toBe(text.replace('/* if (!x) */', ' '.repeat('/* if (!x) */'.length)));
  });

  test('comments outside directives, one-line directives and string literals are left alone', () => {
    const text = '/* file */\n#define ONE 1 /* one */\n#define S(x) "/* not a comment */" \\\n    x\nint z; /* z */\n';
    expect(blankDirectiveComments(text)).toBe(text);
  });

  test('a function after such a macro parses without errors (micropython-numpy unary.c)', () => {
    const text = [
      '#define LOOP(d, op) do {\\',
      '    if (op == 0) \\',
      '        d += 1; \\',
      '    else /* if (op == 1) */ \\',
      '        d *= 2; \\',
      '} while(0)',
      '',
      'int',
      'f(int op,',
      '  int d) {',
      '#ifdef DEBUG',
      '    printf("op = %d\\n", op);',
      '#endif',
      '    LOOP(d, op);',
      '    return d;',
      '}',
      '',
    ].join('\n');
    expect(parseFile('u.c', text).tree.rootNode.hasError).toBe(false);
  });
});

describe('blankSpecifierAlternatives: specifiers chosen by #if', () => {
  const pitch = [
    '#ifdef FIXED_POINT',
    'opus_val32',
    '#else',
    'void',
    '#endif',
    'celt_pitch_xcorr_c(const opus_val16 *_x, const opus_val16 *_y,',
    '      opus_val32 *xcorr, int len, int max_pitch, int arch)',
    '{',
    '   int i;',
    '   for (i = 0; i < len; i++) xcorr[i] = 0;',
    '}',
    '',
  ].join('\n');

  test('tree-sitter reads the first branch only; offsets and lines kept', () => {
    const seen = blankSpecifierAlternatives(pitch);
    expect(seen.length).toBe(pitch.length);
    expect(seen.split('\n').map((l) => l.trim())).toEqual([
      '',
      'opus_val32',
      '',
      '',
      '',
      ...pitch
        .split('\n')
        .slice(5)
        .map((l) => l.trim()),
    ]);
  });

  test('the function after them parses as a function (opus celt/pitch.c:210-218)', () => {
    const root = parseFile('pitch.c', pitch).tree.rootNode;
    expect(root.hasError).toBe(false);
    expect(root.namedChildren.map((n) => n.type)).toEqual(['function_definition']);
  });

  test('a one-branch group, nested conditionals and code branches are left alone', () => {
    const texts = [
      '#ifndef G\nstatic\n#endif\nint f(void) { return 0; }\n',
      '#if A\n#if B\nint\n#endif\n#else\nlong\n#endif\nx;\n',
      '#if A\nint a = 1;\n#else\nint a = 2;\n#endif\n',
    ];
    for (const t of texts) expect(blankSpecifierAlternatives(t)).toBe(t);
  });
});

describe('blankBlockAlternatives: alternatives that open the same block', () => {
  const codebook = [
    '#ifdef __EMBEDDED__',
    'static const float codes0[] = {',
    '#else',
    'static float codes0[] = {',
    '#endif',
    '  225,',
    '  250',
    '};',
    'static int after;',
    '',
  ].join('\n');
  const pick = [
    'static int pick(int arg) {',
    '#ifdef SIGNED_ARGS',
    '    short s = (short)arg;',
    '    if (s <= 0) {',
    '#else',
    '    if (arg <= 0) { /* } */',
    '#endif',
    '        return 0;',
    '    }',
    '    return 1;',
    '}',
    '',
  ].join('\n');

  test('tree-sitter reads the first branch only; offsets and lines kept', () => {
    const seen = blankBlockAlternatives(codebook);
    expect(seen.length).toBe(codebook.length);
    expect(seen.split('\n').map((l) => l.trim())).toEqual([
      '',
      'static const float codes0[] = {',
      '',
      '',
      '',
      ...codebook
        .split('\n')
        .slice(5)
        .map((l) => l.trim()),
    ]);
  });

  test('the table and the function around them parse without errors (codec2 codebook.c, frotz random.c)', () => {
    const table = parseFile('codebook.c', codebook).tree.rootNode;
    expect(table.hasError).toBe(false);
    expect(table.namedChildren.map((n) => n.type)).toEqual(['declaration', 'declaration']);
    const fn = parseFile('random.c', pick).tree.rootNode;
    expect(fn.hasError).toBe(false);
    expect(fn.namedChildren.map((n) => n.type)).toEqual(['function_definition']);
  });

  test('alternative last items of an initializer list, without their comma, parse as one list (frotz text.c)', () => {
    const table = c(
      'static unsigned short latin1[] = {',
      '\t0x0e4, 0x0f6, /* first row */',
      '#ifdef USE_UTF8',
      '\t0x0a3, 0x153 // pound, oe',
      '#else',
      '\t0x0a3, 0x0bd',
      '#endif',
      '};',
      'static int after;',
    );
    const root = parseFile('text.c', table).tree.rootNode;
    expect(root.hasError).toBe(false);
    expect(root.namedChildren.filter((n) => n.type !== 'comment').map((n) => n.type)).toEqual(['declaration', 'declaration']);
    expect(parseFile('text.c', table).tokens.filter((t) => t.text === '0x0bd').length).toBe(1);
  });

  test('the token stream still holds every branch and directive, in order', () => {
    const toks = parseFile('codebook.c', codebook).tokens;
    expect(toks.filter((t) => t.kind === 'directive').map((t) => t.directive?.keyword)).toEqual(['ifdef', 'else', 'endif']);
    expect(toks.filter((t) => t.text === 'codes0').length).toBe(2);
    expect(toks.map((t) => t.start)).toEqual([...toks.map((t) => t.start)].sort((a, b) => a - b));
    const fn = parseFile('random.c', pick).tokens.map((t) => t.text);
    expect(fn.filter((t) => t === 'arg').length).toBe(3);
  });

  test('alternatives that leave different or no delimiters open are left alone', () => {
    const texts = [
      '#if A\nint a = 1;\n#else\nint a = 2;\n#endif\n',
      '#if A\nif (x) {\n#else\nif (x) (\n#endif\n',
      '#if A\nf(a, {\n#else\nf(b, {\n#endif\n',
      '#if A\n#if B\nif (x) {\n#endif\n#else\nif (y) {\n#endif\n}\n',
      '#if A\nif (x) {\n#endif\n}\n',
      "#if A\nif (x == '}') {\n#else\nif (y) {}\n#endif\n",
    ];
    for (const t of texts.slice(0, 2)) expect(blankBlockAlternatives(t)).toBe(t);
    for (const t of texts.slice(3)) expect(blankBlockAlternatives(t)).toBe(t);
    // the same delimiters open in each branch, `(` inside `{`: blanked
    expect(blankBlockAlternatives(texts[2])).not.toBe(texts[2]);
  });
});

describe('blankElseContinuations: a conditional branch that continues an if-chain', () => {
  // opus src/opus_encoder.c (dholth/arduino-libopus, bench/corpus oggz): the else-if only some builds have.
  const ctl = c(
    'static int ctl(int request, int dtx, int silk) {',
    '    int value = 0;',
    '    switch (request) {',
    '        case 1:',
    '            if (silk) {',
    '                value = 1;',
    '            }',
    '#ifndef DISABLE_FLOAT_API',
    '            else if (dtx) { /* } */',
    '                value = 2;',
    '            }',
    '#endif',
    '            else {',
    '                value = 3;',
    '            }',
    '            break;',
    '        default:',
    '            /* fprintf(stderr, "unknown request: %d", request);*/',
    '            value = -1;',
    '            break;',
    '    }',
    '    return value;',
    '}',
  );

  test('the function parses without errors; only the directive lines are blanked; every token stays', () => {
    expect(
      blankElseContinuations(ctl)
        .split('\n')
        .map((l) => l.trim()),
    ).toEqual(ctl.split('\n').map((l) => (l.startsWith('#') ? '' : l.trim())));
    const parsed = parseFile('opus_encoder.c', ctl);
    expect(parsed.tree.rootNode.hasError).toBe(false);
    expect(parsed.tree.rootNode.namedChildren.map((n) => n.type)).toEqual(['function_definition']);
    expect(parsed.tokens.filter((t) => t.kind === 'directive').map((t) => t.directive?.keyword)).toEqual(['ifndef', 'endif']);
    expect(parsed.tokens.filter((t) => t.text === 'dtx').length).toBe(2);
  });

  test('alternatives that each continue the chain keep the first branch', () => {
    const text = 'if (a) {\n}\n#ifdef X\nelse if (b) {\n}\n#else\nelse if (c) {\n}\n#endif\nelse {\n}\n';
    expect(blankElseContinuations(text)).toBe(
      text.replace(/#ifdef X|#else\nelse if \(c\) \{\n\}|#endif/g, (m) => m.replace(/[^\n]/g, ' ')),
    );
  });

  test('branches that do not start with else, or leave a block open, are left alone', () => {
    for (const t of [
      '#ifdef X\nif (b) {\n}\n#endif\n',
      '#ifdef X\nelse if (b) {\n#endif\n}\n',
      '#ifdef X\nelse if (b) {\n}\n#else\nf();\n#endif\n',
    ])
      expect(blankElseContinuations(t)).toBe(t);
  });
});
