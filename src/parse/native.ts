import type ParserType from 'tree-sitter';

/**
 * The one place tree-sitter and its C grammar are loaded. node-tree-sitter cannot
 * be evaluated twice in one process, which is why jest.config.js gives each test
 * file a fresh worker.
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports
export const Parser = require('tree-sitter') as typeof ParserType;
// eslint-disable-next-line @typescript-eslint/no-require-imports
export const C: unknown = require('tree-sitter-c');
