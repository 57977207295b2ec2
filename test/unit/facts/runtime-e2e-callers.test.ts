/**
 * Every name the inventory provides through natmodgen's runtime (status "runtime") must be called
 * by a fixture that the end-to-end suites build as a natmod AND compare with a firmware build of
 * the same source (issue 8: "provided and tested end to end against the firmware"):
 *   test/e2e/runtime/*  (MICROPYTHON_RTREF)     test/e2e/pins/*   (MICROPYTHON_PINREF)
 *   examples/*          (MICROPYTHON_USERMOD)   test/hostile/fixtures/* (MICROPYTHON_HOSTILE)
 *   test/fixtures/preproc/* with a micropython.mk (MICROPYTHON_PREPROCREF)
 *   the extmod cases of test/e2e/extmod/flags.json (MICROPYTHON_EXTREF) and the twins of
 *   bench/corpus/manifest.json (MICROPYTHON_TWINREF), read from MPY_DIR.
 * A name counts as called when it appears as an identifier in those sources (comments and strings
 * removed; a use inside an `#if` branch the build leaves out counts too), or when such an
 * identifier is a macro or inline function of the headers, with one definition, whose firmware
 * expansion calls it (mp_obj_malloc_with_finaliser calls mp_obj_malloc_with_finaliser_helper). The names no fixture
 * calls are listed in UNCALLED with the reason; the test fails for a runtime name missing from both,
 * and for a listed name that is now called or no longer provided (keep the list true).
 * Needs MPY_DIR (the MicroPython sources of the extmod cases and twins); skipped loudly without it.
 */
import * as fs from 'fs';
import * as path from 'path';
import { classify } from '../../../src/facts/classify';
import { runtimeProviders, shippedFacts } from '../../../src/facts';
import { withTreeSources } from '../../../src/facts/tree-sources';
import { isMicroPythonTree } from '../../../src/facts/tree';
import { repoRoot } from '../../support/cases';

/** Runtime names no firmware-compared fixture calls, and why. */
const UNCALLED: Record<string, string> = {
  mp_alloc_emergency_exception_buf:
    'py/obj.h declares it in every build but py/objexcept.c defines it only under MICROPY_ENABLE_EMERGENCY_EXCEPTION_BUF && ' +
    'MICROPY_EMERGENCY_EXCEPTION_BUF_SIZE == 0: the unix port has the feature off, so a fixture calling it does not link into ' +
    'MICROPYTHON_RTREF (x64); the qemu boards define it (as micropython.alloc_emergency_exception_buf, which the runtime calls), ' +
    'but no suite builds a qemu firmware with fixtures compiled in',
  mp_obj_str_get_data_no_check:
    'py/objstr.h declares it and py/objstr.c defines it only under MICROPY_OBJ_REPR_C or _D; the unix port, the qemu boards and ' +
    "every ARCH's dynruntime configuration are MICROPY_OBJ_REPR_A, where GET_STR_DATA_LEN (called by rtcover) reads the str " +
    'inline, so no build a suite runs compiles a call to it, natmod or firmware',
};

const mpyDir = process.env.MPY_DIR?.trim() ? path.resolve(process.env.MPY_DIR.trim()) : undefined;
const haveTree = !!mpyDir && isMicroPythonTree(mpyDir);
if (!haveTree) {
  process.stderr.write(
    '\n*** runtime-e2e-callers: SKIPPED: MPY_DIR is not a MicroPython tree; the extmod cases and twins are read from it ***\n\n',
  );
}

function cFiles(dir: string, keep: (f: string) => boolean = () => true): string[] {
  if (!fs.existsSync(dir)) return [];
  return (fs.readdirSync(dir, { recursive: true }) as string[])
    .map((f) => path.join(dir, f))
    .filter((f) => /\.[ch]$/.test(f) && fs.statSync(f).isFile() && keep(f));
}

