import { PLAIN_C_HEADERS, REASONS, ReasonRule } from './reasons';
import { ApiFacts, ApiSymbol, SymbolKind } from './types';

/**
 * What a natmod gets for one name of the C API; exactly one of:
 * - `dynruntime`: py/dynruntime.h defines it (`via: 'dynruntime.h'`), or it is a macro or
 *   inline function of the py headers that compiles in a natmod because everything it
 *   calls is provided (`via: 'headers'`);
 * - `runtime`: natmodgen's runtime library defines it under the firmware's name;
 * - `port`: each port implements it; `alternative` says how to reach the same service;
 * - `impossible`: the firmware keeps it to itself; `reason` says why;
 * - `missing`: nothing stops a natmod having it, but neither py/dynruntime.h nor
 *   natmodgen's runtime provides it yet (what is left for the runtime to build).
 * `through` names the callee a macro or inline function inherits its status from.
 */
export type Status =
  | { kind: 'dynruntime'; via: 'dynruntime.h' | 'headers'; funTable: string[] }
  | { kind: 'runtime'; file: string; line?: number }
  | { kind: 'port' | 'impossible'; reason: string; alternative: string; through?: string }
  | { kind: 'missing'; reason: string; through?: string };

export type StatusKind = Status['kind'];

export interface InventoryEntry {
  name: string;
  kind: SymbolKind;
  header: string;
  line: number;
  status: Status;
}

/** Where natmodgen's runtime provides a function: a runtime/ file, or a generated equivalent. */
export type RuntimeProviders = Map<string, { file: string; line?: number }>;

export interface Counts {
  symbols: number;
  dynruntime: number;
  runtime: number;
  port: number;
  impossible: number;
  missing: number;
}

const RANK: Record<StatusKind, number> = { dynruntime: 0, runtime: 0, missing: 1, port: 2, impossible: 3 };

/** The classified API: one status per public name, looked up by name (classified on first use). */
export class Inventory {
  private all: InventoryEntry[] | undefined;
  private readonly byName = new Map<string, InventoryEntry>();
  private readonly symbols: Map<string, ApiSymbol>;

  constructor(
    readonly facts: ApiFacts,
    private readonly statusOf: (name: string) => Status | undefined,
  ) {
    this.symbols = new Map(facts.symbols.map((s) => [s.name, s]));
  }

  /** Every public name with its status, in name order. */
  get entries(): InventoryEntry[] {
    this.all ??= this.facts.symbols.map((s) => this.lookup(s.name)!);
    return this.all;
  }

  lookup(name: string): InventoryEntry | undefined {
    const known = this.byName.get(name);
    if (known) return known;
    const s = this.symbols.get(name);
    if (!s) return this.runtimeOnly(name);
    const e: InventoryEntry = { name: s.name, kind: s.kind, header: s.header, line: s.line, status: this.statusOf(name)! };
    this.byName.set(name, e);
    return e;
  }

  /**
   * A name no public header declares that natmodgen's runtime defines under a port's spelling
   * (the pin HAL of mphalport.h: mp_hal_pin_output...): provided, though outside the counted API.
   */
  private runtimeOnly(name: string): InventoryEntry | undefined {
    if (!RUNTIME_NAME.test(name)) return undefined;
    const status = this.statusOf(name);
    if (status?.kind !== 'runtime') return undefined;
    const e: InventoryEntry = { name, kind: 'function', header: status.file, line: status.line ?? 0, status };
    this.byName.set(name, e);
    return e;
  }

  /**
   * The names the firmware's macro or inline forms of `name` call, transitively (every
   * alternative definition counted); empty for a plain function or an unknown name.
   */
  expansion(name: string): string[] {
    const seen = new Set<string>();
    const walk = (n: string): void => {
      for (const alt of this.symbols.get(n)?.calls ?? []) {
        for (const callee of alt) {
          if (seen.has(callee) || callee === name) continue;
          seen.add(callee);
          walk(callee);
        }
      }
    };
    walk(name);
    return [...seen];
  }

  /** Whether a natmod may call `name` (it is provided); undefined when the name is not in the API. */
  canCall(name: string): boolean | undefined {
    const e = this.lookup(name);
    return e ? e.status.kind === 'dynruntime' || e.status.kind === 'runtime' : undefined;
  }

  counts(): Counts {
    const c: Counts = { symbols: this.entries.length, dynruntime: 0, runtime: 0, port: 0, impossible: 0, missing: 0 };
    for (const e of this.entries) c[e.status.kind]++;
    return c;
  }
}

