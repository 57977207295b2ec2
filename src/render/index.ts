import * as fs from 'fs';
import * as path from 'path';
import type Handlebars from 'handlebars';
import { packageRoot } from '../paths';
import { SourceText } from '../parse/source';
import { identifierSpans } from '../diagnostics/identifiers';
import { lineDirective } from '../plan/c';
import { TailView, UnitView, View } from '../plan/view';

type Template = (ctx: object) => string;

interface Templates {
  unit: Template;
  tail: Template;
  partial: (name: string) => Template;
}

let templates: Templates | undefined;

type Spec = object;

/** Templates precompiled at build time (scripts/precompile-templates.js), or undefined when running from src/. */
function precompiled(): { main: Record<string, Spec>; partials: Record<string, Spec> } | undefined {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return require('./templates.precompiled.js');
  } catch {
    return undefined;
  }
}

function load(): Templates {
  if (templates) return templates;
  const pre = precompiled();
  const partials = new Map<string, Template>();
  let main: (file: string) => Template;
  if (pre) {
    // The runtime alone: no Handlebars compiler is loaded or run.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const hb = (require('handlebars/runtime') as typeof Handlebars).create();
    for (const [name, spec] of Object.entries(pre.partials)) {
      const t = hb.template(spec as never);
      hb.registerPartial(name, t);
      partials.set(name, t);
    }
    main = (file) => hb.template(pre.main[file.slice(0, -'.c.hbs'.length)] as never);
  } else {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const hb = (require('handlebars') as typeof Handlebars).create();
    const dir = path.join(packageRoot(), 'templates');
    const opts = { noEscape: true, strict: true };
    for (const f of fs.readdirSync(path.join(dir, 'partials')).sort()) {
      if (!f.endsWith('.c.hbs')) continue;
      const text = fs.readFileSync(path.join(dir, 'partials', f), 'utf8');
      const name = f.slice(0, -'.c.hbs'.length);
      hb.registerPartial(name, text);
      partials.set(name, hb.compile(text, opts));
    }
    main = (file) => hb.compile(fs.readFileSync(path.join(dir, file), 'utf8'), opts);
  }
  templates = {
    unit: main('unit.c.hbs'),
    tail: main('tail.c.hbs'),
    partial: (name) => {
      const t = partials.get(name);
      if (!t) throw new Error(`natmodgen: no template partials/${name}.c.hbs`);
      return t;
    },
  };
  return templates;
}

/** One view rendered by the template it names. */
export function renderView(view: View): string {
  return load().partial(view.partial)(view);
}

/** One edit of the source, rendered. */
export interface RenderedEdit {
  start: number;
  end: number;
  text: string;
  rewrittenDirective?: string;
}

/** A unit as text pieces, for gen (spliced into a new file) and sync (woven into the source) alike. */
export interface RenderedUnit {
  /** What precedes the user's code: configuration, py/dynruntime.h, generated equivalents. */
  prelude: string;
  edits: RenderedEdit[];
  /** The unit's init function and mpy_init, without a #line reset. */
  tail: string;
}

export function renderParts(view: UnitView): RenderedUnit {
  return {
    prelude: renderView({ partial: 'natmod-prelude', ...view.prelude }),
    edits: view.edits.map((e) => ({ start: e.start, end: e.end, text: renderView(e.view), rewrittenDirective: e.rewrittenDirective })),
    tail: renderTail(view.tail, null),
  };
}

/**
 * Words natmodgen's code after the user's uses without spelling them: the locals and fields
 * py/dynruntime.h's MP_DYNRUNTIME_INIT_ENTRY/EXIT expand to, and the mp_fun_table entry of its copies.
 */
const FRAME_WORDS = [
  'self',
  'old_globals',
  'rc',
  'context',
  'module',
  'globals',
  'proto_fun_indicator',
  'kind',
  'is_generator',
  'swap_globals',
  'memmove_',
];

/**
 * The user's macros that natmodgen's code after the user's (mpy_init, the runtime library,
 * the init function's copies) would otherwise expand: a `#define n 5` or `#define self x`
 * in a module is valid firmware code, so that code hides them (push/undef, pop after). Names
 * on the tail's own `#if` lines are the user's conditions and stay.
 */
