/**
 * `node dist/src/build/provide-main.js [--mpy-dir DIR] CROSS OUT.c OBJECT...`: the make fragment's runtime nm
 * pass (make/natmodgen.mk). Writes OUT.c with the natmodgen runtime functions the compiled
 * objects call without their source naming them (memset for a zeroing loop, strlen, memcpy for
 * a struct copy), or with nothing but a comment when there are none; leaves an unchanged file
 * alone. First renames each object's `.data` that holds only compiler constants (see
 * constant-pools.ts), which the objects' rule in natmodgen.mk leaves to this pass. DIR is the
 * MicroPython tree whose own C files (py/mpz.c) the unit may include.
 * Exit 2 with a message when nm fails.
 */
import { writeIfChanged } from '../io/write';
import { moveConstantPools } from './constant-pools';
import { nm } from './runtime-helpers';
import { objectDefinitions, runtimeProvidable, runtimeUnitSource } from './runtime-provide';

async function main(argv: string[]): Promise<number> {
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
