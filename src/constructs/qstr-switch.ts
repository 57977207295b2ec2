import type { SyntaxNode } from 'tree-sitter';
import { QstrSwitchDecl, asQstr } from '../model/declarations';
import { queryMatches } from '../parse/queries';
import { ExtractContext, TokenChoices } from '../extract/context';
import type { Token } from '../parse/tokens';
import { construct } from './construct';
import { View } from '../plan/view';
import { diag } from '../diagnostics/catalog';
import { Span } from '../diagnostics/diagnostic';
import { PPToken } from '../preprocess';
import { evaluateTokens } from '../preprocess/condition';

/** Switches whose own case labels include `MP_QSTR_*` (nested switches are their own). */
export function extractQstrSwitches(ctx: ExtractContext): QstrSwitchDecl[] {
  const { src } = ctx.file;
  const out: QstrSwitchDecl[] = [];
  const found: Array<[number, number]> = [];
  for (const m of queryMatches(ctx.file, 'qstr-switch')) {
    const sw = m.captures.find((c) => c.name === 'qstr_switch')?.node;
    const cond = m.captures.find((c) => c.name === 'qstr_switch.cond')?.node;
    if (!sw || !cond) continue;
    const labels: QstrSwitchDecl['labels'] = [];
    const macroUses: QstrSwitchDecl['macroUses'] = [];
    collectCases(sw, labels, macroUses, ctx);
    if (!labels.some((l) => l.qstr)) continue;
    const i = ctx.cur.indexAt(sw.startIndex);
    found.push([sw.startIndex, sw.endIndex]);
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
  out.push(...macroSwitches(ctx, found));
  return out;
}

/**
 * Switches a use of the module's macro writes whole, in a function (`#define ATTRS(a) switch (a) {
 * X(x) ... }` used as `ATTRS(attr)`): the compiler sees a qstr switch the text does not hold. Each
 * such use is written out, its switch over the label's position as a written one is (the first
 * switch of the expansion; nested switches are the compiler's).
 */
function macroSwitches(ctx: ExtractContext, written: ReadonlyArray<[number, number]>): QstrSwitchDecl[] {
  const { cur } = ctx;
  const { src } = ctx.file;
  const out: QstrSwitchDecl[] = [];
  // Only a module with a macro whose body spells `switch` has any: most have none, and are not read.
  if (!ctx.pp.definitions.some((d) => d.body.some((x) => x.text === 'switch'))) return out;
  const toks = cur.tokens;
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i];
    if (t.kind !== 'ident' || !ctx.maybeCompiled(i) || ctx.atFileScope(t.start)) continue;
    if (written.some(([s, e]) => t.start >= s && t.start < e)) continue;
    const m = ctx.userMacro(i);
    if (!m) continue;
    const last = m.params ? cur.closing(i + 1) : i;
    if (last < 0) continue;
    // Cheap first: a switch only if some macro on the way spells one.
    const exp = ctx.expandTokens(i, last).filter((x) => x.kind !== 'directive');
    const sw = exp.findIndex((x, k) => x.text === 'switch' && exp[k + 1]?.text === '(');
    if (sw < 0) {
      i = last;
      continue;
    }
    const condEnd = closingIn(exp, sw + 1);
    const bodyEnd = condEnd > 0 && exp[condEnd + 1]?.text === '{' ? closingIn(exp, condEnd + 1) : -1;
    if (bodyEnd < 0) {
      i = last;
      continue;
    }
    const span = cur.span(i, last);
    const at = i;
    const labels: QstrSwitchDecl['labels'] = [];
    const pieces: QstrSwitchDecl['macroUses'][number]['pieces'] = [];
    let text: string[] = exp.slice(0, sw + 1).map((x) => x.text);
    const flush = () => {
      pieces.push({ text: `${text.join(' ')} ` });
      text = [];
    };
    flush();
    pieces.push({ cond: true });
    let bad = false;
    let nestedEnd = -1;
    for (let k = condEnd + 1; k < exp.length; k++) {
      // Labels of a nested switch are its own.
      if (k > nestedEnd && k < bodyEnd && exp[k].text === 'switch' && exp[k + 1]?.text === '(') {
        const c = closingIn(exp, k + 1);
        nestedEnd = c > 0 && exp[c + 1]?.text === '{' ? closingIn(exp, c + 1) : -1;
      }
      if (k > nestedEnd && k < bodyEnd && exp[k].text === 'case') {
        const colon = labelEnd(exp, k + 1, bodyEnd - 1);
        if (colon > k + 1) {
          const v = labelValue(exp.slice(k + 1, colon));
          if (v === 'arith') {
            ctx.diagnostics.push(
              diag('NMG2031', span, {
                label: exp
                  .slice(k + 1, colon)
                  .map((x) => x.text)
                  .join(' '),
              }),
            );
            bad = true;
          } else if (v !== 'none') {
            text.push('case');
            flush();
            pieces.push({ label: labels.length });
            labels.push({ qstr: asQstr(v.qstr), span, viaMacro: 0 });
            text.push(':');
            k = colon;
            continue;
          }
        }
      }
      text.push(exp[k].text);
    }
    if (text.length) pieces.push({ text: ` ${text.join(' ')}` });
    i = last;
    if (bad || !labels.length) continue;
    out.push({
      kind: 'qstr_switch',
      name: `switch@${src.lineOf(t.start)}`,
      condSpan: span,
      condText: exp
        .slice(sw + 2, condEnd)
        .map((x) => x.text)
        .join(' '),
      labels,
      macroUses: [{ span, pieces }],
      inMacro: true,
      span,
      cond: ctx.condAt(at),
      unit: ctx.unit,
      isStatic: false,
    });
  }
  return out;
}

