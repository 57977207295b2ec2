import { Diagnostic, Span } from '../diagnostics/diagnostic';
import { diag } from '../diagnostics/catalog';
import { FileModel } from '../model/declarations';
import { Inventory, RUNTIME_NAME } from '../facts';
import { reasonFor } from '../facts/classify';
import { CAVEATS, PORT_VALUE_NAMES } from '../facts/reasons';

/**
 * Every call in the inputs (in code and in the bodies of the module's macros that are
 * used) of a C API name a natmod cannot link: port-specific ones (NMG3002), impossible
 * ones and those not provided yet (NMG3001), and runtime-looking names no header
 * declares; and, as warnings, the names a natmod has with a difference (NMG3003). Functions and macros the inputs define are theirs, never reported.
 */
export function checkApiCalls(files: FileModel[], inventory: Inventory): Diagnostic[] {
  const defined = new Set(files.flatMap((f) => [...f.definedFunctions]));
  const out: Diagnostic[] = [];
  for (const f of files) {
    for (const c of [...f.calls, ...(f.macroCalls ?? [])].sort((a, b) => a.span.start - b.span.start)) {
      if (defined.has(c.name)) continue;
      const d = callDiagnostic(c.name, c.span, inventory);
      if (d) out.push(d);
    }
  }
  return out;
}

export function callDiagnostic(name: string, span: Span, inventory: Inventory): Diagnostic | undefined {
  const e = inventory.lookup(name);
  // Upper-case macros natmodgen converts itself (MP_ROM_QSTR, MP_STATE_VM...); only port and impossible ones are reported.
  if (e && /^[A-Z]/.test(name) && e.status.kind !== 'port' && e.status.kind !== 'impossible' && !CAVEATS.has(name)) return undefined;
  if (!e) {
    if (!RUNTIME_NAME.test(name) && !PORT_VALUE_NAMES.has(name)) return undefined;
    // Port functions declared in the port's own headers (mphalport.h, modmachine.c...) still belong to a family.
    const rule = reasonFor(name, undefined);
    if (rule) return { ...diag(rule.status === 'port' ? 'NMG3002' : 'NMG3001', span, { name, why: rule.reason }), help: rule.alternative };
    const d = diag('NMG3001', span, {
      name,
      why: `no MicroPython v${inventory.facts.micropython} header declares it, and the inputs do not define it`,
    });
    return { ...d, help: `pass the .c file that defines '${name}' too, or define it in the module` };
  }
  const s = e.status;
  switch (s.kind) {
    case 'dynruntime':
    case 'runtime': {
      const caveat = CAVEATS.get(name);
      return caveat ? { ...diag('NMG3003', span, { name, difference: caveat.difference }), help: caveat.help } : undefined;
    }
    case 'port':
      return { ...diag('NMG3002', span, { name, why: s.reason }), help: s.alternative };
    case 'impossible':
      return { ...diag('NMG3001', span, { name, why: s.reason }), help: s.alternative };
    case 'missing': {
      const d = diag('NMG3001', span, { name, why: `${s.reason} (declared in ${e.header}:${e.line})` });
      return {
        ...d,
        help:
          `define '${s.through ?? name}' in the module's own sources, ` +
          "or keep this module a user C module until natmodgen's runtime provides it",
      };
    }
    default: {
      const never: never = s;
      return never;
    }
  }
}
