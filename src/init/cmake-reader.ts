import * as fs from 'fs';
import * as path from 'path';
import { Diagnostic, Result, Span } from '../diagnostics/diagnostic';
import { diag } from '../diagnostics/catalog';
import { addFlags, addIncludeDir, addSource, emptyBuild, ModuleBuild } from './build-info';
import { CmakeArg, CmakeCommand, lexCmake } from './cmake-lexer';
import { CondToken, CondUnsupported, evalCmakeCondition } from './cmake-condition';
import { displayPath } from './display-path';
import { glob } from './glob';
import { ReadStop } from './read-stop';
import { SpanMaker } from './text-span';

/** Commands that say nothing natmodgen init needs. */
const IGNORED = new Set([
  'add_library',
  'target_link_libraries',
  'message',
  'cmake_minimum_required',
  'cmake_policy',
  'include_guard',
  'project',
  'add_dependencies',
  'set_property',
  'mark_as_advanced',
]);
const SCOPES = new Set(['INTERFACE', 'PUBLIC', 'PRIVATE']);
/** Stands for `\;` while a list is split at `;`. */
const SEMI = '\u0001';

/** An argument after expansion, with where it was written. */
interface Value {
  text: string;
  at: Span;
}

interface Block {
  active: boolean;
  taken: boolean;
  outer: boolean;
  at: Span;
}

/**
 * Reads a user C module's micropython.cmake (and the files it include()s) the
 * way CMake would: set(), list(), file(GLOB), if() and ${} are evaluated over
 * CMAKE_CURRENT_LIST_DIR; target_sources, target_include_directories,
 * target_compile_definitions and target_compile_options are collected.
 */
