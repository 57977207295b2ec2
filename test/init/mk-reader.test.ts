import * as fs from 'fs';
import * as path from 'path';
import { readMicropythonMk } from '../../src/init/mk-reader';
import { removeTempDirs, tempDir } from '../make/helpers';

afterAll(removeTempDirs);

const dir = path.resolve('/virtual/modules/mymod');
const file = path.join(dir, 'micropython.mk');

interface Expect {
  /** Sources relative to the module folder. */
  sources?: string[];
  includeDirs?: string[];
  cflags?: string[];
  /** Diagnostics as `CODE@line:col`, in order. */
  diags?: string[];
}

function read(text: string, at = file) {
  const r = readMicropythonMk(at, text);
  const base = path.dirname(path.resolve(at));
  const rel = (p: string) => path.relative(base, p).split(path.sep).join('/') || '.';
  return {
    value: r.value && { sources: r.value.sources.map(rel), includeDirs: r.value.includeDirs.map(rel), cflags: r.value.cflags },
    diags: r.diagnostics.map((d) => `${d.code}@${d.span ? `${d.span.line}:${d.span.col}` : '-'}`),
    diagnostics: r.diagnostics,
  };
}

const cases: Array<[string, string[], Expect]> = [
  [
    'the usual MOD_DIR := $(USERMOD_DIR) pattern',
    [
      'CEXAMPLE_MOD_DIR := $(USERMOD_DIR)',
      '',
      '# Add all C files to SRC_USERMOD.',
      'SRC_USERMOD += $(CEXAMPLE_MOD_DIR)/examplemodule.c',
      'CFLAGS_USERMOD += -I$(CEXAMPLE_MOD_DIR)',
    ],
    { sources: ['examplemodule.c'], includeDirs: ['.'], cflags: [], diags: [] },
  ],
  [
    'SRC_USERMOD_C first, then SRC_USERMOD, library C and assembler',
    [
      'SRC_USERMOD_LIB_ASM += $(USERMOD_DIR)/fast.S',
      'SRC_USERMOD_LIB_C += $(USERMOD_DIR)/lib/util.c',
      'SRC_USERMOD += $(USERMOD_DIR)/old.c',
      'SRC_USERMOD_C += $(USERMOD_DIR)/mod.c',
    ],
    { sources: ['mod.c', 'old.c', 'lib/util.c', 'fast.S'], diags: [] },
  ],
  [
    'continuation lines and comments',
    [
      'D := $(USERMOD_DIR) # the folder',
      'SRC_USERMOD_C += $(D)/a.c \\',
      '    $(D)/b.c \\',
      '\t$(D)/c.c',
      '# SRC_USERMOD_C += $(D)/commented.c \\',
      '  still a comment.c',
    ],
    { sources: ['a.c', 'b.c', 'c.c'], diags: [] },
  ],
  [
    'recursive variables expand when used',
    ['FILES = $(NAMES:%=%.c)', 'NAMES = one two', 'SRC_USERMOD_C += $(addprefix $(USERMOD_DIR)/src/,$(FILES))'],
    { sources: ['src/one.c', 'src/two.c'], diags: [] },
  ],
  [
    'text functions',
    [
      'D := $(USERMOD_DIR)',
      'ALL := a.c b.c skip.c',
      'SRC_USERMOD_C += $(patsubst %,$(D)/%,$(filter-out skip.c,$(ALL)))',
      'SRC_USERMOD_C += $(foreach n,x y,$(D)/gen_$(n).c)',
      'SRC_USERMOD_C += $(subst .cc,.c,$(D)/z.cc) $(if $(ALL),$(D)/yes.c,$(D)/no.c)',
      'CFLAGS_USERMOD += $(addprefix -I,$(D)/include $(D)/../shared)',
    ],
    { sources: ['a.c', 'b.c', 'gen_x.c', 'gen_y.c', 'z.c', 'yes.c'], includeDirs: ['include', '../shared'], diags: [] },
  ],
  [
    'ifeq and ifdef on variables the file sets',
    [
      'FEATURE := 1',
      'ifeq ($(FEATURE),1)',
      'SRC_USERMOD_C += $(USERMOD_DIR)/on.c',
      'else',
      'SRC_USERMOD_C += $(USERMOD_DIR)/off.c',
      'endif',
      'ifndef FEATURE',
      'SRC_USERMOD_C += $(USERMOD_DIR)/never.c',
      'else ifeq "$(FEATURE)" "1"',
      'SRC_USERMOD_C += $(USERMOD_DIR)/elseif.c',
      'endif',
    ],
    { sources: ['on.c', 'elseif.c'], diags: [] },
  ],
  [
    'conditionals on variables the file does not set are warned about and taken as unset',
    [
      'SRC_USERMOD_C += $(USERMOD_DIR)/mod.c',
      'ifdef MICROPY_PY_FOO',
      'SRC_USERMOD_C += $(USERMOD_DIR)/foo.c',
      'endif',
      'ifeq ($(BOARD),PICO)',
      '  SRC_USERMOD_C += $(USERMOD_DIR)/pico.c',
      'endif',
    ],
    { sources: ['mod.c'], diags: ['NMG4006@2:7', 'NMG4006@5:6'] },
  ],
  [
    'nested conditionals in a branch not taken are skipped whole',
    [
      'ifeq (a,b)',
      'ifeq (c,c)',
      'SRC_USERMOD_C += $(USERMOD_DIR)/no.c',
      'endif',
      'SRC_USERMOD_C += $(shell never run)',
      'else',
      'SRC_USERMOD_C += $(USERMOD_DIR)/yes.c',
      'endif',
    ],
    { sources: ['yes.c'], diags: [] },
  ],
  [
    'a variable the file does not set is warned about where it is used',
    ['SRC_USERMOD_C += $(USERMOD_DIR)/mod.c', 'SRC_USERMOD_C += $(TOP)/lib/x.c $(TOP)/lib/y.c'],
    { sources: ['mod.c', '../../../lib/x.c', '../../../lib/y.c'], diags: ['NMG4005@2:18'] },
  ],
  [
    'C++ sources are left out; headers are skipped; flags are kept',
    [
      'SRC_USERMOD_C += $(USERMOD_DIR)/mod.c $(USERMOD_DIR)/mod.h',
      'SRC_USERMOD_CXX += $(USERMOD_DIR)/impl.cpp',
      'CFLAGS_USERMOD += -I $(USERMOD_DIR)/inc -DFOO=1 -Wno-unused -I$(USERMOD_DIR)/inc',
      'CXXFLAGS_USERMOD += -std=c++11',
    ],
    { sources: ['mod.c'], includeDirs: ['inc'], cflags: ['-DFOO=1', '-Wno-unused'], diags: ['NMG4007@2:1'] },
  ],
  [
    'relative paths are taken from the module folder',
    ['SRC_USERMOD_C += mod.c', 'CFLAGS_USERMOD += -Iinclude'],
    { sources: ['mod.c'], includeDirs: ['include'], diags: [] },
  ],
  [
    'override, export, ?=, ::= and $$',
    [
      'override A ::= $(USERMOD_DIR)',
      'export B = $(A)/b.c',
      'B ?= ignored.c',
      'C ?= $(A)/c.c',
      'SRC_USERMOD_C += $(B) $(C)',
      'CFLAGS_USERMOD += -DPRICE=$$5',
    ],
    { sources: ['b.c', 'c.c'], cflags: ['-DPRICE=$5'], diags: [] },
  ],
  [
    'rules are skipped with a warning, their recipes with them',
    ['SRC_USERMOD_C += $(USERMOD_DIR)/mod.c', 'gen.h: gen.py', '\tpython3 gen.py > gen.h', 'QSTR_DEFS += $(USERMOD_DIR)/qstrdefs.h'],
    { sources: ['mod.c'], diags: ['NMG4011@2:1'] },
  ],
  ['$(info) lines expand to nothing', ['$(info reading)', 'SRC_USERMOD_C += $(USERMOD_DIR)/mod.c'], { sources: ['mod.c'], diags: [] }],
  [
    '$(shell) cannot be evaluated',
    ['SRC_USERMOD_C += $(USERMOD_DIR)/mod.c', 'SRC_USERMOD_C += $(shell find $(USERMOD_DIR) -name "*.c")'],
    { diags: ['NMG4004@2:18'] },
  ],
  ['include cannot be evaluated', ['include $(USERMOD_DIR)/other.mk'], { diags: ['NMG4004@1:1'] }],
  ['!= cannot be evaluated', ['FILES != ls *.c'], { diags: ['NMG4004@1:1'] }],
  [
    '$(error) in a branch taken stops',
    ['ifndef NEVER_SET', '$(error needs NEVER_SET)', 'endif'],
    { diags: ['NMG4006@1:8', 'NMG4004@2:1'] },
  ],
  ['an unterminated reference', ['SRC_USERMOD_C += $(USERMOD_DIR/mod.c'], { diags: ['NMG4003@1:18'] }],
  ['a missing endif', ['ifeq (a,a)', 'SRC_USERMOD_C += mod.c'], { diags: ['NMG4003@1:1'] }],
  ['an endif too many', ['SRC_USERMOD_C += mod.c', 'endif'], { diags: ['NMG4003@2:1'] }],
  ['a malformed condition', ['ifeq a b', 'endif'], { diags: ['NMG4003@1:6'] }],
  ['a line that is nothing make knows', ['SRC_USERMOD_C += mod.c', 'this is not make'], { diags: ['NMG4003@2:1'] }],
];

