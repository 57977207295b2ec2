import type ParserType from 'tree-sitter';

/**
 * The one place tree-sitter and its C grammar are loaded. node-tree-sitter cannot
 * be evaluated twice in one process, so a host that runs several module registries
 * (the test runner: test/support/environment.js) provides one shared instance.
 */
interface TreeSitter {
  Parser: typeof ParserType;
  C: unknown;
}

/** The parts of node-tree-sitter's native binding that name a language's node types and fields. */
export interface NodeNames {
  getNodeTypeNamesById(language: unknown): Array<string | null | undefined>;
  getNodeFieldNamesById(language: unknown): Array<string | null | undefined>;
}

interface NodeTypeInfo {
  type: string;
  named: boolean;
  fields?: Record<string, { multiple?: boolean }>;
}

/** What node-tree-sitter keeps on a language object: its node-types.json and, once made, one class per node type. */
interface LanguageObject {
  nodeTypeInfo?: NodeTypeInfo[];
  nodeSubclasses?: unknown[];
}

type NodeClass = new (...args: never[]) => object;

/** node-tree-sitter's own names: `function_definition` → `FunctionDefinition` (class) or `functionDefinition`. */
function camelCase(name: string, upper: boolean): string {
  const s = name.replace(/_(\w)/g, (_m, letter: string) => letter.toUpperCase());
  return upper ? s[0].toUpperCase() + s.slice(1) : s;
}

/**
 * The classes node-tree-sitter gives a language's nodes (one per named node type, with its
 * `type`, sorted `fields`, and a getter per field), as its `setLanguage` makes them the first
 * time a language is set, except that it makes all of them at once, each compiled from a
 * string with `new Function`: hundreds of compilations, a visible part of natmodgen's cold
 * start. Here they are one class expression, and each is made when first asked for.
 * node-tree-sitter skips its own step when a language already has them
 * (test/unit/parse/node-classes.test.ts compares both).
 */
export function nodeClasses(names: NodeNames, language: unknown, SyntaxNode: NodeClass): NodeClass[] {
  const typeNames = names.getNodeTypeNamesById(language);
  const fieldNames = names.getNodeFieldNamesById(language);
  let info: Map<string, NodeTypeInfo> | undefined;
  const infoOf = (typeName: string): NodeTypeInfo | undefined => {
    if (!info) {
      info = new Map();
      for (const t of (language as LanguageObject).nodeTypeInfo ?? []) if (t.named && !info.has(t.type)) info.set(t.type, t);
    }
    return info.get(typeName);
  };
  const make = (id: number): NodeClass => {
    const typeName = typeNames[id];
    const typeInfo = typeName ? infoOf(typeName) : undefined;
    if (!typeName || !typeInfo) return SyntaxNode;
    const getterNames: string[] = [];
    const getters: PropertyDescriptorMap = {};
    for (const field in typeInfo.fields ?? {}) {
      const fieldId = fieldNames.indexOf(field);
      if (fieldId === -1) continue;
      const multiple = Boolean(typeInfo.fields![field].multiple);
      const getter = multiple ? `${camelCase(field, false)}Nodes` : `${camelCase(field, false)}Node`;
      getterNames.push(getter);
      // The public equivalents of node-tree-sitter's getters, which read the field by id.
      getters[getter] = multiple
        ? {
            get(this: ParserType.SyntaxNode) {
              return this.childrenForFieldId(fieldId);
            },
            enumerable: true,
          }
        : {
            get(this: ParserType.SyntaxNode) {
              return this.childForFieldId(fieldId);
            },
            enumerable: true,
          };
    }
    const cls = class extends SyntaxNode {};
    Object.defineProperty(cls, 'name', { value: `${camelCase(typeName, true)}Node` });
    Object.defineProperties(cls.prototype, {
      type: { value: typeName, enumerable: true },
      fields: { value: Object.freeze(getterNames.sort()), enumerable: true },
      ...getters,
    });
    return cls;
  };
  // Each class is made when a node of its type is first seen: a file meets a fraction of the grammar's types.
  const classes: NodeClass[] = new Array<NodeClass>(typeNames.length);
  for (let id = 0; id < typeNames.length; id++) {
    Object.defineProperty(classes, id, {
      configurable: true,
      enumerable: true,
      get() {
        const cls = make(id);
        Object.defineProperty(classes, id, { value: cls, writable: true, configurable: true, enumerable: true });
        return cls;
      },
    });
  }
  return classes;
}

/** node-tree-sitter's native binding, as its index.js loaded it (found in the require cache; undefined elsewhere). */
function loadedBinding(): NodeNames | undefined {
  const cache = (typeof require === 'function' ? require.cache : undefined) ?? {};
  for (const [file, mod] of Object.entries(cache)) {
    if (!file.endsWith('.node') || !/[\\/]tree-sitter[\\/]/.test(file)) continue;
    const b = mod?.exports as Partial<NodeNames> | undefined;
    if (typeof b?.getNodeTypeNamesById === 'function' && typeof b.getNodeFieldNamesById === 'function') return b as NodeNames;
  }
  return undefined;
}

const provided = (globalThis as { __natmodgenTreeSitter?: TreeSitter }).__natmodgenTreeSitter;

function load(): TreeSitter {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const ts: TreeSitter = { Parser: require('tree-sitter'), C: require('tree-sitter-c') };
  const language = ts.C as LanguageObject;
  const binding = loadedBinding();
  if (binding && !language.nodeSubclasses) {
    language.nodeSubclasses = nodeClasses(binding, ts.C, (ts.Parser as unknown as { SyntaxNode: NodeClass }).SyntaxNode);
  }
  return ts;
}

const treeSitter = provided ?? load();

export const Parser = treeSitter.Parser;
export const C = treeSitter.C;
