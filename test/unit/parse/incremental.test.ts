// ParseCache (src/parse/parser.ts): re-parsing a new version of a file against the previous
// tree must give what a fresh parse gives: same tree, same tokens. Random edits of the
// examples (insertions, deletions, replacements, across lines, at both ends), in sequence.
import * as fs from 'fs';
import * as path from 'path';
import { ParseCache, parseFile, textEdit, withParseCache } from '../../../src/parse/parser';
import { SourceText } from '../../../src/parse/source';
import { repoRoot } from '../../support/cases';
import type { Tree } from 'tree-sitter';
import { C, Parser } from '../../../src/parse/native';

const examples = ['functions', 'classes', 'conditional', 'objects'].flatMap((d) =>
  fs
    .readdirSync(path.join(repoRoot, 'examples', d))
    .filter((f) => f.endsWith('.c'))
    .map((f) => path.join(repoRoot, 'examples', d, f)),
);

/** Every node with its type, field, byte span and depth: two trees are the same when these are. */
function shape(tree: Tree): string {
  const out: string[] = [];
  const c = tree.walk();
  let depth = 0;
  for (;;) {
    out.push(`${depth} ${c.nodeType} ${c.currentFieldName} ${c.startIndex} ${c.endIndex} ${c.nodeIsMissing}`);
    if (c.gotoFirstChild()) {
      depth++;
      continue;
    }
    while (!c.gotoNextSibling()) {
      if (!c.gotoParent()) return out.join('\n');
      depth--;
    }
  }
}

const PIECES = ['', ' ', '\n', '}', '{', '#if X\n', '#endif\n', '/* c */', '"s"', 'int y = 2;\n', 'MP_ROM_QSTR(MP_QSTR_z)', ');', '\r\n'];

