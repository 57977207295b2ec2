import { Token } from '../parse/tokens';
import { builtinTypeName } from '../resolve/firmware';

/** `mp_type_X` names in code that py/dynruntime.h lacks but the builtins module has. */
export function firmwareTypesUsed(tokens: Token[]): string[] {
  const found = new Set<string>();
  for (const t of tokens) {
    if (t.kind !== 'ident') continue;
    const name = builtinTypeName(t.text);
    if (name) found.add(name);
  }
  return [...found].sort();
}
