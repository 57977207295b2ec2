import type ParserType from 'tree-sitter';
import type { SyntaxNode, Tree } from 'tree-sitter';
import { C, Parser } from './native';
import { SourceText, withLineFeeds } from './source';
import { Token, tokenize } from './tokens';

let parser: ParserType | undefined;

function cParser(): ParserType {
  if (!parser) {
    parser = new Parser();
    parser.setLanguage(C as never);
  }
  return parser;
}

export function cLanguage(): unknown {
  return C;
}

/** A parsed input: text, tree-sitter tree and the token stream extractors read. */
export interface ParsedFile {
  /** Path as given by the user (used in diagnostics). */
  path: string;
  src: SourceText;
  tree: Tree;
  tokens: Token[];
}

export function parseFile(path: string, given: string): ParsedFile {
  const text = withLineFeeds(given);
  const src = new SourceText(path, text);
  // tree-sitter's default input callback reads in chunks; pass a callback so large files parse whole.
  const tree = cParser().parse((index: number) => text.slice(index, index + 16384));
  return { path, src, tree, tokens: tokenize(tree, src) };
}

export type { SyntaxNode };
