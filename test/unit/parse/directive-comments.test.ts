import { blankDirectiveComments, parseFile } from '../../../src/parse/parser';

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