describe('readMicropythonMk', () => {
  test.each(cases)('%s', (_name, lines, want) => {
    const got = read(lines.join('\n') + '\n');
    if (want.diags) expect(got.diags).toEqual(want.diags);
    const failed = got.diagnostics.some((d) => d.severity === 'error');
    expect(failed).toBe(want.sources === undefined);
    if (want.sources) expect(got.value?.sources).toEqual(want.sources);
    if (want.includeDirs) expect(got.value?.includeDirs).toEqual(want.includeDirs);
    if (want.cflags) expect(got.value?.cflags).toEqual(want.cflags);
  });

  test('$(wildcard) lists files, sorted', () => {
    const tmp = tempDir('mk');
    for (const f of ['b.c', 'a.c', 'notes.txt', 'sub/c.c', '.hidden.c']) {
      fs.mkdirSync(path.dirname(path.join(tmp, f)), { recursive: true });
      fs.writeFileSync(path.join(tmp, f), '');
    }
    const got = read(
      ['SRC_USERMOD_C += $(wildcard $(USERMOD_DIR)/*.c $(USERMOD_DIR)/*/*.c)', 'SRC_USERMOD_C += $(wildcard sub/*.c)'].join('\n'),
      path.join(tmp, 'micropython.mk'),
    );
    expect(got.diags).toEqual([]);
    expect(got.value?.sources).toEqual(['a.c', 'b.c', 'sub/c.c']);
  });

  test('the spans point into the file, with its name', () => {
    const r = readMicropythonMk('mods/x/micropython.mk', 'A := 1\nSRC_USERMOD_C += $(shell ls)\n');
    expect(r.diagnostics).toHaveLength(1);
    expect(r.diagnostics[0].span).toMatchObject({ file: 'mods/x/micropython.mk', line: 2, col: 18, start: 24 });
  });
});
