import { sha256Hex } from './sha256';
import { MARK, SUM_PLACEHOLDER } from './markers';

/** One generated block of a synced file, as found on disk. */
export interface Block {
  /** 1-based line of its first generated line (the begin marker, or `#else` of an original/natmod pair). */
  line: number;
  /** Its generated lines, end marker written with the placeholder checksum. */
  readonly lines: readonly string[];
  /** 1-based line of each of `lines`. */
  readonly lineNumbers: readonly number[];
  /** The checksum on its end line (undefined in files written before per-block checksums). */
  storedSum?: string;
  /** The checksum its lines have now. */
  actualSum: string;
}

export interface Unsynced {
  /** The source as the user wrote it (LF line endings). */
  text: string;
  /** Whether the input held natmodgen output at all. */
  synced: boolean;
  /** The generated blocks (directives rewritten in place are not blocks: they are regenerated from the user's directive). */
  blocks: readonly Block[];
  /** All stored and all actual block checksums, joined: equal when no block was edited. */
  storedSum?: string;
  actualSum?: string;
  /** The single checksum of a file synced by an earlier natmodgen, and whether its generated lines still match it. */
  legacyIntact?: boolean;
  /** 1-based line of the first natmodgen marker, for diagnostics. */
  markerLine?: number;
  /** For each line of `text` (0-based), its 0-based line in the synced input. */
  lineMap: readonly number[];
}

type State = 'normal' | 'drop' | 'original' | 'natmod' | 'was';

