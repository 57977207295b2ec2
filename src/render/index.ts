import * as fs from 'fs';
import * as path from 'path';
import Handlebars from 'handlebars';
import { packageRoot } from '../paths';
import { SourceText } from '../parse/source';
import { lineDirective } from '../plan/c';
import { TailView, UnitView, View } from '../plan/view';

type Template = (ctx: object) => string;

interface Templates {
  unit: Template;
  tail: Template;
  partial: (name: string) => Template;
}

let templates: Templates | undefined;

function load(): Templates {
  if (templates) return templates;
  const hb = Handlebars.create();
  const dir = path.join(packageRoot(), 'templates');
  const opts = { noEscape: true, strict: true };
  const partials = new Map<string, Template>();
  for (const f of fs.readdirSync(path.join(dir, 'partials')).sort()) {
    if (!f.endsWith('.c.hbs')) continue;
    const text = fs.readFileSync(path.join(dir, 'partials', f), 'utf8');
    const name = f.slice(0, -'.c.hbs'.length);
    hb.registerPartial(name, text);
    partials.set(name, hb.compile(text, opts));
  }
  const compile = (name: string) => hb.compile(fs.readFileSync(path.join(dir, name), 'utf8'), opts);
  templates = {
    unit: compile('unit.c.hbs'),
    tail: compile('tail.c.hbs'),
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

function renderTail(tail: TailView, lineReset: { outLine: number; outName: string } | null): string {
  return load().tail({ ...tail, lineReset });
}

/** gen: the original text with each edit replaced, `#line` kept true, then the generated tail. */
export function renderUnit(view: UnitView, source: string, fileLine: (line: number) => number = (l) => l): string {
  const t = load();
  const parts = renderParts(view);
  const src = new SourceText(view.sourceName, source);
  // Where the text natmodgen read skips lines of the file (a synced file's own blocks), a
  // #line keeps compiler messages on the file's numbering.
  const jumps = src.lineStarts.map((_, i) => i + 1).filter((l) => l > 1 && fileLine(l) !== fileLine(l - 1) + 1);
  const copy = (from: number, to: number): string => {
    let out = '';
    let at = from;
    for (const l of jumps) {
      const start = src.lineStarts[l - 1];
      if (start <= from || start >= to) continue;
      out += `${source.slice(at, start)}${lineDirective(fileLine(l), view.lineFile)}\n`;
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
      body += `\n${lineDirective(fileLine(at.line), view.lineFile)}\n${' '.repeat(at.col - 1)}`;
    }
    pos = e.end;
  }
  body += copy(pos, source.length);
  if (!body.endsWith('\n')) body += '\n';
  const head = t.unit({ lineFile: view.lineFile, prelude: parts.prelude, body, firstLine: fileLine(1) });
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