/** The index of the bracket closing the one at `open` in a token list, or -1. */
function closingIn(toks: ReadonlyArray<{ text: string }>, open: number): number {
  const pairs: Record<string, string> = { '(': ')', '[': ']', '{': '}' };
  const stack: string[] = [];
  for (let k = open; k < toks.length; k++) {
    const x = toks[k].text;
    if (pairs[x]) stack.push(pairs[x]);
    else if (x === ')' || x === ']' || x === '}') {
      if (stack.pop() !== x) return -1;
      if (!stack.length) return k;
    }
  }
  return -1;
}

/** A label's value as a qstr: the one `MP_QSTR_x` it equals, 'none' when it names no qstr, 'arith' when it computes with one. */
type LabelValue = { qstr: string } | 'none' | 'arith';

/**
 * What a case label's tokens (as the compiler sees them) equal: `MP_QSTR_x`, also in parentheses,
 * behind a cast or with `+ 0` (`case QS(x) + 0:`), is that qstr; any other arithmetic on a qstr's
 * number has no portable value (a natmod's qstrs are numbered at load time).
 */
export function labelValue(toks: ReadonlyArray<{ kind: string; text: string }>): LabelValue {
  const code = toks.filter((t) => t.kind !== 'directive');
  const qstrs = code.filter((t) => t.kind === 'ident' && t.text.startsWith('MP_QSTR_'));
  if (qstrs.length === 0) return 'none';
  if (qstrs.length > 1 || new Set(qstrs.map((t) => t.text)).size > 1) return 'arith';
  // Casts (`(qstr)`, `(mp_uint_t)`) go; the qstr's number is then a variable the expression must return unchanged.
  const plain: PPToken[] = [];
  for (let k = 0; k < code.length; k++) {
    const t = code[k];
    const cast = t.text === '(' && code[k + 1]?.kind === 'ident' && !code[k + 1].text.startsWith('MP_QSTR_') && code[k + 2]?.text === ')';
    if (cast && code[k + 3] && (code[k + 3].kind !== 'punct' || code[k + 3].text === '(')) {
      k += 2;
      continue;
    }
    const kind = t.kind === 'ident' || t.kind === 'number' || t.kind === 'char' ? t.kind : 'punct';
    plain.push({ kind, text: t.text, start: 0, end: 0, bol: false, space: true });
  }
  const at = (n: number): number | undefined =>
    evaluateTokens(
      plain.map((t) => (t.text === qstrs[0].text ? { ...t, kind: 'number', text: String(n) } : t)),
      () => undefined,
    );
  return at(0) === 0 && at(1000) === 1000 ? { qstr: qstrs[0].text.slice(8) } : 'arith';
}

