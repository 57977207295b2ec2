import * as fs from 'fs';
import * as path from 'path';
import { readMicropythonCmake } from '../../src/init/cmake-reader';
import { removeTempDirs, tempDir } from '../make/helpers';

afterAll(removeTempDirs);

const dir = path.resolve('/virtual/modules/mymod');
const file = path.join(dir, 'micropython.cmake');

interface Expect {
  /** Sources relative to the module folder. */
  sources?: string[];
  includeDirs?: string[];
  cflags?: string[];
  /** Diagnostics as `CODE@line:col`, in order. */
  diags?: string[];
}

function read(text: string, at = file) {
  const r = readMicropythonCmake(at, text);
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
    "MicroPython's cexample",
    [
      '# Create an INTERFACE library for our C module.',
      'add_library(usermod_cexample INTERFACE)',
      'target_sources(usermod_cexample INTERFACE',
      '    ${CMAKE_CURRENT_LIST_DIR}/examplemodule.c',
      ')',
      'target_include_directories(usermod_cexample INTERFACE',
      '    ${CMAKE_CURRENT_LIST_DIR}',
      ')',
      'target_link_libraries(usermod INTERFACE usermod_cexample)',
    ],
    { sources: ['examplemodule.c'], includeDirs: ['.'], cflags: [], diags: [] },
  ],
  [
    'set() and list(APPEND) variables, lists split in unquoted arguments',
    [
      'set(MOD_DIR ${CMAKE_CURRENT_LIST_DIR})',
      'set(SRCS ${MOD_DIR}/a.c ${MOD_DIR}/b.c)',
      'list(APPEND SRCS ${MOD_DIR}/c.c)',
      'list(REMOVE_ITEM SRCS ${MOD_DIR}/b.c)',
      'set(MORE "${MOD_DIR}/d.c;${MOD_DIR}/e.c")',
      'target_sources(usermod_x INTERFACE ${SRCS} ${MORE})',
    ],
    { sources: ['a.c', 'c.c', 'd.c', 'e.c'], diags: [] },
  ],
  [
    'a quoted argument is one value',
    ['target_sources(x INTERFACE "${CMAKE_CURRENT_LIST_DIR}/with space.c" [[${CMAKE_CURRENT_LIST_DIR}/ignored_by_bracket.h]])'],
    { sources: ['with space.c'], diags: [] },
  ],
  [
    'definitions and options become compiler flags',
    [
      'target_compile_definitions(x INTERFACE MICROPY_MODULE_BUILTIN_SUBPACKAGES=1 -DOTHER)',
      'target_compile_options(x INTERFACE -Wno-unused -I${CMAKE_CURRENT_LIST_DIR}/inc)',
      'target_include_directories(x SYSTEM BEFORE INTERFACE include ${CMAKE_CURRENT_LIST_DIR}/../shared)',
      'target_sources(x PRIVATE mod.c)',
    ],
    {
      sources: ['mod.c'],
      includeDirs: ['inc', 'include', '../shared'],
      cflags: ['-DMICROPY_MODULE_BUILTIN_SUBPACKAGES=1', '-DOTHER', '-Wno-unused'],
      diags: [],
    },
  ],
  [
    'if() over variables the file sets',
    [
      'set(WITH_FOO ON)',
      'set(KIND "fast")',
      'if(WITH_FOO AND NOT (KIND STREQUAL "slow"))',
      '  target_sources(x INTERFACE foo.c)',
      'elseif(1)',
      '  target_sources(x INTERFACE never.c)',
      'else()',
      '  target_sources(x INTERFACE never2.c)',
      'endif()',
      'if(DEFINED KIND OR FALSE)',
      '  target_sources(x INTERFACE defined.c)',
      'endif()',
      'if("WITH_FOO")',
      '  target_sources(x INTERFACE quoted_is_not_a_variable.c)',
      'endif()',
      'if(3 GREATER 2 AND 1.10 VERSION_GREATER 1.9 AND "fast" IN_LIST KIND AND KIND MATCHES "^f")',
      '  target_sources(x INTERFACE compare.c)',
      'endif()',
    ],
    { sources: ['foo.c', 'defined.c', 'compare.c'], diags: [] },
  ],
  [
    'if() over variables the file does not set is warned about and taken as unset',
    [
      'if(IDF_TARGET STREQUAL "esp32")',
      '  target_sources(x INTERFACE esp32.c)',
      'else()',
      '  target_sources(x INTERFACE generic.c)',
      'endif()',
      'if(NOT DEFINED MICROPY_PY_FOO)',
      '  target_sources(x INTERFACE nofoo.c)',
      'endif()',
    ],
    { sources: ['generic.c', 'nofoo.c'], diags: ['NMG4006@1:1', 'NMG4006@6:1'] },
  ],
  [
    'a branch not taken is skipped whole',
    [
      'if(FALSE)',
      '  foreach(f a b)',
      '    target_sources(x INTERFACE ${f}.c)',
      '  endforeach()',
      '  if(TRUE)',
      '  endif()',
      'else()',
      '  target_sources(x INTERFACE yes.c)',
      'endif()',
    ],
    { sources: ['yes.c'], diags: [] },
  ],
  [
    'comments: line, bracket, inside arguments',
    ['#[[ target_sources(x INTERFACE no.c)', ']]', 'target_sources(x INTERFACE # a comment', '  a.c #[=[ b.c ]=] c.c', ')'],
    { sources: ['a.c', 'c.c'], diags: [] },
  ],
  [
    'file(GLOB) over a folder that does not exist gives nothing',
    ['file(GLOB SRCS ${CMAKE_CURRENT_LIST_DIR}/*.c)', 'target_sources(x INTERFACE mod.c ${SRCS})'],
    { sources: ['mod.c'], diags: [] },
  ],
  [
    'get_filename_component',
    ['get_filename_component(PARENT ${CMAKE_CURRENT_LIST_DIR}/.. ABSOLUTE)', 'target_sources(x INTERFACE ${PARENT}/common/c.c)'],
    { sources: ['../common/c.c'], diags: [] },
  ],
  [
    'C++ sources are left out, headers skipped',
    ['target_sources(x INTERFACE', '  mod.c', '  impl.cpp', '  mod.h', ')'],
    { sources: ['mod.c'], diags: ['NMG4007@3:3'] },
  ],
  [
    'unknown commands are warned about; known harmless ones are not',
    [
      'cmake_minimum_required(VERSION 3.12)',
      'message(STATUS "hi")',
      'set_source_files_properties(mod.c PROPERTIES COMPILE_FLAGS -O3)',
      'target_sources(x INTERFACE mod.c)',
    ],
    { sources: ['mod.c'], diags: ['NMG4011@3:1'] },
  ],
  [
    'an unset variable is warned about',
    ['target_sources(x INTERFACE ${MICROPY_DIR}/lib/x.c mod.c)'],
    { sources: ['../../../lib/x.c', 'mod.c'], diags: ['NMG4005@1:28'] },
  ],
  ['names are case-insensitive', ['TARGET_SOURCES(x INTERFACE mod.c)'], { sources: ['mod.c'], diags: [] }],
  ['generator expressions cannot be evaluated', ['target_sources(x INTERFACE $<$<CONFIG:Debug>:debug.c>)'], { diags: ['NMG4004@1:28'] }],
  ['foreach() cannot be evaluated', ['foreach(f a b)', 'endforeach()'], { diags: ['NMG4004@1:1'] }],
  ['file(READ) cannot be evaluated', ['file(READ x.txt CONTENT)'], { diags: ['NMG4004@1:1'] }],
  ['if() with an unknown test', ['if(TARGET usermod)', 'endif()'], { diags: ['NMG4004@1:1'] }],
  ['unbalanced parentheses', ['target_sources(x INTERFACE', '  mod.c'], { diags: ['NMG4003@1:1'] }],
  ['an unterminated string', ['target_sources(x INTERFACE "mod.c)'], { diags: ['NMG4003@1:28'] }],
  ['a missing endif()', ['if(TRUE)', 'target_sources(x INTERFACE mod.c)'], { diags: ['NMG4003@1:1'] }],
  ['not a command', ['target_sources x'], { diags: ['NMG4003@1:16'] }],
];

