import * as path from 'path';
import { Decl } from '../model/declarations';
import { ResolvedDecl, ResolvedModule, ResolvedUnit } from '../model/resolved';
import { SHIM_ORDER } from '../model/natmod-abi';
import { Define } from '../model/define';
import { CondFrame, Condition } from '../model/condition';
import { isReachableFirmwareType, namesNeedingType } from '../model/firmware';
import { names, rootPointerDeclaration, unitIds } from './names';
import { needsLibcMem, planMpyInit, runtimeText } from './mpy-init';
import { planRuntime } from './runtime';
import { cStringBody, lineDirective } from './c';
import { directiveLine } from './lines';
import { natmodApiName } from '../model/natmod-abi';
import { ApiOverrideView, Contribution, EditView, EntryView, InitLine, InitPhase, PlanInput, UnitContext, UnitView, View } from './view';

export type { PlanInput } from './view';

/** The plan function of each declaration kind, from the construct registry (src/constructs/index.ts). */
export type Planners = { [K in Decl['kind']]?: (r: ResolvedDecl<Extract<Decl, { kind: K }>>, ctx: UnitContext) => Contribution };

/** The alias block: names that are run-time values in a natmod, aliased to the storage mpy_init fills. */
export interface DeclBlockView extends View<'decl-block'> {
  /** `asmName`: the symbol of a type's storage, its C name when that has external linkage. */
  types: Array<{ name: string; storage: string; asmName?: string; full?: boolean }>;
  firmwareTypes: string[];
  rootPointers: string[];
  /** Whether MP_STATE_VM/MP_STATE_PORT name the root pointers' globals. */
  rootPointerState: boolean;
  moduleType: boolean;
  /** The registered module object, when the unit's code names it: the module mpy_init receives. */
  rootModule?: string;
}

const PHASES: InitPhase[] = ['data', 'object', 'type', 'table'];

/**
 * Resolved module → one UnitView per input file: a pure function of the resolved
 * model. Each declaration goes to the plan function of its construct with the role
 * resolve gave it.
 */
