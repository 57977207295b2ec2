/**
 * A small line diff in unified format, for comparing a test's stdout with expected.txt.
 * Outputs are a few hundred lines at most, so a plain LCS table is fast enough.
 */

type Op = { kind: ' ' | '-' | '+'; line: string; a: number; b: number };

function lcsOps(a: string[], b: string[]): Op[] {
  const n = a.length;
  const m = b.length;
  // lens[i][j] = length of the LCS of a[i..] and b[j..]
  const lens: Uint32Array[] = [];
  for (let i = 0; i <= n; i++) lens.push(new Uint32Array(m + 1));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lens[i][j] = a[i] === b[j] ? lens[i + 1][j + 1] + 1 : Math.max(lens[i + 1][j], lens[i][j + 1]);
    }
  }
  const ops: Op[] = [];
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[i] === b[j]) {
      ops.push({ kind: ' ', line: a[i], a: i, b: j });
      i++;
      j++;
    } else if (i < n && (j === m || lens[i + 1][j] >= lens[i][j + 1])) {
      ops.push({ kind: '-', line: a[i], a: i, b: j });
      i++;
    } else {
      ops.push({ kind: '+', line: b[j], a: i, b: j });
      j++;
    }
  }
  return ops;
}

function splitLines(text: string): string[] {
  const lines = text.split('\n');
  if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  return lines;
}

function show(line: string): string {
  // Make invisible differences visible.
  return line
    .replace(/\r/g, '\\r')
    .replace(/\t/g, '\\t')
    .replace(/[ ]+$/, (s) => '·'.repeat(s.length));
}

/**
 * Unified diff of two texts (`---` expected, `+++` actual), with `context` lines around each change.
 * Returns '' when the texts are equal.
 */
export function unifiedDiff(expected: string, actual: string, labels = { expected: 'expected', actual: 'actual' }, context = 3): string {
  if (expected === actual) return '';
  const a = splitLines(expected);
  const b = splitLines(actual);
  const ops = lcsOps(a, b);
  const out: string[] = [`--- ${labels.expected}`, `+++ ${labels.actual}`];
  const changed = ops.map((o, k) => (o.kind !== ' ' ? k : -1)).filter((k) => k >= 0);
  let k = 0;
  while (k < changed.length) {
    const start = Math.max(0, changed[k] - context);
    let end = Math.min(ops.length, changed[k] + context + 1);
    while (k + 1 < changed.length && changed[k + 1] - context <= end) {
      k++;
      end = Math.min(ops.length, changed[k] + context + 1);
    }
    const hunk = ops.slice(start, end);
    const aCount = hunk.filter((o) => o.kind !== '+').length;
    const bCount = hunk.filter((o) => o.kind !== '-').length;
    out.push(`@@ -${hunk[0].a + 1},${aCount} +${hunk[0].b + 1},${bCount} @@`);
    for (const o of hunk) out.push(`${o.kind}${show(o.line)}`);
    k++;
  }
  const endsA = expected.endsWith('\n');
  const endsB = actual.endsWith('\n');
  if (endsA !== endsB) {
    out.push(`(note: ${endsA ? labels.expected : labels.actual} ends with a newline, ${endsA ? labels.actual : labels.expected} does not)`);
  }
  if (changed.length === 0 && endsA === endsB) out.push('(the texts differ in a way the line diff cannot show)');
  return out.join('\n');
}
