import type { SyntaxNode } from 'tree-sitter';
import { Diagnostic } from '../diagnostics/diagnostic';
import { diag } from '../diagnostics/catalog';
import { Decl } from '../model/declarations';
import { ExtractContext } from './context';
import { errorNodes } from '../parse/queries';

/** An upper-case macro's invocation, reserved spellings included (`__P((DB *, int))` of BSD headers). */
const MACRO_CALL = /\b_*[A-Z][A-Z0-9_]*\s*\(/;

/** GNU C extensions GCC accepts where tree-sitter-c's grammar has no place for them. */
const GNU_EXTENSION =
  /\b(?:__attribute__|__attribute|__asm__|__asm|asm|__extension__|__typeof__|__typeof|typeof|__declspec|_Pragma|__thread)\b/;

/** Conditional branches of the preprocessor as tree-sitter nests them. */
const CONDITIONAL = new Set(['preproc_if', 'preproc_ifdef', 'preproc_else', 'preproc_elif', 'preproc_elifdef']);

/** Words only (keywords, type names, `*`): a piece of declaration specifiers. */
const SPECIFIERS_ONLY = /^[A-Za-z_][\w\s*]*$/;

/**
 * Tree-sitter reports ERROR nodes for valid MicroPython code (macros in declaration
 * position, `#if` inside initializers). An ERROR counts as a syntax error only when
 * no extractor claimed it and it holds no macro invocation that could explain it.
 */
export function checkSyntax(ctx: ExtractContext, decls: Decl[]): Diagnostic[] {
  const { file } = ctx;
  const text = file.src.text;
  if (text.includes('\u0000')) return [diag('NMG1003', file.src.span(0, 0), {})];
  // Offsets read once per node: each read crosses into native code.
  const errors = errorNodes(file);
  const root = file.tree.rootNode;
  const codeLen = text.replace(/\s+/g, '').length;
  const errLen = errors.reduce((s, e) => s + text.slice(e.start, e.end).replace(/\s+/g, '').length, 0);
  if ((root.type === 'ERROR' || (codeLen > 0 && errLen / codeLen > 0.5)) && !mostlyWellFormed(root, text))
    return [diag('NMG1003', file.src.span(errors[0]?.start ?? 0, errors[0]?.end ?? 0), {})];
  const out: Diagnostic[] = [];
  const claimed = coverage(decls.map((d) => d.span));
  // A root ERROR (tree-sitter gave up on the file as a whole: `#if` branches that split
  // a statement) has lost where function bodies start and end, so it cannot tell a
  // file-scope error from statements; the compiler reports real errors in such files.
  if (root.type === 'ERROR') return [];
  // Directive lines as the preprocessor reads them (one token per logical line): tree-sitter ends a
  // macro's body at a comment before a line continuation and parses the rest as code.
  const directives = coverage(ctx.cur.tokens.filter((t) => t.kind === 'directive'));
  for (const { node: e, start, end } of errors) {
    if (claimed.covers(start, end - 1)) continue;
    if (directives.covers(start, end)) continue;
    // Code only some builds compile (`#ifdef BARE_M` around a port's declarations, written with
    // that port's macros) is kept verbatim: whether it is C is for the compiler of such a build.
    if (!surelyCompiled(ctx, start, end)) continue;
    // Inside functions, MicroPython's lowercase macros take types as arguments
    // (m_new_obj_var(T, f, char *, n)); the compiler reports real errors there.
    if (insideFunction(e)) continue;
    if (oldStyleParameters(e)) continue;
    const stmt = statementAround(e);
    const stmtText = text.slice(stmt.startIndex, stmt.endIndex);
    if (MACRO_CALL.test(stmtText)) continue;
    // An object-like macro of the module or of -D (STATIC, MOD_API) in the statement can explain it too:
    // `STATIC mp_obj_t f(mp_obj_t a);` is a prototype once STATIC expands.
    if (namesUserMacro(ctx, stmt.startIndex, stmt.endIndex)) continue;
    // `STATIC const struct { ... } x = { ... };`: tree-sitter takes the macro and the struct for a
    // function definition and the declarator for a statement of its own; the macro explains both.
    const prev = stmt.previousNamedSibling;
    if (prev?.type === 'function_definition' && namesUserMacro(ctx, prev.startIndex, prev.startIndex + 1)) continue;
    // A macro-spelled name natmodgen sees no definition of, after an include it could not read
    // (a system or SDK header: `__BEGIN_DECLS` of <sys/cdefs.h>, ESP-IDF's `DRAM_ATTR`), may be
    // a macro of that header: what the statement is, is for the compiler reading it to say.
    if (namesUnseenMacro(ctx, stmt.startIndex, stmt.endIndex)) continue;
    const inner = text.slice(start, end).trim();
    if (inner === '' || inner.startsWith('#')) continue;
    // An attribute, asm label or typeof where the grammar has none: valid GNU C, the compiler's business.
    if (GNU_EXTENSION.test(inner) || GNU_EXTENSION.test(stmtText)) continue;
    // Specifiers alone in an #if branch (`#ifndef G` `static` `#endif` `int f(...)`): the
    // declaration they belong to continues after the directive, where the compiler joins them.
    if (e.parent && CONDITIONAL.has(e.parent.type) && SPECIFIERS_ONLY.test(inner)) continue;
    out.push(diag('NMG1004', file.src.span(start, end), { near: inner.split(/\s+/)[0].slice(0, 20) }));
  }
  return out;
}

/**
 * Spans asked whether one of them holds [start, end] (start >= its start, end <= its end), in
 * O(log n) per question: sorted by start, each with the largest end among it and those before.
 * (Asking every span for each of a file's errors made the check quadratic in the file's size.)
 */
export function coverage(spans: ReadonlyArray<{ start: number; end: number }>): { covers(start: number, end: number): boolean } {
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  const starts = sorted.map((s) => s.start);
  const reach: number[] = [];
  for (const s of sorted) reach.push(Math.max(s.end, reach.length ? reach[reach.length - 1] : -Infinity));
  return {
    covers(start: number, end: number): boolean {
      // The last span starting at or before `start`: the farthest end of all such spans is its reach.
      let lo = 0;
      let hi = starts.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (starts[mid] <= start) lo = mid + 1;
        else hi = mid;
      }
      return lo > 0 && reach[lo - 1] >= end;
    },
  };
}

