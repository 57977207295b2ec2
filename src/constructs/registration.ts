import { RegistrationDecl, asQstr } from '../model/declarations';
import { construct, removed } from './construct';
import { guarded } from '../plan/lines';
import { RegistrationStoreView } from '../plan/view';
import { diag } from '../diagnostics/catalog';
import { ExtractContext, readMacroCall } from '../extract/context';
import { evaluateCondition, lexPP } from '../preprocess';
import { TokRange, joinTokens } from '../extract/cursor';

/**
 * MP_REGISTER_MODULE(MP_QSTR_name, obj) and MP_REGISTER_EXTENSIBLE_MODULE(...). Before
 * MicroPython v1.19 MP_REGISTER_MODULE took a third argument, an enable switch: a natmod
 * is loaded only when wanted, so the module is registered unless the switch is off here.
 */
export function extractRegistrations(ctx: ExtractContext): RegistrationDecl[] {
  const out: RegistrationDecl[] = [];
  for (const i of ctx.anchors('registration', 'registration.macro')) {
    const call = readMacroCall(ctx, i);
    if (!call) continue;
    const args = ctx.cur.splitArgs(call.open, call.close);
    // The name through the module's macro (`QSTR(mod)`) is read as expanded: MicroPython's
    // makemoduledefs.py reads the preprocessed source.
    const qstr = !args[0] ? '' : ctx.usesMacro(args[0]) ? flatExpansion(ctx, args[0]) : ctx.cur.flat(args[0]);
    const legacy = args.length === 3 && ctx.cur.text(i) === 'MP_REGISTER_MODULE';
    if ((args.length !== 2 && !legacy) || !qstr.startsWith('MP_QSTR_')) {
      ctx.diagnostics.push(
        diag('NMG2010', ctx.cur.span(i, call.close), { what: `${ctx.cur.text(i)}: expected (MP_QSTR_name, module_obj)` }),
      );
      continue;
    }
    if (legacy && enableSwitchOff(ctx, args[2].from, args[2].to)) continue;
    // The module object too (`#define MOD m_module`).
    const moduleObj = ctx.usesMacro(args[1]) ? flatExpansion(ctx, args[1]) : ctx.cur.flat(args[1]);
    out.push({
      kind: 'registration',
      name: moduleObj,
      moduleName: asQstr(qstr.slice('MP_QSTR_'.length)),
      moduleObj,
      moduleObjSpan: ctx.cur.spanOf(args[1]),
      extensible: ctx.cur.text(i) === 'MP_REGISTER_EXTENSIBLE_MODULE',
      span: ctx.cur.span(call.first, call.last),
      cond: ctx.condAt(i),
      unit: ctx.unit,
      isStatic: false,
      live: ctx.pp.liveAt(ctx.cur.tokens[i].start) === 'on' ? 'on' : 'unknown',
    });
  }
  return out;
}

/**
 * The registration is what mpy_init is: the line itself goes. Another module the inputs register
 * (a file the natmod's module needs, which registers a module of its own: resolve's neededRoot)
 * is importable in the firmware too: the natmod puts its module object into sys.modules at
 * import. A dotted name (`pkg_dot_sub`) is a sub-module, stored with the others (src/plan/submodules.ts).
 */
export const registration = construct({
  name: 'registration',
  queries: ['registration'],
  templates: ['registration-off', 'registration-store'],
  kind: 'registration',
  extract: extractRegistrations,
  plan: ({ decl }, ctx) => {
    const edits = removed(decl, `registration of module ${decl.moduleName}`);
    const root = ctx.module.name;
    if (decl.moduleName === root || decl.moduleName.startsWith(`${root}_dot_`)) return edits;
    const store: RegistrationStoreView = { partial: 'registration-store', moduleName: decl.moduleName, object: decl.moduleObj };
    return { ...edits, init: [{ phase: 'table', lines: guarded(decl.cond, [store]) }] };
  },
});

/** A range as the compiler sees it, the module's macros expanded, directives dropped. */
export function flatExpansion(ctx: ExtractContext, r: TokRange): string {
  return joinTokens(
    ctx
      .expandTokens(r.from, r.to)
      .filter((t) => t.kind !== 'directive')
      .map((t) => t.text),
  );
}

/** Whether the enable switch of a 3-argument registration is 0 under the given -D and the module's macros. */
function enableSwitchOff(ctx: ExtractContext, from: number, to: number): boolean {
  const text = ctx.cur.flat({ from, to });
  return evaluateCondition(lexPP(text), ctx.pp.lookupAt(ctx.cur.tokens[from].start)) === 0;
}
