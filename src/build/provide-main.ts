/**
 * `node dist/src/build/provide-main.js [--mpy-dir DIR] CROSS OUT.c OBJECT...`: the make fragment's runtime nm
 * pass (make/natmodgen.mk). Writes OUT.c with the natmodgen runtime functions the compiled
 * objects call without their source naming them (memset for a zeroing loop, strlen, memcpy for
 * a struct copy), or with nothing but a comment when there are none; leaves an unchanged file
 * alone. First renames each object's `.data` that holds only compiler constants (see
 * constant-pools.ts), which the objects' rule in natmodgen.mk leaves to this pass. DIR is the
 * MicroPython tree whose own C files (py/mpz.c) the unit may include.
 * Exit 2 with a message when nm fails.
 *
 * `provide-main.js --again [--mpy-dir DIR] CROSS OUT.c OUT.o OBJECT...`, after OUT.c is compiled to
 * OUT.o: when the unit's own code calls what the compiler introduced (memset for a zeroing loop in
 * the scanf family) and natmodgen's runtime defines it, rewrites OUT.c with it added and exits 3
 * (compile it again and repeat); exits 0 when nothing is missing.
 */
import * as fs from 'fs';
import { writeIfChanged } from '../io/write';
import { moveConstantPools } from './constant-pools';
import { nm } from './runtime-helpers';
import {
  moduleDefinitions,
  objectDefinitions,
  runtimeProvidable,
  runtimeUnitNames,
  runtimeUnitNext,
  runtimeUnitSource,
} from './runtime-provide';

async function again(argv: string[]): Promise<number> {
  const mpyDir = argv[0] === '--mpy-dir' ? argv.splice(0, 2)[1] : undefined;
  const [cross, out, unit, ...objects] = argv;
  if (cross === undefined || !out || !unit || !objects.length) {
    process.stderr.write('usage: provide-main.js --again [--mpy-dir DIR] CROSS OUT.c OUT.o OBJECT...\n');
    return 2;
  }
  const symbols = await nm(cross, [...objects, unit]);
  const names = runtimeUnitNext(symbols, unit, runtimeUnitNames(fs.readFileSync(out, 'utf8')));
  if (!names) return 0;
  writeIfChanged(out, runtimeUnitSource(names, mpyDir, moduleDefinitions(symbols, unit)));
  return 3;
}

async function main(argv: string[]): Promise<number> {
  if (argv[0] === '--again') {
    try {
      return await again(argv.slice(1));
    } catch (e) {
      process.stderr.write(`natmodgen: ${e instanceof Error ? e.message : String(e)}\n`);
      return 2;
    }
  }
  const mpyDir = argv[0] === '--mpy-dir' ? argv.splice(0, 2)[1] : undefined;
  const [cross, out, ...objects] = argv;
  if (cross === undefined || !out || !objects.length) {
    process.stderr.write('usage: provide-main.js [--mpy-dir DIR] CROSS OUT.c OBJECT...\n');
    return 2;
  }
  try {
    // mpy_ld refuses the compiler's constants in .data: moved first (src/build/constant-pools.ts).
    await moveConstantPools(cross, objects);
    const symbols = await nm(cross, objects);
    const names = runtimeProvidable(symbols);
    writeIfChanged(
      out,
      names.length
        ? runtimeUnitSource(names, mpyDir, objectDefinitions(symbols))
        : '/* natmodgen: the compiled module calls no runtime function it does not name. */\n',
    );
    return 0;
  } catch (e) {
    process.stderr.write(`natmodgen: ${e instanceof Error ? e.message : String(e)}\n`);
    return 2;
  }
}

void main(process.argv.slice(2)).then((code) => process.exit(code));