describe('readMicropythonCmake', () => {
  test.each(cases)('%s', (_name, lines, want) => {
    const got = read(lines.join('\n') + '\n');
    if (want.diags) expect(got.diags).toEqual(want.diags);
    const failed = got.diagnostics.some((d) => d.severity === 'error');
    expect(failed).toBe(want.sources === undefined);
    if (want.sources) expect(got.value?.sources).toEqual(want.sources);
    if (want.includeDirs) expect(got.value?.includeDirs).toEqual(want.includeDirs);
    if (want.cflags) expect(got.value?.cflags).toEqual(want.cflags);
  });

  describe('with files', () => {
    let tmp: string;
    beforeAll(() => {
      tmp = tempDir('cmake');
      for (const f of ['mod/b.c', 'mod/a.c', 'mod/sub/deep/c.c', 'mod/sub/d.h', 'other/o.c']) {
        fs.mkdirSync(path.dirname(path.join(tmp, f)), { recursive: true });
        fs.writeFileSync(path.join(tmp, f), '');
      }
      fs.writeFileSync(
        path.join(tmp, 'other/micropython.cmake'),
        [
          'target_sources(usermod_o INTERFACE ${CMAKE_CURRENT_LIST_DIR}/o.c)',
          'target_include_directories(usermod_o INTERFACE ${CMAKE_CURRENT_LIST_DIR})',
          'if(EXISTS ${CMAKE_CURRENT_LIST_DIR}/o.c)',
          'set(FROM_OTHER yes)',
          'endif()',
          '',
        ].join('\n'),
      );
    });

    test('file(GLOB) and file(GLOB_RECURSE), with RELATIVE', () => {
      const got = read(
        [
          'file(GLOB TOP ${CMAKE_CURRENT_LIST_DIR}/*.c)',
          'file(GLOB_RECURSE ALL RELATIVE ${CMAKE_CURRENT_LIST_DIR} CONFIGURE_DEPENDS ${CMAKE_CURRENT_LIST_DIR}/sub/*.c)',
          'target_sources(x INTERFACE ${TOP} ${ALL})',
          '',
        ].join('\n'),
        path.join(tmp, 'mod/micropython.cmake'),
      );
      expect(got.diags).toEqual([]);
      expect(got.value?.sources).toEqual(['a.c', 'b.c', 'sub/deep/c.c']);
    });

    test('include() reads the other file with its own CMAKE_CURRENT_LIST_DIR', () => {
      const got = read(
        [
          'include(${CMAKE_CURRENT_LIST_DIR}/../other/micropython.cmake)',
          'target_sources(x INTERFACE ${CMAKE_CURRENT_LIST_DIR}/a.c)',
          'if(FROM_OTHER)',
          'target_sources(x INTERFACE b.c)',
          'endif()',
          '',
        ].join('\n'),
        path.join(tmp, 'mod/micropython.cmake'),
      );
      expect(got.diags).toEqual([]);
      expect(got.value?.sources).toEqual(['../other/o.c', 'a.c', 'b.c']);
      expect(got.value?.includeDirs).toEqual(['../other']);
    });

    test('include() of a missing file stops, unless OPTIONAL', () => {
      expect(read('include(${CMAKE_CURRENT_LIST_DIR}/nope.cmake)\n', path.join(tmp, 'mod/micropython.cmake')).diags).toEqual([
        'NMG4004@1:1',
      ]);
      const got = read(
        'include(${CMAKE_CURRENT_LIST_DIR}/nope.cmake OPTIONAL)\ntarget_sources(x INTERFACE a.c)\n',
        path.join(tmp, 'mod/micropython.cmake'),
      );
      expect(got.diags).toEqual([]);
      expect(got.value?.sources).toEqual(['a.c']);
    });

    test('a problem in an included file is reported in that file', () => {
      fs.writeFileSync(path.join(tmp, 'other/bad.cmake'), 'set(X\n');
      const r = readMicropythonCmake(path.join(tmp, 'mod/micropython.cmake'), 'include(${CMAKE_CURRENT_LIST_DIR}/../other/bad.cmake)\n');
      expect(r.diagnostics).toHaveLength(1);
      expect(r.diagnostics[0].code).toBe('NMG4003');
      expect(path.resolve(r.diagnostics[0].span!.file)).toBe(path.join(tmp, 'other/bad.cmake'));
    });
  });
});
