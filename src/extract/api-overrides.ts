import { Diagnostic } from '../diagnostics/diagnostic';
import { diag } from '../diagnostics/catalog';
import { ApiOverride } from '../model/declarations';
import { MacroDef, preprocess } from '../preprocess';
import { ExtractContext } from './context';
import { SourceText } from '../parse/source';
import { natmodApiName } from '../model/natmod-abi';
import { queryCaptures } from '../parse/queries';

/**
 * The module's own `#define`s of names that are functions in the firmware and py/dynruntime.h
 * macros in a natmod (`#define m_malloc(n) traced(n)`, valid firmware code), as the natmod build
 * compiles them: the file is read again with dynruntime's names defined, so a definition under
 * `#if 0` or an `#ifndef m_malloc` fallback (dead in a natmod, where dynruntime defines it) is
 * none. A body that calls the function by its own name (the firmware's function, since a macro
 * does not expand inside itself) gets dynruntime's definition under a reserved name; that needs
 * the definition from the tree, and a rewrite natmodgen can only make in the file itself.
 */
export function extractApiOverrides(ctx: ExtractContext): { overrides: ApiOverride[]; diagnostics: Diagnostic[] } {
  const natmod = ctx.env.natmodMacros;
  const file = ctx.file.path;
  if (!natmod) return { overrides: [], diagnostics: [] };
  const candidates = ctx.pp.definitions.filter((d) => d.file !== '<command line>' && natmod.has(d.name));
  const defined = definedApiFunctions(ctx, natmod);
  if (candidates.length === 0) return { overrides: defined, diagnostics: [] };
  const names = [...new Set(candidates.map((d) => d.name))];
  const asNatmod = preprocess(file, ctx.file.src.text, {
    ...ctx.ppOptions,
    // After the -D (the compiler's command line), as py/dynruntime.h comes before the module's code.
    defines: [...(ctx.ppOptions.defines ?? []), ...names.map((name) => ({ name, body: '' }))],
  });
  const live = asNatmod.definitions.filter((d) => d.file !== '<command line>' && natmod.has(d.name));
  const overrides: ApiOverride[] = [];
  const diagnostics: Diagnostic[] = [];
  const text = ctx.file.src.text;
  for (const name of [...new Set(live.map((d) => d.name))]) {
    const defs = live.filter((d) => d.name === name);
    const selfCalling = defs.filter(callsItself);
    const definition = natmod.get(name);
    const refuse = (d: MacroDef, why: string) => {
      const header = d.file === file ? undefined : ctx.env.readFile?.(d.file);
      const src = d.file === file ? ctx.file.src : header !== undefined ? new SourceText(d.file, header) : undefined;
      const span = src?.span(d.start, d.start + name.length);
      diagnostics.push(diag('NMG2020', span, { name, why }));
    };
    for (const d of selfCalling) {
      if (d.file !== file)
        refuse(
          d,
          `its body (in ${d.file}) calls the firmware function ${name} by its own name, and natmodgen rewrites only the module's .c files`,
        );
      else if (definition === undefined)
        refuse(
          d,
          `its body calls the firmware function ${name} by its own name, which a natmod reaches only through py/dynruntime.h's definition, and no MicroPython tree is given to read it from`,
        );
    }
    const directives = defs
      .filter((d) => d.file === file)
      .map((d) => {
        const dir = ctx.cur.tokens.find((t) => t.kind === 'directive' && t.start <= d.start && d.start < t.end);
        const start = dir?.start ?? d.start;
        const end = dir?.end ?? d.end;
        const self = d.body.filter((t) => t.kind === 'ident' && t.text === name);
        let rewritten: string | undefined;
        if (self.length && definition !== undefined) {
          rewritten = '';
          let at = start;
          for (const t of self) {
            rewritten += text.slice(at, t.start) + natmodApiName(name);
            at = t.end;
          }
          rewritten += text.slice(at, end);
        }
        return { start, end, span: ctx.file.src.span(start, end), ...(rewritten !== undefined ? { rewritten } : {}) };
      });
    overrides.push({
      name,
      directives,
      inHeader: defs.some((d) => d.file !== file),
      ...(selfCalling.length && definition !== undefined ? { natmodDefinition: definition } : {}),
    });
  }
  for (const o of defined) if (!overrides.some((x) => x.name === o.name)) overrides.push(o);
  return { overrides, diagnostics };
}

/**
 * Functions the file defines (in code that may be compiled) under a name py/dynruntime.h makes
 * a macro: the firmware's own sources do (py/objarray.c defines mp_obj_new_bytearray). In the
 * unit, the name is then the module's function, for its definition and its calls, as in the
 * firmware; dynruntime's macro is set aside for the unit as for a header's `#define` of it.
 */
function definedApiFunctions(ctx: ExtractContext, natmod: ReadonlyMap<string, string | undefined>): ApiOverride[] {
  const out = new Map<string, ApiOverride>();
  const text = ctx.file.src.text;
  for (const c of queryCaptures(ctx.file, 'function-definition')) {
    const start = c.start ?? c.node.startIndex;
    const name = text.slice(start, c.end ?? c.node.endIndex);
    if (!natmod.has(name) || out.has(name)) continue;
    const i = ctx.cur.indexAt(start);
    if (i < 0 || !ctx.maybeCompiled(i)) continue;
    out.set(name, { name, directives: [], inHeader: true });
  }
  return [...out.values()];
}

function callsItself(d: MacroDef): boolean {
  return d.body.some((t) => t.kind === 'ident' && t.text === d.name);
}
