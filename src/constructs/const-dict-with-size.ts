import { ConstDictDecl } from '../model/declarations';
import { ExtractContext } from '../extract/context';
import { construct } from './construct';
import { readConstDicts } from './const-dict';

/**
 * MP_DEFINE_CONST_DICT_WITH_SIZE(name, table, n) (py/obj.h): the dict over the first `n`
 * entries of a table. natmodgen rebuilds tables entry by entry, so it is the same
 * declaration as MP_DEFINE_CONST_DICT (planned by src/constructs/const-dict.ts); the
 * count stays in the kept text, where the compiler evaluates it.
 */
export function extractConstDictsWithSize(ctx: ExtractContext): ConstDictDecl[] {
  return readConstDicts(ctx, 'const-dict-with-size', 'const_dict_with_size.macro', 'MP_DEFINE_CONST_DICT_WITH_SIZE', [
    'name',
    'table',
    'size',
  ]);
}

export const constDictWithSize = construct({
  name: 'const-dict-with-size',
  queries: ['const-dict-with-size'],
  templates: [],
  kind: 'const_dict',
  extract: extractConstDictsWithSize,
});
