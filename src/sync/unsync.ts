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
}

type State = 'normal' | 'drop' | 'original' | 'natmod';

/** Removes what `sync` wrote, restoring the user's source, and checks the generated lines were not edited. */
export function unsync(text: string): Unsynced {
  const out: string[] = [];
  const generated: string[] = [];
  let state: State = 'normal';
  let storedSum: string | undefined;
  let markerLine: number | undefined;
  text.split('\n').forEach((line, i) => {
    const mark = () => {
      markerLine ??= i + 1;
    };
    switch (state) {
      case 'normal': {
        const begin = MARK.preludeBeginRe.exec(line);
        if (begin) {
          mark();
          storedSum ??= begin[1];
          generated.push(MARK.preludeBegin(SUM_PLACEHOLDER));
          state = 'drop';
        } else if (line === MARK.insertBegin || line === MARK.tailBegin) {
          mark();
          generated.push(line);
          state = 'drop';
        } else if (line === MARK.originalBegin) {
          mark();
          generated.push(line);
          state = 'original';
        } else if (line.includes(MARK.wasTag) && line.endsWith(' */')) {
          mark();
          generated.push(line);
          out.push(line.slice(line.indexOf(MARK.wasTag) + MARK.wasTag.length, -3));
        } else out.push(line);
        break;
      }
      case 'drop':
        generated.push(line);
        if (line === MARK.end) state = 'normal';
        break;
      case 'original':
        if (line === MARK.natmodElse) {
          generated.push(line);
          state = 'natmod';
        } else out.push(line);
        break;
      case 'natmod':
        generated.push(line);
        if (line === MARK.end) state = 'normal';
        break;
    }
  });
  const synced = markerLine !== undefined;
  return { text: out.join('\n'), synced, storedSum, actualSum: synced ? checksum(generated) : undefined, markerLine };
}

export function checksum(generatedLines: string[]): string {
  return createHash('sha256').update(generatedLines.join('\n')).digest('hex').slice(0, 16);
}
