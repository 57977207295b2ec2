import { MARK, SUM_PLACEHOLDER } from './markers';
import { escapeWas, seal } from './unsync';

/** One change to the source: a replacement of [start, end), or an insertion when start === end. */
export interface WeaveEdit {
  start: number;
  end: number;
  text: string;
  /** For a directive rewritten in place (a test of MICROPY_ENABLE_DYNRUNTIME). */
  rewrittenDirective?: string;
}

interface Group {
  first: number;
  last: number;
  edits: WeaveEdit[];
}

/**
 * Writes the natmod side into the user's source so one file builds both ways:
 * changed lines become `#if !MICROPY_ENABLE_DYNRUNTIME` original `#else` natmod
 * `#endif`, insertions and the prelude/tail sit under `#if MICROPY_ENABLE_DYNRUNTIME`.
 * Every block is whole lines between natmodgen markers, so `unsync` can undo it.
 */
export function weave(src: string, edits: WeaveEdit[], prelude: string, tail: string, natmodSrc: string = src): string {
  const lines = src.split('\n');
  // The text the edits' offsets refer to: the source itself, or the source with the constructs its
  // macros write spelled out (src/extract/construct-macros.ts), line for line. The user's side keeps
  // the source as written; the natmod side is made from the spelled-out text.
  let natmodLines = natmodSrc.split('\n');
  if (natmodLines.length !== lines.length) {
    natmodSrc = src;
    natmodLines = lines;
  }
  const starts: number[] = [];
  let at = 0;
  for (const l of natmodLines) {
    starts.push(at);
    at += l.length + 1;
  }
  const lineOf = (offset: number) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };

  const before = new Map<number, string[]>();
  const after = new Map<number, string[]>();
  const replaced = new Map<number, string>();
  const groups: Group[] = [];
  for (const e of [...edits].sort((a, b) => a.start - b.start || a.end - b.end)) {
    if (e.rewrittenDirective !== undefined) {
      // The user's directive, continuation lines too, goes into a comment after the rewrite.
      const first = lineOf(e.start);
      const last = lineOf(Math.max(e.start, e.end - 1));
      for (let l = first; l <= last; l++) {
        const text = escapeWas(lines[l]) + (l === last ? ' */' : '');
        replaced.set(l, l === first ? `${e.rewrittenDirective}${MARK.wasTag}${SUM_PLACEHOLDER} ${text}` : text);
      }
    } else if (e.start === e.end) {
      const l = lineOf(e.start);
      const atLineStart = e.start === starts[l] && natmodLines[l].trim() !== '';
      const block = [MARK.insertBegin, ...body(e.text), MARK.end(SUM_PLACEHOLDER)];
      (atLineStart ? before : after).set(l, [...((atLineStart ? before : after).get(l) ?? []), ...block]);
    } else {
      const first = lineOf(e.start);
      const last = lineOf(Math.max(e.start, e.end - 1));
      const g = groups[groups.length - 1];
      if (g && first <= g.last) {
        g.last = Math.max(g.last, last);
        g.edits.push(e);
      } else groups.push({ first, last, edits: [e] });
    }
  }

  // A construct written by a macro use over several lines is spelled out on its first line, the
  // others blanked up to where the use ends: its group takes those lines too, or the user's side of
  // them would follow it.
  // It stops at the next group's first line: that line's change is its own construct.
  const groupStarts = new Set(groups.map((g) => g.first));
  for (const g of groups) {
    while (g.last + 1 < lines.length && !groupStarts.has(g.last + 1) && natmodLines[g.last + 1] !== lines[g.last + 1]) g.last++;
  }

  const out: string[] = [];
  const preludeAt = lines.findIndex((l) => /^\s*#\s*include\b/.test(l));
  const preludeLine = preludeAt < 0 ? 0 : preludeAt;
  let gi = 0;
  for (let i = 0; i < lines.length; i++) {
    if (i === preludeLine) out.push(MARK.preludeBegin, ...body(prelude), MARK.end(SUM_PLACEHOLDER));
    out.push(...(before.get(i) ?? []));
    const g = groups[gi];
    if (g && g.first === i) {
      const from = starts[g.first];
      const to = starts[g.last] + natmodLines[g.last].length;
      let natmod = '';
      let pos = from;
      for (const e of g.edits) {
        natmod += natmodSrc.slice(pos, e.start) + e.text.replace(/\n$/, '');
        pos = e.end;
      }
      natmod += natmodSrc.slice(pos, to);
      out.push(MARK.originalBegin, ...lines.slice(g.first, g.last + 1), MARK.natmodElse, ...natmod.split('\n'), MARK.end(SUM_PLACEHOLDER));
      for (let k = g.first; k <= g.last; k++) out.push(...(after.get(k) ?? []));
      i = g.last;
      gi++;
      continue;
    }
    out.push(replaced.get(i) ?? lines[i]);
    out.push(...(after.get(i) ?? []));
  }
  // The user's final newline (or its absence) stays at the very end of the file.
  const finalNewline = src.endsWith('\n');
  if (finalNewline) out.pop();
  out.push(MARK.tailBegin, ...body(tail), MARK.end(SUM_PLACEHOLDER), ...(finalNewline ? [''] : []));
  return seal(out.join('\n'));
}

function body(text: string): string[] {
  const t = text.replace(/^\n+/, '').replace(/\n+$/, '');
  return t === '' ? [] : t.split('\n');
}