/** The fixture sources the suites compare with a firmware build, by group. */
function comparedSources(tree: string): Map<string, string[]> {
  const at = (...p: string[]) => path.join(repoRoot, ...p);
  const preproc = at('test', 'fixtures', 'preproc');
  const flags = JSON.parse(fs.readFileSync(at('test', 'e2e', 'extmod', 'flags.json'), 'utf8')) as Record<string, { source: string }>;
  const manifest = JSON.parse(fs.readFileSync(at('bench', 'corpus', 'manifest.json'), 'utf8')) as {
    micropython: Array<{ files: string[]; mpyTests?: string[]; impossible?: string; pending?: string }>;
  };
  return new Map([
    ['test/e2e/runtime', cFiles(at('test', 'e2e', 'runtime'))],
    ['test/e2e/pins', cFiles(at('test', 'e2e', 'pins'))],
    ['examples', cFiles(at('examples'))],
    ['test/hostile/fixtures', cFiles(at('test', 'hostile', 'fixtures'))],
    [
      'test/fixtures/preproc',
      cFiles(preproc, (f) => fs.existsSync(path.join(preproc, path.relative(preproc, f).split(path.sep)[0], 'micropython.mk'))),
    ],
    ['extmod cases', Object.values(flags).map((c) => path.join(tree, c.source))],
    [
      'twins',
      manifest.micropython
        .filter((e) => e.mpyTests && !e.impossible && !e.pending)
        .flatMap((e) => e.files.map((f) => path.join(tree, f)))
        .filter((f) => fs.existsSync(f)), // git submodules (lib/axtls, berkeley-db) may be absent
    ],
  ]);
}

function identifiers(text: string): Set<string> {
  const code = text
    .replace(/\/\*[\s\S]*?\*\//g, ' ')
    .replace(/\/\/.*$/gm, ' ')
    .replace(/"(?:[^"\\\n]|\\.)*"/g, '""');
  return new Set(code.match(/\b[A-Za-z_]\w*\b/g) ?? []);
}

(haveTree ? describe : describe.skip)('runtime names called by a firmware-compared end-to-end fixture', () => {
  // jest runs a skipped describe's body too, to list its tests: nothing below can run without the tree.
  if (!haveTree) {
    test('needs MPY_DIR (the extmod cases and twins are read from the tree)', () => {});
    return;
  }
  const facts = shippedFacts();
  const inv = classify(facts, withTreeSources(runtimeProviders(path.join(repoRoot, 'runtime')), facts));
  const runtimeNames = inv.entries.filter((e) => e.status.kind === 'runtime').map((e) => e.name);
  const calls = new Map(facts.symbols.map((sym) => [sym.name, sym.calls]));
  /** What a macro or inline of the headers calls, transitively, when it has one definition (not one per configuration). */
  const expansion = (name: string, seen = new Set<string>()): Set<string> => {
    const alts = calls.get(name);
    if (alts?.length !== 1) return seen;
    for (const callee of alts[0])
      if (!seen.has(callee)) {
        seen.add(callee);
        expansion(callee, seen);
      }
    return seen;
  };
  const called = new Set<string>();
  for (const files of comparedSources(mpyDir!).values())
    for (const f of files)
      for (const id of identifiers(fs.readFileSync(f, 'utf8'))) {
        called.add(id);
        for (const callee of expansion(id)) called.add(callee);
      }

  test('the inventory provides runtime names and the fixtures were read', () => {
    expect(runtimeNames.length).toBeGreaterThan(300);
    expect(called.has('mp_obj_new_str_from_vstr')).toBe(true);
  });

  test('every runtime name is called by such a fixture, or listed in UNCALLED with the reason', () => {
    expect(runtimeNames.filter((n) => !called.has(n) && !(n in UNCALLED))).toEqual([]);
  });

  test('UNCALLED lists only runtime names that no such fixture calls', () => {
    const provided = new Set(runtimeNames);
    expect(Object.keys(UNCALLED).filter((n) => !provided.has(n) || called.has(n))).toEqual([]);
  });
});