export function planUnits(input: PlanInput, planners: Planners): UnitView[] {
  const { module: mod } = input;
  const units = mod.units;
  const ids = unitIds(units.map((u) => u.model.path));
  const regUnit = mod.registration.unit;
  const moduleTypes = new Set(mod.types.map((t) => t.name));
  // The module __getattr__ decodes the attribute's qstr object with the runtime's MP_OBJ_QSTR_VALUE.
  const getattrRoots = mod.delegation ? [{ unit: mod.delegation.unit, names: ['MP_OBJ_QSTR_VALUE'] }] : [];
  const runtime = planRuntime(mod, getattrRoots, needsLibcMem(mod) ? ['memcpy', 'memmove', 'memset'] : []);
  const typeStorage = (t: { name: string; unit: number; isStatic: boolean }) =>
    names.typeStorage(t.name, t.isStatic ? ids[t.unit] : undefined);
  const readsMpzInts = units.some((u) => u.model.readsMpzInts === true);
  const views = units.map((u, unit): UnitView => {
    const outAbs = path.resolve(input.outDir, input.outRel[unit]);
    const fromOutput = (target: string) => path.relative(path.dirname(outAbs), path.resolve(target)).split(path.sep).join('/');
    const lineBase = input.lineBase === undefined ? path.dirname(outAbs) : path.resolve(input.lineBase);
    const fromLineBase = (target: string) => path.relative(lineBase, path.resolve(target)).split(path.sep).join('/');
    const ctx: UnitContext = {
      unit,
      unitId: ids[unit],
      holdsInit: unit === regUnit,
      module: mod,
      moduleTypes,
      typeStorage,
      fromOutput,
      mode: input.mode,
      sourceLine: (line) => {
        if (input.mode !== 'gen') return [];
        const o = input.origins?.[unit]?.(line) ?? { file: u.model.path, line };
        return [directiveLine(lineDirective(o.line, cStringBody(fromLineBase(o.file))))];
      },
    };

    const edits: EditView[] = [];
    const init = new Map<InitPhase, InitLine[]>(PHASES.map((p) => [p, []]));
    const shimKinds = new Set<string>();
    const block = declBlock(u, unit, mod, typeStorage, moduleTypes);
    if (block) edits.push(block);
    const overrides = u.model.apiOverrides ?? [];
    for (const o of overrides)
      for (const d of o.directives) {
        const view: ApiOverrideView = { partial: 'api-override', name: o.name, rewritten: d.rewritten ?? null };
        edits.push({ start: d.start, end: d.rewritten !== undefined ? d.end : d.start, view });
      }
    for (const r of u.decls) {
      const plan = planners[r.decl.kind] as ((r: ResolvedDecl, ctx: UnitContext) => Contribution) | undefined;
      if (!plan) continue;
      const c = plan(r, ctx);
      // A directive inside a definition that is itself rewritten goes with it.
      const nested = r.decl.kind === 'dynruntime_guard' && edits.some((e) => r.decl.span.start >= e.start && r.decl.span.start < e.end);
      if (!nested) edits.push(...c.edits);
      for (const i of c.init ?? []) init.get(i.phase)!.push(...i.lines);
      for (const s of c.shims ?? []) shimKinds.add(s);
    }
    const initLines = PHASES.flatMap((p) => init.get(p)!);
    const overridden = new Set(overrides.map((o) => o.name));
    const fnAddresses = [
      ...new Map(
        u.model.decls.flatMap((d) => (d.kind === 'fn_address' && !overridden.has(d.name) ? [[d.name, d.replacement] as const] : [])),
      ),
    ].map(([name, replacement]) => ({ name, replacement }));
    const shims: View[] = [
      ...(runtime.unitHeaders[unit] ? [runtimeText(runtime.unitHeaders[unit])] : []),
      ...SHIM_ORDER.filter((k) => shimKinds.has(k)).map((k) => ({ partial: `shim-${k}` })),
    ];

    return {
      outRel: input.outRel[unit],
      outName: cStringBody(fromLineBase(outAbs)),
      lineFile: cStringBody(fromLineBase(u.model.path)),
      splicedLineFiles: Object.fromEntries((input.splicedFiles?.[unit] ?? []).map((f) => [f, cStringBody(fromLineBase(f))])),
      sourceName: u.model.path.split(path.sep).join('/'),
      prelude: {
        defines: unitDefines(input.defines, u, readsMpzInts),
        signedOffsets: reachesOffsets(u, unit === regUnit ? runtime.items : []),
        defaultVisibility: u.model.hiddenSymbols === true,
        escapedQstrs: u.escapedQstrs.map((q) => ({ id: q.id, text: cStringBody(q.text) })),
        shims,
        apiOverrides: overrides.map((o) => ({
          name: o.name,
          undef: o.inHeader,
          natmod: o.natmodDefinition !== undefined ? { name: natmodApiName(o.name), definition: o.natmodDefinition } : null,
        })),
        fnAddresses,
      },
      edits: edits.sort((a, b) => a.start - b.start || a.end - b.end),
      tail: {
        entry: entryView(units.length, unit === regUnit),
        initFn: initLines.length ? { name: names.unitInit(ids[unit]), lines: initLines, isStatic: unit === regUnit } : null,
        mpyInit: null,
        userMacros: u.model.userMacros ?? [],
        apiOverrides: [...overrides.map((o) => o.name), ...fnAddresses.map((f) => f.name)],
      },
    };
  });
  const unitInits = views.flatMap((v) => (v.tail.initFn ? [{ name: v.tail.initFn.name, local: v.tail.initFn.isStatic }] : []));
  views[regUnit].tail.mpyInit = planMpyInit(mod, unitInits, mod.globalsTable.unit !== regUnit, runtime.body);
  return views;
}

