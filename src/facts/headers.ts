import type { SyntaxNode } from 'tree-sitter';
import type ParserType from 'tree-sitter';
import { C, Parser } from '../parse/native';
import { ApiSymbol } from './types';

/** What one header declares, read with tree-sitter-c (recovery shapes included). */
export interface HeaderContents {
  symbols: ApiSymbol[];
  /** Every macro the header defines, object-like too: name → line and the text of each definition. */
  macros: Map<string, { line: number; bodies: string[] }>;
  /** `static inline` functions defined in the header: name → line and the calls in each body. */
  inlines: Map<string, { line: number; calls: string[]; text: string }>;
  undefs: string[];
  /** Every function defined (with a body) in the file, static or not: name → line. */
  definitions: Map<string, number>;
  /** Function-like macros: name → line. */
  functionMacros: Map<string, number>;
}

let parser: ParserType | undefined;

/** Headers need no token stream, only the tree (src/parse/parser.ts tokenises too, which costs more). */
function parse(text: string): SyntaxNode {
  if (!parser) {
    parser = new Parser();
    parser.setLanguage(C as never);
  }
  return parser.parse((index: number) => text.slice(index, index + 16384)).rootNode;
}

/** Subtrees that hold no declaration of a public function. */
const OPAQUE = new Set([
  'type_definition',
  'field_declaration_list',
  'parameter_list',
  'compound_statement',
  'initializer_list',
  'enumerator_list',
  'preproc_arg',
]);

/** Words that look like calls in a macro body but are not functions. */
const NOT_CALLS = new Set([
  'if',
  'while',
  'for',
  'switch',
  'return',
  'sizeof',
  'defined',
  'do',
  '__typeof__',
  'typeof',
  '_Static_assert',
  'static_assert',
  'offsetof',
  '__builtin_expect',
  'alignof',
  '_Alignof',
  '__attribute__',
]);

/**
 * Functions declared by prototype or `static inline` definition, and function-like
 * macros, in one header. A prototype is a function_declarator naming an identifier
 * outside any type, struct, parameter list or body; attribute macros such as
 * MP_NORETURN make tree-sitter recover with ERROR nodes, which still hold the declarator.
 */
export function readHeader(header: string, text: string): HeaderContents {
  const root = parse(text);
  const out: HeaderContents = {
    symbols: [],
    macros: new Map(),
    inlines: new Map(),
    undefs: [],
    definitions: new Map(),
    functionMacros: new Map(),
  };
  const seen = new Set<string>();
  const add = (name: string, kind: ApiSymbol['kind'], node: SyntaxNode, calls?: string[]) => {
    const existing = out.symbols.find((s) => s.name === name);
    if (existing) {
      // A prototype beside a macro or inline (another configuration's): both are kept.
      if (kind === 'function') existing.kind = 'function';
      if (calls) existing.calls = [...(existing.calls ?? []), calls];
      return;
    }
    seen.add(name);
    out.symbols.push({ name, kind, header, line: node.startPosition.row + 1, ...(calls ? { calls: [calls] } : {}) });
  };

  const visit = (node: SyntaxNode): void => {
    switch (node.type) {
      case 'preproc_function_def':
      case 'preproc_def': {
        const name = node.childForFieldName('name')?.text;
        if (!name) return;
        const value = node.childForFieldName('value')?.text ?? '';
        const m = out.macros.get(name) ?? { line: node.startPosition.row + 1, bodies: [] };
        m.bodies.push(value);
        out.macros.set(name, m);
        if (node.type === 'preproc_function_def') {
          if (!out.functionMacros.has(name)) out.functionMacros.set(name, node.startPosition.row + 1);
          const params = new Set((node.childForFieldName('parameters')?.namedChildren ?? []).map((p) => p.text));
          add(name, 'macro', node, macroCalls(value, params, name));
        }
        return;
      }
      case 'preproc_call':
        if (node.childForFieldName('directive')?.text === '#undef') {
          const arg = node.childForFieldName('argument')?.text.trim();
          if (arg) out.undefs.push(arg);
        }
        return;
      case 'function_declarator': {
        const id = node.childForFieldName('declarator');
        if (id?.type !== 'identifier') return;
        const def = enclosingDefinition(node);
        if (def && !out.definitions.has(id.text)) out.definitions.set(id.text, def.startPosition.row + 1);
        if (def && isStatic(def)) {
          const calls = bodyCalls(def.childForFieldName('body'));
          out.inlines.set(id.text, { line: def.startPosition.row + 1, calls, text: def.text });
          add(id.text, 'inline', def, calls);
        } else {
          add(id.text, 'function', node);
        }
        return;
      }
    }
    if (OPAQUE.has(node.type)) return;
    for (const c of node.namedChildren) visit(c);
  };
  visit(root);
  return out;
}

function enclosingDefinition(declarator: SyntaxNode): SyntaxNode | undefined {
  for (let n = declarator.parent; n; n = n.parent) {
    if (n.type === 'function_definition') return n;
    if (n.type !== 'pointer_declarator' && n.type !== 'ERROR' && n.type !== 'attributed_declarator') return undefined;
  }
  return undefined;
}

function isStatic(def: SyntaxNode): boolean {
  return def.namedChildren.some((c) => c.type === 'storage_class_specifier' && c.text === 'static');
}

/** Names called in a function body, in source order, once each. */
function bodyCalls(body: SyntaxNode | null): string[] {
  if (!body) return [];
  const names = new Set<string>();
  for (const call of body.descendantsOfType('call_expression')) {
    const f = call.childForFieldName('function');
    if (f?.type === 'identifier') names.add(f.text);
  }
  return [...names];
}

/**
 * Names called in a macro body. The body is one isolated preprocessor argument, so
 * a scan of identifiers followed by `(` is exact enough (strings are skipped).
 */
export function macroCalls(body: string, params: Set<string>, self?: string): string[] {
  const code = body.replace(/"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'/g, '""');
  const names = new Set<string>();
  for (const m of code.matchAll(/(?<![\w.>])([A-Za-z_]\w*)\s*\(/g)) {
    const n = m[1];
    if (!NOT_CALLS.has(n) && !params.has(n) && n !== self) names.add(n);
  }
  return [...names];
}

/** Field names of `struct _mp_fun_table_t` (py/nativeglue.h), in order. */
export function readFunTable(text: string): string[] {
  const struct = parse(text)
    .descendantsOfType('struct_specifier')
    .find((s) => s.childForFieldName('name')?.text === '_mp_fun_table_t');
  if (!struct) return [];
  const fields: string[] = [];
  for (const f of struct.childForFieldName('body')?.descendantsOfType('field_declaration') ?? []) {
    const name = declaredName(f.childForFieldName('declarator'));
    if (name) fields.push(name);
  }
  return fields;
}

/** The identifier a (possibly pointer / function / parenthesised) declarator declares. */
function declaredName(d: SyntaxNode | null): string | undefined {
  for (let n = d; n;) {
    if (n.type === 'field_identifier' || n.type === 'identifier') return n.text;
    n = n.childForFieldName('declarator') ?? n.namedChildren.find((c) => c.type.endsWith('declarator')) ?? null;
  }
  return undefined;
}