export function shieldedMacros(tail: TailView, rendered: string, ownText: string): string[] {
  // A module's redefinition of a py/dynruntime.h macro is gone there already: dynruntime's is back (pop_macro).
  const user = new Set(tail.userMacros.filter((n) => !tail.apiOverrides.includes(n)));
  if (user.size === 0) return [];
  const inDirectives = new Set<string>();
  for (const line of rendered.split('\n')) if (/^\s*#/.test(line)) for (const { name } of identifierSpans(line)) inDirectives.add(name);
  const used = new Set([...FRAME_WORDS, ...identifierSpans(ownText).map((i) => i.name)]);
  return [...used].filter((n) => user.has(n) && !inDirectives.has(n)).sort();
}

function renderTail(tail: TailView, lineReset: { outLine: number; outName: string } | null): string {
  const text = load().tail({ ...tail, lineReset });
  const own = tail.mpyInit ? load().tail({ ...tail, initFn: null, lineReset: null }) : '';
  const hidden = shieldedMacros(tail, text, own);
  if (hidden.length === 0) return text;
  const push = hidden.map((n) => `#pragma push_macro("${n}")\n#undef ${n}\n`).join('');
  const pop = hidden.map((n) => `#pragma pop_macro("${n}")\n`).join('');
  // After the #line reset, which the caller counts on being first.
  const cut = lineReset ? text.indexOf('\n') + 1 : 0;
  return `${text.slice(0, cut)}/* natmodgen: the module's macros of these names stay out of natmodgen's code below. */\n${push}${text.slice(cut)}${pop}`;
}

/** gen: the original text with each edit replaced, `#line` kept true, then the generated tail. */
export function renderUnit(
  view: UnitView,
  source: string,
  origin: (line: number) => { file: string; line: number } = (line) => ({ file: view.sourceName, line }),
): string {
  const t = load();
  const parts = renderParts(view);
  const src = new SourceText(view.sourceName, source);
  const nameOf = (file: string) => view.splicedLineFiles[file] ?? view.lineFile;
  const lineAt = (l: number) => {
    const o = origin(l);
    return lineDirective(o.line, nameOf(o.file));
  };
  // Where the text natmodgen read skips lines of the file (a synced file's own blocks), or goes
  // into or out of an included file spliced in, a #line keeps compiler messages on the file's numbering.
  const jumps = src.lineStarts
    .map((_, i) => i + 1)
    .filter((l) => {
      if (l === 1) return false;
      const [a, b] = [origin(l - 1), origin(l)];
      return a.file !== b.file || b.line !== a.line + 1;
    });
  const copy = (from: number, to: number): string => {
    let out = '';
    let at = from;
    for (const l of jumps) {
      const start = src.lineStarts[l - 1];
      if (start <= from || start > to || start >= source.length) continue;
      out += `${source.slice(at, start)}${lineAt(l)}\n`;
      at = start;
    }
    return out + source.slice(at, to);
  };
  let body = '';
  let pos = 0;
  for (const e of parts.edits) {
    body += copy(pos, e.start);
    body += e.text;
    const replaced = source.slice(e.start, e.end);
    if (e.text.includes('\n') || replaced.includes('\n')) {
      const at = src.span(e.end, e.end);
      body += `\n${lineAt(at.line)}\n${' '.repeat(at.col - 1)}`;
    }
    pos = e.end;
  }
  body += copy(pos, source.length);
  if (!body.endsWith('\n')) body += '\n';
  const first = origin(1);
  const head = t.unit({ lineFile: view.lineFile, firstFile: nameOf(first.file), prelude: parts.prelude, body, firstLine: first.line });
  const outLine = countLines(head) + 2;
  const tail = renderTail(view.tail, { outLine, outName: view.outName });
  return normaliseNewlines(head + tail);
}

function countLines(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) === 10) n++;
  return n;
}

function normaliseNewlines(s: string): string {
  return s.endsWith('\n') ? s : `${s}\n`;
}
