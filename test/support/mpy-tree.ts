import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

/**
 * A stand-in MicroPython tree for commands that only check MPY_DIR: py/dynruntime.h
 * and the version lines of py/mpconfig.h, nothing that builds.
 */
export function fakeMpyTree(version = '1.28.0'): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nmg-fake-mpy-'));
  fs.mkdirSync(path.join(dir, 'py'));
  fs.writeFileSync(path.join(dir, 'py', 'dynruntime.h'), '// stand-in\n');
  const [maj, min, mic] = version.split('.');
  fs.writeFileSync(
    path.join(dir, 'py', 'mpconfig.h'),
    `#define MICROPY_VERSION_MAJOR ${maj}\n#define MICROPY_VERSION_MINOR ${min}\n#define MICROPY_VERSION_MICRO ${mic}\n`,
  );
  return dir;
}
