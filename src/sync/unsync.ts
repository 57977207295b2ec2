import { createHash } from 'crypto';
import { MARK, SUM_PLACEHOLDER } from './markers';

export interface Unsynced {
  /** The source as the user wrote it (LF line endings). */
  text: string;
  /** Whether the input held natmodgen output at all. */
  synced: boolean;
  /** Checksum recorded in the file, and the one its generated lines have now. */
  storedSum?: string;
  actualSum?: string;
  /** 1-based line of the first natmodgen marker, for diagnostics. */
  markerLine?: number;
  /** For each line of `text` (0-based), its 0-based line in the synced input. */
  lineMap: number[];
}

type State = 'normal' | 'drop' | 'original' | 'natmod' | 'was';

/** Comment-safe form of a user's directive kept inside the `natmodgen:was` comment. */
export function escapeWas(line: string): string {
  return line.replace(/\/\*/g, '/\\*').replace(/\*\//g, '*\\/');
}

function unescapeWas(line: string): string {
  return line.replace(/\/\\\*/g, '/*').replace(/\*\\\//g, '*/');
}

/** Removes what `sync` wrote, restoring the user's source, and checks the generated lines were not edited. */
export function unsync(text: string): Unsynced {
  const out: string[] = [];
  const lineMap: number[] = [];
  const generated: string[] = [];
  let state: State = 'normal';
  let storedSum: string | undefined;
  let markerLine: number | undefined;
  const keep = (line: string, i: number) => {
    out.push(line);
    lineMap.push(i);
  };
  // A `was` comment holds the user's directive, continuation lines included, up to ` */`.
  const wasLine = (line: string, i: number, first: boolean) => {
    generated.push(line);
    const body = first ? line.slice(line.indexOf(MARK.wasTag) + MARK.wasTag.length) : line;
    const ends = line.endsWith(' */');
    keep(unescapeWas(ends ? body.slice(0, -3) : body), i);
    state = ends ? 'normal' : 'was';
  };
  text.split('\n').forEach((line, i) => {
    switch (state) {
      case 'normal': {
        const begin = MARK.preludeBeginRe.exec(line);
        if (begin) {
          markerLine ??= i + 1;
          storedSum ??= begin[1];
          generated.push(MARK.preludeBegin(SUM_PLACEHOLDER));
          state = 'drop';
        } else if (line === MARK.insertBegin || line === MARK.tailBegin) {
          markerLine ??= i + 1;
          generated.push(line);
          state = 'drop';
        } else if (line === MARK.originalBegin) {
          markerLine ??= i + 1;
          generated.push(line);
          state = 'original';
        } else if (line.includes(MARK.wasTag)) {
          markerLine ??= i + 1;
          wasLine(line, i, true);
        } else keep(line, i);
        break;
      }
      case 'was':
        wasLine(line, i, false);
        break;
      case 'drop':
        generated.push(line);
        if (line === MARK.end) state = 'normal';
        break;
      case 'original':
        if (line === MARK.natmodElse) {
          generated.push(line);
          state = 'natmod';
        } else keep(line, i);
        break;
      case 'natmod':
        generated.push(line);
        if (line === MARK.end) state = 'normal';
        break;
    }
  });
  const synced = markerLine !== undefined;
  return { text: out.join('\n'), synced, storedSum, actualSum: synced ? checksum(generated) : undefined, markerLine, lineMap };
}

export function checksum(generatedLines: string[]): string {
  return createHash('sha256').update(generatedLines.join('\n')).digest('hex').slice(0, 16);
}
