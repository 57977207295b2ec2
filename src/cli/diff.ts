/** Line-level edit between two texts, trimmed of their common head and tail. */
interface Change {
  /** 0-based first changed line in `a` and in `b`. */
  aStart: number;
  bStart: number;
  /** The lines of `a` removed and of `b` added, in order, as ' '/'-'/'+' rows. */
  rows: string[];
}

/** Largest middle part diffed line by line; beyond it the middle is shown as one replacement. */
const MAX_CELLS = 4_000_000;

function middleRows(a: string[], b: string[]): string[] {
  if (a.length * b.length > MAX_CELLS) return [...a.map((l) => `-${l}`), ...b.map((l) => `+${l}`)];
  // Longest common subsequence table, from the end.
  const w = b.length + 1;
  const lcs = new Uint32Array((a.length + 1) * w);
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      lcs[i * w + j] = a[i] === b[j] ? lcs[(i + 1) * w + j + 1] + 1 : Math.max(lcs[(i + 1) * w + j], lcs[i * w + j + 1]);
    }
  }
  const rows: string[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      rows.push(` ${a[i++]}`);
      j++;
    } else if (j < b.length && (i === a.length || lcs[i * w + j + 1] >= lcs[(i + 1) * w + j])) rows.push(`+${b[j++]}`);
    else rows.push(`-${a[i++]}`);
  }
  return rows;
}

function change(a: string[], b: string[]): Change | undefined {
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  if (head === a.length && head === b.length) return undefined;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  return { aStart: head, bStart: head, rows: middleRows(a.slice(head, a.length - tail), b.slice(head, b.length - tail)) };
}

/** 1-based line of the first difference between two texts, or undefined when equal. */
export function firstDifference(a: string, b: string): number | undefined {
  const c = change(a.split('\n'), b.split('\n'));
  return c ? c.aStart + 1 : undefined;
}

/** A unified diff (`--- a/file`, `+++ b/file`, hunks with 3 lines of context); empty when the texts are equal. */
export function unifiedDiff(file: string, a: string, b: string, context = 3): string {
  const al = a.split('\n');
  const bl = b.split('\n');
  const c = change(al, bl);
  if (!c) return '';
  // Rows over the whole file: context before, the change, context after, then split into hunks.
  const rows = [...al.slice(0, c.aStart).map((l) => ` ${l}`), ...c.rows];
  const consumedA = c.aStart + c.rows.filter((r) => r[0] !== '+').length;
  rows.push(...al.slice(consumedA).map((l) => ` ${l}`));
  const out = [`--- a/${file}`, `+++ b/${file}`];
  let aLine = 0;
  let bLine = 0;
  let k = 0;
  while (k < rows.length) {
    while (k < rows.length && rows[k][0] === ' ') {
      k++;
      aLine++;
      bLine++;
    }
    if (k >= rows.length) break;
    const from = Math.max(0, k - context);
    let end = k;
    // Extend the hunk while changes are closer than two contexts apart.
    for (let gap = 0; end < rows.length; end++) {
      gap = rows[end][0] === ' ' ? gap + 1 : 0;
      if (gap > 2 * context) break;
    }
    let last = end;
    while (last > k && rows[last - 1][0] === ' ') last--;
    const to = Math.min(rows.length, last + context);
    const hunk = rows.slice(from, to);
    const aFrom = aLine - (k - from);
    const bFrom = bLine - (k - from);
    const aCount = hunk.filter((r) => r[0] !== '+').length;
    const bCount = hunk.filter((r) => r[0] !== '-').length;
    out.push(`@@ -${aFrom + 1},${aCount} +${bFrom + 1},${bCount} @@`, ...hunk);
    for (const r of rows.slice(k, to)) {
      if (r[0] !== '+') aLine++;
      if (r[0] !== '-') bLine++;
    }
    k = to;
  }
  return `${out.join('\n')}\n`;
}