export function readMicropythonCmake(file: string, text: string): Result<ModuleBuild | undefined> {
  const diagnostics: Diagnostic[] = [];
  const abs = path.resolve(file);
  const build = emptyBuild(abs, 'cmake');
  const vars = new Map<string, string>();
  const warned = new Set<string>();

  const runFile = (shown: string, absFile: string, body: string, depth: number): void => {
    const spans = new SpanMaker(shown, body);
    const dir = path.dirname(absFile);
    const saved = [vars.get('CMAKE_CURRENT_LIST_DIR'), vars.get('CMAKE_CURRENT_LIST_FILE')];
    vars.set('CMAKE_CURRENT_LIST_DIR', dir);
    vars.set('CMAKE_CURRENT_LIST_FILE', absFile);
    const span = (a: { start: number; end: number }) => spans.span(a.start, a.end);

    /** ${NAME} (nested), $ENV{NAME} and escapes; `sink` collects unset names instead of reporting them. */
    const expand = (s: string, arg: CmakeArg, quoted: boolean, sink?: Set<string>): string => {
      let out = '';
      for (let i = 0; i < s.length; i++) {
        const c = s[i];
        if (c === '\\' && i + 1 < s.length) {
          const n = s[++i];
          if (n === ';') out += quoted ? ';' : SEMI;
          else if (n === 'n') out += '\n';
          else if (n === 't') out += '\t';
          else if (n === 'r') out += '\r';
          else if (n === '\n' && quoted) continue;
          else out += n;
          continue;
        }
        if (c === '$' && s[i + 1] === '<') throw new ReadStop(diag('NMG4004', span(arg), { what: 'generator expressions ($<...>)' }));
        const m = /^\$(ENV|CACHE)?\{/.exec(s.slice(i, i + 8));
        if (m) {
          const close = matchBrace(s, i + m[0].length);
          if (close < 0) throw new ReadStop(diag('NMG4003', span(arg), { what: 'unterminated variable reference' }));
          const name = expand(s.slice(i + m[0].length, close), arg, quoted, sink);
          i = close;
          const key = m[1] ? `${m[1]}{${name}}` : name;
          const v = m[1] ? undefined : vars.get(name);
          if (v !== undefined) out += v;
          else if (sink) sink.add(key);
          else if (!warned.has(key)) {
            warned.add(key);
            diagnostics.push(diag('NMG4005', span(arg), { name: key }));
          }
          continue;
        }
        out += c;
      }
      return out;
    };

    /** A command's arguments as CMake passes them: unquoted ones split into list elements. */
    const values = (cmd: CmakeCommand): Value[] =>
      cmd.args.flatMap((a) => {
        if (a.kind === 'bracket' || a.kind === 'paren') return [{ text: a.text, at: span(a) }];
        if (a.kind === 'quoted') return [{ text: expand(a.text, a, true), at: span(a) }];
        return expand(a.text, a, false)
          .split(';')
          .filter((e) => e !== '')
          .map((e) => ({ text: e.split(SEMI).join(';'), at: span(a) }));
      });

    const condition = (cmd: CmakeCommand): boolean => {
      const unknown = new Set<string>();
      const tokens: CondToken[] = cmd.args.map((a) =>
        a.kind === 'paren'
          ? { value: a.text, quoted: false, paren: a.text as '(' | ')' }
          : { value: a.kind === 'bracket' ? a.text : expand(a.text, a, a.kind === 'quoted', unknown), quoted: a.kind !== 'unquoted' },
      );
      const what = `'${cmd.name}(${spans.text.slice(cmd.args[0]?.start ?? cmd.end, cmd.args[cmd.args.length - 1]?.end ?? cmd.end)})'`;
      try {
        const v = evalCmakeCondition(tokens, { get: (n) => vars.get(n), baseDir: dir }, unknown);
        if (unknown.size > 0) diagnostics.push(diag('NMG4006', span(cmd), { what }));
        return v;
      } catch (e) {
        if (e instanceof CondUnsupported) throw new ReadStop(diag('NMG4004', span(cmd), { what: `${what}: ${e.message}` }));
        throw e;
      }
    };

    const blocks: Block[] = [];
    const reading = () => blocks.length === 0 || blocks[blocks.length - 1].active;
    const commands = lexCmake(spans);
    for (const cmd of commands) {
      const at = span(cmd);
      switch (cmd.name) {
        case 'if': {
          const outer = reading();
          const active = outer && condition(cmd);
          blocks.push({ active, taken: active, outer, at });
          continue;
        }
        case 'elseif':
        case 'else': {
          const b = blocks[blocks.length - 1];
          if (!b) throw new ReadStop(diag('NMG4003', at, { what: `${cmd.name}() without if()` }));
          b.active = b.outer && !b.taken && (cmd.name === 'else' || condition(cmd));
          b.taken ||= b.active;
          continue;
        }
        case 'endif':
          if (!blocks.pop()) throw new ReadStop(diag('NMG4003', at, { what: 'endif() without if()' }));
          continue;
      }
      if (!reading()) continue;
      const v = values(cmd);
      const texts = v.map((x) => x.text);
      switch (cmd.name) {
        case 'set': {
          if (texts.length === 0) throw new ReadStop(diag('NMG4003', at, { what: 'set() needs a variable name' }));
          if (/^ENV\{/.test(texts[0])) break;
          let end = texts.length;
          for (const stop of ['CACHE', 'PARENT_SCOPE']) if (texts.indexOf(stop, 1) > 0) end = Math.min(end, texts.indexOf(stop, 1));
          if (end === 1) vars.delete(texts[0]);
          else vars.set(texts[0], texts.slice(1, end).join(';'));
          break;
        }
        case 'unset':
          if (texts[0]) vars.delete(texts[0]);
          break;
        case 'list': {
          const [sub, name, ...items] = texts;
          const cur = (vars.get(name) ?? '').split(';').filter((e) => e !== '');
          if (sub === 'APPEND') vars.set(name, [...cur, ...items].join(';'));
          else if (sub === 'PREPEND') vars.set(name, [...items, ...cur].join(';'));
          else if (sub === 'REMOVE_ITEM') vars.set(name, cur.filter((e) => !items.includes(e)).join(';'));
          else throw new ReadStop(diag('NMG4004', at, { what: `list(${sub ?? ''} ...)` }));
          break;
        }
        case 'file': {
          const [sub, name, ...rest] = texts;
          if (sub !== 'GLOB' && sub !== 'GLOB_RECURSE') throw new ReadStop(diag('NMG4004', at, { what: `file(${sub ?? ''} ...)` }));
          let relative: string | undefined;
          const patterns: string[] = [];
          for (let k = 0; k < rest.length; k++) {
            if (rest[k] === 'RELATIVE') relative = path.resolve(dir, rest[++k] ?? '');
            else if (rest[k] === 'LIST_DIRECTORIES') k++;
            else if (rest[k] !== 'CONFIGURE_DEPENDS' && rest[k] !== 'FOLLOW_SYMLINKS') patterns.push(rest[k]);
          }
          const found = [...new Set(patterns.flatMap((p) => glob(path.resolve(dir, p), sub === 'GLOB_RECURSE')))].sort();
          vars.set(name, found.map((f) => (relative ? path.relative(relative, f) : f)).join(';'));
          break;
        }
        case 'get_filename_component': {
          const [name, f, mode] = texts;
          const p = path.resolve(dir, f ?? '');
          const parts: Record<string, string> = {
            DIRECTORY: path.dirname(f ?? ''),
            PATH: path.dirname(f ?? ''),
            NAME: path.basename(f ?? ''),
            EXT: path.basename(f ?? '').replace(/^[^.]*/, ''),
            NAME_WE: path.basename(f ?? '').replace(/\..*$/, ''),
            ABSOLUTE: p,
            REALPATH: fs.existsSync(p) ? fs.realpathSync(p) : p,
          };
          if (!(mode in parts)) throw new ReadStop(diag('NMG4004', at, { what: `get_filename_component(... ${mode ?? ''})` }));
          vars.set(name, parts[mode]);
          break;
        }
        case 'target_sources':
          for (const x of v.slice(1)) {
            if (SCOPES.has(x.text)) continue;
            if (x.text === 'FILE_SET') throw new ReadStop(diag('NMG4004', x.at, { what: 'target_sources(... FILE_SET ...)' }));
            addSource(build, path.resolve(dir, x.text), x.at, diagnostics);
          }
          break;
        case 'target_include_directories':
          for (const x of texts.slice(1))
            if (!SCOPES.has(x) && !['SYSTEM', 'AFTER', 'BEFORE'].includes(x)) addIncludeDir(build, path.resolve(dir, x));
          break;
        case 'target_compile_definitions':
          for (const x of texts.slice(1)) if (!SCOPES.has(x)) build.cflags.push(`-D${x.replace(/^-D/, '')}`);
          break;
        case 'add_compile_definitions':
          for (const x of texts) build.cflags.push(`-D${x.replace(/^-D/, '')}`);
          break;
        case 'target_compile_options':
          addFlags(
            build,
            texts.slice(1).filter((x) => !SCOPES.has(x) && x !== 'BEFORE'),
            dir,
          );
          break;
        case 'include': {
          const target = texts[0] ?? '';
          const optional = texts.includes('OPTIONAL');
          if (!/[\\/]/.test(target) && !target.endsWith('.cmake'))
            throw new ReadStop(diag('NMG4004', at, { what: `include(${target}) of a CMake module` }));
          const inc = path.resolve(dir, target);
          let incText: string;
          try {
            incText = fs.readFileSync(inc, 'utf8');
          } catch {
            if (optional) break;
            throw new ReadStop(diag('NMG4004', at, { what: `include(${target}): no such file` }));
          }
          if (depth >= 16) throw new ReadStop(diag('NMG4004', at, { what: 'include() nested more than 16 deep' }));
          runFile(displayPath(inc), inc, incText, depth + 1);
          break;
        }
        case 'return':
          restore();
          return;
        case 'foreach':
        case 'while':
        case 'function':
        case 'macro':
        case 'block':
          throw new ReadStop(diag('NMG4004', at, { what: `${cmd.name}()` }));
        default:
          if (!IGNORED.has(cmd.name)) diagnostics.push(diag('NMG4011', at, { what: `${cmd.name}()` }));
      }
    }
    const open = blocks[blocks.length - 1];
    if (open) throw new ReadStop(diag('NMG4003', open.at, { what: 'missing endif()' }));
    restore();

    function restore(): void {
      for (const [k, val] of [
        ['CMAKE_CURRENT_LIST_DIR', saved[0]],
        ['CMAKE_CURRENT_LIST_FILE', saved[1]],
      ] as const) {
        if (val === undefined) vars.delete(k);
        else vars.set(k, val);
      }
    }
  };

  try {
    runFile(file, abs, text, 0);
  } catch (e) {
    if (!(e instanceof ReadStop)) throw e;
    diagnostics.push(e.diagnostic);
    return { value: undefined, diagnostics };
  }
  return { value: build, diagnostics };
}

function matchBrace(s: string, from: number): number {
  let depth = 1;
  for (let i = from; i < s.length; i++) {
    if (s[i] === '{') depth++;
    else if (s[i] === '}' && --depth === 0) return i;
  }
  return -1;
}
