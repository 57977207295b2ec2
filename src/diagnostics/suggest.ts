import { Diagnostic } from './diagnostic';
import { identifierSpans } from './identifiers';

/** Codes whose message names something the inputs do not define. */
const UNDEFINED_NAME_CODES = new Set(['NMG2002', 'NMG2003', 'NMG2004', 'NMG2005']);

/**
 * Adds "did you mean" to diagnostics about an undefined name when the inputs hold a
 * close spelling of it (a typo in a table entry).
 */
export function addSuggestions(diags: readonly Diagnostic[], sources: Map<string, string>): Diagnostic[] {
  let names: string[] | undefined;
  return diags.map((d) => {
    if (!UNDEFINED_NAME_CODES.has(d.code)) return d;
    const name = /'([A-Za-z_]\w*)'/.exec(d.message)?.[1];
    if (!name) return d;
    names ??= [...new Set([...sources.values()].flatMap((t) => identifierSpans(t).map((s) => s.name)))];
    const best = closest(
      name,
      names.filter((x) => x !== name && !x.startsWith('MP_') && !x.startsWith('mp_')),
    );
    return best ? { ...d, help: `did you mean '${best}'? ${d.help ?? ''}`.trim() } : d;
  });
}

/** Edit distance counting an exchange of two neighbouring characters as one edit, for "did you mean". */
export function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.length][b.length];
}

/** The closest candidate to `word`, if close enough to be a likely typo. */
export function closest(word: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestD = Infinity;
  for (const c of candidates) {
    const d = editDistance(word.toLowerCase(), c.toLowerCase());
    if (d < bestD) {
      bestD = d;
      best = c;
    }
  }
  return best !== undefined && bestD <= Math.max(1, Math.floor(Math.max(word.length, best.length) / 3)) ? best : undefined;
}
