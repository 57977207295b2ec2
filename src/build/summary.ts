import { NatmodArch } from './arches';
import { MpyTree, mpyAbi } from './mpy-tree';

export interface SummaryRow {
  arch: NatmodArch;
  /** "ok", "FAILED" or "skipped" */
  status: string;
  size?: number;
  helpers?: number;
  detail: string;
}

/** The table printed after a build: one row per architecture, sizes right-aligned. */
export function summaryTable(module: string, tree: MpyTree, rows: SummaryRow[]): string {
  const head =
    `${module}: MicroPython ${tree.version}, .mpy version ${mpyAbi(tree)} (firmware must be ${tree.version.replace(/-preview$/, '')}` +
    ` or another release with .mpy ${mpyAbi(tree)})`;
  const cells = rows.map((r) => [
    r.arch,
    r.status,
    r.size !== undefined ? String(r.size) : '-',
    r.helpers !== undefined ? String(r.helpers) : '-',
    r.detail,
  ]);
  const header = ['arch', 'status', 'bytes', 'helpers', 'file / reason'];
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i].length)));
  const fmt = (c: string[]) =>
    c
      .map((x, i) => (i === 2 || i === 3 ? x.padStart(widths[i]) : i === c.length - 1 ? x : x.padEnd(widths[i])))
      .join('  ')
      .trimEnd();
  return [head, '', fmt(header), fmt(widths.map((w) => '-'.repeat(w))), ...cells.map(fmt), ''].join('\n');
}
