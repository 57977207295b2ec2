import type { SyntaxNode } from 'tree-sitter';
import { QstrSwitchDecl, asQstr } from '../model/declarations';
import { queryMatches } from '../parse/queries';
import { ExtractContext } from '../extract/context';
import { construct } from './construct';
import { View } from '../plan/view';

/** Switches whose own case labels include `MP_QSTR_*` (nested switches are their own). */
export function extractQstrSwitches(ctx: ExtractContext): QstrSwitchDecl[] {
  const { src } = ctx.file;
  const out: QstrSwitchDecl[] = [];
  for (const m of queryMatches(ctx.file, 'qstr-switch')) {
    const sw = m.captures.find((c) => c.name === 'qstr_switch')?.node;
    const cond = m.captures.find((c) => c.name === 'qstr_switch.cond')?.node;
    if (!sw || !cond) continue;
    const labels: QstrSwitchDecl['labels'] = [];
    collectCases(sw.childForFieldName('body'), sw, labels, ctx);
    if (!labels.some((l) => l.qstr)) continue;
    const i = ctx.cur.indexAt(sw.startIndex);
    out.push({
      kind: 'qstr_switch',
      name: `switch@${src.lineOf(sw.startIndex)}`,
      condSpan: src.span(cond.startIndex, cond.endIndex),
      condText: src.text.slice(cond.startIndex + 1, cond.endIndex - 1),
      labels,
      span: src.span(sw.startIndex, sw.endIndex),
      cond: ctx.condAt(i),
      unit: ctx.unit,
      isStatic: false,
    });
  }
  return out;
}

function collectCases(node: SyntaxNode | null, sw: SyntaxNode, out: QstrSwitchDecl['labels'], ctx: ExtractContext): void {
  if (!node) return;
  for (const child of node.namedChildren) {
    if (child.type === 'switch_statement') continue;
    if (child.type === 'case_statement') {
      const value = child.childForFieldName('value');
      if (value?.type === 'identifier' && value.text.startsWith('MP_QSTR_')) {
        out.push({ qstr: asQstr(value.text.slice(8)), span: ctx.file.src.span(value.startIndex, value.endIndex) });
      }
    }
    collectCases(child, sw, out, ctx);
  }
}

/** The switch condition mapped to a label position. */
export interface QstrSwitchCondView extends View<'qstr-switch-cond'> {
  cond: string;
  labels: string[];
  count: number;
}

/** A `case MP_QSTR_x:` label as its position. */
export interface QstrSwitchLabelView extends View<'qstr-switch-label'> {
  index: number;
  qstr: string;
}

/** `switch (attr) { case MP_QSTR_x: ... }` over the label's position: fallthrough and default unchanged. */
export const qstrSwitch = construct({
  name: 'qstr-switch',
  queries: ['qstr-switch'],
  templates: ['qstr-switch-cond', 'qstr-switch-label'],
  kind: 'qstr_switch',
  extract: extractQstrSwitches,
  plan: ({ decl }) => {
    const cond: QstrSwitchCondView = {
      partial: 'qstr-switch-cond',
      cond: decl.condText,
      labels: decl.labels.map((l) => l.qstr),
      count: decl.labels.length,
    };
    const labels = decl.labels.map((l, index) => {
      const view: QstrSwitchLabelView = { partial: 'qstr-switch-label', index, qstr: l.qstr };
      return { start: l.span.start, end: l.span.end, view };
    });
    return { edits: [{ start: decl.condSpan.start, end: decl.condSpan.end, view: cond }, ...labels], shims: ['qstr_switch'] };
  },
});