/** Whether some token in [start, end) is in code every build with these -D compiles. */
function surelyCompiled(ctx: ExtractContext, start: number, end: number): boolean {
  const toks = ctx.cur.tokens;
  let lo = 0;
  for (let hi = toks.length; lo < hi;) {
    const mid = (lo + hi) >> 1;
    if (toks[mid].end <= start) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo; i < toks.length && toks[i].start < end; i++) {
    if (toks[i].kind !== 'directive' && ctx.liveness[i] === 'on') return true;
  }
  return false;
}

/** A name spelled as macros are (`DRAM_ATTR`, `__BEGIN_DECLS`, `__wur`): upper case, or reserved. */
const MACRO_SPELLING = /^(?:_*[A-Z][A-Z0-9_]*|__\w+)$/;

/** MicroPython's own headers (spelled without the quote): natmodgen knows the API they define, read or not (`STATIC` is gone since v1.22). */
const MICROPYTHON_HEADER = /^(?:py|extmod|shared)\//;

/**
 * Whether [start, end) holds a macro-spelled identifier no definition natmodgen read explains,
 * in a file that includes, before it, a header natmodgen did not read.
 */
function namesUnseenMacro(ctx: ExtractContext, start: number, end: number): boolean {
  if (!ctx.pp.includes.some((inc) => inc.resolved === undefined && inc.end <= start && !MICROPYTHON_HEADER.test(inc.spelled.slice(1))))
    return false;
  const toks = ctx.cur.tokens;
  for (let i = Math.max(0, ctx.cur.indexAt(start)); i < toks.length && toks[i].start < end; i++) {
    const t = toks[i];
    if (t.start < start || t.kind !== 'ident' || !MACRO_SPELLING.test(t.text)) continue;
    if (!ctx.pp.definitionAt(t.text, t.start)) return true;
  }
  return false;
}

function namesUserMacro(ctx: ExtractContext, start: number, end: number): boolean {
  const toks = ctx.cur.tokens;
  for (let i = Math.max(0, ctx.cur.indexAt(start)); i < toks.length && toks[i].start < end; i++) {
    if (toks[i].start >= start && ctx.userMacro(i)) return true;
  }
  return false;
}

const WELL_FORMED = new Set([
  'function_definition',
  'declaration',
  'type_definition',
  'preproc_include',
  'preproc_def',
  'preproc_function_def',
  'preproc_if',
  'preproc_ifdef',
]);

/**
 * Tree-sitter parses each `#if` branch in place, so C whose `#if`s split statements
 * (`#if N > 1` around a loop's opening line) leaves the file one big ERROR while its
 * definitions parse. Such a file is C when error-free definitions, declarations and
 * directives cover at least a quarter of its non-comment text; prose and scripts have none.
 */
function mostlyWellFormed(root: SyntaxNode, text: string): boolean {
  let good = 0;
  let comments = 0;
  const visible = (n: SyntaxNode) => text.slice(n.startIndex, n.endIndex).replace(/\s+/g, '').length;
  const walk = (n: SyntaxNode): void => {
    for (const c of n.namedChildren) {
      if (c.type === 'comment') comments += visible(c);
      else if (WELL_FORMED.has(c.type) && !c.hasError) good += visible(c);
      else walk(c);
    }
  };
  walk(root);
  const code = text.replace(/\s+/g, '').length - comments;
  return code > 0 && good / code >= 0.25;
}

/**
 * K&R parameter declarations (`void *\nf(a, n)\n\tT *a;\n\tint n;\n{`), valid C before C23, after
 * a declarator tree-sitter-c cannot read them after (a pointer's): the ERROR follows the
 * parameter list of a function declarator whose parameters are names only.
 */
function oldStyleParameters(e: SyntaxNode): boolean {
  const fd = e.parent;
  if (!fd || fd.type !== 'function_declarator') return false;
  const params = fd.childForFieldName('parameters');
  if (!params || e.startIndex < params.endIndex || params.namedChildren.length === 0) return false;
  const bareName = (c: SyntaxNode) =>
    c.type === 'identifier' ||
    c.type === 'comment' ||
    (c.type === 'parameter_declaration' &&
      c.namedChildren.length === 1 &&
      (c.namedChildren[0].type === 'type_identifier' || c.namedChildren[0].type === 'identifier'));
  return params.namedChildren.every(bareName);
}

function insideFunction(n: SyntaxNode): boolean {
  for (let p = n.parent; p; p = p.parent) if (p.type === 'function_definition' || p.type === 'compound_statement') return true;
  return false;
}

function statementAround(n: SyntaxNode): SyntaxNode {
  let s = n;
  while (s.parent && s.parent.type !== 'translation_unit' && s.parent.type !== 'compound_statement') s = s.parent;
  return s;
}
