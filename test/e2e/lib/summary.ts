/** Collects one row per case and prints a table to stderr at the end of the suite. */

export interface Row {
  label: string;
  module?: string;
  mpyBytes?: number;
  /** 'pass', 'FAIL (make)', 'skipped (...)' */
  natmod?: string;
  /** Result of the firmware reference check, when there is one. */
  reference?: string;
}

export class Summary {
  private rows = new Map<string, Row>();

  constructor(private readonly title: string) {}

  set(label: string, fields: Omit<Row, 'label'>): void {
    const row = this.rows.get(label) ?? { label };
    this.rows.set(label, { ...row, ...fields });
  }

  render(): string {
    const header = ['case', 'module', '.mpy bytes', 'natmod', 'firmware reference'];
    const body = [...this.rows.values()].map((r) => [
      r.label,
      r.module ?? '-',
      r.mpyBytes !== undefined ? String(r.mpyBytes) : '-',
      r.natmod ?? 'not run',
      r.reference ?? '-',
    ]);
    const widths = header.map((h, i) => Math.max(h.length, ...body.map((row) => row[i].length)));
    const line = (cells: string[]) =>
      cells
        .map((c, i) => (i === 2 ? c.padStart(widths[i]) : c.padEnd(widths[i])))
        .join('  ')
        .trimEnd();
    const rule = widths.map((w) => '-'.repeat(w)).join('  ');
    const failed = [...this.rows.values()].filter((r) => r.natmod?.startsWith('FAIL') || r.reference?.startsWith('FAIL')).length;
    return [
      '',
      `${this.title}`,
      rule,
      line(header),
      rule,
      ...body.map(line),
      rule,
      `${this.rows.size} case(s), ${failed} with failures`,
      '',
    ].join('\n');
  }

  print(): void {
    if (this.rows.size > 0) process.stderr.write(`${this.render()}\n`);
  }
}