/** The index of the `:` ending a case label that starts at `from` (nesting and `?:` skipped), or -1. */
function labelEnd(toks: ReadonlyArray<{ text: string; kind: string }>, from: number, to: number): number {
  let depth = 0;
  let ternary = 0;
  for (let k = from; k <= to; k++) {
    const t = toks[k].text;
    if (toks[k].kind === 'directive') continue;
    if (t === '(' || t === '[') depth++;
    else if (t === ')' || t === ']') depth--;
    else if (t === '?' && depth === 0) ternary++;
    else if (t === ':' && depth === 0) {
      if (ternary === 0) return k;
      ternary--;
    } else if (t === ';' || t === '{' || t === '}') return -1;
  }
  return -1;
}

/**
 * The switch's own case labels (not those of nested switches), in source order: `case` written in
 * the body, its label read as the compiler expands it (`case MP_QSTR_x:`, `case QS(x):`,
 * `case (MP_QSTR_x) + 0:`); and uses of the module's macros whose expansion writes `case` labels
 * (`#define ATTR(n) case MP_QSTR_##n:`), recorded with that expansion.
 */
function collectCases(sw: SyntaxNode, labels: QstrSwitchDecl['labels'], uses: QstrSwitchDecl['macroUses'], ctx: ExtractContext): void {
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
  const arith = (span: Span, text: string) => ctx.diagnostics.push(diag('NMG2031', span, { label: text }));
  type Pieces = QstrSwitchDecl['macroUses'][number]['pieces'];
  // A label or a macro use whose expansion branches of an #if natmodgen cannot decide choose (the
  // build's -D, the compiler's own names): each branch is written under that #if's test, with its
  // labels as their positions, so the compiler keeps the choice. Undefined when a branch cannot be
  // read (its label computes with a qstr's number: said there).
  const chosen = (tree: TokenChoices, leaf: (toks: Token[]) => Pieces | undefined): Pieces | undefined => {
    if (tree.kind === 'tokens') return leaf(tree.tokens);
    const out: Pieces = [];
    for (const [k, b] of tree.branches.entries()) {
      const keyword = k === 0 ? 'if' : b.when === undefined ? 'else' : 'elif';
      out.push({ text: `\n#${keyword}${b.when === undefined ? '' : ` ${b.when}`}\n` });
      const body = chosen(b.body, leaf);
      if (!body) return undefined;
      out.push(...body);
    }
    // Text after the #endif line starts the next line: a single space keeps the edit from ending
    // with the newline that sync's weave reads as the end of a replaced line.
    out.push({ text: '\n#endif\n ' });
    return out;
  };
  // What every branch reads as one qstr (`MP_QSTR_x` / `(qstr)MP_QSTR_x`) is one label, written once.
  const oneQstr = (tree: TokenChoices): boolean => {
    const read: string[] = [];
    const walk = (x: TokenChoices): void => {
      if (x.kind === 'tokens') {
        const v = labelValue(x.tokens);
        read.push(typeof v === 'string' ? v : `qstr ${v.qstr}`);
      } else for (const b of x.branches) walk(b.body);
    };
    walk(tree);
    return read.every((r) => r === read[0]);
  };
  const spelled = (toks: Token[]): string => toks.map((x) => x.text).join(' ');
  for (let i = from + 1; i < to; i++) {
    const t = cur.tokens[i];
    if (nested.some(([s, e]) => t.start >= s && t.start < e) || !ctx.maybeCompiled(i)) continue;
    if (t.text === 'case') {
      const colon = labelEnd(cur.tokens, i + 1, to);
      if (colon < 0 || colon === i + 1) continue;
      const range = { from: i + 1, to: colon - 1 };
      const span = cur.spanOf(range);
      const tree = ctx.usesMacro(range) ? ctx.choicesIn(range.from, range.to) : undefined;
      if (tree?.kind === 'choice' && !oneQstr(tree)) {
        const viaMacro = uses.length;
        const before = labels.length;
        const pieces = chosen(tree, (toks) => {
          const v = labelValue(toks);
          if (v === 'arith') {
            arith(span, spelled(toks));
            return undefined;
          }
          if (v === 'none') return [{ text: spelled(toks) }];
          labels.push({ qstr: asQstr(v.qstr), span, viaMacro });
          return [{ label: labels.length - 1 }];
        });
        if (pieces) uses.push({ span, pieces });
        else labels.length = before;
        i = colon;
        continue;
      }
      const v = labelValue(ctx.usesMacro(range) ? ctx.expandTokens(range.from, range.to) : cur.tokens.slice(range.from, colon));
      if (v === 'arith') arith(span, cur.flat(range));
      else if (v !== 'none') labels.push({ qstr: asQstr(v.qstr), span });
      i = colon;
      continue;
    }
    const m = ctx.userMacro(i);
    if (!m) continue;
    const last = m.params ? cur.closing(i + 1) : i;
    if (last < 0) continue;
    const span = cur.span(i, last);
    const tree = ctx.choicesIn(i, last);
    if (!tree || !someCase(tree)) {
      i = last;
      continue;
    }
    const viaMacro = uses.length;
    // Each `case` of an expansion written out with its label's position; undefined when it has no qstr label.
    const expansion = (exp: Token[]): Pieces | undefined => {
      // Each `case` of the expansion, its label's first and last token (the `case` token's index is the key).
      const found: Array<{ first: number; last: number; qstr: string }> = [];
      let bad = false;
      exp.forEach((x, k) => {
        if (x.text !== 'case') return;
        const colon = labelEnd(exp, k + 1, exp.length - 1);
        if (colon <= k + 1) return;
        const v = labelValue(exp.slice(k + 1, colon));
        if (v === 'arith') {
          arith(span, spelled(exp.slice(k + 1, colon)));
          bad = true;
        } else if (v !== 'none') found.push({ first: k + 1, last: colon - 1, qstr: v.qstr });
      });
      if (bad) return undefined;
      const pieces: Pieces = [];
      let text: string[] = [];
      for (let k = 0; k < exp.length; k++) {
        const f = found.find((x) => x.first === k);
        if (!f) {
          text.push(exp[k].text);
          continue;
        }
        pieces.push({ text: text.join(' ') + ' ' });
        text = [];
        pieces.push({ label: labels.length });
        labels.push({ qstr: asQstr(f.qstr), span, viaMacro });
        k = f.last;
      }
      pieces.push({ text: (text.length ? ' ' : '') + text.join(' ') });
      return pieces;
    };
    const before = labels.length;
    const pieces = chosen(tree, expansion);
    // A use that writes no qstr label in any branch is the compiler's, as written.
    if (pieces && labels.length > before) uses.push({ span, pieces });
    else labels.length = before;
    i = last;
  }
}

