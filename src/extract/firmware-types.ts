import { Token } from '../parse/tokens';
import { builtinTypeName, MACROS_USING_TYPES } from '../model/firmware';

/** `mp_type_X` names in code that py/dynruntime.h lacks but the builtins module has. */
export function firmwareTypesUsed(tokens: Token[]): string[] {
  const found = new Set<string>();
  for (const t of tokens) {
    if (t.kind !== 'ident') continue;
    const name = builtinTypeName(t.text) ?? MACROS_USING_TYPES[t.text];
    if (name) found.add(name);
  }
  return [...found].sort();
}
