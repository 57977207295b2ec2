import { NATMOD_ARCHES, NATIVE_ARCH_CODE, NatmodArch } from './arches';

/**
 * `--package`: the output folder becomes a directory to publish as it is. Each architecture's
 * .mpy sits at `{MPY_ARCH}_{MPY_VERSION}/<module>.mpy` (the URL scheme of the upstream mip
 * proposals), `package.json` installs all of them plus a loader with `mip`, and each
 * `{MPY_ARCH}_{MPY_VERSION}/package.json` installs only that one .mpy as `<module>.mpy`.
 */

export interface PackagedBuild {
  arch: NatmodArch;
  /** "x64_6.3" */
  tag: string;
}

export function buildTag(arch: NatmodArch, abi: string): string {
  return `${arch}_${abi}`;
}

/** Where the loader expects the .mpy files on the device, next to itself. */
export function deviceFolder(module: string): string {
  return `${module}_mpy`;
}

export function packageJson(module: string, builds: PackagedBuild[]): string {
  const urls: Array<[string, string]> = [[`${module}.py`, `${module}.py`]];
  for (const b of builds) urls.push([`${deviceFolder(module)}/${b.tag}/${module}.mpy`, `${b.tag}/${module}.mpy`]);
  return `${JSON.stringify({ urls, deps: [] }, null, 2)}\n`;
}

export function singleArchPackageJson(module: string): string {
  return `${JSON.stringify({ urls: [[`${module}.mpy`, `${module}.mpy`]], deps: [] }, null, 2)}\n`;
}

/** Names of MP_NATIVE_ARCH_* by value, for the loader's messages (index = value). */
function archNames(): string[] {
  const names = ['none', 'x86', 'x64', 'armv6', 'armv6m', 'armv7m', 'armv7em', 'armv7emsp', 'armv7emdp'];
  names.push('xtensa', 'xtensawin', 'rv32imc', 'rv64imc');
  for (const a of NATMOD_ARCHES) if (names[NATIVE_ARCH_CODE[a]] !== a) throw new Error(`arch table out of step at ${a}`);
  return names;
}

/**
 * The loader installed as `<module>.py`: it reads the board's architecture and .mpy version
 * from sys.implementation._mpy, imports the matching .mpy (an ARM core also takes an
 * older ARM architecture, as MicroPython's loader does) and takes over its globals.
 */
export function loaderSource(module: string, builds: PackagedBuild[]): string {
  const names = archNames();
  const tuple = (xs: string[]) => `(${xs.map((x) => JSON.stringify(x)).join(', ')}${xs.length === 1 ? ',' : ''})`;
  return `# ${module}: picks the native module (.mpy) built for this board. Written by natmodgen build --package.
import sys

_BUILDS = ${tuple(builds.map((b) => b.tag))}
_ARCHES = ${tuple(names)}


def _load(name):
    mpy = getattr(sys.implementation, "_mpy", 0)
    code = mpy >> 10 & 0x3F
    arch = _ARCHES[code] if code < len(_ARCHES) else "arch%d" % code
    version = "%d.%d" % (mpy & 0xFF, mpy >> 8 & 3)
    wanted = [arch]
    if 4 <= code <= 8:
        # MicroPython loads .mpy files of the ARM architectures a core includes.
        wanted += [_ARCHES[c] for c in range(code - 1, 3, -1)]
    for a in wanted:
        tag = a + "_" + version
        if tag in _BUILDS:
            here = __file__.rpartition("/")[0]
            folder = (here + "/" if here else "") + "${deviceFolder(module)}/" + tag
            sys.path.insert(0, folder)
            del sys.modules[name]
            try:
                return __import__(name)
            finally:
                sys.path.remove(folder)
    raise ImportError(
        "no %s.mpy for this board: it runs %s with .mpy version %s; available: %s"
        % (name, arch if code else "firmware without native code", version, ", ".join(_BUILDS))
    )


_mod = _load(__name__)
for _k in dir(_mod):
    globals()[_k] = getattr(_mod, _k)
del _mod, _k, _load, _BUILDS, _ARCHES, sys
`;
}
