import { ModuleObjDecl } from '../model/declarations';
import { diag } from '../diagnostics/catalog';
import { ExtractContext, qualifiersBefore } from '../extract/context';
import { construct, nothing, removed } from './construct';

/** `const mp_obj_module_t name = { .base = { &mp_type_module }, .globals = (mp_obj_dict_t *)&dict };` */
export function extractModuleObjs(ctx: ExtractContext): ModuleObjDecl[] {
  const { cur } = ctx;
  const out: ModuleObjDecl[] = [];
  for (const i of ctx.anchors('module-obj', 'module_obj.type')) {
    const q = qualifiersBefore(cur, i, ctx);
    const nameIdx = i + 1;
    if (cur.tokens[nameIdx]?.kind !== 'ident' || !cur.is(nameIdx + 1, '=') || !cur.is(nameIdx + 2, '{')) continue;
    const open = nameIdx + 2;
    const close = cur.closing(open);
    if (close < 0) continue;
    const last = cur.is(close + 1, ';') ? close + 1 : close;
    const fields = cur.splitArgs(open, close);
    const designated = fields.find((f) => cur.is(f.from, '.') && cur.is(f.from + 1, 'globals'));
    const field = designated ?? fields[1];
    const code = field ? cur.codeTokens(field) : [];
    const amp = code.findIndex((k) => cur.is(k, '&'));
    const target = amp >= 0 ? code[amp + 1] : undefined;
    // The object's and the dict's names may be the module's macros (`#define MOD m_module`,
    // `DICT(m)`): the compiler's names are their expansions.
    const expanded = (from: number, to: number): string | undefined => {
      if (!ctx.usesMacro({ from, to })) return undefined;
      const exp = ctx.expandTokens(from, to).filter((t) => t.kind !== 'directive');
      return exp.length === 1 && exp[0].kind === 'ident' ? exp[0].text : undefined;
    };
    const globalsName = target === undefined ? undefined : (expanded(target, code[code.length - 1]) ?? cur.text(target));
    if (target === undefined || cur.tokens[target].kind !== 'ident' || globalsName === undefined) {
      ctx.diagnostics.push(
        diag('NMG2010', cur.span(nameIdx), { what: `module object '${cur.text(nameIdx)}': no '.globals = (mp_obj_dict_t *)&dict'` }),
      );
      continue;
    }
    out.push({
      kind: 'module_obj',
      name: expanded(nameIdx, nameIdx) ?? cur.text(nameIdx),
      globals: globalsName,
      globalsSpan: cur.span(target),
      span: cur.span(q.first, last),
      cond: ctx.condAt(i),
      unit: ctx.unit,
      isStatic: q.isStatic,
      directives: cur.tokens.slice(q.first, last + 1).flatMap((t) => (t.kind === 'directive' ? [t.text.trim()] : [])),
    });
  }
  return out;
}

/** The registered module object is the one mpy_init receives; a sub-module is a runtime object. */
export const moduleObj = construct({
  name: 'module-obj',
  queries: ['module-obj'],
  templates: [],
  kind: 'module_obj',
  extract: extractModuleObjs,
  plan: ({ decl, role }) => (role.kind === 'remove' ? removed(decl, `module object ${decl.name}`) : nothing()),
});
