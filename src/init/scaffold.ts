import * as path from 'path';
import { ModuleBuild } from './build-info';

export interface ScaffoldOptions {
  /** MicroPython source tree to write as MPY_DIR's default; a placeholder that stops make with a message when absent. */
  mpyDir?: string;
  /** Default ARCH. */
  arch: string;
}

export const ARCHES = ['x86', 'x64', 'armv6m', 'armv7m', 'armv7emsp', 'armv7emdp', 'xtensa', 'xtensawin', 'rv32imc', 'rv64imc'];

/** The Makefile `natmodgen init` writes into the module folder `dir` for what its build description lists. */
export function renderMakefile(build: ModuleBuild, dir: string, opts: ScaffoldOptions): string {
  const absDir = path.resolve(dir);
  const rel = (p: string) => path.relative(absDir, p).split(path.sep).join('/') || '.';
  const from = path.basename(build.file);
  const mpyDir = opts.mpyDir
    ? `MPY_DIR ?= ${opts.mpyDir}`
    : 'MPY_DIR ?= $(error set MPY_DIR to the top of your MicroPython source tree (it holds py/dynruntime.mk), for example: make MPY_DIR=~/micropython)';
  const flags = [...build.includeDirs.map((d) => `-I${rel(d)}`), ...build.cflags];
  const lines = [
    `# Builds the user C module in this folder as a MicroPython dynamic native`,
    `# module (.mpy) with natmodgen and MicroPython's py/dynruntime.mk.`,
    `# Written by \`natmodgen init\` from ${from}; edit as you need.`,
    `#`,
    `#   make                  build $(MOD).mpy for ARCH (${opts.arch} unless set)`,
    `#   make ARCH=armv7m      build for another architecture (\`make clean\` first)`,
    `#   make clean            remove the build folder and the .mpy`,
    `#`,
    `# MOD, the module and .mpy name, defaults to the name the sources register`,
    `# with MP_REGISTER_MODULE; set it below to choose another. NATMODGEN_DEFINES`,
    `# (NAME or NAME=VALUE words) are passed to natmodgen as -D options.`,
    ``,
    `# Top of the MicroPython source tree. Set MPY_DIR in the environment or on the`,
    `# make command line${opts.mpyDir ? ' to use another one.' : ', or replace the placeholder with the path.'}`,
    mpyDir,
    ``,
    `# The module's sources (from ${from}).`,
    wrap('SRC =', build.sources.map(rel)),
    ``,
  ];
  if (flags.length > 0) {
    lines.push(`# Include folders and compiler flags (from ${from}).`, wrap('CFLAGS +=', flags), ``);
  }
  lines.push(
    `# Target architecture: ${ARCHES.slice(0, 6).join(', ')},`,
    `# ${ARCHES.slice(6).join(', ')}.`,
    `ARCH ?= ${opts.arch}`,
    ``,
    `# natmodgen's Makefile fragment converts the sources for dynruntime.mk; it must`,
    `# come first. \`natmodgen makefile\` prints its path; if natmodgen is not on your`,
    `# PATH (for example when installed in a project), set NATMODGEN_MK to what`,
    `# \`npx natmodgen makefile\` prints.`,
    `ifeq ($(origin NATMODGEN_MK),undefined)`,
    `NATMODGEN_MK := $(shell natmodgen makefile 2>/dev/null)`,
    `endif`,
    `ifeq ($(wildcard $(NATMODGEN_MK)),)`,
    `$(error natmodgen's Makefile fragment was not found: put natmodgen on your PATH (npm install -g natmodgen) or set NATMODGEN_MK, for example: make NATMODGEN_MK=$$(npx natmodgen makefile))`,
    `endif`,
    `include $(NATMODGEN_MK)`,
    ``,
    `include $(MPY_DIR)/py/dynruntime.mk`,
    ``,
  );
  return lines.join('\n');
}

/** `NAME = a b c` on one line when short, otherwise one word a line with continuations. */
function wrap(head: string, words: string[]): string {
  const one = `${head} ${words.join(' ')}`;
  if (words.length <= 1 || one.length <= 78) return one;
  return [`${head} \\`, ...words.map((w, k) => `    ${w}${k < words.length - 1 ? ' \\' : ''}`)].join('\n');
}