/**
 * The names of py/stream.h whose values are seek offsets (mp_off_t). Every port makes mp_off_t
 * signed (long, intptr_t); the config header tools/mpy_ld.py writes for a natmod build says
 * uintptr_t, and firmware code that tests `offset < 0` (py/objstringio.c's seek from the end)
 * would never see a negative one. Same size, so the ioctl's struct is the firmware's either way.
 */
const OFFSET_NAMES = ['mp_off_t', 'mp_stream_seek_t', 'mp_stream_seek', 'mp_stream_posix_lseek'];

/** Whether the unit's code, the macros it expands or the runtime pieces it holds name a seek offset. */
function reachesOffsets(u: ResolvedUnit, runtimeItems: ReadonlyArray<{ refs: string[]; defines: string[] }>): boolean {
  return OFFSET_NAMES.some(
    (n) => u.model.identifiers.has(n) || u.expandsTo.includes(n) || runtimeItems.some((i) => i.refs.includes(n) || i.defines.includes(n)),
  );
}

/** A module of one unit needs no trampoline: its only object comes first. */
function entryView(unitCount: number, holdsInit: boolean): EntryView | null {
  if (unitCount < 2) return null;
  return holdsInit ? { label: true, target: 'natmodgen_mpy_init' } : { label: false, target: 'mpy_init' };
}

/** The SPI protocol's types of extmod/modmachine.h (declared when MICROPY_PY_MACHINE_SPI). */
const SPI_PROTOCOL_TYPES = ['mp_machine_spi_p_t', 'mp_machine_soft_spi_obj_t'];

/** The -D macros, and the configuration a unit's code needs that a natmod build does not set. */
function unitDefines(given: Define[], u: ResolvedUnit, readsMpzInts: boolean): Define[] {
  const extra = (name: string, needed: boolean, body = '(1)'): Define[] =>
    needed && !given.some((d) => d.name === name) ? [{ name, body, bare: name }] : [];
  return [
    // The firmware compiles GNU C (-std=gnu99), where the C library declares its common
    // extensions (M_PI, strdup...); dynruntime.mk's -std=c99 hides them unless asked for.
    ...extra('_DEFAULT_SOURCE', !u.model.definesDefaultSource, '1'),
    // GNU C's keywords, which -std=c99 knows only as __typeof__ and __asm__ (same meaning in GNU C).
    ...(u.model.gnuKeywords ?? []).flatMap((k) => extra(k, true, `__${k}__`)),
    // py/mphal.h includes the port's mphalport.h, which a natmod build has none of; a module header
    // that includes py/mphal.h gets a header every build has in its place (py/mphal.h's own hook).
    ...extra('MICROPY_MPHALPORT_H', u.model.includesPortHal === true, '<stddef.h>'),
    ...given,
    ...extra('MICROPY_STACK_CHECK', u.model.usesStackCheck),
    // Ports have unicode strings; the utf8 equivalents check at import whether this one does.
    ...extra('MICROPY_PY_BUILTINS_STR_UNICODE', u.model.testsStrUnicode),
    // natmodgen calls the module's __init__ at import, as firmware with this option does
    // (dynruntime.mk's configuration leaves it 0; the unix port has it).
    ...extra('MICROPY_MODULE_BUILTIN_INIT', u.model.testsBuiltinInit),
    // A module that reads int objects' mpz builds only for firmware with mpz long ints, and
    // mp_obj_int_t has that layout only under this setting (dynruntime.mk leaves it none).
    // Every unit gets it when one needs it: they pass the same int objects to each other.
    ...extra('MICROPY_LONGINT_IMPL', readsMpzInts, '(MICROPY_LONGINT_IMPL_MPZ)'),
    // A module that drives the SPI bus object it is given through its type's protocol slot
    // (mp_machine_spi_p_t) builds for firmware with machine.SPI; extmod/modmachine.h declares the
    // protocol only under this setting (dynruntime.mk leaves it 0). It declares, defines nothing.
    ...extra(
      'MICROPY_PY_MACHINE_SPI',
      SPI_PROTOCOL_TYPES.some((n) => u.model.identifiers.has(n)),
    ),
  ];
}