describe('incremental parse', () => {
  test('textEdit: the span between common prefix and suffix, with rows and columns', () => {
    const before = new SourceText('f.c', 'ab\ncd\nef');
    const e = textEdit(before, 'ab\ncXYZ\nQd\nef');
    expect(e).toEqual({
      startIndex: 4,
      oldEndIndex: 4,
      newEndIndex: 9,
      startPosition: { row: 1, column: 1 },
      oldEndPosition: { row: 1, column: 1 },
      newEndPosition: { row: 2, column: 1 },
    });
  });

  test.each(examples.map((f) => [path.relative(repoRoot, f), f]))('%s: a sequence of random edits parses as fresh', (_n, file) => {
    let seed = path.relative(repoRoot, file).length * 7919;
    const rnd = (n: number) => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed % Math.max(1, n);
    };
    const cache = new ParseCache();
    let text = fs.readFileSync(file, 'utf8');
    withParseCache(cache, () => parseFile('f.c', text));
    for (let step = 0; step < 40; step++) {
      const at = rnd(text.length + 1);
      const cut = rnd(4) === 0 ? rnd(200) : rnd(8);
      if (rnd(2) === 0) {
        // Typing: a statement at a line start, or a letter inside a name (mostly far from the module's errors).
        const line = text.lastIndexOf('\n', at - 1) + 1;
        const name = /[A-Za-z_]\w*/g;
        name.lastIndex = at;
        const m = name.exec(text);
        const pos = rnd(2) === 0 || !m ? line : m.index + rnd(m[0].length + 1);
        text = text.slice(0, pos) + (pos === line ? '    q = q + 1;\n' : 'z') + text.slice(pos);
      } else {
        const put = PIECES[rnd(PIECES.length)] + (rnd(3) === 0 ? text.slice(rnd(text.length), rnd(text.length)) : '');
        text = text.slice(0, at) + put + text.slice(at + cut);
      }
      const inc = withParseCache(cache, () => parseFile('f.c', text));
      const fresh = parseFile('f.c', text);
      expect(shape(inc.tree)).toBe(shape(fresh.tree));
      expect(JSON.stringify(inc.tokens)).toBe(JSON.stringify(fresh.tokens));
    }
  });

  test('a text whose incremental parse differs from a fresh one is parsed afresh', () => {
    // Found by random edits: unbalanced braces, a closing brace deleted. tree-sitter's
    // incremental parse recovers from the error along another path than a fresh parse.
    const before =
      '        } else {\n            acc = st->data[st->pos];\n            acc &= ((1 << head) - 1);\n            st->pos++;\n            st->shift = 0;\n        }\n\n        left -= head;\n\n        if (left <= 0) {\n            return (acc);\n        }\n    } else {\n        acc = 0;\n    }';
    const after =
      '        } else {\n            acc = st->data[st->pos];\n            acc &= ((1 << head) - 1);\n            st->pos++;\n            st->shift = 0;\n           left -= head;\n\n        if (left <= 0) {\n            return (acc);\n        }\n    } else {\n        acc = 0;\n    }';
    const old = parseFile('f.c', before).tree;
    old.edit(textEdit(new SourceText('f.c', before), after));
    const fresh = parseFile('f.c', after).tree;
    // The premise: tree-sitter alone gives another tree.
    const parser = new Parser();
    parser.setLanguage(C as never);
    expect(shape(parser.parse(after, old))).not.toBe(shape(fresh));
    const cache = new ParseCache();
    withParseCache(cache, () => parseFile('f.c', before));
    expect(shape(withParseCache(cache, () => parseFile('f.c', after)).tree)).toBe(shape(fresh));
  });

  test('typing far from the syntax errors of a module keeps the incremental tree', () => {
    // Every module has errors (`static MP_DEFINE_CONST_FUN_OBJ_1(...);` reads as a declaration without a type).
    const cache = new ParseCache();
    let text = fs.readFileSync(path.join(repoRoot, 'examples', 'functions', 'functions.c'), 'utf8');
    expect(withParseCache(cache, () => parseFile('f.c', text)).tree.rootNode.hasError).toBe(true);
    const at = text.indexOf('return', text.length >> 1);
    for (const c of 'int k = 1; ') {
      text = text.slice(0, at) + c + text.slice(at);
      const inc = withParseCache(cache, () => parseFile('f.c', text));
      const fresh = parseFile('f.c', text);
      expect(shape(inc.tree)).toBe(shape(fresh.tree));
      expect(JSON.stringify(inc.tokens)).toBe(JSON.stringify(fresh.tokens));
    }
    expect(cache.counts.incremental).toBeGreaterThan(cache.counts.afresh);
  });

  // Only the tokens in the changed span are read from the new tree (src/parse/tokens.ts retokenize):
  // typing inside a token tree-sitter reads as one (a string, a comment, a directive, a number)
  // and at the edges of tokens must give the tokens of a fresh parse.
  test.each([
    ['a string literal', '("divisor'],
    ['a comment', '// Like'],
    ['a directive', '#include "py'],
    ['a macro body', '_VERSION (2'],
    ['the start of a line', '\n// answer'],
  ])('typing into %s gives the tokens of a fresh parse', (_n, anchor) => {
    const cache = new ParseCache();
    let text = fs.readFileSync(path.join(repoRoot, 'examples', 'functions', 'functions.c'), 'utf8');
    withParseCache(cache, () => parseFile('f.c', text));
    const found = text.indexOf(anchor);
    expect(found).toBeGreaterThan(0);
    const at = found + anchor.length;
    for (const piece of ['z', ' ', '\\\n', '"', '*/', 'x', '\n', '/*']) {
      text = text.slice(0, at) + piece + text.slice(at);
      const inc = withParseCache(cache, () => parseFile('f.c', text));
      const fresh = parseFile('f.c', text);
      expect(shape(inc.tree)).toBe(shape(fresh.tree));
      expect(JSON.stringify(inc.tokens)).toBe(JSON.stringify(fresh.tokens));
    }
    expect(cache.counts.incremental).toBeGreaterThan(0);
  });

  test('a string that begins on a directive line and runs on after it stays unread when typed after', () => {
    // Found by bench/incremental-fuzz.cjs: a comment left open above `#include` makes tree-sitter read
    // `"helper.h"` and the names after it as one concatenated string starting on the directive line.
    const before =
      '/*\n * This file is part of the micropython-usermod project, \n *\n    q = q + 1;\n * https://github.com/v923z/micropython-usermod\n *\n * The MIT License (MIT)\n *\n * Copyright (c) 2019 Zolt\u00e1n V\u00f6r\u00f6s\n#include "helper.h"\n\nzmp_obj_t largemodule_add_ints(mp_obj_t a_objz, mp_obj_t b_obj) {\n    int a = mp_obj_get_int(a_obj);\n    int b = mp_obj_get_int(b_obj);\n    return mp_obj_new_int(a + b);\n}\n\n    q = q + 1';
    const after = before.replace('largemodule_add', 'largezmodule_add');
    const cache = new ParseCache();
    withParseCache(cache, () => parseFile('f.c', before));
    const inc = withParseCache(cache, () => parseFile('f.c', after));
    expect(cache.counts.incremental).toBe(1);
    expect(JSON.stringify(inc.tokens)).toBe(JSON.stringify(parseFile('f.c', after).tokens));
  });

  test('an unchanged file is not parsed again', () => {
    const cache = new ParseCache();
    const text = fs.readFileSync(examples[0], 'utf8');
    const a = withParseCache(cache, () => parseFile('f.c', text));
    expect(withParseCache(cache, () => parseFile('f.c', text))).toBe(a);
    expect(parseFile('f.c', text)).not.toBe(a);
  });
});
