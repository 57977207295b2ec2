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
    const macroUses: QstrSwitchDecl['macroUses'] = [];
    collectCases(sw.childForFieldName('body'), sw, labels, ctx);
    collectMacroCases(sw, labels, macroUses, ctx);
    if (!labels.some((l) => l.qstr)) continue;
    // Labels in source order (their positions are the switch's values); the uses' pieces follow.
    const found = [...labels];
    labels.sort((a, b) => a.span.start - b.span.start);
    for (const u of macroUses) for (const p of u.pieces) if ('label' in p) p.label = labels.indexOf(found[p.label]);
    const i = ctx.cur.indexAt(sw.startIndex);
    out.push({
      kind: 'qstr_switch',
      name: `switch@${src.lineOf(sw.startIndex)}`,
      condSpan: src.span(cond.startIndex, cond.endIndex),
      condText: src.text.slice(cond.startIndex + 1, cond.endIndex - 1),
      labels,
      macroUses,
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

/**
 * Case labels written by the module's macros in the switch's own body (not in nested switches):
 * each use whose expansion holds `case MP_QSTR_x :` is recorded with that expansion.
 */
function collectMacroCases(sw: SyntaxNode, labels: QstrSwitchDecl['labels'], uses: QstrSwitchDecl['macroUses'], ctx: ExtractContext): void {
  const body = sw.childForFieldName('body');
  if (!body) return;
  const nested: Array<[number, number]> = [];
  const findNested = (n: SyntaxNode): void => {
    for (const c of n.namedChildren) {
      if (c.type === 'switch_statement') nested.push([c.startIndex, c.endIndex]);
      else findNested(c);
    }
  };
  findNested(body);
  const { cur } = ctx;
  const from = cur.indexAt(body.startIndex);
  const to = cur.indexAt(body.endIndex - 1);
  if (from < 0 || to < 0) return;
  for (let i = from + 1; i < to; i++) {
    const t = cur.tokens[i];
    if (nested.some(([s, e]) => t.start >= s && t.start < e)) continue;
    const m = ctx.userMacro(i);
    if (!m || !ctx.maybeCompiled(i)) continue;
    const last = m.params ? cur.closing(i + 1) : i;
    if (last < 0) continue;
    const exp = ctx.expandTokens(i, last);
    const found: number[] = [];
    // `case NAME(x):`, the macro writing only the label's qstr (`#define NAME(x) MP_QSTR_##x`).
    const labelOnly =
      exp.length === 1 &&
      exp[0].kind === 'ident' &&
      exp[0].text.startsWith('MP_QSTR_') &&
      cur.tokens[i - 1]?.text === 'case' &&
      cur.tokens[last + 1]?.text === ':';
    if (labelOnly) found.push(0);
    exp.forEach((x, k) => {
      if (x.text === 'case' && exp[k + 1]?.kind === 'ident' && exp[k + 1].text.startsWith('MP_QSTR_') && exp[k + 2]?.text === ':')
        found.push(k + 1);
    });
    if (found.length) {
      const span = cur.span(i, last);
      const pieces: QstrSwitchDecl['macroUses'][number]['pieces'] = [];
      let text: string[] = [];
      exp.forEach((x, k) => {
        if (!found.includes(k)) {
          text.push(x.text);
          return;
        }
        pieces.push({ text: text.join(' ') + ' ' });
        text = [];
        pieces.push({ label: labels.length });
        labels.push({ qstr: asQstr(x.text.slice(8)), span, viaMacro: uses.length });
      });
      pieces.push({ text: (text.length ? ' ' : '') + text.join(' ') });
      uses.push({ span, pieces });
    }
    i = last;
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

/** A use of the module's macro that writes case labels, written out with each label as its position. */
export interface QstrSwitchExpansionView extends View<'qstr-switch-expansion'> {
  pieces: Array<{ text: string; label?: QstrSwitchLabelView }>;
}

/** `switch (attr) { case MP_QSTR_x: ... }` over the label's position: fallthrough and default unchanged. */
export const qstrSwitch = construct({
  name: 'qstr-switch',
  queries: ['qstr-switch'],
  templates: ['qstr-switch-cond', 'qstr-switch-label', 'qstr-switch-expansion'],
  kind: 'qstr_switch',
  extract: extractQstrSwitches,
  plan: ({ decl }) => {
    const cond: QstrSwitchCondView = {
      partial: 'qstr-switch-cond',
      cond: decl.condText,
      labels: decl.labels.map((l) => l.qstr),
      count: decl.labels.length,
    };
    const label = (index: number): QstrSwitchLabelView => ({ partial: 'qstr-switch-label', index, qstr: decl.labels[index].qstr });
    const labels = decl.labels.flatMap((l, index) =>
      l.viaMacro === undefined ? [{ start: l.span.start, end: l.span.end, view: label(index) }] : [],
    );
    const uses = decl.macroUses.map((u) => {
      const view: QstrSwitchExpansionView = {
        partial: 'qstr-switch-expansion',
        pieces: u.pieces.map((p) => ('label' in p ? { text: '', label: label(p.label) } : { text: p.text })),
      };
      return { start: u.span.start, end: u.span.end, view };
    });
    return {
      edits: [{ start: decl.condSpan.start, end: decl.condSpan.end, view: cond }, ...labels, ...uses].sort((a, b) => a.start - b.start),
      shims: ['qstr_switch'],
    };
  },
});