/** The alias block, after the last #include before the first mention of an aliased name. */
/** Whether the branches `outer` sits in are those around `inner` (or enclose them): code at `inner` is compiled whenever code at `outer` is. */
function encloses(outer: Condition, inner: Condition): boolean {
  const same = (a: CondFrame, b: CondFrame) =>
    a === b ||
    (a.branches.length === b.branches.length &&
      a.branches.every((x, k) => x.keyword === b.branches[k].keyword && x.arg === b.branches[k].arg));
  return outer.length <= inner.length && outer.every((f, i) => same(f, inner[i]));
}

function declBlock(
  u: ResolvedUnit,
  unit: number,
  mod: ResolvedModule,
  typeStorage: (t: { name: string; unit: number; isStatic: boolean }) => string,
  moduleTypes: ReadonlySet<string>,
): EditView<DeclBlockView> | undefined {
  const moduleType = mod.runtimeObjs.some((o) => o.baseType === 'module');
  // A type the module defines under the name of a firmware type it can reach stays the firmware's
  // by that name; the module's copy lives in its storage only (its slots' functions stay used).
  const types = mod.types
    .filter((t) => (t.unit === unit || !t.isStatic) && !isReachableFirmwareType(t.name))
    .map((t) => ({ name: t.name, storage: typeStorage(t), asmName: names.typeSymbol(t), ...(t.full ? { full: true } : {}) }));
  const firmwareTypes = u.model.firmwareTypes.filter((n) => !moduleTypes.has(`mp_type_${n}`) || isReachableFirmwareType(`mp_type_${n}`));
  const rootPointerState = mod.rootPointers.length > 0;
  const rootModule = namesRootModule(mod, u) ? mod.moduleObj.name : undefined;
  const mentions = [
    ...types.map((t) => t.name),
    ...(rootModule ? [rootModule] : []),
    // A type named only through a macro's expansion (mp_obj_is_float) is mentioned by the macro.
    ...firmwareTypes.flatMap(namesNeedingType),
    ...(rootPointerState ? ['MP_STATE_VM', 'MP_STATE_PORT'] : []),
  ];
  const firstOf = mentions
    .filter((n) => u.model.firstMention.has(n))
    .sort((a, b) => u.model.firstMention.get(a)! - u.model.firstMention.get(b)!)[0];
  // A module object named only through the module's macro (`#define MOD m_module`) is not spelled
  // in the code: the block goes ahead of the code.
  const first = firstOf !== undefined ? u.model.firstMention.get(firstOf)! : moduleType || rootModule ? u.model.firstCode : undefined;
  if (first === undefined) return undefined;
  // After the last include the first mention's code also compiles: not one in a branch around
  // it only (extmod/modcryptolib.c includes <mbedtls/aes.h> under `#if MICROPY_SSL_MBEDTLS`).
  const around = (firstOf !== undefined ? u.model.firstMentionCond?.get(firstOf) : undefined) ?? [];
  const includes = u.model.decls.filter((d) => d.kind === 'include' && !d.inTest && d.span.start < first && encloses(d.cond, around));
  const at = includes.length ? includes[includes.length - 1].span.end : 0;
  const view: DeclBlockView = {
    partial: 'decl-block',
    types,
    firmwareTypes,
    rootPointers: mod.rootPointers.map(rootPointerDeclaration),
    rootPointerState,
    moduleType,
    ...(rootModule ? { rootModule } : {}),
  };
  return { start: at, end: at, view };
}

/** Whether code of the unit names the registered module object (not only defines or registers it). */
export function namesRootModule(mod: ResolvedModule, u: ResolvedUnit): boolean {
  return u.model.moduleObjRefs?.includes(mod.moduleObj.name) === true;
}
