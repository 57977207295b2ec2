import * as fs from 'fs';
import * as path from 'path';
import { writeIfChanged } from '../io/write';
import { Toolchain } from './toolchain';
import { extractHelpers, membersWithDroppedData, nm, readArchives } from './runtime-helpers';
import { moveConstantPools } from './constant-pools';
import { hiddenRedeclarations, hidesReadOnlyData, readOnlyGlobalsOf } from './hidden-data';
import {
  locateCall,
  runtimeProvidable,
  runtimeUnitNames,
  runtimeUnitNext,
  moduleDefinitions,
  unlinkableHelpers,
  unlinkableMessage,
  writeRuntimeUnit,
} from './runtime-provide';
import { ProcResult, runAsync } from './proc';
import { cachedPath, cacheKey, fileStamp, storeInCache } from './cache';
import { packageRoot } from '../paths';

export interface ArchBuildInput {
  toolchain: Toolchain;
  mpyDir: string;
  python: string;
  module: string;
  /** Generated translation units, file names relative to `dir`. */
  sources: Array<{ rel: string; text: string }>;
  includeDirs: string[];
  /** Work folder of this architecture (a sibling of the folder the sources were generated for). */
  dir: string;
}

export type ArchBuildResult =
  { ok: true; mpy: string; size: number; helpers: string[] } | { ok: false; stage: 'compile' | 'link'; firstError: string; log: string };

/**
 * The sources in link order: the one defining `mpy_init` first. On ARM (and x86/x64) mpy_ld
 * computes the jump at the start of the text from mpy_init's offset inside its own object,
 * before laying the objects out, so the jump is right only when that object comes first.
 */