/** The rule of REASONS for a name: rules listing it by name first, then families by prefix or header. */
export function reasonFor(name: string, header: string | undefined, rules: ReasonRule[] = REASONS): ReasonRule | undefined {
  return (
    rules.find((r) => r.names?.includes(name)) ??
    rules.find((r) => r.prefixes?.some((p) => name.startsWith(p)) || (header !== undefined && r.headers?.includes(header)))
  );
}

/** Names that look like MicroPython runtime functions (a call of one that no header declares cannot link). */
export const RUNTIME_NAME = /^(mp_|m_|gc_|qstr_|vstr_|nlr_|mpz_|utf8_|unichar_)/;

/**
 * Classifies every public name of `facts`. Order of evidence: py/dynruntime.h, then
 * natmodgen's runtime, then the hand-written reasons, then (for macros and inline
 * functions) what the body calls, else `missing`.
 */
export function classify(facts: ApiFacts, runtime: RuntimeProviders, rules: ReasonRule[] = REASONS): Inventory {
  const dyn = new Map(facts.dynruntime.map((d) => [d.name, d]));
  const symbols = new Map(facts.symbols.map((s) => [s.name, s]));
  const removed = new Set(facts.removed);
  const memo = new Map<string, Status>();
  const active = new Set<string>();

  const statusOf = (name: string): Status | undefined => {
    const known = memo.get(name);
    if (known) return known;
    const sym = symbols.get(name);
    if (!sym && !dyn.has(name) && !runtime.has(name)) return undefined;
    if (active.has(name)) return { kind: 'dynruntime', via: 'headers', funTable: [] };
    active.add(name);
    const s = decide(name, sym);
    active.delete(name);
    memo.set(name, s);
    return s;
  };

  const decide = (name: string, sym: ApiSymbol | undefined): Status => {
    const d = dyn.get(name);
    if (d) return { kind: 'dynruntime', via: 'dynruntime.h', funTable: d.funTable };
    const r = runtime.get(name);
    if (r) return { kind: 'runtime', ...r };
    const rule = reasonFor(name, sym?.header, rules);
    if (
      rule &&
      sym &&
      sym.kind !== 'function' &&
      sym.calls?.length === 1 &&
      PLAIN_C_HEADERS.has(sym.header) &&
      !rule.names?.includes(name)
    ) {
      // A family's macro or inline that is plain C over its arguments: as good as what it calls.
      const body = fromBody(sym.calls);
      if (body.kind === 'dynruntime' || body.kind === 'runtime') return body;
    }
    if (rule) return { kind: rule.status, reason: rule.reason, alternative: rule.alternative };
    if (removed.has(name)) return { kind: 'missing', reason: 'py/dynruntime.h removes it (#undef) and defines nothing in its place' };
    const unprovided: Status = {
      kind: 'missing',
      reason: "py/dynruntime.h does not provide it (it is not reachable through mp_fun_table) and natmodgen's runtime does not define it",
    };
    if (!sym?.calls) return sym?.kind === 'function' || !sym ? unprovided : { kind: 'dynruntime', via: 'headers', funTable: [] };
    // A macro for one configuration beside a prototype for another (MP_COMPRESSED_ROM_TEXT): the better one counts.
    const body = fromBody(sym.calls);
    return sym.kind === 'function' && RANK[body.kind] > RANK.missing ? unprovided : body;
  };

  /** The best of the definitions (only one is compiled), each as bad as its worst callee. */
  const fromBody = (variants: string[][]): Status => {
    let best: Status | undefined;
    for (const calls of variants) {
      let worst: Status = { kind: 'dynruntime', via: 'headers', funTable: [] };
      for (const callee of calls) {
        const s = statusOf(callee) ?? (RUNTIME_NAME.test(callee) ? undeclared(callee) : undefined);
        if (s && RANK[s.kind] > RANK[worst.kind]) worst = inherit(callee, s);
      }
      if (!best || RANK[worst.kind] < RANK[best.kind]) best = worst;
    }
    return best ?? { kind: 'dynruntime', via: 'headers', funTable: [] };
  };

  return new Inventory(facts, statusOf);
}

function undeclared(name: string): Status {
  return { kind: 'missing', reason: `no public header declares '${name}'` };
}

function inherit(callee: string, s: Status): Status {
  switch (s.kind) {
    case 'port':
    case 'impossible':
      return { ...s, reason: `it expands to a call of ${callee}: ${s.reason}`, through: s.through ?? callee };
    case 'missing':
      return { ...s, reason: `it expands to a call of ${callee}, which is missing: ${s.reason}`, through: s.through ?? callee };
    default:
      return s;
  }
}