/** Comment-safe form of a user's directive kept inside the `natmodgen:was` comment. */
export function escapeWas(line: string): string {
  return line.replace(/\/\*/g, '/\\*').replace(/\*\//g, '*\\/');
}

function unescapeWas(line: string): string {
  return line.replace(/\/\\\*/g, '/*').replace(/\*\\\//g, '*/');
}

/**
 * Whether a block comment is still open after `line`, given whether one was open
 * before it; strings, character constants and `//` comments are skipped. Markers are
 * recognised only outside the user's comments.
 */
export function commentOpenAfter(line: string, open: boolean): boolean {
  let i = 0;
  while (i < line.length) {
    if (open) {
      const end = line.indexOf('*/', i);
      if (end < 0) return true;
      open = false;
      i = end + 2;
      continue;
    }
    const c = line[i];
    if (c === '/' && line[i + 1] === '/') return false;
    if (c === '/' && line[i + 1] === '*') {
      open = true;
      i += 2;
    } else if (c === '"' || c === "'") {
      i++;
      while (i < line.length && line[i] !== c) i += line[i] === '\\' ? 2 : 1;
      i++;
    } else i++;
  }
  return open;
}

/**
 * A user's line that natmodgen rewrote: a directive followed by the tag, the tag outside
 * any string, and (from natmodgen 0.2) a checksum right after it.
 */
function wasTagAt(line: string, legacy = false): number {
  if (!/^\s*#/.test(line)) return -1;
  const at0 = line.indexOf(MARK.wasTag);
  if (at0 < 0 || (!legacy && !/^[0-9a-f]{12} /.test(line.slice(at0 + MARK.wasTag.length)))) return -1;
  const at = line.indexOf(MARK.wasTag);
  if (at < 0) return -1;
  // The rewritten directive before the tag is natmodgen's own: no comment or string is open there.
  return commentOpenAfter(line.slice(0, at), false) || /["']/.test(line.slice(0, at)) ? -1 : at;
}

/** The last text un-synced and its result: one sync reads each file's un-synced form three or four times. */
let last: { text: string; result: Unsynced } | undefined;

/**
 * Removes what `sync` wrote, restoring the user's source, and checks each generated block against its checksum.
 * The result is shared between calls on the same text: callers read it and never change it.
 */
export function unsync(text: string): Unsynced {
  if (last?.text === text) return last.result;
  const result = unsyncText(text);
  last = { text, result };
  return result;
}

function unsyncText(text: string): Unsynced {
  // Every marker line holds `natmodgen:`: a file without it is the user's text as it is.
  if (!text.includes('natmodgen:')) return { text, synced: false, blocks: [], lineMap: identityLines(text) };
  const out: string[] = [];
  const lineMap: number[] = [];
  const blocks: Block[] = [];
  const legacy: string[] = [];
  let state: State = 'normal';
  let legacySum: string | undefined;
  let markerLine: number | undefined;
  let inComment = false;
  let block: { line: number; lines: string[]; lineNumbers: number[]; storedSum?: string } | undefined;
  const keep = (line: string, i: number) => {
    out.push(line);
    lineMap.push(i);
    inComment = commentOpenAfter(line, inComment);
  };
  const open = (line: string, i: number) => {
    markerLine ??= i + 1;
    block = { line: i + 1, lines: [line], lineNumbers: [i + 1] };
  };
  const add = (line: string, i: number) => {
    block!.lines.push(line);
    block!.lineNumbers.push(i + 1);
  };
  const close = (line: string, i: number, sum: string | undefined) => {
    add(MARK.end(SUM_PLACEHOLDER), i);
    blocks.push({ ...block!, storedSum: sum, actualSum: checksum(block!.lines) });
    legacy.push(line);
    block = undefined;
  };
  // A line inside a generated block: the block's end marker closes it.
  const generated = (line: string, i: number) => {
    const end = MARK.endRe.exec(line);
    if (end) {
      close(line, i, end[1]);
      state = 'normal';
    } else {
      add(line, i);
      legacy.push(line);
    }
  };
  // A `was` comment holds the user's directive, continuation lines included, up to ` */`;
  // after the tag, the checksum of the rewritten lines (files from natmodgen 0.1.0 have none).
  const wasLine = (line: string, i: number, first: boolean) => {
    legacy.push(line);
    let body = line;
    if (first) {
      const at = wasTagAt(line, legacyFile) + MARK.wasTag.length;
      const sum = /^([0-9a-f]{12}) /.exec(line.slice(at));
      body = line.slice(at + (sum ? sum[0].length : 0));
      markerLine ??= i + 1;
      block = { line: i + 1, lines: [], lineNumbers: [], storedSum: sum?.[1] };
      add(sum ? `${line.slice(0, at)}${SUM_PLACEHOLDER} ${body}` : line, i);
    } else add(line, i);
    const ends = line.endsWith(' */');
    if (ends) {
      blocks.push({ ...block!, actualSum: checksum(block!.lines) });
      block = undefined;
    }
    keep(unescapeWas(ends ? body.slice(0, -3) : body), i);
    state = ends ? 'normal' : 'was';
  };
  const all = text.split('\n');
  // Only a file natmodgen synced holds its rewritten directives; in any other, the tag is the user's text.
  const prelude = all.map((l) => MARK.preludeBeginRe.exec(l)).find((m) => m);
  const wasAllowed = prelude !== undefined;
  const legacyFile = prelude?.[1] !== undefined;
  all.forEach((line, i) => {
    switch (state) {
      case 'normal': {
        if (inComment) {
          keep(line, i);
          break;
        }
        const begin = MARK.preludeBeginRe.exec(line);
        if (begin) {
          legacySum ??= begin[1];
          open(MARK.preludeBegin, i);
          legacy.push(
            '#if MICROPY_ENABLE_DYNRUNTIME /* natmodgen:begin 0000000000000000 (generated by natmodgen sync: edit outside the natmodgen markers) */',
          );
          state = 'drop';
        } else if (line === MARK.insertBegin || line === MARK.tailBegin) {
          open(line, i);
          legacy.push(line);
          state = 'drop';
        } else if (line === MARK.originalBegin) {
          markerLine ??= i + 1;
          legacy.push(line);
          state = 'original';
        } else if (wasAllowed && wasTagAt(line, legacyFile) >= 0) {
          wasLine(line, i, true);
        } else keep(line, i);
        break;
      }
      case 'was':
        wasLine(line, i, false);
        break;
      case 'drop':
        generated(line, i);
        break;
      case 'original':
        if (line === MARK.natmodElse) {
          open(line, i);
          legacy.push(line);
          state = 'natmod';
        } else keep(line, i);
        break;
      case 'natmod':
        generated(line, i);
        break;
    }
  });
  const synced = markerLine !== undefined;
  const legacyIntact = legacySum !== undefined ? legacySum === legacyChecksum(legacy) : undefined;
  return {
    text: out.join('\n'),
    synced,
    blocks,
    storedSum: synced ? blocks.map((b) => b.storedSum ?? '-').join(' ') : undefined,
    actualSum: synced ? blocks.map((b) => b.actualSum).join(' ') : undefined,
    legacyIntact,
    markerLine,
    lineMap,
  };
}

function identityLines(text: string): number[] {
  const map = [0];
  for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) map.push(map.length);
  return map;
}

/** Checksum of one block's generated lines. */
export function checksum(generatedLines: readonly string[]): string {
  return sha256Hex(generatedLines.join('\n')).slice(0, 12);
}

/** The one checksum of files synced before blocks had their own (natmodgen 0.1.0). */
function legacyChecksum(lines: string[]): string {
  return sha256Hex(lines.join('\n')).slice(0, 16);
}

/**
 * Seals woven text: fences each block's generated lines for clang-format and writes
 * each block's checksum on its end line. `text` has end lines with the placeholder.
 */
export function seal(text: string): string {
  const lines = text.split('\n');
  const out: string[] = [];
  let state: 'normal' | 'block' | 'original' = 'normal';
  let current: string[] = [];
  let inComment = false;
  let was: string[] | undefined;
  const endWas = () => {
    const sum = checksum(was!);
    out.push(was![0].replace(`${MARK.wasTag}${SUM_PLACEHOLDER} `, `${MARK.wasTag}${sum} `), ...was!.slice(1));
    was = undefined;
  };
  for (const line of lines) {
    if (was) {
      was.push(line);
      if (line.endsWith(' */')) endWas();
      continue;
    }
    if (state === 'normal') {
      if (!inComment && wasTagAt(line) >= 0 && line.includes(`${MARK.wasTag}${SUM_PLACEHOLDER} `)) {
        was = [line];
        if (line.endsWith(' */')) endWas();
      } else if (!inComment && (line === MARK.preludeBegin || line === MARK.insertBegin || line === MARK.tailBegin)) {
        state = 'block';
        current = [line, MARK.formatOff];
      } else if (!inComment && line === MARK.originalBegin) {
        state = 'original';
        out.push(line);
      } else {
        out.push(line);
        inComment = commentOpenAfter(line, inComment);
      }
    } else if (state === 'original') {
      if (line === MARK.natmodElse) {
        state = 'block';
        current = [line, MARK.formatOff];
      } else out.push(line);
    } else if (line === MARK.end(SUM_PLACEHOLDER)) {
      current.push(MARK.formatOn, line);
      out.push(...current.slice(0, -1), MARK.end(checksum(current)));
      state = 'normal';
    } else current.push(line);
  }
  return out.join('\n');
}
