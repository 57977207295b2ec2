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

const provided = (globalThis as { __natmodgenTreeSitter?: TreeSitter }).__natmodgenTreeSitter;

function load(): TreeSitter {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return { Parser: require('tree-sitter'), C: require('tree-sitter-c') };
}

const treeSitter = provided ?? load();

export const Parser = treeSitter.Parser;
export const C = treeSitter.C;