/** Whether some branch of an expansion writes a `case` label. */
function someCase(tree: TokenChoices): boolean {
  return tree.kind === 'tokens' ? tree.tokens.some((x) => x.text === 'case') : tree.branches.some((b) => someCase(b.body));
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
  pieces: Array<{ text: string; label?: QstrSwitchLabelView; cond?: QstrSwitchCondView }>;
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
    // A qstr that labels of several branches name has one position (the first, which natmodgen_qstr_case
    // finds): whichever branch the compiler takes, its label is that position.
    const label = (index: number): QstrSwitchLabelView => {
      const { qstr } = decl.labels[index];
      return { partial: 'qstr-switch-label', index: decl.labels.findIndex((l) => l.qstr === qstr), qstr };
    };
    const labels = decl.labels.flatMap((l, index) =>
      l.viaMacro === undefined ? [{ start: l.span.start, end: l.span.end, view: label(index) }] : [],
    );
    const uses = decl.macroUses.map((u) => {
      const view: QstrSwitchExpansionView = {
        partial: 'qstr-switch-expansion',
        pieces: u.pieces.map((p) =>
          'label' in p ? { text: '', label: label(p.label) } : 'cond' in p ? { text: '', cond } : { text: p.text },
        ),
      };
      return { start: u.span.start, end: u.span.end, view };
    });
    // A switch a macro writes whole: its one use, the condition among its pieces.
    const condEdit = decl.inMacro ? [] : [{ start: decl.condSpan.start, end: decl.condSpan.end, view: cond }];
    return {
      edits: [...condEdit, ...labels, ...uses].sort((a, b) => a.start - b.start),
      shims: ['qstr_switch'],
    };
  },
});
