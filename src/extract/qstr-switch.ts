import type { SyntaxNode } from 'tree-sitter';
import { QstrSwitchDecl, asQstr } from '../model/declarations';
import { queryMatches } from '../parse/queries';
import { ExtractContext } from './context';

/** Switches whose own case labels include `MP_QSTR_*` (nested switches are their own). */
export function extractQstrSwitches(ctx: ExtractContext): QstrSwitchDecl[] {
  const { src, tree } = ctx.file;
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
