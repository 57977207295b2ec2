import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Diagnostic, Result } from '../diagnostics/diagnostic';
import { diag } from '../diagnostics/catalog';
import { addFlags, addIncludeDir, addSource, emptyBuild, ModuleBuild } from './build-info';
import { SpanMaker } from './text-span';
import { readToolRun } from './tool-run';

const MARK = 'natmodgen-cmake:';

/**
 * CMake in script mode with the target commands a user module calls replaced by
 * functions that print their arguments; the module's file is included as
 * MicroPython's usermod.cmake includes it, so CMake itself evaluates the language.
 */
const WRAPPER = `
function(natmodgen_print kind)
  foreach(a IN LISTS ARGN)
    if(NOT a MATCHES "^(INTERFACE|PUBLIC|PRIVATE|SYSTEM|BEFORE|AFTER)$")
      message(STATUS "${MARK}\${kind}:\${a}")
    endif()
  endforeach()
endfunction()
function(add_library)
endfunction()
function(target_link_libraries)
endfunction()
function(target_sources target)
  natmodgen_print(src \${ARGN})
endfunction()
function(target_include_directories target)
  natmodgen_print(inc \${ARGN})
endfunction()
function(target_compile_definitions target)
  natmodgen_print(def \${ARGN})
endfunction()
function(target_compile_options target)
  natmodgen_print(opt \${ARGN})
endfunction()
function(add_compile_definitions)
  natmodgen_print(def \${ARGN})
endfunction()
include("\${NATMODGEN_MODULE_FILE}")
`;

/**
 * Evaluates a micropython.cmake with `cmake -P`, for what natmodgen's own reading
 * refuses (list() and file() subcommands it lacks, CMake modules, functions...).
 * Returns undefined when no `cmake` can be run.
 */
export function readMicropythonCmakeWithCmake(file: string, text: string, cmake = 'cmake'): Result<ModuleBuild | undefined> | undefined {
  const abs = path.resolve(file);
  const dir = path.dirname(abs);
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'natmodgen-cmake-'));
  try {
    const wrapper = path.join(tmp, 'read.cmake');
    fs.writeFileSync(wrapper, WRAPPER);
    const r = spawnSync(cmake, [`-DNATMODGEN_MODULE_FILE=${abs}`, '-P', wrapper], { cwd: dir, encoding: 'utf8', timeout: 120000 });
    const spans = new SpanMaker(file, text);
    const run = readToolRun<ModuleBuild>('cmake', r, spans, /CMake Error at (?:.*?):(\d+) \([^)]*\):\s*\n\s*(.*)/);
    if (run.kind === 'missing') return undefined;
    if (run.kind === 'failed') return run.result;
    const diagnostics: Diagnostic[] = [];
    const build = emptyBuild(abs, 'cmake');
    for (const line of run.stdout.split('\n')) {
      const m = new RegExp(`^-- ${MARK}(src|inc|def|opt):(.*)$`).exec(line);
      if (!m) continue;
      const [, kind, value] = m;
      if (value.includes('$<')) {
        const at = Math.max(0, text.indexOf('$<'));
        diagnostics.push(diag('NMG4004', spans.span(at, at + 2), { what: `generator expressions ($<...>): ${value}` }));
        continue;
      }
      if (kind === 'src') {
        const at = text.indexOf(path.basename(value));
        addSource(build, path.resolve(dir, value), at < 0 ? undefined : spans.span(at, at + path.basename(value).length), diagnostics);
      } else if (kind === 'inc') addIncludeDir(build, path.resolve(dir, value));
      else if (kind === 'def') build.cflags.push(`-D${value.replace(/^-D/, '')}`);
      else addFlags(build, [value], dir);
    }
    return { value: build, diagnostics };
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}