export function entryFirst<T extends { text: string }>(sources: T[]): T[] {
  const i = sources.findIndex((s) => /^mp_obj_t mpy_init\(/m.test(s.text));
  return i <= 0 ? sources : [sources[i], ...sources.slice(0, i), ...sources.slice(i + 1)];
}

/** The Makefile of one architecture: dynruntime.mk as a user would use it, plus the helper objects. */
export function archMakefile(input: Pick<ArchBuildInput, 'toolchain' | 'mpyDir' | 'module' | 'sources' | 'includeDirs'>): string {
  const lines = [
    '# Written by `natmodgen build`: one architecture of the module, built with dynruntime.mk.',
    `MPY_DIR = ${input.mpyDir}`,
    `MOD = ${input.module}`,
    `SRC = ${entryFirst(input.sources)
      .map((s) => s.rel)
      .join(' ')}`,
    `ARCH = ${input.toolchain.arch}`,
    ...(input.toolchain.floatOverride ? [`MICROPY_FLOAT_IMPL = ${input.toolchain.floatOverride}`] : []),
    ...(input.includeDirs.length ? [`CFLAGS_EXTRA += ${input.includeDirs.map((d) => `-I${d}`).join(' ')}`] : []),
    ...(input.toolchain.extraCflags.length ? [`CFLAGS_EXTRA += ${input.toolchain.extraCflags.join(' ')}`] : []),
    ...(isX86(input.toolchain.arch)
      ? [
          "# the psABI's data alignment, not GCC's default of 32 bytes for any object of 32 bytes or more: in a",
          '# .mpy that alignment is padding between objects and between sections (x86 only; see X86_ALIGNMENT)',
          `CFLAGS_EXTRA += ${X86_ALIGNMENT}`,
        ]
      : []),
    'include $(MPY_DIR)/py/dynruntime.mk',
    "# GCC's maybe-uninitialized analysis depends on optimisation and inlining, which differ between a firmware",
    "# build and dynruntime.mk's (-fpic, the module alone): a warning, as in the firmware build, not an error",
    'CFLAGS += -Wno-error=maybe-uninitialized',
    ...(isXtensa(input.toolchain.arch)
      ? [
          `# mpy_ld's xtensa linker takes no literal "qstr table + offset" (what GCC folds a constant index into):`,
          `# ${XTENSA_CONFIG} wraps the qstr configuration so that the table's address stays opaque.`,
          `CFLAGS += -UMP_CONFIGFILE -DMP_CONFIGFILE='<${XTENSA_CONFIG}>' -DNATMODGEN_MP_CONFIGFILE='<$(CONFIG_H)>'`,
          `$(SRC_O): ${XTENSA_CONFIG}`,
        ]
      : []),
    '# mpy_ld through natmodgen\'s wrapper, which names the .mpy\'s file-name qstr "_" (a static qstr: one byte,',
    '# nothing interned at import) instead of the output path; see make/natmodgen-mpy-ld.py',
    `$(BUILD)/$(MOD).native.mpy: MPY_LD = $(PYTHON) ${path.join(packageRoot(), 'make', 'natmodgen-mpy-ld.py')} $(MPY_DIR)/tools/mpy_ld.py`,
    'natmodgen-objects: $(SRC_O)',
    '# compiler-runtime helpers taken from libgcc/libm by natmodgen (linked as plain objects), after',
    "# the module's: on ARM, mpy_ld places the jump to mpy_init as if its object came first",
    '$(BUILD)/$(MOD).native.mpy: $(sort $(wildcard runtime-helpers/*.o))',
    '.PHONY: natmodgen-objects',
    "# MicroPython's own errno-free libm (lib/libm and lib/libm_dbl) compiled for this ARCH as an archive that",
    "# natmodgen takes members from before the toolchain's libm (made only when a libm function is needed)",
    `NATMODGEN_LIBM_A = ${MPY_LIBM}`,
    `include ${path.join(packageRoot(), 'make', 'natmodgen-libm.mk')}`,
    "# natmodgen's own compiler-runtime functions (make/runtime-fallback) for what this toolchain's libgcc lacks,",
    '# an archive read after libgcc (made only when the link needs one)',
    `NATMODGEN_FALLBACK_A = ${FALLBACK_A}`,
    `include ${path.join(packageRoot(), 'make', 'natmodgen-fallback.mk')}`,
    '',
  ];
  return lines.join('\n');
}

const isXtensa = (arch: string) => arch === 'xtensa' || arch === 'xtensawin';
const isX86 = (arch: string) => arch === 'x86' || arch === 'x64';

/**
 * GCC on x86 aligns every aggregate of 32 bytes or more to 32 bytes (GCC 4.8 compatibility,
 * -malign-data=compat), which in an object file raises .rodata, .data.rel.ro and .bss to
 * 32-byte alignment; mpy_ld lays sections out back to back with that alignment, so a .mpy
 * carries up to 31 bytes of padding before each and more between objects. `abi` keeps what
 * the psABI requires (16 bytes for arrays of 16 bytes or more on x86-64), which every access
 * the compiler generates relies on; only the extra, performance-motivated alignment goes.
 */
export const X86_ALIGNMENT = '-malign-data=abi';
/** natmodgen's configuration header on xtensa, written beside the Makefile (xtensaConfigHeader). */
const XTENSA_CONFIG = 'natmodgen-xtensa-config.h';

/**
 * The configuration header of xtensa builds. mpy_ld.py names every xtensa literal-pool
 * entry after its symbol and accepts an addend only on mp_fun_table: a read of
 * `mp_native_qstr_table[K]` (what every MP_QSTR_x of the generated configuration is), which
 * GCC 12 folds into the literal `mp_native_qstr_table+2K`, stops the link with an
 * AssertionError. Here the table's address passes through an empty asm, so the compiler
 * loads the base (one literal, shared) and reads at an offset; the configuration mpy_ld
 * wrote is included unchanged first.
 */
export function xtensaConfigHeader(): string {
  return [
    '/* Written by `natmodgen build` for xtensa (see src/build/arch-build.ts, xtensaConfigHeader). */',
    '#include NATMODGEN_MP_CONFIGFILE',
    '#ifndef NATMODGEN_XTENSA_CONFIG_H',
    '#define NATMODGEN_XTENSA_CONFIG_H',
    'static inline __attribute__((always_inline)) const uint16_t *natmodgen_qstr_table(void) {',
    '    const uint16_t *table = mp_native_qstr_table;',
    '    __asm__("" : "+r"(table));',
    '    return table;',
    '}',
    '#define mp_native_qstr_table (natmodgen_qstr_table())',
    '#endif',
    '',
  ].join('\n');
}

/** The first line of compiler or linker output that says what went wrong. */
export function firstError(log: string): string {
  const lines = log.split('\n').map((l) => l.trimEnd());
  const pick =
    lines.find((l) => /^\w*Error: /.test(l)) ??
    lines.find((l) => /\berror\b/i.test(l) && !/^make(\[\d+\])?: \*\*\*/.test(l)) ??
    lines.find((l) => /undefined symbol|undefined reference|not found|No module named/i.test(l)) ??
    lines.find((l) => /^make(\[\d+\])?: \*\*\*/.test(l)) ??
    lines.find((l) => l.trim() !== '');
  return (pick ?? 'failed without output').trim();
}

/**
 * Compiles the objects, extracts the runtime helpers they need, then links the .mpy:
 * two make runs in the architecture's own folder (so architectures can build in parallel).
 */
/**
 * natmodgen's own compiler-runtime functions (make/runtime-fallback: integer division and
 * soft-float arithmetic) compiled for the architecture, read after libgcc: made only when a
 * link needs a `__` function the toolchain's libraries do not define (Debian's xtensa-lx106).
 */
const FALLBACK_A = 'natmodgen-fallback.a';
/** Compiler-runtime names (`__addsf3`, `__udivdi3`): the fallback archive may define them. */
const isRuntimeName = (name: string) => name.startsWith('__');
/** natmodgen runtime functions the compiled code calls without the source naming them (see runtime-provide.ts). */
const RUNTIME_SOURCE = 'natmodgen-runtime.c';
/** MicroPython's lib/libm and lib/libm_dbl compiled for the architecture, made only when a libm function is needed. */
const MPY_LIBM = 'natmodgen-libm.a';

/** Every file the compiled libm archive of an ARCH is made from: MicroPython's sources, dynruntime.mk and natmodgen's make files. */
function libmInputs(mpyDir: string): string[] {
  const files = [path.join(mpyDir, 'py', 'dynruntime.mk'), path.join(mpyDir, 'py', 'mpconfig.h')];
  for (const sub of [path.join(mpyDir, 'lib', 'libm'), path.join(mpyDir, 'lib', 'libm_dbl')]) {
    try {
      for (const f of fs.readdirSync(sub).sort()) files.push(path.join(sub, f));
    } catch {
      // no such folder: make reports it
    }
  }
  const make = path.join(packageRoot(), 'make');
  files.push(path.join(make, 'natmodgen-libm.mk'));
  for (const sub of ['libm-extra', 'libm-headers'])
    for (const f of fs.readdirSync(path.join(make, sub)).sort()) files.push(path.join(make, sub, f));
  return files;
}

/** Every file the fallback archive of an ARCH is made from. */
function fallbackInputs(mpyDir: string): string[] {
  const make = path.join(packageRoot(), 'make');
  const src = path.join(make, 'runtime-fallback');
  return [
    path.join(mpyDir, 'py', 'dynruntime.mk'),
    path.join(make, 'natmodgen-fallback.mk'),
    ...fs
      .readdirSync(src)
      .sort()
      .map((f) => path.join(src, f)),
  ];
}

/** An archive made by the ARCH's Makefile, copied from the build cache when an equal one was made before. */
async function cachedArchive(input: ArchBuildInput, makeArgs: string[], file: string, kind: string, inputs: string[]): Promise<ProcResult> {
  const target = path.join(input.dir, file);
  const name = `${cacheKey(kind, [
    input.toolchain.arch,
    input.toolchain.cross,
    input.toolchain.floatOverride ?? '',
    ...input.toolchain.extraCflags,
    ...input.includeDirs,
    ...inputs.map(fileStamp),
  ])}.a`;
  const hit = cachedPath(name);
  if (hit) {
    try {
      fs.copyFileSync(hit, target);
      return { code: 0, stdout: '', stderr: '' };
    } catch {
      // unreadable entry: made below
    }
  }
  const r = await runAsync('make', [...makeArgs, file]);
  if (r.code === 0) storeInCache(name, (tmp) => fs.copyFileSync(target, tmp));
  return r;
}

/**
 * MicroPython's libm compiled for the ARCH (make/natmodgen-libm.mk) in the build folder:
 * about 90 C files per ARCH, so the archive is kept in the build cache under the ARCH, its
 * compiler flags and the stamps of every source, and copied from there when it is.
 */
function fallbackArchive(input: ArchBuildInput, makeArgs: string[]): Promise<ProcResult> {
  return cachedArchive(input, makeArgs, FALLBACK_A, 'fallback', fallbackInputs(input.mpyDir));
}

function mpyLibm(input: ArchBuildInput, makeArgs: string[]): Promise<ProcResult> {
  return cachedArchive(input, makeArgs, MPY_LIBM, 'libm', libmInputs(input.mpyDir));
}

/**
 * The sources with their read-only global objects redeclared hidden (see hidden-data.ts): one
 * compile to read them, one more with the redeclarations. A compile that fails either time
 * leaves the sources as generated (the build's own compile then reports any error).
 */
async function withHiddenReadOnlyData(input: ArchBuildInput, makeArgs: string[]): Promise<ArchBuildInput['sources']> {
  const { dir, toolchain, sources } = input;
  if (!hidesReadOnlyData(toolchain.arch)) return sources;
  writeIfChanged(path.join(dir, 'Makefile'), archMakefile(input));
  if ((await runAsync('make', [...makeArgs, 'natmodgen-objects'])).code !== 0) return sources;
  const objects = sources.map((s) => path.join(dir, 'build', s.rel.replace(/\.c$/, '.o')));
  const names = await readOnlyGlobalsOf(toolchain.cross, objects);
  if (names.every((n) => n.length === 0)) return sources;
  const hidden = sources.map((s, i) => (names[i].length ? { ...s, text: s.text + hiddenRedeclarations(names[i]) } : s));
  for (const s of hidden) writeIfChanged(path.join(dir, s.rel), s.text);
  if ((await runAsync('make', [...makeArgs, 'natmodgen-objects'])).code === 0) return hidden;
  for (const s of sources) writeIfChanged(path.join(dir, s.rel), s.text);
  return sources;
}

export async function buildArch(input: ArchBuildInput): Promise<ArchBuildResult> {
  const { dir, toolchain } = input;
  fs.mkdirSync(dir, { recursive: true });
  for (const s of input.sources) writeIfChanged(path.join(dir, s.rel), s.text);
  if (isXtensa(toolchain.arch)) writeIfChanged(path.join(dir, XTENSA_CONFIG), xtensaConfigHeader());
  const makeArgs = ['-C', dir, `PYTHON=${input.python}`];
  const compileAndPlan = async (sources: ArchBuildInput['sources']) => {
    writeIfChanged(path.join(dir, 'Makefile'), archMakefile({ ...input, sources }));
    const compile = await runAsync('make', [...makeArgs, 'natmodgen-objects']);
    if (compile.code !== 0) {
      return {
        error: {
          ok: false as const,
          stage: 'compile' as const,
          firstError: firstError(`${compile.stderr}\n${compile.stdout}`),
          log: `${compile.stdout}\n${compile.stderr}`,
        },
      };
    }
    const objects = sources.map((s) => path.join(dir, 'build', s.rel.replace(/\.c$/, '.o')));
    try {
      await moveConstantPools(toolchain.cross, objects);
      const symbols = await nm(toolchain.cross, objects);
      const unit = sources.find((s) => s.rel === RUNTIME_SOURCE);
      const provide = unit ? (runtimeUnitNext(symbols, unitObject, runtimeUnitNames(unit.text)) ?? []) : runtimeProvidable(symbols);
      if (provide.length) definedByObjects = moduleDefinitions(symbols, unitObject);
      let fallback = false;
      let ownLibm = false;
      const libs = () => [
        toolchain.libgcc,
        ...(fallback ? [path.join(dir, FALLBACK_A)] : []),
        ...(ownLibm ? [path.join(dir, MPY_LIBM)] : []),
        toolchain.libm,
      ];
      let libraries = libs();
      const extract = () => extractHelpers(toolchain.cross, objects, libraries, path.join(dir, 'runtime-helpers'), symbols);
      let helpers = await extract();
      // natmodgen's own compiler-runtime functions answer the `__` names the toolchain's
      // libraries leave undefined (after libgcc, so the toolchain's own win).
      const withFallback = async () => {
        if (fallback || !helpers.plan.unresolved.some(isRuntimeName)) return;
        const made = await fallbackArchive(input, makeArgs);
        if (made.code !== 0)
          throw new Error(`natmodgen's runtime fallback (${FALLBACK_A}) did not build: ${firstError(`${made.stderr}\n${made.stdout}`)}`);
        fallback = true;
        libraries = libs();
        helpers = await extract();
      };
      const check = async () => {
        const archives = await readArchives(toolchain.cross, libraries);
        const bad = unlinkableHelpers(symbols, archives);
        const dropped = await membersWithDroppedData(toolchain.cross, helpers.files);
        if (dropped.length) bad.push({ name: 'small or thread-local data', from: dropped.join('; '), why: 'mpy_ld drops these sections' });
        return bad;
      };
      if (!provide.length && (helpers.plan.members.length || helpers.plan.unresolved.length)) {
        await withFallback();
        let bad = await check();
        if (bad.length) {
          // The toolchain's libm wraps its functions in errno handling a natmod cannot link:
          // MicroPython's own lib/libm and lib/libm_dbl (what bare-metal ports link) go first.
          const libm = await mpyLibm(input, makeArgs);
          if (libm.code === 0) {
            ownLibm = true;
            libraries = libs();
            helpers = await extract();
            await withFallback();
            bad = await check();
          }
        }
        if (bad.length) {
          const msg = unlinkableMessage(bad, (name) => locateCall(input.sources, path.join(dir, '..', 'gen'), name));
          return { error: { ok: false as const, stage: 'link' as const, firstError: msg.split('\n')[0], log: msg } };
        }
      }
      return { helpers, provide };
    } catch (e) {
      const msg = e instanceof Error ? e.message : String(e);
      return { error: { ok: false as const, stage: 'link' as const, firstError: msg, log: msg } };
    }
  };
  const generated = await withHiddenReadOnlyData(input, makeArgs);
  const unitObject = path.join(dir, 'build', RUNTIME_SOURCE.replace(/\.c$/, '.o'));
  let sources = generated;
  let definedByObjects: ReadonlySet<string> = new Set();
  let r = await compileAndPlan(sources);
  // The compiler called runtime functions by itself (memset for a zeroing loop, ...): one more unit,
  // written again while its own compiled code calls more of them (each version only adds names).
  while (r.provide?.length) {
    sources = [...generated, writeRuntimeUnit(dir, RUNTIME_SOURCE, r.provide, input.mpyDir, definedByObjects)];
    r = await compileAndPlan(sources);
  }
  if (r.error) return r.error;
  const added = sources.slice(input.sources.length).map((s) => s.rel);
  const helpers = [...r.helpers!.files.map((f) => path.basename(f)), ...added];
  const link = await runAsync('make', makeArgs);
  const linkLog = `${link.stdout}\n${link.stderr}`;
  const mpy = path.join(dir, `${input.module}.mpy`);
  if (link.code !== 0 || !fs.existsSync(mpy))
    return { ok: false, stage: 'link', firstError: firstError(`${link.stdout}\n${link.stderr}`), log: linkLog };
  return { ok: true, mpy, size: fs.statSync(mpy).size, helpers };
}
