/**
 * `node dist/src/build/helpers-main.js MPY_DIR ARCH OUT.o [--mpy-libm ARCHIVE] [--src C]... OBJECT...`: the make
 * fragment's compiler-runtime pass (make/natmodgen.mk), what `natmodgen build` does in
 * arch-build.ts. Finds the libgcc/libm members the compiled objects need (soft-float
 * arithmetic, 64-bit division, libm functions) and links exactly those into OUT.o
 * (`ld -r`), which the fragment hands to mpy_ld after the module's objects; with none
 * needed OUT.o is left as it is (the fragment compiles it empty first).
 *
 * Exit 3: a function needs MicroPython's own errno-free libm (make/natmodgen-libm.mk),
 * which the fragment then builds and passes with --mpy-libm. Exit 2: a function nothing in a
 * natmod can link, with a message located in the generated sources (--src) naming it and the fix.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { isNatmodArch } from './arches';
import { probeToolchain } from './toolchain';
import { extractHelpers, nm, readArchives } from './runtime-helpers';
import { locateCall, unlinkableHelpers, unlinkableMessage } from './runtime-provide';
import { runAsync } from './proc';

/** `ld -m` emulation for objects the toolchain's default does not take (host ld on x86, riscv64 ld on rv32). */
function emulation(object: string): string[] {
  const h = fs.readFileSync(object).subarray(0, 20);
  const class32 = h[4] === 1;
  const machine = h.readUInt16LE(18);
  if (machine === 3) return ['-m', 'elf_i386'];
  if (machine === 243 && class32) return ['-m', 'elf32lriscv'];
  return [];
}

async function main(argv: string[]): Promise<number> {
  const args = [...argv];
  const [mpyDir, arch, out] = args.splice(0, 3);
  let mpyLibm = '';
  const sourceFiles: string[] = [];
  for (;;) {
    if (args[0] === '--mpy-libm') mpyLibm = path.resolve(args.splice(0, 2)[1] ?? '');
    else if (args[0] === '--src') sourceFiles.push(args.splice(0, 2)[1] ?? '');
    else break;
  }
  const objects = args;
  if (!mpyDir || !arch || !out || !objects.length || !isNatmodArch(arch)) {
    process.stderr.write('usage: helpers-main.js MPY_DIR ARCH OUT.o [--mpy-libm ARCHIVE] [--src C]... OBJECT...\n');
    return 2;
  }
  const toolchain = await probeToolchain(mpyDir, arch);
  const libraries = mpyLibm ? [toolchain.libgcc, mpyLibm, toolchain.libm] : [toolchain.libgcc, toolchain.libm];
  const symbols = await nm(toolchain.cross, objects);
  const archives = await readArchives(toolchain.cross, libraries);
  const bad = unlinkableHelpers(symbols, archives);
  if (bad.length && !mpyLibm) return 3;
  if (bad.length) {
    const sources = sourceFiles.filter((c) => fs.existsSync(c)).map((c) => ({ rel: c, text: fs.readFileSync(c, 'utf8') }));
    process.stderr.write(`${unlinkableMessage(bad, (name) => locateCall(sources, process.cwd(), name))}\n`);
    return 2;
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'natmodgen-helpers-'));
  try {
    const { files } = await extractHelpers(toolchain.cross, objects, libraries, dir, symbols);
    if (!files.length) return 0;
    const r = await runAsync(`${toolchain.cross}ld`, [...emulation(files[0]), '-r', '-o', out, ...files]);
    if (r.code !== 0) {
      process.stderr.write(`natmodgen: ${toolchain.cross}ld -r failed: ${r.stderr.split('\n')[0]}\n`);
      return 2;
    }
    return 0;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (e: unknown) => {
    process.stderr.write(`natmodgen: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(2);
  },
);
