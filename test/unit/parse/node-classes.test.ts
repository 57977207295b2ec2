/**
 * natmodgen makes node-tree-sitter's node classes itself (src/parse/native.ts), lazily and
 * without compiling each from a string. They must be the classes node-tree-sitter makes:
 * the test environment's shared language got node-tree-sitter's own at its first
 * setLanguage, and both sets are compared here, by shape and on the nodes of a real file.
 */
import * as fs from 'fs';
import * as path from 'path';
import type { SyntaxNode } from 'tree-sitter';
import { C, nodeClasses, NodeNames, Parser } from '../../../src/parse/native';

type NodeClass = new (...args: never[]) => object;

const treeSitterDir = path.dirname(require.resolve('tree-sitter/package.json'));
// eslint-disable-next-line @typescript-eslint/no-require-imports
const binding = require('node-gyp-build')(treeSitterDir) as NodeNames;
const parser = new Parser();
parser.setLanguage(C as never);
const theirs = (C as { nodeSubclasses: NodeClass[] }).nodeSubclasses;
const SyntaxNodeClass = (Parser as unknown as { SyntaxNode: NodeClass }).SyntaxNode;
const ours = nodeClasses(binding, C, SyntaxNodeClass);

const ownNames = (cls: NodeClass) => Object.getOwnPropertyNames(cls.prototype).sort();
const proto = (cls: NodeClass) => cls.prototype as Record<string, unknown>;

describe('node classes', () => {
  test('one per node type id, as node-tree-sitter makes them', () => {
    expect(ours.length).toBe(theirs.length);
    let subclasses = 0;
    for (let id = 0; id < theirs.length; id++) {
      const t = theirs[id];
      const o = ours[id];
      if (t === SyntaxNodeClass) {
        expect(o).toBe(SyntaxNodeClass);
        continue;
      }
      subclasses++;
      expect(Object.getPrototypeOf(o)).toBe(SyntaxNodeClass);
      expect(o.name).toBe(t.name);
      expect(proto(o).type).toBe(proto(t).type);
      expect(proto(o).fields).toEqual(proto(t).fields);
      expect(Object.isFrozen(proto(o).fields)).toBe(true);
      expect(ownNames(o)).toEqual(ownNames(t));
    }
    // The C grammar has well over a hundred named node types: the comparison is not vacuous.
    expect(subclasses).toBeGreaterThan(100);
  });

  test('field getters give what node-tree-sitter gives on every node of an example', () => {
    const text = fs.readFileSync(path.join(__dirname, '..', '..', '..', 'examples', 'functions', 'functions.c'), 'utf8');
    const tree = parser.parse(text);
    const key = (n: SyntaxNode | null) => (n ? `${n.type}@${n.startIndex}-${n.endIndex}` : 'null');
    const value = (v: unknown) => (Array.isArray(v) ? v.map((n) => key(n as SyntaxNode)) : key(v as SyntaxNode | null));
    let compared = 0;
    const stack: SyntaxNode[] = [tree.rootNode];
    while (stack.length) {
      const node = stack.pop()!;
      stack.push(...node.children);
      const t = node.constructor as NodeClass;
      // ERROR nodes (type id 0xffff) are plain SyntaxNodes in both.
      const o = node.typeId < ours.length ? ours[node.typeId] : SyntaxNodeClass;
      expect(o.name).toBe(t.name);
      for (const field of (proto(t).fields ?? []) as string[]) {
        const mine = Object.getOwnPropertyDescriptor(o.prototype, field)!.get!.call(node);
        const them = Object.getOwnPropertyDescriptor(t.prototype, field)!.get!.call(node);
        expect(value(mine)).toEqual(value(them));
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(500);
  });
});
