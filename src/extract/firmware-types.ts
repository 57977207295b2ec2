import { Token } from '../parse/tokens';
import { Decl } from '../model/declarations';
import { choiceLeaves, type ExtractContext } from './context';
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

/**
 * Builtin types a type's slots name only after expansion: `MP_DEFINE_EXCEPTION(E, OSError)` is the
 * parent `&mp_type_OSError`, also when a module macro writes the definition (`EXC(E, OSError)`).
 */
export function firmwareTypesOfSlots(decls: Decl[]): string[] {
  const found = new Set<string>();
  for (const d of decls) {
    if (d.kind !== 'obj_type') continue;
    for (const s of d.slots) {
      if (s.kind !== 'item') continue;
      for (const m of s.item.value.matchAll(/\bmp_type_\w+/g)) {
        const name = builtinTypeName(m[0]);
        if (name) found.add(name);
      }
    }
  }
  return [...found];
}

/**
 * Builtin types a module macro pastes (`#define RAISE(t, m) mp_raise_msg(&mp_type_##t, m)`), read
 * from the expansion of each use of the module's macros; nothing to do without such a macro.
 */
export function firmwareTypesPasted(ctx: ExtractContext): string[] {
  const pastes = ctx.pp.definitions.some((d) => d.body.some((t, k) => t.text === '##' && /^mp_type_/.test(d.body[k - 1]?.text ?? '')));
  if (!pastes) return [];
  const { cur } = ctx;
  const found = new Set<string>();
  for (let i = 0; i < cur.tokens.length; i++) {
    const m = ctx.userMacro(i);
    if (!m) continue;
    const last = m.params ? cur.closing(i + 1) : i;
    if (last < 0) continue;
    // Every branch of an #if natmodgen cannot decide: the compiler may take any of them, and a type
    // looked up that the branch taken does not use costs nothing.
    const tree = ctx.choicesIn(i, last);
    for (const exp of tree ? choiceLeaves(tree) : [])
      for (const t of exp) {
        const name = t.kind === 'ident' ? builtinTypeName(t.text) : undefined;
        if (name) found.add(name);
      }
    i = last;
  }
  return [...found];
}
