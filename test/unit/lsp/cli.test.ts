// `natmodgen lsp --stdio`: editor clients (vscode-languageclient, most others) add --stdio
// to the command; the strict option check must let it through, and only for lsp.
import { unknownOptions } from '../../../src/cli/run';

describe('lsp command line', () => {
  test('--stdio is an option of lsp', () => {
    expect(unknownOptions(['lsp', '--stdio'])).toEqual([]);
  });
  test('--stdio is not an option of gen', () => {
    expect(unknownOptions(['gen', '--stdio', 'x.c'])).toEqual(['stdio']);
  });
});
